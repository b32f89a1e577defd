"""Which drugs each result group of a trial received: arms with their mapped drugs, and result groups matched to arms.

AACT has no key from a result group (the columns of posted results, adverse events) to an arm (a design group),
and result group titles differ from arm titles ("CZP 200 mg Q2W (FAS)" against "Certolizumab Pegol 200 mg
Q2W"). A group is matched to an arm by, in turn: its title equal to one arm's title; placebo words in it
(placebo, vehicle, sham, saline, no intervention: they win over a drug name, since "ACU-D1 Ointment Vehicle"
is the control; "placebo-controlled" names the design, not the group) to the one control arm whose drugs it
names; the drugs it names (by intervention names, their other names and vocabulary names) to the one arm
holding most of them, ties broken by the doses written in both titles. Crossover and switch groups ("Placebo->OL
CZP", "Placebo to Tadalafil 5 mg" between two arms' titles) are left out; a group no rule settles stays
unmatched and is counted, never guessed. Efficacy and safety both read groups through `result_group_arms`.
"""

from collections.abc import Callable

import polars as pl

from clinical_mining.column_docs import describes
from clinical_mining.errors import InputError
from clinical_mining.step_stats import record
from clinical_mining.steps.mapping.labels import aligned, clean_drug, id_or_label, normalise, normalised_labels

PLACEBO_WORDS = (
    r"(?i)\b(?:placebos?|vehicle|sham|saline|dummy|sugar pill|no intervention|no treatment|untreated|"
    r"inactive (?:tablet|capsule|comparator))\b"
)
# the design, not the group: "Placebo-controlled Period: Eptinezumab" is the drug's group (NCT04688775)
CONTROLLED_DESIGN = r"(?i)\b(?:placebos?|vehicle|sham|saline)[- ]controlled\b"
CONTROL_TYPES = ("PLACEBO_COMPARATOR", "SHAM_COMPARATOR", "NO_INTERVENTION")
# what else a placebo arm's title says without naming a drug: "Matching Placebo Group", "Placebo (Arm B)"
PLACEBO_FILLER = (
    r"(?i)\b(?:matching|matched|group|arm|cohort|comparator|control|tablets?|capsules?|injections?|oral|"
    r"identical|only|alone|[a-z])\b|[^a-z\s]"
)
CROSSOVER = (
    r"(?i)->|→|=>|>>|\bthen\b|\bfollowed by\b|\bswitch(?:ed|ing)?\b|\bcross-?over\b|\bto OL\b|/OL\b|"
    r"\bopen[- ]label extension\b|\brollover\b"
)
# a group of participants already counted in another column: a total, pooled arms, an open-label extension
POOLED = (
    r"(?i)^\s*(?:total|overall|all (?:participants|patients|subjects|randomi[sz]ed\w*|treated\w*|groups|arms|"
    r"cohorts|doses)|pooled|combined|both (?:arms|groups))\b|\b(?:pooled|combined|all doses|total)\s*$"
)
OPEN_LABEL = (
    r"(?i)\b(?:OL|OLE|open[- ]label|extension|rollover|roll-over|safety follow[- ]up|SFE|long[- ]term follow[- ]up)\b"
)
COMBINED = r"(?i)\+|&|/|\b(?:and|with|plus)\b"
# after the randomised treatment: the same participants again, even in a group titled as its arm after the
# parentheses are set aside ("Tadalafil (Extension Phase)", NCT01352507; "Placebo - Post Treatment Phase",
# NCT02397473)
LATER_PHASE = (
    r"(?i)\b(?:extension|OLE|rollover|roll-over|(?:safety|long[- ]term) follow[- ]up|follow[- ]up (?:phase|period)|"
    r"post[- ]?treatment)\b"
)
# before randomisation: every participant of the randomised arms again ("5 mg Tadalafil, Lead-in Period",
# NCT01160289; "Screen - BNSRP", NCT01026818)
BEFORE_RANDOMISATION = r"(?i)\b(?:lead[- ]?in|run[- ]?in|screen|screening|pre-?randomi[sz]ation)\b"
# an arm that stops a drug: "Stopped cotrimoxazole prophylaxis", "Discontinuation of ...", "Treatment withdrawal"
WITHDRAWAL = (
    r"(?i)\b(?:stop|stopped|stopping|discontinu\w*|withdraw\w*|withdrawn|cessation|interrupt\w*|"
    r"taper\w*|de-?escalat\w*)\b"
)
MIN_LABEL_CHARS = 3  # a drug label shorter than this ("A", "X") is not looked for in titles
DOSE_NUMBERS = r"\d+(?:\.\d+)?"

ARM_SCHEMA = {
    "nct_id": pl.String,
    "design_group_id": pl.Int64,
    "group_type": pl.String,
    "arm_title": pl.String,
    "control": pl.Boolean,
    "drug_keys": pl.List(pl.String),
    "sequence": pl.Boolean,  # an order of treatments (a crossover sequence), not a treatment
    "treatment": pl.Boolean,  # one treatment of a crossover or armless study (see `treatment_arms`)
    "placebo_given": pl.Boolean,  # a placebo intervention is linked to the arm (beside its drugs or not)
}
MATCH_METHODS = (
    "title",
    "placebo",
    "drug",
    "drug_dose",
    "drug_alone",
    "single_arm",
    "last_arm",
    "crossover",
    "pooled",
    "extension",
    "unmatched",
)
# an arm that is an order of treatments, not a treatment: "Sequence 1: Eptinezumab Then Placebo", "AB", "T/S"
SEQUENCE = r"(?i)\bsequence\b|\bthen\b|->|→|\bfollowed by\b|\bperiod\b"


class ResultsInputError(InputError):
    """A results table without a column the efficacy or safety steps read."""


def require_columns(frame: pl.LazyFrame, table: str, columns: tuple[str, ...], reader: str) -> None:
    """Fail naming the AACT table, its missing columns and the config key that adds them."""
    present = frame.collect_schema().names()
    if missing := [column for column in columns if column not in present]:
        raise ResultsInputError(
            f"AACT table {table} lacks column(s) {', '.join(missing)} that {reader} read(s) (it has:"
            f" {', '.join(present)}); add them to sources.aact.tables.{table}.columns"
        )


def _spaced(text: pl.Expr) -> pl.Expr:
    return pl.lit(" ") + normalise(text) + pl.lit(" ")


def _spaced_labels(labels: pl.Series, transform: Callable[[pl.Expr], pl.Expr] = normalise) -> pl.Series:
    return " " + normalised_labels(labels, transform) + " "


def intervention_drugs(evidence: pl.LazyFrame, studies: pl.LazyFrame | None = None) -> pl.DataFrame:
    """(nct_id, intervention_id, drug_key, drug_id, drug_name, label, whole_label) of each AACT intervention of
    `studies` (a frame of nct_id: those that posted results, a tenth of the registry; None: every study) that the
    mapping kept, one row per drug (a combination gives one per component), with the ids `evidence` holds: no
    second mapping. A drug's key is its id when mapped, else its normalised label, as in `final_df`."""
    rows = evidence.filter(pl.col("source") == "AACT", pl.col("intervention_id").is_not_null())
    if studies is not None:
        rows = rows.join(studies.select(studyId="nct_id").unique(), on="studyId", how="semi")
    rows = (
        rows.select(
            nct_id="studyId",
            intervention_id="intervention_id",
            drug_id="drug_id",
            drug_name=pl.coalesce("drug_vocabulary_name", "drug_name"),
            label="drug_name",
            whole_label=pl.coalesce("combination_label", "drug_name"),
        )
        .unique()  # an intervention has a row per condition: its words are read once
        .filter(~pl.col("drug_name").str.contains(PLACEBO_WORDS).fill_null(False))
        .sort("nct_id", "intervention_id", "label")
        .collect()
    )
    return rows.with_columns(drug_key=id_or_label(rows["drug_id"], rows["label"]))


def study_drugs(drugs: pl.DataFrame) -> pl.DataFrame:
    """Each study's drugs by key: (nct_id, drug_key, drug_id, drug_name), one row per drug."""
    return (
        drugs.group_by("nct_id", "drug_key")
        .agg(pl.col("drug_id").min(), pl.col("drug_name").min())
        .sort("nct_id", "drug_key")
    )


def _drug_labels(drugs: pl.DataFrame, other_names: pl.LazyFrame | None) -> pl.DataFrame:
    """(nct_id, drug_key, spaced label) of every way a study writes each of its drugs, for finding them in text:
    its label, the whole combination label, the vocabulary name, other names (all normalised in one pass over
    their distinct values), and the label without dose and form. In no particular order: readers aggregate."""
    written = [drugs.select("nct_id", "drug_key", raw=column) for column in ("label", "whole_label", "drug_name")]
    if other_names is not None:
        written.append(
            drugs.lazy()
            .select("nct_id", "intervention_id", "drug_key")
            .join(other_names.select("intervention_id", raw="name"), on="intervention_id")
            .select("nct_id", "drug_key", "raw")
            .collect()
        )
    raw = pl.concat(written, how="vertical_relaxed").unique()
    names = [
        raw.select("nct_id", "drug_key", label=_spaced_labels(raw["raw"])),
        drugs.select("nct_id", "drug_key", label=_spaced_labels(drugs["label"], clean_drug)),
    ]
    return pl.concat(names).filter(pl.col("label").str.len_chars() >= MIN_LABEL_CHARS + 2).unique()


def _named_drugs(texts: pl.LazyFrame, key: str, labels: pl.DataFrame) -> pl.LazyFrame:
    """(key, drug_keys) of the study's drugs named as whole words in each text. A name found only inside a longer
    name found in the same text is not counted: "Arm A: ABC+3TC+NNRTI" names that regimen, not the "ABC+3TC" of
    another arm."""
    found = (
        texts.join(labels.lazy(), on="nct_id")
        .filter(pl.col("text").str.contains(pl.col("label"), literal=True))
        .select(key, "drug_key", "label")
    )
    inside = (
        found.join(found.select(key, longer="label"), on=key)
        .filter(pl.col("longer").str.contains(pl.col("label"), literal=True), pl.col("longer") != pl.col("label"))
        .select(key, "label")
        .unique()
    )
    return (
        found.join(inside, on=[key, "label"], how="anti")
        .group_by(key)
        .agg(pl.col("drug_key").unique().sort().alias("named"))
    )


def study_arms(
    design_groups: pl.LazyFrame,
    design_group_interventions: pl.LazyFrame,
    interventions: pl.LazyFrame,
    studies: pl.LazyFrame,
    drugs: pl.DataFrame,
    labels: pl.DataFrame,
) -> pl.DataFrame:
    """Each arm of `studies` (a frame of nct_id) with its drugs (mapped keys of its interventions; only when AACT linked
    no intervention to it, the drugs its title names) and whether it is a control: typed placebo, sham or no
    intervention, or holding no drug and titled with placebo words or given a placebo intervention, whatever its
    type says."""
    studies = studies.select("nct_id").unique()
    arms = design_groups.join(studies, on="nct_id", how="semi").select(
        "nct_id", design_group_id="id", group_type="group_type", arm_title="title"
    )
    links = design_group_interventions.join(studies, on="nct_id", how="semi").select(
        "design_group_id", "intervention_id"
    )
    linked = (
        links.join(drugs.lazy().select("intervention_id", "drug_key"), on="intervention_id", how="left")
        .group_by("design_group_id")
        .agg(pl.col("drug_key").drop_nulls().unique().sort().alias("linked"))
    )
    placebo_interventions = (
        links.join(
            interventions.join(studies, on="nct_id", how="semi").select(intervention_id="id", name="name"),
            on="intervention_id",
        )
        .filter(pl.col("name").str.contains(PLACEBO_WORDS).fill_null(False))
        .select("design_group_id")
        .unique()
        .with_columns(has_placebo=pl.lit(True))
    )
    # the title is read only for an arm AACT linked no intervention to (the linked drugs win where there are any);
    # a placebo arm titled with nothing but placebo words ("Placebo", "Matching placebo group") holds no drug:
    # AACT links it the drug a placebo matches when the drug's arm labels name it
    unlinked = arms.join(links.select("design_group_id").unique(), on="design_group_id", how="anti")
    named = _named_drugs(
        unlinked.select("nct_id", "design_group_id", text=_spaced(pl.col("arm_title"))), "design_group_id", labels
    )
    placebo_titled = pl.col("arm_title").str.contains(PLACEBO_WORDS).fill_null(False)
    placebo_only = _placebo_only(pl.col("arm_title"))
    result = (
        arms.join(linked, on="design_group_id", how="left")
        .join(named, on="design_group_id", how="left")
        .join(placebo_interventions, on="design_group_id", how="left")
        .with_columns(linked=pl.when(placebo_only).then(pl.lit([], pl.List(pl.String))).otherwise("linked"))
        .with_columns(drug_keys=pl.coalesce("linked", "named", pl.lit([], pl.List(pl.String))))
        .with_columns(
            control=pl.col("group_type").is_in(CONTROL_TYPES)
            | (placebo_titled & (pl.col("drug_keys").list.len() == 0))
            | (pl.col("has_placebo").fill_null(False) & (pl.col("drug_keys").list.len() == 0))
        )
        .with_columns(
            sequence=pl.col("arm_title").str.contains(SEQUENCE).fill_null(False),
            treatment=pl.lit(False),
            placebo_given=pl.col("has_placebo").fill_null(False),
        )
        .select(ARM_SCHEMA.keys())
        .sort("nct_id", "design_group_id")
        .collect()
    )
    return result.cast(ARM_SCHEMA)


def treatment_arms(arms: pl.DataFrame, drugs: pl.DataFrame, studies: pl.LazyFrame) -> pl.DataFrame:
    """For a crossover study whose arms are treatment sequences, or a legacy record without arms, one arm per
    treatment: each drug of the study alone, and a placebo arm. Their results are posted per treatment period
    ("Eptinezumab", "Placebo"), which no sequence arm can hold; the name rules match them to these. Their ids are
    negative (no design group has them), and the study's real arms are kept for the groups titled as they are.

    A study whose every arm is given a placebo beside its drugs, none of them a control, gets the placebo arm
    alone: its placebo is a period within each arm ("SOM230 1.5 mg" then placebo, NCT02619617), whose group
    ("Placebo s.c.") no real arm can hold. Its drugs' groups still go to the real arms; in a double-dummy design,
    where no group is titled as a placebo, that arm stays unused."""
    with_results = studies.select("nct_id").unique().collect()
    sequence_only = arms.group_by("nct_id").agg(sequence=pl.col("sequence").all()).filter("sequence").select("nct_id")
    armless = with_results.join(arms.select("nct_id").unique(), on="nct_id", how="anti")
    targets = pl.concat([sequence_only, armless]).unique()
    within = (
        arms.group_by("nct_id")
        .agg(
            within=(pl.col("placebo_given") & ~pl.col("control") & (pl.col("drug_keys").list.len() > 0)).all(),
        )
        .filter("within")
        .select("nct_id")
    )
    per_drug = drugs.join(targets, on="nct_id").select("nct_id", "drug_key").unique()
    treatments = pl.concat(
        [
            per_drug.select(
                "nct_id",
                group_type=pl.lit("EXPERIMENTAL"),
                arm_title="drug_key",
                control=pl.lit(False),
                drug_keys=pl.concat_list("drug_key"),
            ),
            pl.concat([per_drug.select("nct_id"), within])
            .unique()
            .select(
                "nct_id",
                group_type=pl.lit("PLACEBO_COMPARATOR"),
                arm_title=pl.lit("Placebo"),
                control=pl.lit(True),
                drug_keys=pl.lit([], pl.List(pl.String)),
            ),
        ]
    ).sort("nct_id", "arm_title")
    ids = -pl.int_range(1, treatments.height + 1, dtype=pl.Int64)
    # the placebo period of a study giving a placebo within every arm says so (`placebo_given`): it takes only
    # groups titled as a placebo alone (`_match_distinct`)
    period = pl.col("nct_id").is_in(within["nct_id"].implode()) & ~pl.col("nct_id").is_in(per_drug["nct_id"].implode())
    return treatments.with_columns(
        design_group_id=ids,
        sequence=pl.lit(False),
        treatment=pl.lit(True),
        placebo_given=period & pl.col("control"),
    ).select(arms.columns)


def _composed(groups: pl.DataFrame) -> pl.Series:
    """Whether each group's title joins two or more other groups' titles of its module ("Migraine + Cluster
    Headache" beside "Migraine" and "Cluster Headache"): a pooled column repeating their participants. Only
    titles with a joining sign are split; each part is looked up among the module's titles (`title_key`)."""
    joining = r"\s*(?:\+|&|/|,|\band\b)\s*"
    parts = (
        groups.lazy()
        # the titles a joining sign (or a "|" of their own) splits in two or more parts, a few percent of them
        .filter(pl.col("group_title").str.contains(joining + r"|\|"))
        .select(
            "result_group_id",
            "nct_id",
            "result_type",
            part=pl.col("group_title").str.replace_all(joining, "|").str.split("|"),
        )
        .explode("part")
        .with_columns(part=_title_key(pl.col("part")))
        .filter(pl.col("part") != "")
    )
    titles = groups.lazy().select("nct_id", "result_type", part="title_key").unique().with_columns(known=pl.lit(True))
    composed = (
        parts.join(titles, on=["nct_id", "result_type", "part"], how="left")
        .group_by("result_group_id")
        .agg(parts=pl.len(), known=pl.col("known").is_not_null().all())
        .filter(pl.col("parts") >= 2, "known")
        .collect()
    )
    return groups["result_group_id"].is_in(composed["result_group_id"].implode())


def _title_key(title: pl.Expr) -> pl.Expr:
    """A title as compared with another: without parentheses ("(FAS)", "(N=120)"), normalised."""
    return normalise(title.str.replace_all(r"\([^)]*\)", " "))


def _numbers(text: pl.Expr) -> pl.Expr:
    return text.str.extract_all(DOSE_NUMBERS).list.unique().list.sort()


def _says_placebo(text: pl.Expr) -> pl.Expr:
    """Whether a group's text names a placebo-type control (`PLACEBO_WORDS`) other than in the name of the
    design ("Placebo-controlled Period: Eptinezumab"): each name of the design holds one placebo word, so there
    are more placebo words than names of the design. Counted, not rewritten: the descriptions are long."""
    return (text.str.count_matches(PLACEBO_WORDS) > text.str.count_matches(CONTROLLED_DESIGN)).fill_null(False)


def _placebo_only(title: pl.Expr) -> pl.Expr:
    """Whether a title says nothing but placebo words and filler ("Matching Placebo Group", "Placebo s.c.")."""
    return title.str.contains(PLACEBO_WORDS).fill_null(False) & (
        title.str.replace_all(PLACEBO_WORDS, " ").str.replace_all(PLACEBO_FILLER, " ").str.strip_chars() == ""
    )


def _switches(groups: pl.DataFrame, arms: pl.DataFrame, arm_keys: pl.LazyFrame) -> pl.Series:
    """Whether each group is titled "A to B" with A and B both titles of its study's arms (`arm_keys`), beside a
    group of its module that is A's own ("Placebo to Tadalafil 5 mg" beside "Placebo", NCT00833638; "Delayed
    Start Period: Eptinezumab to Placebo" beside "Placebo-controlled Period: Eptinezumab", NCT04688775): the
    participants of arm A again, in a later period after a switch. Not a switch: a dose titration ("Mirabegron
    25 mg to 50 mg": no arm's title after its "to"), any "A to B" group of a study that registers an arm titled
    so ("Mirabegron 25 mg titrated to 50 mg"), or a randomised withdrawal's arms ("Tofacitinib to Placebo" with
    no group of its own for tofacitinib before the switch)."""

    def core(title: pl.Expr) -> pl.Expr:  # without a leading "Delayed Start Period:"
        return title.str.replace(r"^[^:]*:\s*", "")

    registered = arms.filter(pl.col("arm_title").str.contains(r"(?i)\sto\s|titrat").fill_null(False))
    parts = (
        groups.lazy()
        .filter(pl.col("group_title").str.contains(r"(?i)\sto\s"))
        .join(registered.lazy().select("nct_id").unique(), on="nct_id", how="anti")
        .select(
            "nct_id",
            "result_type",
            "result_group_id",
            part=core(pl.col("group_title")).str.replace_all(r"(?i)\s+to\s+", "\x00").str.split("\x00"),
        )
        .filter(pl.col("part").list.len() == 2)
        .with_columns(before=_title_key(pl.col("part").list.first()))
        .explode("part")
        .with_columns(arm_key=_title_key(pl.col("part")))
    )
    own_groups = groups.lazy().select("nct_id", "result_type", before=_title_key(core(pl.col("group_title")))).unique()
    switched = (
        parts.join(arm_keys.select("nct_id", "arm_key").unique(), on=["nct_id", "arm_key"], how="semi")
        .join(own_groups, on=["nct_id", "result_type", "before"], how="semi")
        .group_by("result_group_id")
        .agg(sides=pl.len())
        .filter(pl.col("sides") == 2)
        .collect()
    )
    return groups["result_group_id"].is_in(switched["result_group_id"].implode())


def match_result_groups(result_groups: pl.LazyFrame, arms: pl.DataFrame, labels: pl.LazyFrame) -> pl.DataFrame:
    """Every result group with the arm it is matched to (or none), how, and that arm's drugs and control flag.

    Every rule reads a group's study, module, title and description only, and the registry repeats a module's
    groups (each outcome lists its groups again: five to ten times as many Outcome groups as arms), so each
    distinct group is matched once, by the group of least id that has it, and the others take its match."""
    posted = (
        result_groups.select(
            "nct_id",
            result_group_id="id",
            ctgov_group_code="ctgov_group_code",
            result_type="result_type",
            group_title="title",
            description="description",
        )
        .with_columns(
            representative=pl.col("result_group_id").min().over("nct_id", "result_type", "group_title", "description")
        )
        .collect()
    )
    distinct = posted.filter(pl.col("result_group_id") == pl.col("representative"))
    matched = _by_last_arm(_match_distinct(distinct, arms, labels), distinct, arms)
    posted = posted.select(
        "nct_id", "result_group_id", "ctgov_group_code", "result_type", "group_title", "representative"
    ).sort("nct_id", "result_group_id")
    match = aligned(posted.select(result_group_id="representative"), ["result_group_id"], matched)
    return posted.drop("representative").hstack(match)


def _group_text() -> pl.Expr:
    """A group's title and description as one text, where its drugs and words are looked for."""
    return pl.concat_str(pl.col("group_title"), pl.col("description"), separator=" ", ignore_nulls=True)


def _withdrawal() -> pl.Expr:
    """Whether the matched arm's title or the group's says a drug is stopped (`WITHDRAWAL`)."""
    return pl.col("arm_title").str.contains(WITHDRAWAL).fill_null(False) | pl.col("group_title").str.contains(
        WITHDRAWAL
    ).fill_null(False)


def _match_distinct(posted: pl.DataFrame, arms: pl.DataFrame, labels: pl.LazyFrame) -> pl.DataFrame:
    """`match_result_groups` for groups of distinct (study, module, title, description): keyed by
    `result_group_id`, with the match columns only.

    The title rule settles most groups with an equality join; only the others (about a third in the registry)
    have their text searched for drug names and are compared with every arm of their study."""
    groups = posted.select(
        "nct_id",
        "result_group_id",
        "result_type",
        "group_title",
        "description",
        crossover=pl.col("group_title").str.contains(CROSSOVER).fill_null(False),
        pooled=pl.col("group_title").str.contains(POOLED).fill_null(False),
        open_label=pl.col("group_title").str.contains(OPEN_LABEL).fill_null(False),
        before=pl.col("group_title").str.contains(BEFORE_RANDOMISATION).fill_null(False),
        later=pl.col("group_title").str.contains(LATER_PHASE).fill_null(False),
        title_key=_title_key(pl.col("group_title")),
    )  # read by several plans below: computed once
    groups = groups.with_columns(composed=_composed(groups))
    arm_keys = arms.lazy().select("nct_id", "design_group_id", arm_key=_title_key(pl.col("arm_title")))
    groups = groups.with_columns(pl.col("crossover") | _switches(groups, arms, arm_keys))
    same_title = (
        groups.lazy()
        .select("nct_id", "result_group_id", "title_key")
        .join(arm_keys, left_on=["nct_id", "title_key"], right_on=["nct_id", "arm_key"])
        .group_by("result_group_id")
        .agg(pl.col("design_group_id").first(), arms_with_title=pl.len())
        .collect()
    )
    by_title = same_title.filter(pl.col("arms_with_title") == 1).select(
        "result_group_id", "design_group_id", method=pl.lit("title")
    )
    # a group whose title is that of several arms stays unmatched: no other rule may pick one of them
    unsettled = groups.join(same_title, on="result_group_id", how="anti")
    rest = unsettled.select(
        "nct_id",
        "result_group_id",
        text=_spaced(_group_text()),
        # the title's placebo words, or the description's unless the title says open-label or extension (an
        # open-label group "given 1 injection of placebo" to keep the blind is not the control)
        title_placebo=_says_placebo(pl.col("group_title")),
        description_placebo=_says_placebo(pl.col("description")) & ~pl.col("open_label"),
        # a title joining treatments ("PDE5I + DPX") may name one it does not spell as a drug's label
        combined=pl.col("group_title").str.contains(COMBINED).fill_null(False),
        placebo_only=_placebo_only(pl.col("group_title")),
        before="before",
        numbers=_numbers(pl.col("group_title")),
    )
    named = _named_drugs(rest.lazy().select("nct_id", "result_group_id", "text"), "result_group_id", labels)
    # a drug group's description often says what its participants did not get ("plus placebo for the on-demand
    # tablets"): the description's placebo words count only for a group whose title names no drug
    title_named = _named_drugs(
        unsettled.lazy().select("nct_id", "result_group_id", text=_spaced(pl.col("group_title"))),
        "result_group_id",
        labels,
    ).rename({"named": "title_names"})
    candidates = (
        rest.lazy()
        .join(title_named, on="result_group_id", how="left")
        .join(named, on="result_group_id", how="left")
        .select(
            "nct_id",
            "result_group_id",
            "numbers",
            "combined",
            "placebo_only",
            "before",
            placebo=pl.col("title_placebo") | (pl.col("description_placebo") & pl.col("title_names").is_null()),
            # the drugs the title names; the description's only when the title names none (a description
            # lists other names and other arms' drugs: "Other Names: ABC: abacavir ... ABC+3TC co-formulated")
            named=pl.coalesce("title_names", "named", pl.lit([], pl.List(pl.String))),
        )
        .join(
            arms.lazy()
            # a crossover study's sequence arms are no treatment: its groups go to the treatments
            .filter(~(pl.col("treatment").any().over("nct_id") & pl.col("sequence")))
            .select(
                "nct_id",
                "design_group_id",
                "control",
                "drug_keys",
                "treatment",
                "placebo_given",
                arm_numbers=_numbers(pl.col("arm_title")),
            ),
            on="nct_id",
        )
        .with_columns(
            overlap=pl.col("named").list.set_intersection("drug_keys").list.len(),
            same_dose=pl.col("numbers") == pl.col("arm_numbers"),
        )
        .collect()  # each rule below filters the same candidates
    )
    # a placebo group goes to a control arm, the one sharing most of the drugs it names (a backbone; the drug a
    # placebo matches, "Placebo for ACU-D1", is named but not held, and shared by no control arm)
    # a study's placebo period (`treatment_arms`: a placebo given within every arm) takes only a group titled with
    # nothing but placebo words ("Placebo s.c."): not "Rizatriptan 10 mg + placebo" of a double-dummy design, nor a
    # dose group described as given matching placebo, nor a placebo run-in
    placebo = candidates.filter("placebo", "control").filter(
        ~(pl.col("treatment") & pl.col("placebo_given")) | (pl.col("placebo_only") & ~pl.col("before"))
    )
    placebo = placebo.filter(pl.col("overlap") == pl.col("overlap").max().over("result_group_id")).filter(
        pl.len().over("result_group_id") == 1
    )
    drug = candidates.filter(~pl.col("placebo"), pl.col("overlap") > 0).filter(
        pl.col("overlap") == pl.col("overlap").max().over("result_group_id")
    )
    by_drug = drug.filter(pl.len().over("result_group_id") == 1).with_columns(method=pl.lit("drug"))
    by_dose = (
        drug.filter(pl.len().over("result_group_id") > 1, "same_dose")
        .filter(pl.len().over("result_group_id") == 1)
        .with_columns(method=pl.lit("drug_dose"))
    )
    # still tied: the one arm holding no drug the group does not name ("5 mg LY2452473" to "5 mg LY2452473 +
    # placebo", not to the arms adding tadalafil to it, NCT01160289), for a title of one treatment (no joining
    # sign), never to a control arm, and with the doses it names ("Drugamab 20 mg" is not the "Drugamab 10 mg" arm)
    by_alone = (
        drug.filter(
            pl.len().over("result_group_id") > 1,
            ~pl.col("combined"),
            ~pl.col("control"),
            pl.col("drug_keys").list.set_difference("named").list.len() == 0,
            pl.col("same_dose") | (pl.col("numbers").list.len() == 0),
        )
        .join(by_dose, on="result_group_id", how="anti")
        .filter(pl.len().over("result_group_id") == 1)
        .with_columns(method=pl.lit("drug_alone"))
    )
    # a study of one arm: each of its groups is that arm's (strata, cohorts), unless left out below
    single = arms.filter(~pl.col("sequence"), ~pl.col("treatment")).filter(pl.len().over("nct_id") == 1)
    by_single = (
        rest.select("nct_id", "result_group_id")
        .join(single.select("nct_id", "design_group_id"), on="nct_id")
        .join(
            pl.concat([by_title, placebo, by_drug, by_dose, by_alone], how="diagonal_relaxed").select(
                "result_group_id"
            ),
            on="result_group_id",
            how="anti",
        )
        .with_columns(method=pl.lit("single_arm"))
    )
    matched = pl.concat(
        [
            by_single.select("result_group_id", "design_group_id", "method"),
            by_title,
            placebo.select("result_group_id", "design_group_id", method=pl.lit("placebo")),
            *(
                rule.select(
                    "result_group_id",
                    "design_group_id",
                    "method",
                    # the arm holds every drug of several the group names: a combination arm, not a pooled column
                    combination=(pl.col("overlap") >= 2) & (pl.col("overlap") == pl.col("named").list.len()),
                )
                for rule in (by_drug, by_dose, by_alone)
            ),
        ],
        how="diagonal_relaxed",
    )
    result = (
        groups.lazy()
        .join(matched.lazy(), on="result_group_id", how="left")
        .join(
            arms.lazy().select(
                "design_group_id",
                "group_type",
                "control",
                "drug_keys",
                "drug_ids",
                "drug_names",
                "arm_title",
                # read per arm, not per group matched to it
                arm_before=pl.col("arm_title").str.contains(BEFORE_RANDOMISATION).fill_null(False),
                arm_later=pl.col("arm_title").str.contains(LATER_PHASE).fill_null(False),
            ),
            on="design_group_id",
            how="left",
        )
        .with_columns(
            # a title joining others of its module ("Migraine + Cluster Headache") is a pooled column, unless it is
            # an arm's own title or names the drugs of the one arm that holds them all ("Metformin + Sitagliptin"
            # beside "Metformin" and "Sitagliptin" in a combination trial)
            pooled=pl.col("pooled")
            | (pl.col("composed") & ~((pl.col("method") == "title") | pl.col("combination")).fill_null(False)),
            # an open-label or extension group is no randomised arm unless its title is the arm's own
            extension=pl.col("open_label")
            & (pl.col("method") != "title").fill_null(True)
            & (pl.col("drug_keys").list.len() > 0).fill_null(True),
            # a lead-in, run-in or screening group matched to an arm (not a title match), or an extension or
            # post-treatment phase's group even titled as its arm, unless the arm's own title says it ("Nevirapine
            # 200 mg BID with lead-in" is a randomised regimen)
            _phase=pl.col("method").is_not_null()
            & (
                (pl.col("before") & (pl.col("method") != "title") & ~pl.col("arm_before"))
                | (pl.col("later") & ~pl.col("arm_later"))
            ),
        )
        # such a phase's group is left out only beside another group of its arm (of any module): an arm whose
        # groups are all a phase's stays theirs, so no side loses an arm without a note ("Placebo (Follow-up
        # Period)" as the placebo arm's only group); an arm's id is its study's alone
        .with_columns(
            extension=pl.col("extension") | (pl.col("_phase") & ((~pl.col("_phase")).sum().over("design_group_id") > 0))
        )
        # a group titled as its arm, or matched to an arm whose own title reads as a switch, is that arm: the
        # regimen switches ("Arm B: ZDV+ABC+3TC->ABC+3TC maintenance"), not the participants
        .with_columns(
            crossover=pl.col("crossover")
            & (pl.col("method") != "title").fill_null(True)
            & ~pl.col("arm_title").str.contains(CROSSOVER).fill_null(False)
        )
        .with_columns(
            design_group_id=pl.when(~pl.col("crossover") & ~pl.col("pooled") & ~pl.col("extension")).then(
                "design_group_id"
            ),
            match=pl.when("crossover")
            .then(pl.lit("crossover"))
            .when("pooled")
            .then(pl.lit("pooled"))
            .when("extension")
            .then(pl.lit("extension"))
            .otherwise(pl.coalesce("method", pl.lit("unmatched"))),
            withdrawal=_withdrawal(),
        )
        .with_columns(
            group_type=pl.when(pl.col("design_group_id").is_not_null()).then("group_type"),
            control=pl.when(pl.col("design_group_id").is_not_null()).then("control"),
            drug_keys=pl.when(pl.col("design_group_id").is_not_null()).then("drug_keys"),
            drug_ids=pl.when(pl.col("design_group_id").is_not_null()).then("drug_ids"),
            drug_names=pl.when(pl.col("design_group_id").is_not_null()).then("drug_names"),
        )
        .select(
            "result_group_id",
            "design_group_id",
            "match",
            "group_type",
            "control",
            "drug_keys",
            "drug_ids",
            "drug_names",
            withdrawal=pl.col("withdrawal") & pl.col("design_group_id").is_not_null(),
        )
        .collect()
    )
    return result


# words a group's and an arm's titles share that say nothing of which arm it is
_GENERIC_WORDS = [
    "group", "groups", "arm", "arms", "dose", "doses", "daily", "placebo", "treatment", "treated", "period", "phase",
    "cohort", "part", "with", "plus", "and", "tablet", "tablets", "capsule", "capsules", "injection", "oral",
    "once", "twice", "weekly", "patients", "participants", "subjects", "study", "drug", "active", "control",
]  # fmt: skip


def _title_words(text: pl.Expr) -> pl.Expr:
    """The words of a title that can tell arms apart: four letters or more (an abbreviation of three: "DPX"), not
    a number, not a word every arm has."""
    words = (
        normalise(text).str.split(" ").list.eval(pl.element().filter(pl.element().str.contains(r"^[a-z][a-z0-9]{2,}$")))
    )
    return words.list.set_difference(pl.lit(_GENERIC_WORDS, pl.List(pl.String)))


def _by_last_arm(matched: pl.DataFrame, groups: pl.DataFrame, arms: pl.DataFrame) -> pl.DataFrame:
    """`matched` with a study's one adverse-event group that no rule matched given to the one arm of the study that
    none of its adverse-event groups took ("PDE5I + DPX", described as "Dapoxetine 30 mg to 60 mg", to "Dapoxetine +
    PDE5I" once "PDE5I + PLACEBO" took the placebo arm, NCT01063855). A module usually lists each arm once, but an
    arm may have enrolled no one and a group may be no registered arm (a pooled column, a run-in, an added dose), so
    the group's title or description must name a word of the free arm's title that no other arm of the study has
    ("Dapoxetine", not the "PDE5I" both arms have; "ABC-123 (All Doses)" names no word that sets the unopened 40 mg
    arm apart), and a placebo-titled group goes only to a control arm (NCT02619617's placebo group beside its two
    dose arms stays unmatched). Outcome groups are not matched so: each outcome lists its own groups."""
    events = (
        groups.filter(pl.col("result_type") == "Reported Event")
        .select("nct_id", "result_group_id", "group_title", "description")
        .join(matched.select("result_group_id", "design_group_id", "match"), on="result_group_id")
    )
    open_groups = events.filter(pl.col("match") == "unmatched").filter(pl.len().over("nct_id") == 1)
    taken = events.select("design_group_id").drop_nulls()
    study_arms = arms.join(open_groups.select("nct_id"), on="nct_id", how="semi")
    # the words of each arm's title that no other arm of its study has
    own_words = (
        study_arms.select("nct_id", "design_group_id", word=_title_words(pl.col("arm_title")).list.unique())
        .explode("word")
        .drop_nulls("word")
        .filter(pl.len().over("nct_id", "word") == 1)
        .group_by("design_group_id")
        .agg(own_words=pl.col("word"))
    )
    free_arms = (
        study_arms.filter(~pl.col("sequence"), ~pl.col("treatment"))
        .join(taken, on="design_group_id", how="anti")
        .filter(pl.len().over("nct_id") == 1)
        .join(own_words, on="design_group_id")
    )
    last = (
        open_groups.select("nct_id", "result_group_id", "group_title", "description")
        .join(free_arms, on="nct_id")
        .filter(
            _says_placebo(pl.col("group_title")) == pl.col("control").fill_null(False),
            _title_words(_group_text()).list.set_intersection("own_words").list.len() > 0,
        )
        .select(
            "result_group_id",
            "design_group_id",
            "group_type",
            "control",
            "drug_keys",
            "drug_ids",
            "drug_names",
            match=pl.lit("last_arm"),
            withdrawal=_withdrawal(),
        )
    )
    return matched.update(last, on="result_group_id") if last.height else matched


def _with_drug_names(arms: pl.DataFrame, names: pl.DataFrame) -> pl.DataFrame:
    """`drug_ids` and `drug_names` beside each arm's `drug_keys`, element for element, so that the efficacy and
    safety steps name the drugs without reading the evidence again (an arm's drugs are its groups' drugs)."""
    named = (
        arms.lazy()
        .select("design_group_id", "nct_id", drug_key="drug_keys")
        .explode("drug_key")
        .drop_nulls("drug_key")
        .join(names.lazy(), on=["nct_id", "drug_key"], how="left", maintain_order="left")
        .group_by("design_group_id", maintain_order=True)
        .agg(drug_ids=pl.col("drug_id"), drug_names=pl.coalesce("drug_name", "drug_key"))
        .collect()
    )
    return arms.join(named, on="design_group_id", how="left", maintain_order="left").with_columns(
        pl.col(c).fill_null([]) for c in ("drug_ids", "drug_names")
    )


def first_group_of_each_arm() -> pl.Expr:
    """True on the first result group matched to each arm. An arm's type and drugs are the same on every group
    matched to it, so its first group says them: filtering on this reads each arm once (`unique` on the arm's id
    hashed and moved the drug lists, 4x the time; every group's lists exploded, ten times the rows)."""
    arm = pl.col("design_group_id")
    return arm.is_not_null() & arm.is_first_distinct()


def group_drugs(result_group_arms: pl.LazyFrame) -> pl.DataFrame:
    """(nct_id, drug_key, drug_id, drug_name) of every drug of the studies' matched groups, one row each."""
    return (
        result_group_arms.filter(first_group_of_each_arm())
        .select("nct_id", drug_key="drug_keys", drug_id="drug_ids", drug_name="drug_names")
        .explode("drug_key", "drug_id", "drug_name")
        .drop_nulls("drug_key")
        .group_by("nct_id", "drug_key")
        .agg(pl.col("drug_id").min(), pl.col("drug_name").min())
        .sort("nct_id", "drug_key")
        .collect()
    )


def every_drug(result_group_arms: pl.LazyFrame, evidence: pl.LazyFrame | None, studies: pl.LazyFrame) -> pl.DataFrame:
    """(nct_id, drug_key, drug_id, drug_name) of every drug of `studies` (a frame with nct_id: the studies with
    results, or with adverse-event totals): those of the matched groups, and with `evidence` every AACT drug of
    those studies, matched or not."""
    matched = group_drugs(result_group_arms)
    if evidence is None:
        return matched
    every = study_drugs(intervention_drugs(evidence, studies.select("nct_id")))
    return pl.concat(
        [matched, every.join(matched, on=["nct_id", "drug_key"], how="anti")], how="vertical_relaxed"
    ).sort("nct_id", "drug_key")


RESULT_GROUP_ARM_COLUMNS = {
    "nct_id": "The study (NCT id)",
    "result_group_id": "The result group (result_groups.id)",
    "ctgov_group_code": "The group's code in the posted results (OG000, EG000, ...)",
    "result_type": "The results module: Outcome or Reported Event (Baseline and Participant Flow where configured)",
    "group_title": "The group's title as posted",
    "design_group_id": "The arm it is matched to (design_groups.id; negative for a treatment of a crossover or"
    " armless study, or the placebo period of a study that gives a placebo in every arm); null when unmatched or"
    " left out",
    "match": "How: title, placebo (a placebo group to the control arm), drug, drug_dose, drug_alone (of arms tied"
    " on the drugs and doses, the one holding nothing else), single_arm (the one arm of its study), last_arm (a"
    " study's one adverse-event group no rule matched, to its one arm no such group took, when the group names a"
    " word of that arm's title no other arm has); or left out: crossover (a switch or later period), pooled (a"
    " total or pooled column), extension (an open-label, extension, lead-in or screening group), unmatched",
    "group_type": "The matched arm's type as registered",
    "control": "Whether the matched arm is a control (placebo, sham, no intervention), whatever its type says",
    "drug_keys": "The matched arm's drugs: ChEMBL id when mapped, else the normalised label",
    "drug_ids": "Their ChEMBL ids, element for element (null where unmapped)",
    "drug_names": "Their names, element for element",
    "withdrawal": "Whether the matched arm (or the group) stops a drug: a withdrawal design's 'Stopped X' arm",
}


@describes(RESULT_GROUP_ARM_COLUMNS)
def result_group_arms(
    result_groups: pl.LazyFrame,
    design_groups: pl.LazyFrame,
    design_group_interventions: pl.LazyFrame,
    interventions: pl.LazyFrame,
    evidence: pl.LazyFrame,
    intervention_other_names: pl.LazyFrame | None = None,
) -> pl.DataFrame:
    """Every result group (outcome and adverse-event groups alike) with its matched arm, the match method and the
    arm's drug keys: the one arm matching that the efficacy and safety steps share. The share matched, per
    result type, is in the metadata, and so is every method's count."""
    studies = result_groups.select("nct_id").unique().collect().lazy()  # read by five plans: scanned once
    drugs = intervention_drugs(evidence, studies)
    labels = _drug_labels(drugs, intervention_other_names)
    arms = study_arms(design_groups, design_group_interventions, interventions, studies, drugs, labels)
    arms = pl.concat([arms, treatment_arms(arms, drugs, studies)], how="vertical_relaxed")
    matched = match_result_groups(result_groups, _with_drug_names(arms, study_drugs(drugs)), labels)
    record("arms", arms.height)
    record("arms/control", int(arms["control"].sum()))
    record("arms/without_drugs", int((arms["drug_keys"].list.len() == 0).sum()))
    # counted by a grouping: a partition per result type copied the 1.4 M groups with their lists
    shares = matched.group_by("result_type", maintain_order=True).agg(pl.col("design_group_id").is_not_null().mean())
    for result_type, share in shares.iter_rows():
        record(f"groups/{result_type}/matched_share", round(float(share or 0.0), 4))
    for method in MATCH_METHODS:
        record(f"groups/match/{method}", int((matched["match"] == method).sum()))
    return matched
