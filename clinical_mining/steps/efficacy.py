"""Did it work? A verdict per posted analysis for each drug against its comparator, and one per trial and drug.

A drug is credited by an analysis only when it is on one side and not the other: the groups of the analysis
(matched to arms by `arms.result_group_arms`) that hold it against those that do not. An add-on to a backbone
given in both arms credits only the add-on; strata of one arm, dose against dose of one drug and single-group
tests are NO_COMPARATOR. Where a group of the analysis is unmatched, which side holds the drug is unknown:
INDETERMINATE.

The rules, in the words of a trial statistician:
- Superiority (or no hypothesis type given): the p-value re-parsed from `p_value_raw` with its modifier,
  against alpha 0.05 two-sided or 0.025 one-sided; p must be below alpha ("=0.05" is not met, "<0.05" is, a
  "<0.1" or ">0.01" cannot tell). Without a usable p-value, the confidence interval against 1 (ratios) or 0
  (differences, log ratios), when it is at least a 95% two-sided (97.5% one-sided) interval. A posted p-value or
  interval says the groups differ, not which way: against placebo (or the backbone alone) a significant
  difference is read as the drug's, as the trial's hypothesis states; against an active drug it could favour
  either, so it is INDETERMINATE, and only "no difference shown" (NOT_MET) is said.
- Non-inferiority and equivalence: the interval against the margin written in `non_inferiority_description`
  (NON_INFERIOR, NI_NOT_SHOWN), for the drug of the experimental arm against an active comparator or placebo;
  a margin that is missing, in units the interval is not in, or whose harmful side cannot be told (an unsigned
  difference margin whose two readings disagree) is NI_UNRESOLVED.
- Hypothesis type OTHER, and anything else that cannot be decided: INDETERMINATE, with the reason.
"""

import polars as pl

from clinical_mining.column_docs import describes
from clinical_mining.step_stats import record
from clinical_mining.steps.arms import group_drugs, require_columns

VERDICTS = (
    "MET",
    "NOT_MET",
    "NON_INFERIOR",
    "NI_NOT_SHOWN",
    "NI_UNRESOLVED",
    "INDETERMINATE",
    "NO_COMPARATOR",
    "NO_ANALYSIS",
)
DECIDED = ("MET", "NOT_MET", "NON_INFERIOR", "NI_NOT_SHOWN")
NI_TYPES = (
    "NON_INFERIORITY",
    "NON_INFERIORITY_LEGACY",
    "EQUIVALENCE",
    "EQUIVALENCE_LEGACY",
    "NON_INFERIORITY_OR_EQUIVALENCE",
    "NON_INFERIORITY_OR_EQUIVALENCE_LEGACY",
)
SUPERIORITY_TYPES = ("SUPERIORITY", "SUPERIORITY_LEGACY")
P_VALUE = r"^(?i:p)?\s*(<=|>=|≤|≥|<|>|=)?\s*(\d*\.?\d+(?:[eE][-+]?\d+)?)$"
MARGIN = r"(?i)margin\D{0,40}?(-?\s?\d*\.?\d+)"
# interval levels written beside a margin ("the upper limit of the 95% CI below 1.3") are not the margin
INTERVAL_LEVEL = r"(?i)\d+(?:\.\d+)?\s*%\s*(?:two-sided\s+|one-sided\s+|2-sided\s+|1-sided\s+)?(?:CI|confidence)"
ANALYSIS_COLUMNS = {
    "outcome_analyses": (
        "id",
        "nct_id",
        "outcome_id",
        "non_inferiority_type",
        "non_inferiority_description",
        "param_type",
        "param_value",
        "p_value_raw",
        "ci_n_sides",
        "ci_percent",
        "ci_lower_limit",
        "ci_upper_limit",
        "method",
    ),
    "outcomes": ("id", "nct_id", "outcome_type", "title"),
    "outcome_analysis_groups": ("outcome_analysis_id", "result_group_id"),
}


_VERDICT = (
    "MET, NOT_MET, NON_INFERIOR, NI_NOT_SHOWN, NI_UNRESOLVED, INDETERMINATE (cannot tell), NO_COMPARATOR"
    " (the drug is not on one side only), NO_ANALYSIS"
)
EFFICACY_COLUMNS = {
    "studyId": "The study (NCT id)",
    "drug_key": "The drug's key: its ChEMBL id when mapped, else its normalised label (as in final_df)",
    "drug_name": "The drug's vocabulary name, else its label",
    "drug_id": "The drug's ChEMBL id, null when unmapped",
    "outcome_id": "The outcome analysed (outcomes.id)",
    "outcome_type": "PRIMARY, SECONDARY, OTHER_PRE_SPECIFIED or POST_HOC",
    "outcome": "The outcome's title",
    "analysis_id": "The analysis (outcome_analyses.id)",
    "comparator": "What the drug is compared with: PLACEBO, ACTIVE, DOSE (its own other doses) or NONE",
    "verdict": "The analysis's verdict for the drug: " + _VERDICT,
    "reason": "Why that verdict, in words (the rule that decided, or why it could not)",
    "non_inferiority_type": "The analysis's hypothesis type as posted",
    "p_value_raw": "The p-value as posted",
    "p_value": "The p-value re-parsed from p_value_raw (null where it is text)",
    "param_type": "The estimated parameter",
    "param_value": "The estimate",
    "ci_percent": "Confidence level of the interval, in percent",
    "ci_n_sides": "ONE_SIDED or TWO_SIDED",
    "ci_lower": "Lower limit of the interval",
    "ci_upper": "Upper limit of the interval",
    "margin": "The non-inferiority margin parsed from the description (null where none is written)",
    "method": "The statistical method as posted",
}
TRIAL_EFFICACY_COLUMNS = {
    "studyId": "The study (NCT id)",
    "drug_key": "The drug's key: its ChEMBL id when mapped, else its normalised label (as in final_df)",
    "drug_name": "The drug's vocabulary name, else its label",
    "drug_id": "The drug's ChEMBL id, null when unmapped",
    "comparator": "What the drug is compared with in the primary analysis: PLACEBO, ACTIVE, DOSE or NONE",
    "primary_verdict": "The verdict of the first primary outcome with an analysis putting the drug on one side: "
    + _VERDICT,
    "reason": "Why that verdict, in words",
    "primary_outcome": "Title of that primary outcome",
    "outcome_id": "That outcome (outcomes.id)",
    "analysis_id": "The analysis that represents it (outcome_analyses.id)",
    "analyses": "How many analyses of that outcome decided together",
    "p_value_raw": "The representative analysis's p-value as posted",
    "param_type": "Its estimated parameter",
    "param_value": "Its estimate",
    "ci_lower": "Lower limit of its interval",
    "ci_upper": "Upper limit of its interval",
}


def parse_p_value(raw: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """(modifier, value) of a posted p-value text ("<0.001", "= 0.247", "p>0.05", ".03"); null where the text is
    not a p-value ("NA", "see text") or the value is not in [0, 1]."""
    text = raw.str.strip_chars().str.replace_all(r"\s+", "")
    parts = text.str.extract_groups(P_VALUE)
    value = parts.struct["2"].cast(pl.Float64, strict=False)
    usable = value.is_between(0, 1)
    modifier = parts.struct["1"].replace({"≤": "<=", "≥": ">="}).fill_null("=")
    return pl.when(usable).then(modifier), pl.when(usable).then(value)


def _p_verdict(modifier: pl.Expr, value: pl.Expr, alpha: pl.Expr) -> pl.Expr:
    """MET, NOT_MET or null (cannot tell) from a parsed p-value: p must be strictly below alpha, so "<0.05"
    is met at 0.05 and "=0.05" or "<=0.05" is not decided as met."""
    return (
        pl.when(((modifier == "<") & (value <= alpha)) | (modifier.is_in(["=", "<="]) & (value < alpha)))
        .then(pl.lit("MET"))
        .when(modifier.is_in(["=", ">", ">="]) & (value >= alpha))
        .then(pl.lit("NOT_MET"))
    )


def _null_value(param_type: pl.Expr) -> pl.Expr:
    """1 for ratios, 0 for differences and log ratios, null when the estimate's kind is unknown."""
    kind = param_type.str.to_lowercase()
    return (
        pl.when(kind.str.contains(r"\blog\b|difference|slope|change|mean|median|beta|coefficient"))
        .then(pl.lit(0.0))
        .when(kind.str.contains("ratio"))
        .then(pl.lit(1.0))
    )


def _ni_verdict(lower: pl.Expr, upper: pl.Expr, margin: pl.Expr, signed: pl.Expr, ratio: pl.Expr) -> pl.Expr:
    """NON_INFERIOR / NI_NOT_SHOWN from the interval against the margin, or null where the harmful side is
    unclear: an unsigned difference margin is read both ways ("upper below m", "lower above -m") and decides
    only where both readings agree."""
    # a ratio margin above 1 bounds the upper limit (a hazard ratio of harm), below 1 the lower one
    ratio_high = upper < margin
    ratio_low = lower > margin
    difference_negative = lower > margin
    difference_upper = upper < margin.abs()
    difference_lower = lower > -margin.abs()

    def agreed(a: pl.Expr, b: pl.Expr) -> pl.Expr:
        return pl.when(a == b).then(pl.when(a).then(pl.lit("NON_INFERIOR")).otherwise(pl.lit("NI_NOT_SHOWN")))

    def single(a: pl.Expr) -> pl.Expr:
        return pl.when(a).then(pl.lit("NON_INFERIOR")).otherwise(pl.lit("NI_NOT_SHOWN"))

    return (
        pl.when(ratio & (margin > 1))
        .then(single(ratio_high))
        .when(ratio & (margin < 1) & (margin > 0))
        .then(single(ratio_low))
        .when(~ratio & signed & (margin < 0))
        .then(single(difference_negative))
        .when(~ratio & (margin != 0))
        .then(agreed(difference_upper, difference_lower))
    )


def _equivalence_verdict(lower: pl.Expr, upper: pl.Expr, margin: pl.Expr, ratio: pl.Expr) -> pl.Expr:
    high = pl.when(margin > 1).then(margin).otherwise(1 / margin)
    inside = (
        pl.when(ratio)
        .then((lower > 1 / high) & (upper < high))
        .otherwise((lower > -margin.abs()) & (upper < margin.abs()))
    )
    return pl.when(margin.is_not_null() & (margin != 0) & ~(ratio & (margin == 1))).then(
        pl.when(inside).then(pl.lit("NON_INFERIOR")).otherwise(pl.lit("NI_NOT_SHOWN"))
    )


def analysis_verdicts(analyses: pl.DataFrame) -> pl.DataFrame:
    """The statistical verdict and its reason for each analysis, before the sides are known (`statistic`,
    `statistic_reason`): what its p-value, interval and margin say."""
    # the parsed parts first, as columns: every rule below reads them several times
    modifier_parsed, value_parsed = parse_p_value(pl.col("p_value_raw"))
    description = pl.col("non_inferiority_description").str.replace_all(INTERVAL_LEVEL, " interval ")
    kind = pl.col("param_type").str.to_lowercase()
    parsed = analyses.with_columns(
        p_modifier=modifier_parsed,
        p_value_parsed=value_parsed,
        _one_sided=pl.col("ci_n_sides").str.to_uppercase().str.contains("ONE|1").fill_null(False),
        _null=_null_value(pl.col("param_type")),
        _ratio=kind.str.contains("ratio") & ~kind.str.contains(r"\blog\b"),
        _margin_raw=description.str.extract(MARGIN, 1),
        _percent_margin=description.str.contains(r"(?i)margin\D{0,40}?\d*\.?\d+\s*%").fill_null(False),
        _ni_type=pl.col("non_inferiority_type").str.to_uppercase(),
    ).with_columns(margin=pl.col("_margin_raw").str.replace_all(r"\s", "").cast(pl.Float64, strict=False))
    modifier, value = pl.col("p_modifier"), pl.col("p_value_parsed")
    one_sided = pl.col("_one_sided")
    alpha = pl.when(one_sided).then(pl.lit(0.025)).otherwise(pl.lit(0.05))
    lower, upper = pl.col("ci_lower_limit").cast(pl.Float64), pl.col("ci_upper_limit").cast(pl.Float64)
    null = pl.col("_null")
    wide_enough = pl.when(one_sided).then(pl.col("ci_percent") >= 97.5).otherwise(pl.col("ci_percent") >= 95)
    excludes = (lower > null) | (upper < null)
    both_bounds = lower.is_not_null() & upper.is_not_null()
    ci_verdict = (
        pl.when(null.is_null() | ~both_bounds)
        .then(None)
        .when(~excludes)
        .then(pl.lit("NOT_MET"))  # includes the null at this level, so at any higher one too
        .when(wide_enough.fill_null(False))
        .then(pl.lit("MET"))
    )
    ni_type, margin, margin_raw, ratio = pl.col("_ni_type"), pl.col("margin"), pl.col("_margin_raw"), pl.col("_ratio")
    units_unclear = pl.col("_percent_margin") & (margin.abs() > 1) & (pl.max_horizontal(lower.abs(), upper.abs()) <= 1)
    is_equivalence = ni_type.str.starts_with("EQUIVALENCE")
    ni = (
        pl.when(margin.is_null() | ~both_bounds | units_unclear | ratio.is_null())
        .then(None)
        .when(is_equivalence)
        .then(_equivalence_verdict(lower, upper, margin, ratio))
        .otherwise(_ni_verdict(lower, upper, margin, margin_raw.str.contains("-").fill_null(False), ratio))
    )
    p_verdict = _p_verdict(modifier, value, alpha)
    superiority = ni_type.is_null() | ni_type.is_in(SUPERIORITY_TYPES)
    return parsed.with_columns(
        statistic=pl.when(ni_type.is_in(NI_TYPES))
        .then(pl.coalesce(ni, pl.lit("NI_UNRESOLVED")))
        .when(superiority)
        .then(pl.coalesce(p_verdict, pl.when(value.is_null()).then(ci_verdict), pl.lit("INDETERMINATE")))
        .otherwise(pl.lit("INDETERMINATE")),
        statistic_reason=pl.when(ni_type.is_in(NI_TYPES))
        .then(
            pl.when(ni.is_not_null())
            .then(pl.lit("margin"))
            .when(margin.is_null())
            .then(pl.lit("no margin in the description"))
            .when(~both_bounds)
            .then(pl.lit("no interval"))
            .otherwise(pl.lit("harmful side or units unclear"))
        )
        .when(~superiority)
        .then(pl.lit("hypothesis type other"))
        .when(p_verdict.is_not_null())
        .then(pl.lit("p-value"))
        .when(value.is_not_null())
        .then(pl.lit("p-value bound does not decide"))
        .when(ci_verdict.is_not_null())
        .then(pl.lit("interval"))
        .when(pl.col("p_value_raw").is_not_null())
        .then(pl.lit("p-value not a number"))
        .when(both_bounds & null.is_null())
        .then(pl.lit("estimate kind unknown"))
        .when(both_bounds)
        .then(pl.lit("interval narrower than 95%"))
        .otherwise(pl.lit("no p-value or interval")),
    ).drop("_one_sided", "_null", "_ratio", "_margin_raw", "_percent_margin", "_ni_type")


EFFICACY_SCHEMA = {
    "studyId": pl.String,
    "drug_key": pl.String,
    "drug_name": pl.String,
    "drug_id": pl.String,
    "outcome_id": pl.Int64,
    "outcome_type": pl.String,
    "outcome": pl.String,
    "analysis_id": pl.Int64,
    "comparator": pl.String,
    "verdict": pl.String,
    "reason": pl.String,
    "non_inferiority_type": pl.String,
    "p_value_raw": pl.String,
    "p_value": pl.Float64,
    "param_type": pl.String,
    "param_value": pl.Float64,
    "ci_percent": pl.Float64,
    "ci_n_sides": pl.String,
    "ci_lower": pl.Float64,
    "ci_upper": pl.Float64,
    "margin": pl.Float64,
    "method": pl.String,
}


@describes(EFFICACY_COLUMNS)
def efficacy(
    outcomes: pl.LazyFrame,
    outcome_analyses: pl.LazyFrame,
    outcome_analysis_groups: pl.LazyFrame,
    result_group_arms: pl.LazyFrame,
) -> pl.DataFrame:
    """Every posted analysis for every drug of its groups: one row per (studyId, drug, outcome, analysis), with
    the comparator (PLACEBO, ACTIVE, DOSE, NONE) and the verdict with its reason."""
    for frame, table in (
        (outcomes, "outcomes"),
        (outcome_analyses, "outcome_analyses"),
        (outcome_analysis_groups, "outcome_analysis_groups"),
    ):
        require_columns(frame, table, ANALYSIS_COLUMNS[table], "the efficacy steps")
    analyses = analysis_verdicts(
        outcome_analyses.select(ANALYSIS_COLUMNS["outcome_analyses"])
        .with_columns(pl.col("ci_percent", "param_value", "ci_lower_limit", "ci_upper_limit").cast(pl.Float64))
        .collect()
    )
    groups = result_group_arms.select("result_group_id", "design_group_id", "control", "drug_keys", "group_type")
    members = (
        outcome_analysis_groups.select(analysis_id="outcome_analysis_id", result_group_id="result_group_id")
        .join(groups, on="result_group_id", how="left")
        .collect()
    )
    dangling = members.filter(pl.col("design_group_id").is_null() & pl.col("drug_keys").is_null())
    known_groups = result_group_arms.select("result_group_id").collect()["result_group_id"]
    missing = int((~members["result_group_id"].is_in(known_groups.implode())).sum())
    record("analysis_groups/pointing_at_no_group", missing)
    record("analysis_groups/unmatched", dangling.height - missing)
    per_analysis = members.group_by("analysis_id").agg(
        groups=pl.len(),
        unmatched=pl.col("design_group_id").is_null().sum(),
    )
    # each drug of the analysis against its groups: on both sides, one side, or unknown
    sides = (
        members.filter(pl.col("design_group_id").is_not_null())
        .explode("drug_keys")
        .drop_nulls("drug_keys")
        .select("analysis_id", drug_key="drug_keys")
        .unique()
        .join(members, on="analysis_id")
        .with_columns(holds=pl.col("drug_keys").list.contains(pl.col("drug_key")).fill_null(False))
        .group_by("analysis_id", "drug_key")
        .agg(
            with_groups=(pl.col("holds") & pl.col("design_group_id").is_not_null()).sum(),
            without_groups=(~pl.col("holds") & pl.col("design_group_id").is_not_null()).sum(),
            with_arms=pl.col("design_group_id").filter(pl.col("holds")).n_unique(),
            comparator_controls=pl.col("control").filter(~pl.col("holds")).any(),
            # drugs of the other side that this side lacks: an active comparator
            other_drugs=pl.col("drug_keys").filter(~pl.col("holds")).explode().drop_nulls().unique(),
            own_drugs=pl.col("drug_keys").filter(pl.col("holds")).explode().drop_nulls().unique(),
            own_types=pl.col("group_type").filter(pl.col("holds")).unique(),
            other_types=pl.col("group_type").filter(~pl.col("holds")).unique(),
        )
        .join(per_analysis, on="analysis_id")
    )
    active = pl.col("other_drugs").list.set_difference("own_drugs").list.len() > 0
    comparator = (
        pl.when(pl.col("groups") == 1)
        .then(pl.lit("NONE"))
        .when(pl.col("unmatched") > 0)
        .then(None)
        .when(pl.col("without_groups") == 0)
        .then(pl.when(pl.col("with_arms") > 1).then(pl.lit("DOSE")).otherwise(pl.lit("NONE")))
        .when(active)
        .then(pl.lit("ACTIVE"))
        .when(pl.col("comparator_controls"))
        .then(pl.lit("PLACEBO"))
        .otherwise(pl.lit("NONE"))
    )
    scored = sides.with_columns(comparator=comparator).join(analyses, left_on="analysis_id", right_on="id")
    ni = pl.col("non_inferiority_type").str.to_uppercase().is_in(NI_TYPES)
    statistic = pl.col("statistic")
    tested = (pl.col("own_types") == ["EXPERIMENTAL"]) & (pl.col("other_types") == ["ACTIVE_COMPARATOR"])
    reference = (pl.col("own_types") == ["ACTIVE_COMPARATOR"]) & (pl.col("other_types") == ["EXPERIMENTAL"])
    active_ni = ni & (pl.col("comparator") == "ACTIVE")
    active_difference = ~ni & (pl.col("comparator") == "ACTIVE") & (statistic == "MET")
    rules = [
        (pl.col("groups") == 1, "NO_COMPARATOR", "one group"),
        (pl.col("unmatched") > 0, "INDETERMINATE", "a group not matched to an arm"),
        (pl.col("without_groups") == 0, "NO_COMPARATOR", "the drug is on every side"),
        (active_ni & reference, "NO_COMPARATOR", "the reference drug of a non-inferiority test"),
        (active_ni & ~tested, "NI_UNRESOLVED", "which arm is tested for non-inferiority is not typed"),
        (active_difference, "INDETERMINATE", "a difference from an active drug, direction not posted"),
    ]
    verdict, reason = pl.when(rules[0][0]).then(pl.lit(rules[0][1])), pl.when(rules[0][0]).then(pl.lit(rules[0][2]))
    for condition, verdict_name, why in rules[1:]:
        verdict = verdict.when(condition).then(pl.lit(verdict_name))
        reason = reason.when(condition).then(pl.lit(why))
    verdict, reason = verdict.otherwise(statistic), reason.otherwise(pl.col("statistic_reason"))
    outcome_rows = outcomes.select(outcome_id="id", outcome_type="outcome_type", outcome="title").collect()
    names = group_drugs(result_group_arms).rename({"nct_id": "studyId"})
    result = (
        scored.lazy()
        .with_columns(verdict=verdict, reason=reason)
        .join(outcome_rows.lazy(), on="outcome_id", how="left")
        .join(names.lazy(), left_on=["nct_id", "drug_key"], right_on=["studyId", "drug_key"], how="left")
        .select(
            studyId="nct_id",
            drug_key="drug_key",
            drug_name=pl.coalesce("drug_name", "drug_key"),
            drug_id="drug_id",
            outcome_id="outcome_id",
            outcome_type="outcome_type",
            outcome="outcome",
            analysis_id="analysis_id",
            comparator="comparator",
            verdict="verdict",
            reason="reason",
            non_inferiority_type="non_inferiority_type",
            p_value_raw="p_value_raw",
            p_value="p_value_parsed",
            param_type="param_type",
            param_value="param_value",
            ci_percent="ci_percent",
            ci_n_sides="ci_n_sides",
            ci_lower="ci_lower_limit",
            ci_upper="ci_upper_limit",
            margin="margin",
            method="method",
        )
        .cast(EFFICACY_SCHEMA)
        .sort("studyId", "drug_key", "outcome_id", "analysis_id")
        .collect()
    )
    unparsed = analyses.filter(pl.col("p_value_raw").is_not_null() & pl.col("p_value_parsed").is_null())
    record("analyses", analyses.height)
    record("analyses/p_value_not_a_number", unparsed.height)
    record("analyses/without_a_drug", analyses.height - result["analysis_id"].n_unique())
    record("studies_with_results", outcomes.select(pl.col("nct_id").n_unique()).collect().item())
    for verdict_name in VERDICTS[:-1]:
        record(f"verdict/{verdict_name}", int((result["verdict"] == verdict_name).sum()))
    return result


TRIAL_EFFICACY_SCHEMA = {
    "studyId": pl.String,
    "drug_key": pl.String,
    "drug_name": pl.String,
    "drug_id": pl.String,
    "comparator": pl.String,
    "primary_verdict": pl.String,
    "reason": pl.String,
    "primary_outcome": pl.String,
    "outcome_id": pl.Int64,
    "analysis_id": pl.Int64,
    "analyses": pl.UInt32,
    "p_value_raw": pl.String,
    "param_type": pl.String,
    "param_value": pl.Float64,
    "ci_lower": pl.Float64,
    "ci_upper": pl.Float64,
}


@describes(TRIAL_EFFICACY_COLUMNS)
def trial_efficacy(efficacy: pl.LazyFrame, outcomes: pl.LazyFrame, result_group_arms: pl.LazyFrame) -> pl.DataFrame:
    """One row per (studyId, drug) of every study that posted results, for the drugs of its arms that a result
    group was matched to (named as `result_group_arms` names them): the verdict on its first primary outcome
    (by outcome id) with an analysis that puts the drug on one side. The analyses of that outcome for the drug
    decide together: one decided verdict, or INDETERMINATE where they conflict. NO_COMPARATOR where every
    primary analysis has the drug on both sides or alone; NO_ANALYSIS where the primary outcomes have none."""
    rows = efficacy.filter(pl.col("outcome_type") == "PRIMARY").collect()
    eligible = rows.filter(pl.col("verdict") != "NO_COMPARATOR")
    first_outcome = eligible.filter(pl.col("outcome_id") == pl.col("outcome_id").min().over("studyId", "drug_key"))
    decided = pl.col("verdict").filter(pl.col("verdict").is_in(DECIDED))
    combined = first_outcome.group_by("studyId", "drug_key").agg(
        primary_verdict=pl.when(decided.n_unique() == 1)
        .then(decided.first())
        .when(decided.n_unique() > 1)
        .then(pl.lit("INDETERMINATE"))
        .otherwise(pl.col("verdict").sort_by("analysis_id").first()),
        analyses=pl.len().cast(pl.UInt32),
    )
    representative = (
        first_outcome.join(combined, on=["studyId", "drug_key"])
        .with_columns(agrees=pl.col("verdict") == pl.col("primary_verdict"))
        .sort("studyId", "drug_key", pl.col("agrees").not_(), "analysis_id")
        .unique(["studyId", "drug_key"], keep="first", maintain_order=True)
        .with_columns(
            reason=pl.when(pl.col("agrees")).then("reason").otherwise(pl.lit("the outcome's analyses disagree"))
        )
    )
    # studies and drugs with results but no eligible primary analysis
    primary_outcomes = outcomes.filter(pl.col("outcome_type") == "PRIMARY").select(studyId="nct_id").unique()
    with_primary_analysis = rows.select("studyId").unique()
    drugs = group_drugs(result_group_arms).select(
        studyId="nct_id", drug_key="drug_key", drug_id="drug_id", drug_name=pl.coalesce("drug_name", "drug_key")
    )
    posted = drugs.join(outcomes.select(studyId="nct_id").unique().collect(), on="studyId")
    others = (
        posted.join(representative.select("studyId", "drug_key"), on=["studyId", "drug_key"], how="anti")
        .join(primary_outcomes.collect().with_columns(has_primary=pl.lit(True)), on="studyId", how="left")
        .join(with_primary_analysis.with_columns(analysed=pl.lit(True)), on="studyId", how="left")
        .filter(pl.col("has_primary").fill_null(False))
        .with_columns(
            primary_verdict=pl.when(pl.col("analysed").fill_null(False))
            .then(pl.lit("NO_COMPARATOR"))
            .otherwise(pl.lit("NO_ANALYSIS")),
            reason=pl.when(pl.col("analysed").fill_null(False))
            .then(pl.lit("no primary analysis puts the drug on one side"))
            .otherwise(pl.lit("no analysis of a primary outcome posted")),
            comparator=pl.lit(None, pl.String),
        )
    )
    result = (
        pl.concat(
            [
                representative.select(
                    "studyId",
                    "drug_key",
                    "drug_name",
                    "drug_id",
                    "comparator",
                    "primary_verdict",
                    "reason",
                    primary_outcome="outcome",
                    outcome_id="outcome_id",
                    analysis_id="analysis_id",
                    analyses="analyses",
                    p_value_raw="p_value_raw",
                    param_type="param_type",
                    param_value="param_value",
                    ci_lower="ci_lower",
                    ci_upper="ci_upper",
                ),
                others.select("studyId", "drug_key", "drug_name", "drug_id", "comparator", "primary_verdict", "reason"),
            ],
            how="diagonal_relaxed",
        )
        .select(TRIAL_EFFICACY_SCHEMA.keys())
        .cast(TRIAL_EFFICACY_SCHEMA)
        .sort("studyId", "drug_key")
    )
    record("studies", result["studyId"].n_unique())
    for verdict_name in VERDICTS:
        record(f"primary_verdict/{verdict_name}", int((result["primary_verdict"] == verdict_name).sum()))
    return result
