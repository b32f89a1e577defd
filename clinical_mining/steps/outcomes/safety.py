"""Was it safe? Serious adverse events and deaths per trial and drug against its comparator, from posted totals.

`reported_event_totals` gives per result group (joined on the group code to the 'Reported Event' groups, the
only key it has) the subjects affected and at risk for serious events and for all-cause mortality. The groups
are read through the same arm matching and roles as efficacy (`arms.result_group_arms`, `efficacy`): a drug's
groups are the adverse-event groups of the arms holding it; its comparator's are those of its own comparison
arms, the arms on the other side of its analyses (its primary ones where it has any), never a group holding the
drug: in a factorial trial "continued cotrimoxazole" is compared with "stopped", not with every other column.
Of several comparison arms the controls win, then the arms typed active comparator (arm B of a three-arm
trial is compared with the standard arm A). A drug no analysis compares falls back on the study's control
arms, else its active comparator arms. Pooled, total, switch and extension columns are never a side; a side
whose groups cannot all be matched (a group no rule matched, an arm with no adverse-event group) gets no
counts, and `note` says why: a partial count is never shown as the whole.

The risk difference of serious events gets Newcombe's hybrid score interval built from Wilson intervals
(method 10 of Newcombe 1998), which stays inside [-1, 1] and behaves at zero cells. A group at risk of 0 ("not
monitored") gives no rate, not a rate of 0.
"""

import polars as pl

from clinical_mining.column_docs import describes
from clinical_mining.step_stats import record
from clinical_mining.steps.outcomes.arms import every_drug, first_group_of_each_arm, require_columns
from clinical_mining.steps.outcomes.roles import IDENTITY_SCHEMA, arm_roles

Z_95 = 1.959963984540054
TOTALS_COLUMNS = ("nct_id", "ctgov_group_code", "event_type", "subjects_affected", "subjects_at_risk")
SAFETY_SCHEMA = {
    **IDENTITY_SCHEMA,
    "drug_groups": pl.List(pl.String),
    "control_groups": pl.List(pl.String),
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
_CONTROL_SIDE = "its comparator's (the groups of its own comparison arms)"
SAFETY_COLUMNS = {
    "studyId": "The study (NCT id)",
    "drug_key": "The drug's key: its ChEMBL id when mapped, else its normalised label (as in final_df)",
    "drug_name": "The drug's vocabulary name, else its label",
    "drug_id": "The drug's ChEMBL id, null when unmapped",
    "role": "The drug's role in the trial: INVESTIGATIONAL, ACTIVE_COMPARATOR, BACKGROUND, OTHER",
    "comparator": "PLACEBO (placebo-type control, or the backbone alone), ACTIVE (another drug), NON_DRUG; null"
    " where there is no comparison",
    "drug_groups": "The adverse-event group codes (EG000, ...) summed for the drug",
    "control_groups": "The adverse-event group codes summed for its comparator: disjoint from the drug's",
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
    "note": "Why a side has no counts, or why there is no comparison",
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


COMPARED = ("PLACEBO", "ACTIVE", "NON_DRUG")


def _analysed_arms(
    efficacy: pl.LazyFrame | None, outcome_analysis_groups: pl.LazyFrame | None, arms: pl.DataFrame
) -> pl.DataFrame:
    """(nct_id, drug_key, design_group_id, comparator, own) of the arms of every analysis holding the drug
    against a placebo-type, active or non-drug comparator (its primary analyses where it has any): `own` where the
    arm holds the drug, else an arm it is compared with."""
    schema = {
        "nct_id": pl.String,
        "drug_key": pl.String,
        "design_group_id": pl.Int64,
        "comparator": pl.String,
        "own": pl.Boolean,
    }
    if efficacy is None or outcome_analysis_groups is None:
        return pl.DataFrame(schema=schema)
    members = outcome_analysis_groups.select(analysis_id="outcome_analysis_id", result_group_id="result_group_id")
    rows = (
        efficacy.filter(pl.col("drug_in_groups"), pl.col("comparator").is_in(COMPARED))
        .select("studyId", "drug_key", "analysis_id", "comparator", primary=pl.col("outcome_type") == "PRIMARY")
        .with_columns(any_primary=pl.col("primary").any().over("studyId", "drug_key"))
        .filter(pl.col("primary") | ~pl.col("any_primary"))
    )
    return (
        rows.join(members, on="analysis_id")
        .join(arms.lazy(), on="result_group_id")
        .group_by(nct_id="studyId", drug_key="drug_key", design_group_id="design_group_id")
        .agg(pl.col("comparator").first(), own=pl.col("drug_keys").list.contains(pl.col("drug_key")).first())
        .collect()
        .cast(schema)
    )


def _fallback_arms(study_arms: pl.DataFrame, drugs: pl.DataFrame, roles: pl.DataFrame) -> pl.DataFrame:
    """For a drug no analysis compares: for an active comparator, the experimental arms holding another drug;
    for any other, the study's control arms not holding it, else (for a drug of experimental arms) the arms
    typed active comparator holding another drug. `study_arms`: one row per arm, with its drugs (`arm_drugs`)."""
    drug_arms = drugs.select("nct_id", "drug_key").join(study_arms, on="nct_id")
    holds = pl.col("arm_drugs").list.contains(pl.col("drug_key"))
    candidates = drug_arms.filter(~holds)
    own_types = (
        drug_arms.filter(holds)
        .group_by("nct_id", "drug_key")
        .agg(own_experimental=(pl.col("group_type") == "EXPERIMENTAL").any())
    )
    reference = (
        candidates.join(roles.filter(role="ACTIVE_COMPARATOR"), on=["nct_id", "drug_key"])
        .filter(pl.col("group_type") == "EXPERIMENTAL", pl.col("arm_drugs").list.len() > 0)
        .with_columns(comparator=pl.lit("ACTIVE"))
    )
    candidates = candidates.join(roles.filter(role="ACTIVE_COMPARATOR"), on=["nct_id", "drug_key"], how="anti")
    controls = candidates.filter("control").with_columns(comparator=pl.lit("PLACEBO"))
    active = (
        candidates.join(own_types, on=["nct_id", "drug_key"])
        .filter(
            pl.col("own_experimental"),
            pl.col("group_type") == "ACTIVE_COMPARATOR",
            pl.col("arm_drugs").list.len() > 0,
        )
        .join(controls.select("nct_id", "drug_key").unique(), on=["nct_id", "drug_key"], how="anti")
        .with_columns(comparator=pl.lit("ACTIVE"))
    )
    return pl.concat([reference, controls, active], how="diagonal_relaxed").select(
        "nct_id", "drug_key", "design_group_id", "comparator"
    )


@describes(SAFETY_COLUMNS)
def trial_safety(
    reported_event_totals: pl.LazyFrame,
    result_group_arms: pl.LazyFrame,
    efficacy: pl.LazyFrame | None = None,
    outcome_analysis_groups: pl.LazyFrame | None = None,
    evidence: pl.LazyFrame | None = None,
) -> pl.DataFrame:
    """One row per (studyId, drug) of every study that posted adverse-event totals, with the drug's role:
    serious adverse events affected and at risk in the drug's groups and in its comparison arms' groups, their
    rates, the risk difference with its 95% interval, and deaths on each side (null where not reported). With
    `efficacy` and `outcome_analysis_groups`, the comparison arms and roles are those of the efficacy step; without
    them, the study's control arms and the arms' types. With `evidence`, a drug of the study that no group was
    matched to still gets its row, without counts and with the note that says why (a study whose only
    adverse-event group is its open-label phase, NCT00468650), never left out as if it had not been given."""
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
    event_groups = (
        result_group_arms.filter(pl.col("result_type") == "Reported Event")
        .select("nct_id", "ctgov_group_code", "design_group_id", "match")
        .collect()
    )
    joined = totals.join(event_groups, on=["nct_id", "ctgov_group_code"], how="left")
    unknown_code = joined.filter(pl.col("match").is_null()).height
    unmatched = joined.filter(pl.col("match") == "unmatched")
    record("totals/without_a_result_group", unknown_code)
    record("totals/group_not_matched_to_an_arm", unmatched.height)
    record(
        "totals/left_out_pooled_switch_or_extension",
        int(joined["match"].is_in(["pooled", "crossover", "extension"]).sum()),
    )
    unmatched_studies = unmatched.select("nct_id").unique().with_columns(_unmatched=pl.lit(True))
    arms = (
        result_group_arms.filter(pl.col("design_group_id").is_not_null())
        .select("nct_id", "result_group_id", "design_group_id", "group_type", "control", "drug_keys")
        .collect()
    )
    # one row per arm: every group matched to an arm carries that arm's drugs, so no join brings them back
    per_arm = arms.filter(first_group_of_each_arm()).select(
        "nct_id", "design_group_id", "group_type", "control", arm_drugs="drug_keys"
    )
    drugs = every_drug(result_group_arms, evidence, totals.lazy()).join(
        totals.select("nct_id").unique(), on="nct_id", how="semi"
    )
    roles = _roles(efficacy, result_group_arms)
    analysed_arms = _analysed_arms(efficacy, outcome_analysis_groups, arms)
    compared = analysed_arms.filter(~pl.col("own")).drop("own")
    # a drug the efficacy step has no analysis for falls back on the arms' types; one whose analyses compare it
    # only with itself (a dose or schedule) or nothing keeps no comparison
    analysed = (
        efficacy.filter(pl.col("drug_in_groups")).select(nct_id="studyId", drug_key="drug_key").unique().collect()
        if efficacy is not None
        else pl.DataFrame(schema={"nct_id": pl.String, "drug_key": pl.String})
    )
    compared = pl.concat(
        [
            compared,
            _fallback_arms(per_arm, drugs, roles).join(analysed, on=["nct_id", "drug_key"], how="anti"),
        ],
        how="vertical_relaxed",
    )
    # of several comparison arms of an investigational drug, the controls where there are any, else the arms
    # of no other investigational drug (its active comparator: arm B of a three-arm trial against the standard
    # arm A, not against arm C); an active comparator is compared with every arm tested against it; a drug that
    # is not the one tested (background, other) has no comparison of its own
    tested_drugs = roles.filter(role="INVESTIGATIONAL").group_by("nct_id").agg(tested_drugs=pl.col("drug_key"))
    typed = per_arm.join(tested_drugs, on="nct_id", how="left").select(
        "design_group_id",
        "control",
        tested=pl.col("arm_drugs").list.set_intersection(pl.col("tested_drugs").fill_null([])).list.len() > 0,
    )
    investigational = pl.col("role") == "INVESTIGATIONAL"
    compared = (
        compared.join(typed, on="design_group_id")
        .join(roles, on=["nct_id", "drug_key"], how="left")
        .filter(~pl.col("role").is_in(["BACKGROUND", "OTHER"]).fill_null(False))
        .with_columns(
            rank=pl.when(~investigational).then(0).when("control").then(0).when(~pl.col("tested")).then(1).otherwise(2)
        )
        .filter(pl.col("rank") == pl.col("rank").min().over("nct_id", "drug_key"))
        .select("nct_id", "drug_key", "design_group_id", "comparator")
    )
    # every arm of each side, and the adverse-event group (if any) matched to it; where a drug's own arms include a
    # crossover's treatments (negative ids, its groups by treatment), its sequence arms ("MED2005 then MED
    # Placebo", matched by the Baseline and Participant Flow groups named after them) are not its arms too: their
    # participants are the treatments' (NCT02495467). Per drug: another drug's treatment arm (a placebo group
    # sent to a treatment) leaves this drug's arms as they are
    by_treatment = pl.col("design_group_id") < 0
    own_arms = (
        drugs.select("nct_id", "drug_key")
        .join(per_arm.select("nct_id", "design_group_id", "arm_drugs"), on="nct_id")
        .filter(pl.col("arm_drugs").list.contains(pl.col("drug_key")))
        .filter(by_treatment | ~by_treatment.any().over("nct_id", "drug_key"))
        .select("nct_id", "drug_key", "design_group_id", side=pl.lit("drug"))
    )
    own_arms = _on_the_backbone(own_arms, compared, per_arm, analysed_arms.filter("own"))
    # a study that posted no adverse-event totals has no row: its comparison arms (from the efficacy step) are
    # not read without them, where they gave a row whose note blamed the arm matching (NCT00301262)
    sides = pl.concat(
        [own_arms, compared.select("nct_id", "drug_key", "design_group_id", side=pl.lit("control"))]
    ).join(drugs.select("nct_id").unique(), on="nct_id", how="semi")
    event_arms = (
        joined.filter(pl.col("design_group_id").is_not_null())
        .select("design_group_id", "ctgov_group_code", "sae_affected", "sae_at_risk", "deaths")
        # an arm with several adverse-event groups (treatment and follow-up phases, cohorts): the same
        # participants would be counted more than once
        .with_columns(repeated=pl.len().over("design_group_id") > 1)
    )
    sided = sides.join(event_arms, on="design_group_id", how="left")
    drug_side, control_side = pl.col("side") == "drug", pl.col("side") == "control"
    per_drug = drugs.select("nct_id", "drug_key").join(
        sided.group_by("nct_id", "drug_key").agg(
            drug_groups=pl.col("ctgov_group_code").filter(drug_side).drop_nulls().unique().sort(),
            control_groups=pl.col("ctgov_group_code").filter(control_side).drop_nulls().unique().sort(),
            drug_arms_missing=(drug_side & pl.col("ctgov_group_code").is_null()).sum(),
            drug_repeated=(drug_side & pl.col("repeated").fill_null(False)).any(),
            control_repeated=(control_side & pl.col("repeated").fill_null(False)).any(),
            control_arms=control_side.sum(),
            control_arms_missing=(control_side & pl.col("ctgov_group_code").is_null()).sum(),
            sae_affected=_summed("sae_affected", drug_side),
            sae_at_risk=_summed("sae_at_risk", drug_side),
            deaths=_summed("deaths", drug_side),
            control_sae_affected=_summed("sae_affected", control_side),
            control_sae_at_risk=_summed("sae_at_risk", control_side),
            control_deaths=_summed("deaths", control_side),
        ),
        on=["nct_id", "drug_key"],
        how="left",
    )
    # a drug on no arm that an adverse-event group was matched to has neither side's groups
    per_drug = per_drug.with_columns(
        pl.col("drug_groups", "control_groups").fill_null([]),
        pl.col("drug_arms_missing", "control_arms", "control_arms_missing").fill_null(0),
        pl.col("drug_repeated", "control_repeated").fill_null(False),
    )
    comparators = compared.group_by("nct_id", "drug_key").agg(
        comparator=pl.when((pl.col("comparator") == "PLACEBO").any())
        .then(pl.lit("PLACEBO"))
        .when((pl.col("comparator") == "ACTIVE").any())
        .then(pl.lit("ACTIVE"))
        .otherwise(pl.col("comparator").first())
    )
    unmatched_study = pl.col("_unmatched").fill_null(False)
    drug_complete, control_complete = (
        ~unmatched_study
        & (pl.col(f"{side}_arms_missing") == 0)
        & (pl.col(f"{side}_groups").list.len() > 0)
        & ~pl.col(f"{side}_repeated")
        for side in ("drug", "control")
    )
    note = (
        pl.when(unmatched_study)
        .then(pl.lit("an adverse-event group is not matched to an arm: either side could hold it"))
        .when(pl.col("drug_groups").list.len() == 0)
        .then(pl.lit("no adverse-event group is matched to the drug's arms"))
        .when(pl.col("drug_arms_missing") > 0)
        .then(pl.lit("an arm of the drug has no adverse-event group: its counts would be partial"))
        .when(pl.col("drug_repeated") | pl.col("control_repeated"))
        .then(pl.lit("an arm has several adverse-event groups (phases, periods, cohorts): participants counted twice"))
        .when(pl.col("control_arms") == 0)
        .then(
            pl.when(pl.col("role") == "BACKGROUND")
            .then(pl.lit("the drug is in every compared arm"))
            .when(pl.col("role") == "OTHER")
            .then(pl.lit("the drug is in no comparison of the trial"))
            .otherwise(pl.lit("no arm the drug is compared with (against a placebo-type, active or non-drug arm)"))
        )
        .when(pl.col("control_arms_missing") > 0)
        .then(pl.lit("a comparison arm has no adverse-event group: its counts would be partial"))
    )
    result = (
        per_drug.join(unmatched_studies, on="nct_id", how="left")
        .join(comparators, on=["nct_id", "drug_key"], how="left")
        .join(roles, on=["nct_id", "drug_key"], how="left")
        .with_columns(note=note, _drug=drug_complete, _control=control_complete & drug_complete)
        .with_columns(pl.when("_drug").then(pl.col(c)).alias(c) for c in ("sae_affected", "sae_at_risk", "deaths"))
        .with_columns(
            pl.when("_control").then(pl.col(c)).alias(c)
            for c in ("control_sae_affected", "control_sae_at_risk", "control_deaths", "comparator")
        )
    )
    difference, lower, upper = newcombe_difference(
        pl.col("sae_affected"), pl.col("sae_at_risk"), pl.col("control_sae_affected"), pl.col("control_sae_at_risk")
    )
    result = (
        result.with_columns(
            sae_rate=pl.col("sae_affected") / pl.when(pl.col("sae_at_risk") > 0).then(pl.col("sae_at_risk")),
            control_sae_rate=pl.col("control_sae_affected")
            / pl.when(pl.col("control_sae_at_risk") > 0).then(pl.col("control_sae_at_risk")),
            sae_risk_difference=difference,
            sae_rd_lower=lower,
            sae_rd_upper=upper,
        )
        .join(drugs, on=["nct_id", "drug_key"], how="left")
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
    record("rows_without_counts", int(result["sae_affected"].is_null().sum()))
    record("groups_at_risk_zero", int((totals["sae_at_risk"] == 0).sum()))
    return result


def _on_the_backbone(
    own_arms: pl.DataFrame, compared: pl.DataFrame, per_arm: pl.DataFrame, analysed: pl.DataFrame
) -> pl.DataFrame:
    """A drug's own arms that hold every drug its comparison arms all hold, or that its analyses compare: in an
    add-on design the drug is compared on its backbone ("1 mg LY2452473 + 5 mg tadalafil" against "5 mg tadalafil
    + placebo"), and its arm without the backbone ("5 mg LY2452473 + placebo"), in none of its analyses, is in no
    such comparison (NCT01160289); where an analysis compares that arm too (dapagliflozin alone against
    metformin beside the add-on), it stays. A drug whose comparison arms share no drug (placebo alone, or a
    factorial's placebo and other-drug arms), or none of whose arms holds their backbone, keeps every arm."""
    drug = ["nct_id", "drug_key"]
    drugs_of = per_arm.select("design_group_id", "arm_drugs")
    backbone = (
        compared.join(drugs_of, on="design_group_id")
        .with_columns(arms=pl.len().over("nct_id", "drug_key"))
        .explode("arm_drugs")
        .filter(pl.col("arm_drugs") != pl.col("drug_key"))
        .group_by("nct_id", "drug_key", "arm_drugs")
        .agg(held=pl.len(), arms=pl.col("arms").first())
        .filter(pl.col("held") == pl.col("arms"))
        .group_by("nct_id", "drug_key")
        .agg(backbone=pl.col("arm_drugs"))
    )
    on_it = (
        own_arms.join(drugs_of, on="design_group_id")
        .join(backbone, on=["nct_id", "drug_key"])
        .filter(pl.col("backbone").list.set_difference("arm_drugs").list.len() == 0)
        .select("nct_id", "drug_key", "design_group_id")
    )
    on_it = pl.concat([on_it, on_it.select(drug).unique().join(analysed.select(*drug, "design_group_id"), on=drug)])
    return pl.concat(
        [
            own_arms.join(on_it.select(drug).unique(), on=drug, how="anti"),
            own_arms.join(on_it, on=[*drug, "design_group_id"], how="semi"),
        ]
    )


def _roles(efficacy: pl.LazyFrame | None, result_group_arms: pl.LazyFrame) -> pl.DataFrame:
    """(nct_id, drug_key, role): the efficacy step's, else the arms' types."""
    by_arms = arm_roles(result_group_arms).select(nct_id="studyId", drug_key="drug_key", role="arm_role")
    if efficacy is None:
        return by_arms
    analysed = (
        efficacy.select(nct_id="studyId", drug_key="drug_key", role="role")
        .drop_nulls("role")
        .unique(["nct_id", "drug_key"])
        .collect()
    )
    return pl.concat([analysed, by_arms.join(analysed, on=["nct_id", "drug_key"], how="anti")])
