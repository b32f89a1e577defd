"""Was it safe? Serious adverse events and deaths per trial and drug against its comparator, from posted totals.

`reported_event_totals` gives per result group (joined on the group code to the 'Reported Event' groups, the
only key it has) the subjects affected and at risk for serious events and for all-cause mortality. The groups
are read through the same arm matching as efficacy (`arms.result_group_arms`), so a drug's groups are the
matched groups holding it and its comparator's are the others: the control groups where there are any, else
the other drugs' (an active comparator). The risk difference of serious events gets Newcombe's hybrid score
interval built from Wilson intervals (method 10 of Newcombe 1998), which stays inside [-1, 1] and behaves at
zero cells. A group at risk of 0 ("not monitored") gives no rate, not a rate of 0; a study with a group no
rule matched to an arm gives no comparison, since its totals could belong to either side.
"""

import polars as pl

from clinical_mining.column_docs import describes
from clinical_mining.step_stats import record
from clinical_mining.steps.arms import group_drugs, require_columns

Z_95 = 1.959963984540054
TOTALS_COLUMNS = ("nct_id", "ctgov_group_code", "event_type", "subjects_affected", "subjects_at_risk")
SAFETY_SCHEMA = {
    "studyId": pl.String,
    "drug_key": pl.String,
    "drug_name": pl.String,
    "drug_id": pl.String,
    "comparator": pl.String,
    "sae_affected": pl.Int64,
    "sae_at_risk": pl.Int64,
    "control_sae_affected": pl.Int64,
    "control_sae_at_risk": pl.Int64,
    "sae_rate": pl.Float64,
    "control_sae_rate": pl.Float64,
    "sae_risk_difference": pl.Float64,
    "sae_rd_lower": pl.Float64,
    "sae_rd_upper": pl.Float64,
    "deaths": pl.Int64,
    "control_deaths": pl.Int64,
    "note": pl.String,
}


_DRUG_SIDE = "the drug's groups"
_CONTROL_SIDE = "its comparator's (the control groups, else the other drugs')"
SAFETY_COLUMNS = {
    "studyId": "The study (NCT id)",
    "drug_key": "The drug's key: its ChEMBL id when mapped, else its normalised label (as in final_df)",
    "drug_name": "The drug's vocabulary name, else its label",
    "drug_id": "The drug's ChEMBL id, null when unmapped",
    "comparator": "PLACEBO (control groups) or ACTIVE (other drugs); null where there is no comparison",
    "sae_affected": "Participants with a serious adverse event in " + _DRUG_SIDE,
    "sae_at_risk": "Participants at risk of serious adverse events in " + _DRUG_SIDE,
    "control_sae_affected": "Participants with a serious adverse event in " + _CONTROL_SIDE,
    "control_sae_at_risk": "Participants at risk in " + _CONTROL_SIDE,
    "sae_rate": "sae_affected / sae_at_risk; null where nobody was at risk",
    "control_sae_rate": "The comparator's rate; null where nobody was at risk",
    "sae_risk_difference": "sae_rate minus control_sae_rate",
    "sae_rd_lower": "Lower limit of the risk difference's 95% interval (Newcombe's hybrid score, Wilson based)",
    "sae_rd_upper": "Upper limit of that interval",
    "deaths": "Deaths (all-cause mortality) in the drug's groups; null where not reported",
    "control_deaths": "Deaths in the comparator's groups; null where not reported",
    "note": "Why there is no comparison, where there is none",
}


def wilson(affected: pl.Expr, at_risk: pl.Expr, z: float = Z_95) -> tuple[pl.Expr, pl.Expr]:
    """Wilson's score interval of a proportion; null where nobody was at risk."""
    n = pl.when(at_risk > 0).then(at_risk.cast(pl.Float64))
    p = affected.cast(pl.Float64) / n
    centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z * ((p * (1 - p) / n + z**2 / (4 * n**2)).sqrt()) / (1 + z**2 / n)
    return centre - half, centre + half


def newcombe_difference(
    affected: pl.Expr, at_risk: pl.Expr, control_affected: pl.Expr, control_at_risk: pl.Expr
) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
    """(difference, lower, upper) of two proportions, drug minus control, with Newcombe's hybrid score interval."""
    p1 = affected.cast(pl.Float64) / pl.when(at_risk > 0).then(at_risk.cast(pl.Float64))
    p2 = control_affected.cast(pl.Float64) / pl.when(control_at_risk > 0).then(control_at_risk.cast(pl.Float64))
    l1, u1 = wilson(affected, at_risk)
    l2, u2 = wilson(control_affected, control_at_risk)
    difference = p1 - p2
    lower = difference - ((p1 - l1) ** 2 + (u2 - p2) ** 2).sqrt()
    upper = difference + ((u1 - p1) ** 2 + (p2 - l2) ** 2).sqrt()
    return difference, lower, upper


def _summed(column: str, condition: pl.Expr) -> pl.Expr:
    """The sum over the rows where `condition` holds, null where none of them reported the figure."""
    values = pl.col(column).filter(condition)
    return pl.when(values.count() > 0).then(values.sum())


@describes(SAFETY_COLUMNS)
def trial_safety(reported_event_totals: pl.LazyFrame, result_group_arms: pl.LazyFrame) -> pl.DataFrame:
    """One row per (studyId, drug) of every study that posted adverse-event totals for matched groups: serious
    adverse events affected and at risk in the drug's groups and in its comparator's, their rates, the risk
    difference with its 95% interval, and deaths on each side (null where not reported)."""
    require_columns(reported_event_totals, "reported_event_totals", TOTALS_COLUMNS, "trial_safety")
    totals = (
        reported_event_totals.select(TOTALS_COLUMNS)
        .filter(pl.col("event_type").is_in(["serious", "deaths"]))
        .group_by("nct_id", "ctgov_group_code")
        .agg(
            sae_affected=_summed("subjects_affected", pl.col("event_type") == "serious"),
            sae_at_risk=_summed("subjects_at_risk", pl.col("event_type") == "serious"),
            deaths=_summed("subjects_affected", pl.col("event_type") == "deaths"),
        )
        .collect()
    )
    groups = (
        result_group_arms.filter(pl.col("result_type") == "Reported Event")
        .select("nct_id", "ctgov_group_code", "design_group_id", "control", "drug_keys")
        .collect()
    )
    joined = totals.join(groups, on=["nct_id", "ctgov_group_code"], how="left")
    without_group = joined.filter(pl.col("drug_keys").is_null() & pl.col("design_group_id").is_null())
    unknown_code = totals.join(groups, on=["nct_id", "ctgov_group_code"], how="anti").height
    record("totals/without_a_result_group", unknown_code)
    record("totals/group_not_matched_to_an_arm", without_group.height - unknown_code)
    unmatched_studies = without_group.select("nct_id").unique().with_columns(_unmatched=pl.lit(True))
    matched = joined.filter(pl.col("design_group_id").is_not_null())
    pairs = (
        matched.explode("drug_keys")
        .drop_nulls("drug_keys")
        .select("nct_id", drug_key="drug_keys")
        .unique()
        .join(matched, on="nct_id")
        .with_columns(holds=pl.col("drug_keys").list.contains(pl.col("drug_key")))
        .with_columns(
            # the comparator is the control groups not holding the drug, else every group not holding it
            side=pl.when("holds")
            .then(pl.lit("drug"))
            .when(pl.col("control") | ~(pl.col("control") & ~pl.col("holds")).any().over("nct_id", "drug_key"))
            .then(pl.lit("comparator"))
        )
    )
    drug, comparator = pl.col("side") == "drug", pl.col("side") == "comparator"
    sides = pairs.group_by("nct_id", "drug_key").agg(
        sae_affected=_summed("sae_affected", drug),
        sae_at_risk=_summed("sae_at_risk", drug),
        deaths=_summed("deaths", drug),
        control_sae_affected=_summed("sae_affected", comparator),
        control_sae_at_risk=_summed("sae_at_risk", comparator),
        control_deaths=_summed("deaths", comparator),
        comparator_groups=comparator.sum(),
        comparator_controls=(comparator & pl.col("control")).any(),
    )
    difference, lower, upper = newcombe_difference(
        pl.col("sae_affected"), pl.col("sae_at_risk"), pl.col("control_sae_affected"), pl.col("control_sae_at_risk")
    )
    unmatched = pl.col("_unmatched").fill_null(False)
    compared = (pl.col("comparator_groups") > 0) & ~unmatched
    names = group_drugs(result_group_arms).rename({"nct_id": "studyId"})
    result = (
        sides.join(unmatched_studies, on="nct_id", how="left")
        .with_columns(
            comparator=pl.when(~compared)
            .then(None)
            .when("comparator_controls")
            .then(pl.lit("PLACEBO"))
            .otherwise(pl.lit("ACTIVE")),
            sae_rate=pl.col("sae_affected") / pl.when(pl.col("sae_at_risk") > 0).then(pl.col("sae_at_risk")),
            control_sae_rate=pl.when(compared).then(
                pl.col("control_sae_affected") / pl.when(pl.col("control_sae_at_risk") > 0).then("control_sae_at_risk")
            ),
            sae_risk_difference=pl.when(compared).then(difference),
            sae_rd_lower=pl.when(compared).then(lower),
            sae_rd_upper=pl.when(compared).then(upper),
            note=pl.when(unmatched)
            .then(pl.lit("a group not matched to an arm"))
            .when(pl.col("comparator_groups") == 0)
            .then(pl.lit("the drug is in every group")),
        )
        .with_columns(
            pl.when(compared).then(pl.col(c)).alias(c)
            for c in ("control_sae_affected", "control_sae_at_risk", "control_deaths")
        )
        .join(names, left_on=["nct_id", "drug_key"], right_on=["studyId", "drug_key"], how="left")
        .select(
            studyId="nct_id",
            drug_key="drug_key",
            drug_name=pl.coalesce("drug_name", "drug_key"),
            **{name: name for name in list(SAFETY_SCHEMA)[3:]},
        )
        .cast(SAFETY_SCHEMA)
        .sort("studyId", "drug_key")
    )
    record("studies", result["studyId"].n_unique())
    record("rows_compared", int(result["sae_risk_difference"].is_not_null().sum()))
    record("groups_at_risk_zero", int((totals["sae_at_risk"] == 0).sum()))
    return result
