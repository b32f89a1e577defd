"""Which adverse events does a drug cause? Per-term counts of its placebo-controlled trials, pooled.

A trial counts for a drug when `trial_safety` (the same arm matching and roles as efficacy) found the drug
INVESTIGATIONAL against a placebo-type control (placebo, vehicle, sham, the backbone alone) with both sides
complete: per trial, the drug's adverse-event groups are summed against the control's, per term
(`adverse_event_term`, compared as posted with case and spacing normalised) and per organ system, for serious
and for other events. What is missing is never read as zero:
- serious events are posted whatever their frequency, so a serious term absent from a group that posted its
  serious total is 0 of that total's at-risk; a group without that total leaves the trial out of the term;
- other events are posted only above the trial's frequency threshold, so a term absent from a group is unknown
  and the trial is left out of that term's pooling (counted in the metadata), never counted as 0;
- a group with 0 at risk gives no rate: the trial is left out of the term.
An organ system's row counts, per group, the largest count of any one of its terms: a participant with two
hepatobiliary terms is one participant, so the sum would over-count, and the largest term is the count known
for sure (a lower bound of the participants with any term of the system).

Pooled over trials (Mantel-Haenszel, as RevMan computes it):
- risk difference RD = sum((a*n2 - c*n1)/N) / sum(n1*n2/N), its 95% interval from the Greenland-Robins
  variance sum((a*b*n2^3 + c*d*n1^3)/(n1*n2*N^2)) / sum(n1*n2/N)^2; a trial with no event in either arm adds
  its weight at a difference of 0;
- risk ratio RR = sum(a*n2/N) / sum(c*n1/N), its interval from the Greenland-Robins variance of log RR,
  sum(P)/(R*S) with P = (n1*n2*(a+c) - a*c*N)/N^2, R and S the two sums; a trial with no event in either arm
  adds nothing to the ratio (it is still counted in `trials`); no event on one side over all trials leaves the
  ratio undefined (null);
- Cochran's Q over the trials' own risk differences with inverse-variance weights around the pooled RD, and
  I^2 = max(0, (Q - df)/Q); trials whose difference has no variance (no event, or every participant, in both
  arms) are not in Q; fewer than two trials in Q give no Q or I^2.
"""

from itertools import pairwise
from typing import NamedTuple

import polars as pl

from clinical_mining.column_docs import describes
from clinical_mining.step_stats import record, warn
from clinical_mining.steps.mapping.labels import gathered
from clinical_mining.steps.outcomes.arms import require_columns
from clinical_mining.steps.outcomes.safety import Z_95

LEVELS = ("term", "organ_system")
INT32_MAX = 2**31 - 1
LEVEL_ORDER = {LEVELS.index(name): rank for rank, name in enumerate(sorted(LEVELS))}  # as the names sort
LEFT_OUT = (
    "counts impossible (negative, or more affected than at risk)",
    "other term not posted for every group (below the threshold: unknown)",
    "serious term absent from a group without a serious total",
    "a group with 0 at risk",
)
EVENT_COLUMNS = (
    "nct_id",
    "ctgov_group_code",
    "event_type",
    "adverse_event_term",
    "organ_system",
    "subjects_affected",
    "subjects_at_risk",
)
TOTALS_COLUMNS = ("nct_id", "ctgov_group_code", "event_type", "subjects_at_risk")
SAFETY_COLUMNS = ("studyId", "drug_key", "drug_id", "drug_name", "role", "comparator", "drug_groups", "control_groups")
SIGNAL_SCHEMA = {
    "drug_key": pl.String,
    "drug_name": pl.String,
    "drug_id": pl.String,
    "level": pl.String,
    "adverse_event_term": pl.String,
    "organ_system": pl.String,
    "event_type": pl.String,
    "trials": pl.UInt32,
    "affected": pl.Int64,
    "at_risk": pl.Int64,
    "control_affected": pl.Int64,
    "control_at_risk": pl.Int64,
    "risk_difference": pl.Float64,
    "rd_lower": pl.Float64,
    "rd_upper": pl.Float64,
    "risk_ratio": pl.Float64,
    "rr_lower": pl.Float64,
    "rr_upper": pl.Float64,
    "heterogeneity_q": pl.Float64,
    "heterogeneity_i2": pl.Float64,
    "trials_left_out": pl.UInt32,
    "studyIds": pl.List(pl.String),
}
SIGNAL_COLUMNS = {
    "drug_key": "The drug's key: its ChEMBL id when mapped, else its normalised label (as in final_df)",
    "drug_name": "The drug's vocabulary name, else its label",
    "drug_id": "The drug's ChEMBL id, null when unmapped",
    "level": "term (one adverse-event term) or organ_system (every term of the system, see the step's docstring)",
    "adverse_event_term": "The term as posted (case and spacing normalised); null on an organ_system row",
    "organ_system": "The term's organ system as posted (MedDRA system organ class)",
    "event_type": "serious or other",
    "trials": "Placebo-controlled trials pooled for the term",
    "affected": "Participants with the event on the drug, summed over the pooled trials",
    "at_risk": "Participants at risk on the drug",
    "control_affected": "Participants with the event on the control",
    "control_at_risk": "Participants at risk on the control",
    "risk_difference": "Mantel-Haenszel risk difference, drug minus control",
    "rd_lower": "Lower limit of its 95% interval (Greenland-Robins variance)",
    "rd_upper": "Upper limit of its 95% interval",
    "risk_ratio": "Mantel-Haenszel risk ratio; null where no trial has an event on one of the sides",
    "rr_lower": "Lower limit of its 95% interval (Greenland-Robins variance of its log)",
    "rr_upper": "Upper limit of its 95% interval",
    "heterogeneity_q": "Cochran's Q of the trials' risk differences; null with fewer than two informative trials",
    "heterogeneity_i2": "I squared, max(0, (Q - df) / Q)",
    "trials_left_out": "The drug's placebo-controlled trials left out of this term: an 'other' term not posted for"
    " every group (below the trial's threshold: unknown, not 0), or a group without a serious total",
    "studyIds": "The pooled trials, sorted",
}


def _normalised(text: pl.Expr) -> pl.Expr:
    return text.str.strip_chars().str.replace_all(r"\s+", " ").str.to_lowercase()


POOLING_SLICES = 8  # runs of whole keys pooled one after another: each holds its trials' float terms alone


def pooled(trials: pl.LazyFrame, key: str) -> pl.DataFrame:
    """Mantel-Haenszel risk difference and risk ratio with Greenland-Robins intervals, Cochran's Q and I^2, per
    `key`, from one row per trial (`studyId`) and key with a (drug affected), n1 (drug at risk), c and n2 (the
    control's). Q is summed as sum(w*t^2) - 2*RD*sum(w*t) + RD^2*sum(w), w the inverse of each trial's variance.

    A float sum depends on the order of its terms, and a hash grouping adds them in an order of its own: at
    scale 1 the streaming engine's sums differed in their last bits from run to run, and the database reads
    reported_events in id ranges, whose rows come back in no fixed order. So the rows are sorted by key and
    study, and each key's trials are summed as one run in that order (`_pooled_run`): the same figures, to the
    bit, whatever the input's order. The sorted rows are pooled in `POOLING_SLICES` slices of whole keys, so
    that the nine float terms per trial are held for one slice at a time (all at once, 8.7 M trial-keys at scale
    1 raised the step's peak by 0.7 GB)."""
    ordered = _in_trial_order(trials.collect(engine="in-memory"), key)
    keys = ordered[key]
    cuts = {0, ordered.height}
    for slice_ in range(1, POOLING_SLICES):
        position = ordered.height * slice_ // POOLING_SLICES
        if position < ordered.height:  # the first row of the key found there: no key is split
            cuts.add(int(keys.search_sorted(keys[position], side="left")))
    runs = [(start, end - start) for start, end in pairwise(sorted(cuts)) if end > start] or [(0, 0)]
    return pl.concat([_pooled_run(ordered.slice(start, length), key) for start, length in runs])


def _in_trial_order(trials: pl.DataFrame, key: str) -> pl.DataFrame:
    """`trials` sorted by key and study. An unsigned key and a study held as an Enum that fit 64 bits together,
    neither null anywhere (a null would make the packed value null and sort apart from its key), are sorted as
    one integer (8.7 M trial-keys at scale 1: 0.37 s against 0.67 s on the two columns)."""
    study = trials["studyId"]
    packable = trials[key].dtype.is_unsigned_integer() and isinstance(study.dtype, pl.Enum)
    if packable and trials.height and not (trials[key].null_count() or study.null_count()):
        order: PackedKeys = {
            key: (int(trials[key].max() or 0), trials[key].dtype),
            "studyId": (len(study.dtype.categories), pl.UInt32),
        }
        if sum(_key_bits(order).values()) <= 64:
            return trials.sort(_packed(order))
    return trials.sort(key, "studyId")


def _pooled_run(ordered: pl.DataFrame, key: str) -> pl.DataFrame:
    """`pooled` of rows sorted by key and study: the key flagged sorted, the in-memory engine groups each key's
    rows as one slice and sums it in the rows' order. The trials' list is gathered by a grouping of its own:
    beside the sums, a list aggregation took the whole grouping off Polars' fast path (at the registry's size
    2.3 s and 2.7 GB against 1.1 s and 1.0 GB)."""
    ordered = ordered.with_columns(pl.col(key).set_sorted())
    a, n1, c, n2 = (pl.col(name).cast(pl.Float64) for name in ("a", "n1", "c", "n2"))
    n = n1 + n2
    b, d = n1 - a, n2 - c
    variance = a * b / n1**3 + c * d / n2**3
    inverse = pl.when(variance > 0).then(1 / variance)
    difference = a / n1 - c / n2
    per_trial = ordered.lazy().with_columns(
        _w=n1 * n2 / n,
        _rd_num=(a * n2 - c * n1) / n,
        _rd_var_num=(a * b * n2**3 + c * d * n1**3) / (n1 * n2 * n**2),
        _r=a * n2 / n,
        _s=c * n1 / n,
        _p=(n1 * n2 * (a + c) - a * c * n) / n**2,
        _iw=inverse,
        _iwt=inverse * difference,
        _iwt2=inverse * difference**2,
    )
    summed = per_trial.group_by(key, maintain_order=True).agg(
        *(pl.col(name).sum() for name in ("_w", "_rd_num", "_rd_var_num", "_r", "_s", "_p", "_iw", "_iwt", "_iwt2")),
        trials=pl.len().cast(pl.UInt32),
        affected=pl.col("a").cast(pl.Int64).sum(),
        at_risk=pl.col("n1").cast(pl.Int64).sum(),
        control_affected=pl.col("c").cast(pl.Int64).sum(),
        control_at_risk=pl.col("n2").cast(pl.Int64).sum(),
        _k=pl.col("_iw").count(),
    )
    # the rows are sorted by key and study: a study's first row of its key starts a run, and the runs in order
    # are the key's distinct studies, sorted (a `unique` on the Enum took as long as the whole run)
    first_of_study = (
        (pl.int_range(pl.len()) == 0)
        | pl.col(key).ne_missing(pl.col(key).shift())
        | pl.col("studyId").ne_missing(pl.col("studyId").shift())
    )
    studies = (
        ordered.lazy()
        .select(key, "studyId")
        .filter(first_of_study)
        .group_by(key, maintain_order=True)
        .agg(studyIds="studyId")
    )
    defined = (pl.col("_r") > 0) & (pl.col("_s") > 0)
    rd = pl.col("risk_difference")
    q = pl.col("_iwt2") - 2 * rd * pl.col("_iwt") + rd**2 * pl.col("_iw")
    # both groupings keep the keys in the rows' order: their rows are the same keys, side by side
    summed, studies = pl.collect_all([summed, studies], engine="in-memory")
    if not summed[key].equals(studies[key]):
        raise RuntimeError("safety_signals (a bug): the pooled sums and the trials' lists are not of the same keys")
    return (
        summed.hstack([studies["studyIds"]])
        .lazy()
        .with_columns(
            risk_difference=pl.col("_rd_num") / pl.col("_w"),
            _rd_se=pl.col("_rd_var_num").sqrt() / pl.col("_w"),
            risk_ratio=pl.when(defined).then(pl.col("_r") / pl.col("_s")),
            _log_se=pl.when(defined).then((pl.col("_p") / (pl.col("_r") * pl.col("_s"))).sqrt()),
        )
        .with_columns(
            rd_lower=rd - Z_95 * pl.col("_rd_se"),
            rd_upper=rd + Z_95 * pl.col("_rd_se"),
            rr_lower=pl.col("risk_ratio") * (-Z_95 * pl.col("_log_se")).exp(),
            rr_upper=pl.col("risk_ratio") * (Z_95 * pl.col("_log_se")).exp(),
            heterogeneity_q=pl.when(pl.col("_k") >= 2).then(q.clip(lower_bound=0)),
        )
        .with_columns(
            heterogeneity_i2=pl.when(pl.col("heterogeneity_q") > 0)
            .then(((pl.col("heterogeneity_q") - (pl.col("_k") - 1)) / pl.col("heterogeneity_q")).clip(lower_bound=0))
            .when(pl.col("heterogeneity_q").is_not_null())
            .then(pl.lit(0.0))
        )
        .collect(engine="in-memory")
    )


class TermCounts(NamedTuple):
    """What the pooling reads, on integer codes: per (trial, serious, level, code) the summed sides or the reason
    it is left out (`counted`); the codes' keys and names (`keys`); how many event rows hold impossible counts
    (`impossible_rows`: the rows themselves are not kept past the counting); the placebo-controlled trials,
    numbered (`compared`)."""

    counted: pl.DataFrame
    keys: pl.DataFrame
    impossible_rows: int
    compared: pl.DataFrame

    def named(self) -> pl.DataFrame:
        """`counted` with the study, drug, event type, level, key and reason spelled out (for reading)."""
        return (
            self.counted.join(self.keys, on=["level", "code"], how="left")
            .join(self.compared.select("trial", "studyId", "drug_key"), on="trial")
            .with_columns(_spelled())
        )


def term_counts(
    reported_events: pl.LazyFrame, reported_event_totals: pl.LazyFrame, trial_safety: pl.LazyFrame
) -> TermCounts:
    """Per (trial, drug, event type, term or organ system): the drug's groups summed against the control's, for
    the drug's placebo-controlled trials, with what is missing left out (see the module's docstring).

    The work is proportional to the rows posted, not to terms times groups: a group that did not post a serious
    term is accounted for by its side's serious total (0 affected of it), and an "other" term is complete only
    where every group of both sides posted it, which a count of posted groups against the side's groups says.
    Groups, trials and keys are numbered first, so the millions of rows are grouped and joined on integers."""
    require_columns(reported_events, "reported_events", EVENT_COLUMNS, "safety_signals")
    require_columns(reported_event_totals, "reported_event_totals", TOTALS_COLUMNS, "safety_signals")
    compared = (
        trial_safety.select(*SAFETY_COLUMNS, "sae_affected")
        .filter(
            pl.col("role") == "INVESTIGATIONAL",
            pl.col("comparator") == "PLACEBO",
            pl.col("sae_affected").is_not_null(),
        )
        .collect()
        .with_row_index("trial")
    )
    sides = (
        pl.concat(
            [
                compared.select("trial", "studyId", ctgov_group_code="drug_groups", drug=pl.lit(True)),
                compared.select("trial", "studyId", ctgov_group_code="control_groups", drug=pl.lit(False)),
            ]
        )
        .explode("ctgov_group_code")
        .drop_nulls("ctgov_group_code")
    )
    groups = sides.select(nct_id="studyId", ctgov_group_code="ctgov_group_code").unique().with_row_index("group")
    totals = (
        reported_event_totals.select(TOTALS_COLUMNS)
        .filter(pl.col("event_type") == "serious")
        .join(groups.lazy(), on=["nct_id", "ctgov_group_code"])
        .group_by("group")
        .agg(total=pl.col("subjects_at_risk").cast(pl.Int64).max())
        .collect()
    )
    sides = (
        sides.join(groups, left_on=["studyId", "ctgov_group_code"], right_on=["nct_id", "ctgov_group_code"])
        .join(totals, on="group", how="left")
        .select("trial", "group", "drug", "total")
    )
    side_info = sides.group_by("trial").agg(
        *(
            expression
            for side, suffix in ((pl.col("drug"), "1"), (~pl.col("drug"), "2"))
            for expression in (
                side.sum().alias(f"groups{suffix}"),
                pl.col("total").filter(side).sum().alias(f"total{suffix}"),
                (pl.col("total").is_null() & side).sum().alias(f"untotalled{suffix}"),
                ((pl.col("total") == 0) & side).any().alias(f"zero_total{suffix}"),
            )
        )
    )
    events, terms, systems = _events(reported_events, groups)
    counted = pl.concat(
        [
            _level_counts(events, sides, side_info, "term", "term"),
            _level_counts(events, sides, side_info, "organ_system", "system"),
        ]
    )
    keys = pl.concat(
        [
            terms.select("code", "key", "display", "organ", level=pl.lit(0, pl.UInt8)),
            systems.select("code", "key", "display", "organ", level=pl.lit(1, pl.UInt8)),
        ]
    )
    return TermCounts(counted, keys, int(events["bad"].sum()), compared)


def _spelled() -> list[pl.Expr]:
    """The event type, level and reason of the integer-coded rows, in words."""
    return [
        pl.when("serious").then(pl.lit("serious")).otherwise(pl.lit("other")).alias("event_type"),
        pl.col("level").replace_strict(dict(enumerate(LEVELS)), return_dtype=pl.String),
        pl.col("left_out").replace_strict(dict(enumerate(LEFT_OUT)), default=None, return_dtype=pl.String),
    ]


def _events(reported_events: pl.LazyFrame, groups: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """The rows of the groups the sides hold, numbered by group, with the codes of their term and organ system
    and no text; and the tables of those codes: (code, key, display) of the terms, (code, key, organ) of the
    systems. A key is computed once per distinct spelling (a few thousand) rather than once per row. The file
    is streamed twice, once for its distinct spellings and once for the coded rows, which are held as integers
    (about 20 bytes a row) and grouped by both levels from memory: the text of its millions of rows is never
    held."""
    rows = (
        reported_events.select(EVENT_COLUMNS)
        .filter(pl.col("event_type").is_in(["serious", "other"]))
        .join(groups.lazy(), on=["nct_id", "ctgov_group_code"])
    )
    pairs = rows.select("adverse_event_term", "organ_system").unique().collect(engine="streaming")

    def coded(column: str, label: pl.Expr) -> tuple[pl.DataFrame, pl.DataFrame]:
        spellings = (
            pairs.select(*dict.fromkeys([column, "organ_system"]))
            .unique()
            .drop_nulls(column)
            .with_columns(key=_normalised(pl.col(column)))
        )
        shown = (
            spellings.group_by("key")
            .agg(label.alias("display"), organ=pl.col("organ_system").str.strip_chars().min())
            # numbered in the order the signals are written in: by organ system, then term, nulls last
            .sort(pl.col("organ").is_null(), "organ", pl.col("display").is_null(), "display", "key")
            .with_row_index("code")
        )
        return spellings.join(shown.select("key", "code"), on="key").select(column, "code").unique(), shown

    # the spelling shown: one not in capitals where there is one ("Headache" before "HEADACHE")
    text = pl.col("adverse_event_term").str.strip_chars().str.replace_all(r"\s+", " ")
    term_codes, terms = coded("adverse_event_term", text.sort_by(text.str.contains(r"^[^a-z]*$"), text).first())
    system_codes, systems = coded("organ_system", pl.lit(None, pl.String))
    # each distinct (term, organ system) with both codes: one join of the rows, not one per column
    pair_codes = pairs.join(term_codes.rename({"code": "term"}), on="adverse_event_term", how="left").join(
        system_codes.rename({"code": "system"}), on="organ_system", how="left"
    )
    events = (
        rows.join(pair_codes.lazy(), on=["adverse_event_term", "organ_system"], how="left", nulls_equal=True)
        .select(
            "group",
            "term",
            "system",
            serious=pl.col("event_type") == "serious",
            # a trial's counts fit 32 bits; the sums that pool them are widened
            affected=pl.col("subjects_affected").cast(pl.Int32),
            at_risk=pl.col("subjects_at_risk").cast(pl.Int32),
        )
        .with_columns(
            bad=(
                (pl.col("affected") < 0) | (pl.col("at_risk") < 0) | (pl.col("affected") > pl.col("at_risk"))
            ).fill_null(False)
        )
        .collect(engine="streaming")
    )
    return events, terms, systems


def _level_counts(
    events: pl.DataFrame, sides: pl.DataFrame, side_info: pl.DataFrame, level: str, code: str
) -> pl.DataFrame:
    """Per (trial, event type, code) of one level: a and n1 of the drug's side, c and n2 of the control's, or
    the reason the trial-code is left out."""
    largest_code = int(events[code].max() or 0)
    per_group: PackedKeys = {
        "group": (int(sides["group"].max() or 0), pl.UInt32),
        "serious": (1, pl.Boolean),
        code: (largest_code, pl.UInt32),
    }
    posted = (
        events.lazy()
        .filter(pl.col(code).is_not_null())
        .group_by(_packed(per_group))
        # an organ system: its largest term; a term posted twice in a group: the larger count
        .agg(pl.col("affected").max(), pl.col("at_risk").max(), pl.col("bad").any())
        .with_columns(_unpacked(per_group))
    )
    per_trial: PackedKeys = {
        "trial": (int(side_info["trial"].max() or 0), pl.UInt32),
        "serious": (1, pl.Boolean),
        code: (largest_code, pl.UInt32),
    }
    drug, control = pl.col("drug"), ~pl.col("drug")

    # a side's value of a column, null on the other side: summed without a filtered copy per group
    def side_sum(column: str, side: pl.Expr) -> pl.Expr:
        return pl.when(side).then(pl.col(column).cast(pl.Int64)).sum()

    summed = (
        posted.join(sides.lazy(), on="group")
        .group_by(_packed(per_trial))
        .agg(
            a=side_sum("affected", drug),
            posted_n1=side_sum("at_risk", drug),
            posted_total1=side_sum("total", drug),
            posted_untotalled1=(pl.col("total").is_null() & drug).sum(),
            posted1=drug.sum(),
            c=side_sum("affected", control),
            posted_n2=side_sum("at_risk", control),
            posted_total2=side_sum("total", control),
            posted_untotalled2=(pl.col("total").is_null() & control).sum(),
            posted2=control.sum(),
            bad=pl.col("bad").any(),
            zero=(pl.col("at_risk") == 0).any(),
        )
        .with_columns(_unpacked(per_trial))
        .rename({code: "code"})
        .join(side_info.lazy(), on="trial")
    )
    serious = pl.col("serious")
    everyone_posted = (pl.col("posted1") == pl.col("groups1")) & (pl.col("posted2") == pl.col("groups2"))
    # a serious term a group did not post: 0 of that group's serious total, which must be known
    unknown_total = (pl.col("untotalled1") > pl.col("posted_untotalled1")) | (
        pl.col("untotalled2") > pl.col("posted_untotalled2")
    )
    zero_total = (pl.col("zero_total1") & (pl.col("posted1") < pl.col("groups1"))) | (
        pl.col("zero_total2") & (pl.col("posted2") < pl.col("groups2"))
    )
    sides_counted = {
        "a": pl.col("a"),
        "c": pl.col("c"),
        "n1": pl.when(serious)
        .then(pl.col("posted_n1") + pl.col("total1") - pl.col("posted_total1"))
        .otherwise("posted_n1"),
        "n2": pl.when(serious)
        .then(pl.col("posted_n2") + pl.col("total2") - pl.col("posted_total2"))
        .otherwise("posted_n2"),
    }
    # a real trial's side fits 32 bits (its participants): held so on millions of rows and widened where pooled;
    # a count beyond them is an impossible count, left out as one, never a failed step
    too_large = pl.any_horizontal(count.abs() > INT32_MAX for count in sides_counted.values()).fill_null(False)
    return summed.select(
        "trial",
        "serious",
        "code",
        *(count.cast(pl.Int32, strict=False).alias(name) for name, count in sides_counted.items()),
        # the reason a trial-key is left out, as its index in LEFT_OUT (a small integer on millions of rows)
        left_out=pl.when(pl.col("bad") | too_large)
        .then(pl.lit(0, pl.UInt8))
        .when(~serious & ~everyone_posted)
        .then(pl.lit(1, pl.UInt8))
        .when(serious & ~everyone_posted & unknown_total)
        .then(pl.lit(2, pl.UInt8))
        .when(pl.col("zero") | (serious & zero_total))
        .then(pl.lit(3, pl.UInt8)),
        level=pl.lit(LEVELS.index(level), pl.UInt8),
    ).collect()


@describes(SIGNAL_COLUMNS)
def safety_signals(
    reported_events: pl.LazyFrame,
    reported_event_totals: pl.LazyFrame,
    trial_safety: pl.LazyFrame,
    result_group_arms: pl.LazyFrame | None = None,
    top: int = 25,
) -> pl.DataFrame:
    """One row per (drug, adverse-event term or organ system, event type) pooled over the drug's
    placebo-controlled trials (see the module's docstring). Only the columns used are read, lazily. The
    metadata shows the top `top` signals by pooled risk difference among those with at least two trials, and
    the trials used and left out by reason."""
    counted, keys, impossible_rows, compared = term_counts(reported_events, reported_event_totals, trial_safety)
    # pooled on integers: the drugs numbered in the order of their keys, the studies as an Enum of the sorted ids
    # (its lists sort as the ids do and are spelled by a cast), the names attached to the pooled rows
    drugs = (
        compared.group_by("drug_key")
        .agg(pl.col("drug_id").min(), pl.col("drug_name").min())
        .sort("drug_key")
        .with_row_index("drug")
    )
    study_enum = pl.Enum(compared["studyId"].drop_nulls().unique().sort())
    # a trial without a study id (never in AACT) is pooled nowhere, as the join on the studies did before
    trials = compared.filter(pl.col("studyId").is_not_null()).join(drugs.select("drug_key", "drug"), on="drug_key")
    # packed as the rows are written in: the drug, the event type ("other" first), the level in the order of its
    # name, the key's code (numbered by organ system and term, `_events`), so that the pooled rows come out in
    # that order: sorting the 2.6 M signals afterwards took 0.3 s at scale 1
    group_keys: PackedKeys = {
        "drug": (drugs.height, pl.UInt32),
        "serious": (1, pl.Boolean),
        "_level_order": (len(LEVELS) - 1, pl.UInt8),
        "code": (int(keys["code"].max() or 0), pl.UInt32),
    }
    numbered = (
        counted.lazy()
        .join(trials.lazy().select("trial", "drug", pl.col("studyId").cast(study_enum)), on="trial")
        .with_columns(_level_order=pl.col("level").replace_strict(LEVEL_ORDER, return_dtype=pl.UInt8))
        .select(_packed(group_keys), "studyId", "a", "n1", "c", "n2", "level", "left_out")
        .collect()
    )
    del counted
    # the left-out trial-keys are only counted (per key, and per level and reason)
    left_out = numbered.lazy().filter(pl.col("left_out").is_not_null())
    left_out_per_key, left_out_per_reason = pl.collect_all(
        [
            left_out.group_by("_key").agg(trials_left_out=pl.len().cast(pl.UInt32)),
            left_out.group_by("level", "left_out").agg(trials=pl.len()),
        ]
    )
    included = numbered.filter(pl.col("left_out").is_null()).drop("level", "left_out")
    del numbered
    summed = pooled(included.lazy(), "_key").with_columns(_unpacked(group_keys))
    studies_pooled = included["studyId"].n_unique()
    del included
    # each pooled row takes its key's fields and its drug's by position, without a join: a level's codes number
    # its keys from 0 (`_events`), so a key's row among the keys sorted by level and code is the code past the
    # first row of its level; the drugs are numbered in their rows' order
    summed = summed.with_columns(
        level=pl.col("_level_order").replace_strict(
            {order: level for level, order in LEVEL_ORDER.items()}, return_dtype=pl.UInt8
        )
    )
    keys = keys.sort("level", "code")
    key_rows = keys["level"].search_sorted(summed["level"], side="left").cast(pl.UInt32) + summed["code"]
    summed = summed.hstack(gathered(keys.select("display", "organ"), key_rows)).hstack(
        gathered(drugs.select("drug_key", "drug_id", "drug_name"), summed["drug"])
    )
    term = pl.when(pl.col("level") == 0).then("display")
    result = (
        summed.lazy()
        .join(left_out_per_key.lazy(), on="_key", how="left", maintain_order="left")
        .with_columns(
            pl.col("trials_left_out").fill_null(0),
            *_spelled()[:2],
            adverse_event_term=term,
            organ_system="organ",
            drug_name=pl.coalesce("drug_name", "drug_key"),
        )
        .select(SIGNAL_SCHEMA.keys())
        .cast(SIGNAL_SCHEMA)
        .collect(engine="in-memory")
    )
    orphans = None
    if result_group_arms is not None:
        known = result_group_arms.filter(pl.col("result_type") == "Reported Event").select("nct_id", "ctgov_group_code")
        orphans = (
            reported_events.select("nct_id", "ctgov_group_code")
            .join(compared.lazy().select(nct_id="studyId").unique(), on="nct_id", how="semi")
            .join(known, on=["nct_id", "ctgov_group_code"], how="anti")
            .select(pl.len())
            .collect(engine="streaming")
            .item()
        )
    _report(result, compared, studies_pooled, left_out_per_reason, impossible_rows, orphans, top)
    return result


# grouping keys to pack: name -> (its largest value, its type to unpack to)
PackedKeys = dict[str, tuple[int, pl.DataType]]


def _key_bits(keys: PackedKeys) -> dict[str, int]:
    """The bits each key takes in the packed UInt64 (`_packed` refuses keys whose sum passes 64)."""
    return {name: max(int(largest).bit_length(), 1) for name, (largest, _) in keys.items()}


def _packed(keys: PackedKeys) -> pl.Expr:
    """The integer (or Enum: its position) columns of `keys` packed into one UInt64 `_key`, the first in the
    highest bits: the millions of rows are grouped or sorted by one integer, where several keys took Polars twice
    as long (and a list aggregation beside them off its fast path)."""
    bits = _key_bits(keys)
    if sum(bits.values()) > 64:
        raise ValueError(f"safety_signals: grouping keys of {sum(bits.values())} bits, more than 64: {bits}")
    key = pl.lit(0, pl.UInt64)
    for name, width in bits.items():
        key = key * pl.lit(1 << width, pl.UInt64) + pl.col(name).to_physical().cast(pl.UInt64)
    return key.alias("_key")


def _unpacked(keys: PackedKeys) -> list[pl.Expr]:
    """The columns `_packed` put into `_key`, each cast back to its type."""
    shift = 0
    columns = []
    for name, width in reversed(_key_bits(keys).items()):
        value = (pl.col("_key") // pl.lit(1 << shift, pl.UInt64)) % pl.lit(1 << width, pl.UInt64)
        columns.append(value.cast(keys[name][1]).alias(name))
        shift += width
    return columns


def _report(
    result: pl.DataFrame,
    compared: pl.DataFrame,
    studies_pooled: int,
    left_out_per_reason: pl.DataFrame,
    impossible_rows: int,
    orphans: int | None,
    top: int,
) -> None:
    """The asset's metadata: trials used and left out by reason, bad rows, and the top signals as a table."""
    record("trials/placebo_controlled", compared.select("studyId", "drug_key").n_unique())
    record("trials/pooled_in_some_term", studies_pooled)
    for level, reason, trials in left_out_per_reason.iter_rows():
        record(f"left_out/{LEVELS[level]}/{LEFT_OUT[reason]}", trials)
    record("event_rows/impossible_counts", impossible_rows)
    if orphans is not None:
        record("event_rows/pointing_at_no_result_group", orphans)
    record("signals", result.height)
    leaders = (
        result.filter(pl.col("trials") >= 2, pl.col("level") == "term")
        .sort("risk_difference", descending=True, nulls_last=True)
        .head(top)
        .select(
            "drug_name",
            "adverse_event_term",
            "event_type",
            "trials",
            pl.format("{}/{}", "affected", "at_risk").alias("drug"),
            pl.format("{}/{}", "control_affected", "control_at_risk").alias("control"),
            pl.col("risk_difference", "rd_lower", "rd_upper", "risk_ratio").round(4),
        )
    )
    record("top_signals", leaders)
    if compared.height and result.height == 0:
        warn("placebo-controlled trials were found but no adverse-event term could be pooled")
