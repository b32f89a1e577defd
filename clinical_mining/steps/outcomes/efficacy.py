"""Did it work? A verdict per posted analysis for each drug against its comparator, and one per trial and drug.

An analysis speaks for a drug only when the drug is on one side and not the other: the groups of the analysis
(matched to arms by `arms.result_group_arms`) that hold it against those that do not. What the numbers say on
their own (test, alpha, significance, margin) is `statistics.analysis_statistics`; which way a significant
difference goes is `direction.analysis_favours`; who the drug is in the trial (INVESTIGATIONAL,
ACTIVE_COMPARATOR, BACKGROUND, OTHER) is `roles.drug_roles`. Then, per analysis:
- one group, a group not matched to an arm (the drugs of its study get an INDETERMINATE row each, never none),
  the drug on every side (a backbone, or its own other dose or schedule: DOSE), or a withdrawal design ("Stopped
  X" against "Continued X" tests stopping X): no verdict on the drug;
- superiority: significant in the drug's favour is MET, in the comparator's favour NOT_MET with favours
  COMPARATOR, either way unreadable INDETERMINATE; not significant is NOT_MET; a descriptive analysis decides
  nothing (NO_ANALYSIS);
- non-inferiority and equivalence: the margin test, for the drug of the experimental arm (or against placebo);
  the reference drug of the test gets none.
Per trial and drug, every primary outcome analysed for the drug decides, and several doses against one control
decide together: all met is MET, none met NOT_MET, some of each MIXED. An outcome with an analysis that cannot
be read is undecided (the unread one could be the one that failed); the decided outcomes give the verdict and
`primary_outcomes` says how many they are, the reason how many could not be read; with none decided it is
INDETERMINATE. Only an
INVESTIGATIONAL drug can be MET, MIXED or NON_INFERIOR: the others get NO_COMPARATOR with their role as reason.
"""

import polars as pl

from clinical_mining.column_docs import describes
from clinical_mining.step_stats import record
from clinical_mining.steps.outcomes.arms import every_drug, group_drugs, require_columns
from clinical_mining.steps.outcomes.direction import analysis_favours, outcome_polarity
from clinical_mining.steps.outcomes.roles import (
    IDENTITY_SCHEMA,
    analysis_sides,
    arm_roles,
    drug_roles,
    types_hold,
    types_only,
)
from clinical_mining.steps.outcomes.statistics import analysis_statistics

VERDICTS = (
    "MET",
    "NOT_MET",
    "MIXED",
    "NON_INFERIOR",
    "NI_NOT_SHOWN",
    "NI_UNRESOLVED",
    "INDETERMINATE",
    "NO_COMPARATOR",
    "NO_ANALYSIS",
)
DECIDED = ("MET", "NOT_MET", "MIXED", "NON_INFERIOR", "NI_NOT_SHOWN")
UNDECIDED = ("INDETERMINATE", "NI_UNRESOLVED")
MET_VERDICTS = ("MET", "NON_INFERIOR")
NOT_MET_VERDICTS = ("NOT_MET", "NI_NOT_SHOWN")
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
# read where configured: the record's own alpha and one-sided tests, and what the outcome measures
OPTIONAL_ANALYSIS_COLUMNS = ("p_value_description", "estimate_description")
# a group posted for its arm at baseline, beside the same arm at the time point ("PDE5I + Placebo (Baseline)")
BASELINE_GROUP = r"(?i)\bbaseline\b|\bpre-?treatment\b|\bday 0\b|\bweek 0\b"
MEASUREMENT_COLUMNS = ("outcome_id", "result_group_id", "classification", "category", "param_value_num")

_VERDICT = (
    "MET, NOT_MET, MIXED, NON_INFERIOR, NI_NOT_SHOWN, NI_UNRESOLVED, INDETERMINATE (cannot tell), NO_COMPARATOR"
    " (the drug is not on one side only, or is not the drug the trial tests), NO_ANALYSIS"
)
_ROLE = "The drug's role in the trial: INVESTIGATIONAL, ACTIVE_COMPARATOR, BACKGROUND (in every compared arm), OTHER"
_COMPARATOR = (
    "What the drug is compared with: PLACEBO (placebo, vehicle, sham, no intervention, or the backbone alone in an"
    " add-on design), ACTIVE (another drug), NON_DRUG (surgery, device, care without a drug), DOSE (its own other"
    " dose or schedule), NONE"
)
_FAVOURS = "Which side a significant result favours: DRUG, COMPARATOR, UNCLEAR; null where nothing was significant"
EFFICACY_COLUMNS = {
    "studyId": "The study (NCT id)",
    "drug_key": "The drug's key: its ChEMBL id when mapped, else its normalised label (as in final_df)",
    "drug_name": "The drug's vocabulary name, else its label",
    "drug_id": "The drug's ChEMBL id, null when unmapped",
    "role": _ROLE,
    "outcome_id": "The outcome analysed (outcomes.id)",
    "outcome_type": "PRIMARY, SECONDARY, OTHER_PRE_SPECIFIED or POST_HOC",
    "outcome": "The outcome's title",
    "analysis_id": "The analysis (outcome_analyses.id)",
    "drug_in_groups": "Whether a matched group of the analysis holds the drug; false for an analysis with an"
    " unmatched group that may hold it",
    "comparator": _COMPARATOR,
    "test": "SUPERIORITY, NON_INFERIORITY, EQUIVALENCE or DESCRIPTIVE, as read from the hypothesis type and"
    " what is posted",
    "verdict": "The analysis's verdict for the drug: " + _VERDICT,
    "favours": _FAVOURS,
    "alpha": "The significance level used: the record's own where it states one, else 0.05 (0.025 one-sided)",
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
    "margin": "The non-inferiority or equivalence margin read from the description (null where none is clear)",
    "method": "The statistical method as posted",
}
TRIAL_EFFICACY_COLUMNS = {
    "studyId": "The study (NCT id)",
    "drug_key": "The drug's key: its ChEMBL id when mapped, else its normalised label (as in final_df)",
    "drug_name": "The drug's vocabulary name, else its label",
    "drug_id": "The drug's ChEMBL id, null when unmapped",
    "role": _ROLE,
    "comparator": "What the drug is compared with in its primary analyses: " + _COMPARATOR,
    "primary_verdict": "The verdict of the primary outcomes analysed for the drug, together: " + _VERDICT,
    "favours": _FAVOURS,
    "primary_outcomes": "How many primary outcomes decided the verdict",
    "reason": "Why that verdict, in words",
    "primary_outcome": "Title of the primary outcome of the representative analysis",
    "outcome_id": "That outcome (outcomes.id)",
    "analysis_id": "The representative analysis (outcome_analyses.id): one that agrees with the verdict",
    "analyses": "How many primary analyses of the drug took part",
    "alpha": "The representative analysis's alpha",
    "p_value_raw": "The representative analysis's p-value as posted",
    "param_type": "Its estimated parameter",
    "param_value": "Its estimate",
    "ci_lower": "Lower limit of its interval",
    "ci_upper": "Upper limit of its interval",
}
EFFICACY_SCHEMA = {
    "studyId": pl.String,
    "drug_key": pl.String,
    "drug_name": pl.String,
    "drug_id": pl.String,
    "role": pl.String,
    "outcome_id": pl.Int64,
    "outcome_type": pl.String,
    "outcome": pl.String,
    "analysis_id": pl.Int64,
    "drug_in_groups": pl.Boolean,
    "comparator": pl.String,
    "test": pl.String,
    "verdict": pl.String,
    "favours": pl.String,
    "alpha": pl.Float64,
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


def _analysis_verdict() -> tuple[pl.Expr, pl.Expr, pl.Expr]:
    """(verdict, favours, reason) of each (analysis, drug) row with its sides, statistic and direction."""
    statistic, test = pl.col("statistic"), pl.col("test")
    margin_test = test.is_in(["NON_INFERIORITY", "EQUIVALENCE"])
    own, other = pl.col("own_types"), pl.col("other_types")
    tested = types_only(own, "EXPERIMENTAL")
    reference = types_only(own, "ACTIVE_COMPARATOR") & types_hold(other, "EXPERIMENTAL")
    significant = statistic == "SIGNIFICANT"
    favours = pl.col("direction")
    rules: list[tuple[pl.Expr, str, str | pl.Expr]] = [
        (statistic == "NO_TEST", "NO_ANALYSIS", pl.col("statistic_reason")),
        (pl.col("groups") == 1, "NO_COMPARATOR", "one group"),
        (pl.col("unmatched") > 0, "INDETERMINATE", "a group of the analysis is not matched to an arm"),
        (pl.col("withdrawal"), "NO_COMPARATOR", "withdrawal design: the analysis tests stopping the drug"),
        (
            pl.col("without_groups") == 0,
            "NO_COMPARATOR",
            pl.when(pl.col("comparator") == "DOSE")
            .then(pl.lit("the drug against its own other dose or schedule"))
            .otherwise(pl.lit("the drug is on every side")),
        ),
        (pl.col("comparator") == "DOSE", "NO_COMPARATOR", "the drug against its own other dose or schedule"),
        (
            margin_test & (pl.col("comparator") == "ACTIVE") & reference,
            "NO_COMPARATOR",
            "the reference drug of a margin test",
        ),
        (
            margin_test & (pl.col("comparator") == "ACTIVE") & ~tested,
            "NI_UNRESOLVED",
            "which arm the margin test is for is not typed",
        ),
        (margin_test, statistic, pl.col("statistic_reason")),
        (significant & (favours == "DRUG"), "MET", pl.col("statistic_reason") + pl.lit(", in the drug's favour")),
        (
            significant & (favours == "COMPARATOR"),
            "NOT_MET",
            pl.col("statistic_reason") + pl.lit(", in the comparator's favour"),
        ),
        (
            significant,
            "INDETERMINATE",
            pl.lit("significant, direction unclear: ") + pl.col("direction_reason"),
        ),
        (statistic == "NOT_SIGNIFICANT", "NOT_MET", pl.col("statistic_reason")),
    ]

    def lit(value: str | pl.Expr) -> pl.Expr:
        return pl.lit(value) if isinstance(value, str) else value

    verdict = pl.when(rules[0][0]).then(lit(rules[0][1]))
    reason = pl.when(rules[0][0]).then(lit(rules[0][2]))
    for condition, name, why in rules[1:]:
        verdict = verdict.when(condition).then(lit(name))
        reason = reason.when(condition).then(lit(why))
    verdict = verdict.otherwise(pl.lit("INDETERMINATE"))
    reason = reason.otherwise(pl.col("statistic_reason"))
    shown_favours = pl.when(significant & ~margin_test & pl.col("decidable")).then(favours)
    return verdict, shown_favours, reason


@describes(EFFICACY_COLUMNS)
def efficacy(
    outcomes: pl.LazyFrame,
    outcome_analyses: pl.LazyFrame,
    outcome_analysis_groups: pl.LazyFrame,
    result_group_arms: pl.LazyFrame,
    outcome_measurements: pl.LazyFrame | None = None,
    evidence: pl.LazyFrame | None = None,
) -> pl.DataFrame:
    """Every posted analysis for every drug of its study that it could concern: one row per (studyId, drug,
    outcome, analysis), with the drug's role, the comparator, the verdict, which side a significant result
    favours, the alpha used and the reason. Without `outcome_measurements` no direction can be read, so no
    significant superiority result is MET. With `evidence`, the drugs of a study that no group was matched to
    get their INDETERMINATE rows for its analyses with unmatched groups too."""
    for frame, table in (
        (outcomes, "outcomes"),
        (outcome_analyses, "outcome_analyses"),
        (outcome_analysis_groups, "outcome_analysis_groups"),
    ):
        require_columns(frame, table, ANALYSIS_COLUMNS[table], "the efficacy steps")
    present = outcome_analyses.collect_schema().names()
    optional = [column for column in OPTIONAL_ANALYSIS_COLUMNS if column in present]
    analyses = analysis_statistics(
        outcome_analyses.select(*ANALYSIS_COLUMNS["outcome_analyses"], *optional)
        .with_columns(pl.col("ci_percent", "param_value", "ci_lower_limit", "ci_upper_limit").cast(pl.Float64))
        .collect()
    )
    outcome_columns = outcomes.collect_schema().names()
    # the analysed outcomes only (a quarter of the registry's): every reader below starts from an analysis, and
    # the polarity's patterns over every outcome's title and description were the cost
    analysed = analyses.lazy().select(id="outcome_id").unique()
    outcome_rows = outcomes.join(analysed, on="id", how="semi").select(
        outcome_id="id",
        outcome_type="outcome_type",
        outcome="title",
        polarity=outcome_polarity(
            pl.col("title"),
            pl.col("description") if "description" in outcome_columns else pl.lit(None, pl.String),
        ),
    ).collect()
    if outcome_measurements is not None:
        require_columns(outcome_measurements, "outcome_measurements", MEASUREMENT_COLUMNS, "the efficacy steps")
    members = (
        outcome_analysis_groups.select(analysis_id="outcome_analysis_id", result_group_id="result_group_id")
        .join(
            result_group_arms.select(
                "nct_id",
                "result_group_id",
                "design_group_id",
                "control",
                "drug_keys",
                "group_type",
                "withdrawal",
                "group_title",
            ),
            on="result_group_id",
            how="left",
        )
        # read after the join: the analyses' groups are a third of the registry's result groups
        .with_columns(baseline=pl.col("group_title").str.contains(BASELINE_GROUP).fill_null(False))
        .drop("group_title")
        .collect()
    )
    known_groups = members["nct_id"].is_not_null()
    record("analysis_groups/pointing_at_no_group", int((~known_groups).sum()))
    record("analysis_groups/unmatched", int((known_groups & members["design_group_id"].is_null()).sum()))
    drugs = every_drug(result_group_arms, evidence, outcomes)
    sides = analysis_sides(members, analyses.select("id", "nct_id", "outcome_id").rename({"id": "analysis_id"}), drugs)
    direction = analysis_favours(sides, members, outcome_measurements, outcome_rows).rename({"favours": "direction"})
    roles = drug_roles(sides, outcome_rows, result_group_arms)
    scored = (
        sides.join(analyses, left_on="analysis_id", right_on="id")
        .join(direction, on=["analysis_id", "drug_key"], how="left")
        .with_columns(decidable=(pl.col("groups") > 1) & (pl.col("unmatched") == 0) & ~pl.col("withdrawal"))
    )
    verdict, favours, reason = _analysis_verdict()
    names = drugs.rename({"nct_id": "studyId"})
    result = (
        scored.lazy()
        .with_columns(verdict=verdict, favours=favours, reason=reason)
        .join(outcome_rows.lazy(), on="outcome_id", how="left")
        .join(names.lazy(), left_on=["nct_id", "drug_key"], right_on=["studyId", "drug_key"], how="left")
        .join(roles.lazy(), left_on=["nct_id", "drug_key"], right_on=["studyId", "drug_key"], how="left")
        .with_columns(_gated(pl.col("verdict"), pl.col("reason")))
        .select(
            studyId="nct_id",
            drug_key="drug_key",
            drug_name=pl.coalesce("drug_name", "drug_key"),
            drug_id="drug_id",
            role="role",
            outcome_id="outcome_id",
            outcome_type="outcome_type",
            outcome="outcome",
            analysis_id="analysis_id",
            drug_in_groups=pl.col("with_groups") > 0,
            comparator="comparator",
            test="test",
            verdict="verdict",
            favours="favours",
            alpha="alpha",
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
        .collect(engine="in-memory")
    )
    unparsed = analyses.filter(pl.col("p_value_raw").is_not_null() & pl.col("p_value_parsed").is_null())
    record("analyses", analyses.height)
    record("analyses/p_value_not_a_number", unparsed.height)
    record("analyses/without_a_drug", analyses.height - result["analysis_id"].n_unique())
    for test_name in ("SUPERIORITY", "NON_INFERIORITY", "EQUIVALENCE", "DESCRIPTIVE"):
        record(f"tests/{test_name}", int((analyses["test"] == test_name).sum()))
    for verdict_name in VERDICTS:
        record(f"verdict/{verdict_name}", int((result["verdict"] == verdict_name).sum()))
    significant = result.filter(pl.col("favours").is_not_null())
    for side in ("DRUG", "COMPARATOR", "UNCLEAR"):
        record(f"favours/{side}", int((significant["favours"] == side).sum()))
    return result


def _gated(verdict: pl.Expr, reason: pl.Expr) -> list[pl.Expr]:
    """Only the investigational drug is judged: any other role's verdict is NO_COMPARATOR, saying its role."""
    judged = pl.col("role") == "INVESTIGATIONAL"
    keep = judged | (verdict == "NO_ANALYSIS") | pl.col("role").is_null()
    role_reason = pl.lit("not the drug the trial tests: ") + pl.col("role").str.to_lowercase().str.replace_all("_", " ")
    return [
        pl.when(keep).then(verdict).otherwise(pl.lit("NO_COMPARATOR")).alias("verdict"),
        pl.when(keep).then(reason).otherwise(role_reason).alias("reason"),
        pl.when(keep).then(pl.col("favours")).alias("favours"),
    ]


def _combined(verdicts: pl.Expr) -> pl.Expr:
    """One verdict from several decided ones (an outcome's analyses, or a trial's outcomes)."""
    positive = verdicts.is_in(MET_VERDICTS)
    negative = verdicts.is_in(NOT_MET_VERDICTS)
    return (
        pl.when(verdicts.is_in(["MIXED"]).any() | (positive.any() & negative.any()))
        .then(pl.lit("MIXED"))
        .when(positive.all() & (verdicts == "NON_INFERIOR").any())
        .then(pl.lit("NON_INFERIOR"))
        .when(positive.all())
        .then(pl.lit("MET"))
        .when(negative.all() & (verdicts == "NOT_MET").any())
        .then(pl.lit("NOT_MET"))
        .when(negative.all())
        .then(pl.lit("NI_NOT_SHOWN"))
    )


def _decide(rows: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """Per `keys` group: the decided verdict of its rows, or the undecided one, and how many rows decided."""
    verdict = pl.col("verdict")
    decided = verdict.filter(verdict.is_in(DECIDED))
    return rows.group_by(keys).agg(
        verdict=pl.when(verdict.is_in(UNDECIDED).any())
        .then(
            pl.when((verdict == "NI_UNRESOLVED").all()).then(pl.lit("NI_UNRESOLVED")).otherwise(pl.lit("INDETERMINATE"))
        )
        .otherwise(_combined(decided)),
        undecided_reason=pl.col("reason").filter(verdict.is_in(UNDECIDED)).first(),
        decided=decided.len(),
    )


TRIAL_EFFICACY_SCHEMA = {
    **IDENTITY_SCHEMA,
    "primary_verdict": pl.String,
    "favours": pl.String,
    "primary_outcomes": pl.UInt32,
    "reason": pl.String,
    "primary_outcome": pl.String,
    "outcome_id": pl.Int64,
    "analysis_id": pl.Int64,
    "analyses": pl.UInt32,
    "alpha": pl.Float64,
    "p_value_raw": pl.String,
    "param_type": pl.String,
    "param_value": pl.Float64,
    "ci_lower": pl.Float64,
    "ci_upper": pl.Float64,
}


@describes(TRIAL_EFFICACY_COLUMNS)
def trial_efficacy(
    efficacy: pl.LazyFrame,
    outcomes: pl.LazyFrame,
    result_group_arms: pl.LazyFrame,
    evidence: pl.LazyFrame | None = None,
    outcome_analyses: pl.LazyFrame | None = None,
) -> pl.DataFrame:
    """One row per (studyId, drug) of every study that posted results, for the drugs of its matched groups: the
    verdict of all its primary outcomes analysed for the drug, together (see the module's docstring); the
    representative analysis is the first (by outcome, analysis) that agrees with it. NO_COMPARATOR where no
    primary analysis puts the drug on one side, or the drug is not the one the trial tests; NO_ANALYSIS where the
    primary outcomes have no between-group test. With `evidence`, a drug of the study that no result group was
    matched to still gets its row: INDETERMINATE (its groups are unknown) where the study analysed a primary
    outcome, NO_ANALYSIS where it did not; never left out as if the trial had not tested it. With
    `outcome_analyses`, a drug that no primary test of its study concerns is NO_COMPARATOR (the study tested
    something else), not NO_ANALYSIS."""
    rows = efficacy.filter(pl.col("outcome_type") == "PRIMARY").collect()
    # an analysis with an unmatched group may hold a drug no matched group of it holds: it counts for that drug
    # only when no primary analysis is known to hold the drug
    held = rows.group_by("studyId", "drug_key").agg(held=pl.col("drug_in_groups").any())
    eligible = rows.join(held, on=["studyId", "drug_key"]).filter(
        pl.col("verdict").is_in([*DECIDED, *UNDECIDED]), pl.col("drug_in_groups") | ~pl.col("held")
    )
    # the undecided reason shown is the first analysis's: sorted, as a group's rows keep their order, so a reason
    # never depends on how a join or a thread ordered the rows
    per_outcome = _decide(
        eligible.sort("studyId", "drug_key", "outcome_id", "analysis_id"), ["studyId", "drug_key", "outcome_id"]
    )
    per_trial = per_outcome.group_by("studyId", "drug_key").agg(
        primary_verdict=pl.when(pl.col("verdict").is_in(DECIDED).any())
        .then(_combined(pl.col("verdict").filter(pl.col("verdict").is_in(DECIDED))))
        .when((pl.col("verdict") == "NI_UNRESOLVED").all())
        .then(pl.lit("NI_UNRESOLVED"))
        .otherwise(pl.lit("INDETERMINATE")),
        unread=pl.col("verdict").is_in(UNDECIDED).sum().cast(pl.UInt32),
        undecided_reason=pl.col("undecided_reason").sort_by("outcome_id").drop_nulls().first(),
        primary_outcomes=pl.col("verdict").filter(pl.col("verdict").is_in(DECIDED)).len().cast(pl.UInt32),
    )
    favours = (
        eligible.filter(pl.col("favours").is_not_null())
        .group_by("studyId", "drug_key")
        .agg(
            favours=pl.when(pl.col("favours").n_unique() == 1)
            .then(pl.col("favours").first())
            .otherwise(pl.lit("UNCLEAR"))
        )
    )
    representative = (
        eligible.join(per_trial, on=["studyId", "drug_key"])
        .with_columns(
            agrees=(pl.col("verdict") == pl.col("primary_verdict"))
            | ((pl.col("primary_verdict") == "MIXED") & pl.col("verdict").is_in(MET_VERDICTS))
        )
        .sort("studyId", "drug_key", pl.col("agrees").not_(), "outcome_id", "analysis_id")
        .unique(["studyId", "drug_key"], keep="first", maintain_order=True)
        .join(
            eligible.group_by("studyId", "drug_key").agg(analyses=pl.len().cast(pl.UInt32)), on=["studyId", "drug_key"]
        )
        .drop("favours")
        .join(favours, on=["studyId", "drug_key"], how="left")
        .with_columns(
            favours=pl.when(pl.col("primary_verdict").is_in(["MET", "MIXED"]))
            .then(pl.lit("DRUG"))
            .otherwise("favours"),
            primary_outcomes=pl.when(pl.col("primary_verdict").is_in(UNDECIDED))
            .then(pl.lit(0, pl.UInt32))
            .otherwise("primary_outcomes"),
            reason=pl.when(pl.col("primary_verdict").is_in(UNDECIDED))
            .then(pl.lit("a primary analysis cannot be read: ") + pl.col("undecided_reason"))
            .when(pl.col("primary_verdict") == "MIXED")
            .then(pl.lit("primary outcomes or doses disagree: some met, some not"))
            .when(pl.col("unread") > 0)
            .then(
                pl.col("primary_outcomes").cast(pl.String)
                + pl.lit(" primary outcome(s) decided, ")
                + pl.col("unread").cast(pl.String)
                + pl.lit(" could not be read (")
                + pl.col("undecided_reason")
                + pl.lit("): ")
                + pl.col("reason")
            )
            .when(pl.col("primary_outcomes") > 1)
            .then(
                pl.lit("all ")
                + pl.col("primary_outcomes").cast(pl.String)
                + pl.lit(" primary outcomes: ")
                + pl.col("reason")
            )
            .otherwise("reason"),
        )
    )
    # the drugs without a decidable primary analysis: the first primary row's reason, else no analysis at all
    drugs = every_drug(result_group_arms, evidence, outcomes).select(
        studyId="nct_id", drug_key="drug_key", drug_id="drug_id", drug_name=pl.coalesce("drug_name", "drug_key")
    )
    in_groups = group_drugs(result_group_arms).select(studyId="nct_id", drug_key="drug_key", in_groups=pl.lit(True))
    # studies that test a primary outcome (a p-value or an interval posted): a drug in none of the tests is not
    # compared; a study without one posts no analysis for any of its drugs
    tested = rows.filter(pl.col("verdict") != "NO_ANALYSIS").select("studyId")
    if outcome_analyses is not None:
        primary_ids = outcomes.filter(pl.col("outcome_type") == "PRIMARY").select(outcome_id="id")
        tested = pl.concat(
            [
                tested,
                outcome_analyses.join(primary_ids, on="outcome_id", how="semi")
                .filter(
                    pl.col("p_value_raw").is_not_null()
                    | (pl.col("ci_lower_limit").is_not_null() & pl.col("ci_upper_limit").is_not_null())
                )
                .select(studyId="nct_id")
                .collect(),
            ]
        )
    compared = tested.unique().with_columns(compared=pl.lit(True))
    posted = drugs.join(outcomes.select(studyId="nct_id").unique().collect(), on="studyId")
    first_rows = (
        rows.join(held, on=["studyId", "drug_key"])
        .filter(pl.col("drug_in_groups") | ~pl.col("held"))
        .sort("studyId", "drug_key", pl.col("verdict") != "NO_COMPARATOR", "outcome_id", "analysis_id")
        .unique(["studyId", "drug_key"], keep="first", maintain_order=True)
        .select("studyId", "drug_key", "role", "comparator", _first_verdict="verdict", _first_reason="reason")
    )
    roles = efficacy.select("studyId", "drug_key", "role").unique(["studyId", "drug_key"]).collect()
    others = (
        posted.join(representative.select("studyId", "drug_key"), on=["studyId", "drug_key"], how="anti")
        .join(first_rows, on=["studyId", "drug_key"], how="left")
        .join(roles.rename({"role": "_any_role"}), on=["studyId", "drug_key"], how="left")
        .join(arm_roles(result_group_arms), on=["studyId", "drug_key"], how="left")
        .join(in_groups, on=["studyId", "drug_key"], how="left")
        .join(compared, on="studyId", how="left")
        .with_columns(
            unmatched=pl.col("in_groups").is_null(),
            compared=pl.col("compared").fill_null(False) & pl.col("_first_verdict").is_null(),
        )
        .with_columns(
            role=pl.when(~pl.col("unmatched")).then(
                pl.coalesce("role", "_any_role", pl.when("compared").then(pl.lit("OTHER")), "arm_role")
            ),
            primary_verdict=pl.when(pl.col("_first_verdict") == "NO_COMPARATOR")
            .then(pl.lit("NO_COMPARATOR"))
            .when(pl.col("unmatched") & pl.col("compared"))
            .then(pl.lit("INDETERMINATE"))
            .when(pl.col("compared"))
            .then(pl.lit("NO_COMPARATOR"))
            .otherwise(pl.lit("NO_ANALYSIS")),
            reason=pl.when(pl.col("_first_verdict") == "NO_COMPARATOR")
            .then("_first_reason")
            .when(pl.col("unmatched") & pl.col("compared"))
            .then(pl.lit("no result group is matched to the drug's arm: which analyses hold it is unknown"))
            .when(pl.col("compared"))
            .then(pl.lit("the drug is in no primary analysis"))
            .when(pl.col("_first_verdict").is_not_null())
            .then(pl.lit("no between-group test of a primary outcome: ") + pl.col("_first_reason"))
            .otherwise(pl.lit("no analysis of a primary outcome posted for the drug")),
            primary_outcomes=pl.lit(0, pl.UInt32),
        )
    )
    result = (
        pl.concat(
            [
                representative.select(
                    *IDENTITY_SCHEMA,
                    "primary_verdict",
                    "favours",
                    "primary_outcomes",
                    "reason",
                    primary_outcome="outcome",
                    outcome_id="outcome_id",
                    analysis_id="analysis_id",
                    analyses="analyses",
                    alpha="alpha",
                    p_value_raw="p_value_raw",
                    param_type="param_type",
                    param_value="param_value",
                    ci_lower="ci_lower",
                    ci_upper="ci_upper",
                ),
                others.select(*IDENTITY_SCHEMA, "primary_verdict", "primary_outcomes", "reason"),
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
    for side in ("DRUG", "COMPARATOR", "UNCLEAR"):
        record(f"favours/{side}", int((result["favours"] == side).sum()))
    return result
