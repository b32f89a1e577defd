"""Who a drug is in a trial, and what each analysis compares it with: the one role model that efficacy, safety and
the adverse-event signals share.

Sides: in an analysis, the drug's groups are those whose matched arm holds it, the comparator's those whose arm
does not. What the comparator is follows from the other side's arms: controls (placebo, sham, no intervention)
or only drugs the drug's side also gets (the backbone alone in an add-on design) is PLACEBO; a drug the drug's
side lacks is ACTIVE; no drug at all, and not a control, is NON_DRUG (surgery, a device, usual care); the drug on
both sides in different arms is DOSE (its own other dose or schedule). A group not matched to an arm leaves the
comparator unknown. An arm that stops the drug ("Stopped cotrimoxazole" against "Continued cotrimoxazole") makes
the analysis a withdrawal design.

Roles, per (study, drug), from the primary analyses that put the drug on one side: ACTIVE_COMPARATOR where its
arms are all typed active comparator and the other side holds an experimental arm with another drug (an active
comparator typed arm against placebo is the drug under test, as real records type it); INVESTIGATIONAL
otherwise. A drug on both sides of every such analysis is BACKGROUND (or INVESTIGATIONAL where its arms differ,
a dose or schedule comparison); a drug of a study whose primary analyses never compare it is OTHER. A study
without a readable primary analysis falls back to its arms' types.
"""

import polars as pl

from clinical_mining.column_docs import describes
from clinical_mining.step_stats import record
from clinical_mining.steps.outcomes.arms import (
    CONTROL_TYPES,
    first_group_of_each_arm,
    intervention_drugs,
    study_drugs,
)

# how often or how a drug is given, written into an unmapped label: "Once-daily ABC+3TC", "Tadalafil PRN"
SCHEDULE = (
    r"\b(?:once|twice|three times|thrice)\s*(?:a\s+)?(?:daily|day|weekly|week|monthly)\b|\b(?:daily|weekly|"
    r"monthly|nightly|qd|bid|tid|qid|od|qod|qhs|qw|q\d+w|prn|as needed|on demand|every \d+ (?:days|weeks|months))\b"
)
ROLES = ("INVESTIGATIONAL", "ACTIVE_COMPARATOR", "BACKGROUND", "OTHER")
# the columns that say which (trial, drug) a row is and who the drug is in it: the first of trial_efficacy's and
# trial_safety's
IDENTITY_SCHEMA = {
    "studyId": pl.String,
    "drug_key": pl.String,
    "drug_name": pl.String,
    "drug_id": pl.String,
    "role": pl.String,
    "comparator": pl.String,
}


# a side's arm types as the bits of one integer: the rules read only whether a side's arms are all EXPERIMENTAL
# (the drug under test) or all ACTIVE_COMPARATOR (a reference), and whether it has an EXPERIMENTAL arm
TYPE_BITS = {"EXPERIMENTAL": 1, "ACTIVE_COMPARATOR": 2}
ANY_OTHER_TYPE = 4  # placebo, sham, no intervention, other, or a type the registry may add


def type_bits(group_type: pl.Expr) -> pl.Expr:
    """An arm's type as its bit; null for an arm without a type (older records), which ORs as no type at all."""
    bits = group_type.replace_strict(TYPE_BITS, default=ANY_OTHER_TYPE, return_dtype=pl.UInt8)
    return pl.when(group_type.is_not_null()).then(bits)


def types_only(types: pl.Expr, *names: str) -> pl.Expr:
    """Whether a side's types (`type_bits` ORed) are all among `names`: an empty side's are."""
    return (types & pl.lit(255 - sum(TYPE_BITS[name] for name in names), pl.UInt8)) == 0


def types_hold(types: pl.Expr, name: str) -> pl.Expr:
    """Whether a side's types (`type_bits` ORed) hold `name`."""
    return (types & pl.lit(TYPE_BITS[name], pl.UInt8)) > 0


def analysis_sides(members: pl.DataFrame, analyses: pl.DataFrame, study_drugs: pl.DataFrame) -> pl.DataFrame:
    """One row per (analysis, drug) that the analysis may concern, with its sides and `comparator`.

    `members`: (analysis_id, result_group_id, nct_id, design_group_id, control, drug_keys, group_type,
    withdrawal) of every group of every analysis (nct_id null where the group id points at no result group);
    `analyses`: (analysis_id, nct_id, outcome_id); `study_drugs`: (nct_id, drug_key) of the drugs of each study's
    matched groups. A drug of the study that no matched group of an analysis holds still gets a row for every
    analysis with an unmatched group: it may be in that group."""
    # each arm's drugs as one number, computed once per arm: counting distinct lists per analysis took ten times
    # as long as counting numbers. An empty list is null, so that it is not read as the list of one empty key
    # (the keys are never null)
    drugs = pl.col("drug_keys")
    spelled = pl.when(drugs.list.len() > 0).then(drugs.list.sort().list.join("\x1f"))
    members_ = members.lazy()
    drug_sets = members_.filter(first_group_of_each_arm()).select("design_group_id", drug_set=spelled.rank("dense"))
    per_analysis = (
        members_.join(drug_sets, on="design_group_id", how="left")
        .group_by("analysis_id")
        .agg(
            groups=pl.len(),
            unmatched=pl.col("design_group_id").is_null().sum(),
            withdrawal=pl.col("withdrawal").fill_null(False).any(),
            # every matched arm holds the same drugs: a dose or schedule comparison when the arms differ
            same_drugs=pl.col("drug_set").filter(pl.col("design_group_id").is_not_null()).n_unique() <= 1,
        )
    )
    matched = members_.filter(pl.col("design_group_id").is_not_null())
    held = matched.select("analysis_id", drug_key="drug_keys").explode("drug_key").drop_nulls("drug_key").unique()
    possible = (
        analyses.lazy().join(per_analysis.filter(pl.col("unmatched") > 0), on="analysis_id")
        .join(study_drugs.lazy().select("nct_id", "drug_key"), on="nct_id")
        .select("analysis_id", "drug_key")
    )
    pairs = pl.concat([held, possible]).unique()
    sided = (
        pairs.join(matched.with_columns(_type=type_bits(pl.col("group_type"))), on="analysis_id", how="left")
        .with_columns(holds=pl.col("drug_keys").list.contains(pl.col("drug_key")).fill_null(False))
        .group_by("analysis_id", "drug_key")
        .agg(
            with_groups=pl.col("holds").sum(),
            without_groups=(~pl.col("holds") & pl.col("design_group_id").is_not_null()).sum(),
            with_arms=pl.col("design_group_id").filter(pl.col("holds")).n_unique(),
            other_controls=pl.col("control").filter(~pl.col("holds")).fill_null(False).all(),
            other_drugs=pl.col("drug_keys").filter(~pl.col("holds")).explode().drop_nulls().unique(),
            own_drugs=pl.col("drug_keys").filter(pl.col("holds")).explode().drop_nulls().unique(),
            # the arms' types as bits of one integer, ORed: a set of strings per group took twice the time
            own_types=pl.col("_type").filter(pl.col("holds")).bitwise_or().fill_null(0),
            other_types=pl.col("_type").filter(~pl.col("holds")).bitwise_or().fill_null(0),
        )
    )
    extra = pl.col("other_drugs").list.set_difference("own_drugs").list.len() > 0
    renamed = _scheduled_keys(members["drug_keys"])
    same_substances = (pl.col("other_drugs").list.len() > 0) & (
        _substances(pl.col("other_drugs"), renamed)
        .list.set_symmetric_difference(_substances(pl.col("own_drugs"), renamed))
        .list.len()
        == 0
    )
    comparator = (
        pl.when(pl.col("groups") == 1)
        .then(pl.lit("NONE"))
        .when(pl.col("unmatched") > 0)
        .then(None)
        .when(pl.col("without_groups") == 0)
        .then(pl.when((pl.col("with_arms") > 1) & pl.col("same_drugs")).then(pl.lit("DOSE")).otherwise(pl.lit("NONE")))
        .when(pl.col("with_groups") == 0)
        .then(pl.lit("NONE"))
        .when(same_substances)
        .then(pl.lit("DOSE"))
        .when(extra)
        .then(pl.lit("ACTIVE"))
        .when(pl.col("other_controls") | (pl.col("other_drugs").list.len() > 0))
        .then(pl.lit("PLACEBO"))
        .otherwise(pl.lit("NON_DRUG"))
    )
    return (
        sided.join(per_analysis, on="analysis_id")
        .join(analyses.lazy(), on="analysis_id")
        .with_columns(comparator=comparator)
        .collect(engine="in-memory")
    )


def _scheduled_keys(drug_keys: pl.Series) -> pl.DataFrame:
    """(key, substance) of the drug keys (a series of lists) that write a schedule into an unmapped label
    ("tadalafil prn" is tadalafil): the regex runs on the distinct keys, not on every element of every list."""
    keys = drug_keys.explode().drop_nulls().unique()
    substance = keys.str.replace_all(SCHEDULE, " ").str.replace_all(r"\s+", " ").str.strip_chars()
    return pl.DataFrame({"key": keys, "substance": substance}).filter(pl.col("key") != pl.col("substance"))


def _substances(drugs: pl.Expr, renamed: pl.DataFrame) -> pl.Expr:
    """A list of drug keys as the substances they name (`_scheduled_keys` replaced)."""
    if renamed.is_empty():
        return drugs
    return drugs.list.eval(pl.element().replace(renamed["key"], renamed["substance"]))


def drug_roles(sides: pl.DataFrame, outcomes: pl.DataFrame, result_group_arms: pl.LazyFrame) -> pl.DataFrame:
    """(studyId, drug_key, role) of every drug of the studies' matched groups (see the module's docstring)."""
    every_primary = sides.join(
        outcomes.filter(pl.col("outcome_type") == "PRIMARY").select("outcome_id"), on="outcome_id", how="semi"
    ).rename({"nct_id": "studyId"})
    primary = every_primary.filter(pl.col("groups") > 1, pl.col("unmatched") == 0, pl.col("with_groups") > 0)
    one_side = pl.col("without_groups") > 0
    extra = pl.col("other_drugs").list.set_difference("own_drugs").list.len() > 0
    from_analyses = primary.group_by("studyId", "drug_key").agg(
        one_side=one_side.any(),
        # on every side, yet the trial's own subject: a dose or schedule comparison, or strata of one arm
        own_subject=(~one_side & ((pl.col("comparator") == "DOSE") | (pl.col("with_arms") == 1))).any(),
        own_types=pl.col("own_types").filter(one_side).bitwise_or().fill_null(0),
        other_types=pl.col("other_types").filter(one_side).bitwise_or().fill_null(0),
        extra=(extra & one_side).any(),
    )
    comparator_typed = types_only(pl.col("own_types"), "ACTIVE_COMPARATOR") & (pl.col("own_types") > 0)
    analysed_role = (
        pl.when(
            pl.col("one_side")
            & comparator_typed
            & types_hold(pl.col("other_types"), "EXPERIMENTAL")
            & pl.col("extra")
        )
        .then(pl.lit("ACTIVE_COMPARATOR"))
        .when(pl.col("one_side") | pl.col("own_subject"))
        .then(pl.lit("INVESTIGATIONAL"))
        .otherwise(pl.lit("BACKGROUND"))
    )
    # a drug of a study whose primary analyses (a single group's too) never hold it is OTHER
    studies_analysed = (
        every_primary.filter(pl.col("unmatched") == 0, pl.col("with_groups") > 0)
        .select("studyId")
        .unique()
        .with_columns(analysed=pl.lit(True))
    )
    return (
        arm_roles(result_group_arms)
        .join(
            from_analyses.with_columns(role=analysed_role).select("studyId", "drug_key", "role"),
            on=["studyId", "drug_key"],
            how="left",
        )
        .join(studies_analysed, on="studyId", how="left")
        .select(
            "studyId",
            "drug_key",
            role=pl.coalesce("role", pl.when(pl.col("analysed").fill_null(False)).then(pl.lit("OTHER")), "arm_role"),
        )
        .sort("studyId", "drug_key")
    )


def arm_roles(result_group_arms: pl.LazyFrame) -> pl.DataFrame:
    """(studyId, drug_key, arm_role) from the matched arms' types alone (`role_from_arms`), for a study without
    a readable primary analysis."""
    arms = (
        result_group_arms.filter(first_group_of_each_arm())
        .select("nct_id", "design_group_id", "group_type", "drug_keys")
        .collect()
    )
    return (
        arms.explode("drug_keys")
        .drop_nulls("drug_keys")
        .rename({"drug_keys": "drug_key"})
        .group_by("nct_id", "drug_key")
        .agg(arms_with=pl.col("design_group_id").n_unique(), types=pl.col("group_type").unique())
        .join(
            arms.group_by("nct_id").agg(arms=pl.len(), experimental=(pl.col("group_type") == "EXPERIMENTAL").sum()),
            on="nct_id",
        )
        .select(
            studyId="nct_id",
            drug_key="drug_key",
            arm_role=role_from_arms(),
        )
        .sort("studyId", "drug_key")
    )


def role_from_arms() -> pl.Expr:
    """A drug's role from the types of the arms holding it (`types`), how many of the study's arms hold it
    (`arms_with`) of how many (`arms`), and how many are experimental (`experimental`): in every arm of several,
    BACKGROUND; only in arms typed active comparator beside an experimental arm, ACTIVE_COMPARATOR; only in
    placebo-type arms (the drug its placebo matches), OTHER; else INVESTIGATIONAL."""
    types = pl.col("types")
    return (
        pl.when((pl.col("arms_with") == pl.col("arms")) & (pl.col("arms") > 1))
        .then(pl.lit("BACKGROUND"))
        .when((types.list.set_difference(["ACTIVE_COMPARATOR"]).list.len() == 0) & (pl.col("experimental") > 0))
        .then(pl.lit("ACTIVE_COMPARATOR"))
        .when(types.list.set_difference(list(CONTROL_TYPES)).list.len() == 0)
        .then(pl.lit("OTHER"))
        .otherwise(pl.lit("INVESTIGATIONAL"))
    )


def tested_drug_stop(stop: str, role: str) -> pl.Expr:
    """A study's stop group kept for one of its drugs only where that drug is the one tested (INVESTIGATIONAL):
    "Drug X vs warfarin", stopped for bleeding, says nothing of warfarin, and a drug whose role the record does
    not give counts no stop. final_df and the repurposing candidates count stops by this one rule."""
    return pl.when(pl.col(role) == "INVESTIGATIONAL").then(stop)


TRIAL_ROLE_COLUMNS = {
    "studyId": "The study (NCT id)",
    "drug_key": "The drug's key: its ChEMBL id when mapped, else its normalised label (as in final_df)",
    "role": "INVESTIGATIONAL, ACTIVE_COMPARATOR, BACKGROUND, OTHER; null where the record does not tell",
    "role_from": "analyses (the efficacy step's roles), arms (the arms' types and the drugs linked to them),"
    " only_drug (the study's one drug), or null",
}


@describes(TRIAL_ROLE_COLUMNS)
def trial_roles(
    evidence: pl.LazyFrame,
    design_groups: pl.LazyFrame,
    design_group_interventions: pl.LazyFrame,
    trial_efficacy: pl.LazyFrame | None = None,
) -> pl.DataFrame:
    """Every AACT (study, drug) with its role, for the steps that read a study's stop reason or count its
    trials per drug: a study stopped for bleeding says nothing about its comparator warfarin. The role is the
    efficacy step's where the study posted results; else it comes from the arms' types (in every arm of
    several: BACKGROUND; only in arms typed active comparator beside an experimental arm without it:
    ACTIVE_COMPARATOR; in an experimental or other arm: INVESTIGATIONAL; only in placebo-typed arms: OTHER);
    a study's only drug is INVESTIGATIONAL; a drug linked to no arm of a study of several drugs has none."""
    drugs = intervention_drugs(evidence)
    keys = study_drugs(drugs).select("nct_id", "drug_key")
    arms = design_groups.select("nct_id", design_group_id="id", group_type="group_type").join(
        keys.lazy().select("nct_id").unique(), on="nct_id", how="semi"
    )
    links = (
        design_group_interventions.select("design_group_id", "intervention_id")
        .join(drugs.lazy().select("intervention_id", "drug_key"), on="intervention_id")
        .select("design_group_id", "drug_key")
        .unique()
    )
    per_study = arms.group_by("nct_id").agg(arms=pl.len(), experimental=(pl.col("group_type") == "EXPERIMENTAL").sum())
    by_arms = (
        links.join(arms, on="design_group_id")
        .group_by("nct_id", "drug_key")
        .agg(arms_with=pl.len(), types=pl.col("group_type").unique())
        .join(per_study, on="nct_id")
        .select(
            "nct_id",
            "drug_key",
            arm_role=role_from_arms(),
        )
        .collect()
    )
    analysed = (
        trial_efficacy.select(nct_id="studyId", drug_key="drug_key", analysed_role="role").drop_nulls().collect()
        if trial_efficacy is not None
        else pl.DataFrame(schema={"nct_id": pl.String, "drug_key": pl.String, "analysed_role": pl.String})
    )
    only = keys.group_by("nct_id").agg(pl.len().alias("drugs"))
    result = (
        keys.join(analysed, on=["nct_id", "drug_key"], how="left")
        .join(by_arms, on=["nct_id", "drug_key"], how="left")
        .join(only, on="nct_id")
        .select(
            studyId="nct_id",
            drug_key="drug_key",
            role=pl.coalesce(
                "analysed_role", "arm_role", pl.when(pl.col("drugs") == 1).then(pl.lit("INVESTIGATIONAL"))
            ),
            role_from=pl.when(pl.col("analysed_role").is_not_null())
            .then(pl.lit("analyses"))
            .when(pl.col("arm_role").is_not_null())
            .then(pl.lit("arms"))
            .when(pl.col("drugs") == 1)
            .then(pl.lit("only_drug")),
        )
        .sort("studyId", "drug_key")
    )
    for role in (*ROLES, None):
        record(
            f"roles/{role or 'unknown'}",
            int(result["role"].is_null().sum() if role is None else (result["role"] == role).sum()),
        )
    return result
