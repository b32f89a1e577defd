"""Where else could it work? For every approved drug, the other diseases its trials tested, how they went, and
how far those diseases stand from what it is approved for; and the never-approved drugs that worked and were
shelved for business reasons.

A candidate is a (drug, disease) pair with clinical evidence where the drug is approved for at least one other
disease and not for this one. Both sides must be mapped to ids: a pair keyed by a label could be one of the
drug's approved diseases written another way, and calling it new would be a guess. Approvals are the
evidence rows at stage APPROVAL (ChEMBL's regulatory references, PMDA, AACT's APPROVED_FOR_MARKETING).

`relation` reads the disease vocabulary's hierarchy, the closest relation to any approved disease winning:
DESCENDANT_OF_APPROVED (a narrower form of an approved disease) and ANCESTOR_OF_APPROVED (a broader one) are
refinements, not new indications; SAME_FAMILY shares an ancestor below the therapeutic areas; then
SAME_THERAPEUTIC_AREA and NEW_THERAPEUTIC_AREA. UNKNOWN where the vocabulary gives no hierarchy for the disease
or for one of the approved diseases: "new area" is said only when every approved disease is known to be in
another.

`tier` (an ordered category):
- TIER_1: a comparative trial of phase 2 or later met its primary outcome for the drug (MET or NON_INFERIOR);
- TIER_2: a trial of phase 2 or later completed without a verdict for the drug, or stopped for neutral reasons;
- TIER_3: only ongoing or early trials, or evidence with no trial behind it (a ChEMBL phase);
- FAILED: every trial of the pair failed (NOT_MET or NI_NOT_SHOWN, or stopped in the Negative or Safety group),
  as repoDB lists failures.
Negative evidence is never hidden: `trials_not_met`, `stopped_negative`, `stopped_safety` and the drug's
`warnings` sit beside every tier. Rows are ordered by tier, then by trials met, furthest stage, trials, fewest
negatives and names.
"""

import polars as pl

from clinical_mining.column_docs import describes
from clinical_mining.step_stats import record, warn
from clinical_mining.steps.evidence.pairs import pair_ids, pair_keys, side_keys
from clinical_mining.steps.evidence.stage import STAGE_DTYPE
from clinical_mining.steps.evidence.warnings import WARNINGS_DTYPE, warnings_by_drug
from clinical_mining.steps.outcomes.efficacy import MET_VERDICTS, NOT_MET_VERDICTS
from clinical_mining.steps.outcomes.roles import tested_drug_stop

TIERS = ("TIER_1", "TIER_2", "TIER_3", "FAILED")
TIER_DTYPE = pl.Enum(list(TIERS))
RELATIONS = (
    "DESCENDANT_OF_APPROVED",
    "ANCESTOR_OF_APPROVED",
    "SAME_FAMILY",
    "SAME_THERAPEUTIC_AREA",
    "NEW_THERAPEUTIC_AREA",
    "UNKNOWN",
)
LATE_PHASES = ("PHASE_2", "PHASE_2_3", "PHASE_3", "PHASE_4")
ONGOING_STATUSES = ("RECRUITING", "NOT_YET_RECRUITING", "ACTIVE_NOT_RECRUITING", "ENROLLING_BY_INVITATION")
TOP_ROWS = 15
EVIDENCE_COLUMNS = (
    "studyId",
    "source",
    "drug_id",
    "disease_id",
    "drug_name",
    "disease_name",
    "drug_vocabulary_name",
    "disease_vocabulary_name",
    "clinical_stage",
    "overall_status",
)
APPROVED_DTYPE = pl.List(pl.Struct({"disease_id": pl.String, "disease_name": pl.String}))
SCHEMA = {
    "drug_id": pl.String,
    "drug_name": pl.String,
    "disease_id": pl.String,
    "disease_name": pl.String,
    "approved_for": APPROVED_DTYPE,
    "relation": pl.String,
    "tier": TIER_DTYPE,
    "shelved": pl.Boolean,
    "max_clinical_stage": pl.String,
    "trials": pl.UInt32,
    "trials_met": pl.UInt32,
    "trials_not_met": pl.UInt32,
    "stopped_negative": pl.UInt32,
    "stopped_safety": pl.UInt32,
    "warnings": WARNINGS_DTYPE,
    "studyIds": pl.List(pl.String),
    "pair_id": pl.String,
}


CANDIDATE_COLUMNS = {
    "drug_id": "ChEMBL id of the drug (null for a shelved code name the vocabulary does not know)",
    "drug_name": "The drug's vocabulary name, else its label",
    "disease_id": "Id of the candidate disease",
    "disease_name": "The disease's vocabulary name, else its label",
    "approved_for": "The diseases the drug is approved for: list of {disease_id, disease_name}",
    "relation": "How the disease stands to the approved ones in the hierarchy: DESCENDANT_OF_APPROVED,"
    " ANCESTOR_OF_APPROVED, SAME_FAMILY, SAME_THERAPEUTIC_AREA, NEW_THERAPEUTIC_AREA, UNKNOWN; null when shelved",
    "tier": "TIER_1 (met in phase 2+), TIER_2 (completed without verdict, or a neutral stop), TIER_3 (ongoing or"
    " early only), FAILED (every trial failed)",
    "shelved": "A never-approved drug that met a phase 2+ primary outcome and stopped for business reasons",
    "max_clinical_stage": "The pair's furthest stage (as in final_df)",
    "trials": "AACT studies of the pair",
    "trials_met": "Of those, the ones whose primary verdict for the drug is MET or NON_INFERIOR",
    "trials_not_met": "The ones whose primary verdict is NOT_MET or NI_NOT_SHOWN",
    "stopped_negative": "The ones stopped for lack of efficacy (stop group Negative)",
    "stopped_safety": "The ones stopped for safety (stop group Safety)",
    "warnings": "The drug's ChEMBL warnings: list of {warning_type, warning_class, countries, year}",
    "studyIds": "The AACT studies, sorted",
    "pair_id": "Stable hash of the pair's drug and disease keys, the same as final_df's",
}


def _trial_outcomes(
    rows: pl.LazyFrame,
    trial_efficacy: pl.LazyFrame,
    stop_reasons: pl.LazyFrame,
    drug: str,
    trial_roles: pl.LazyFrame | None = None,
) -> pl.LazyFrame:
    """The AACT rows of `rows`, one per (pair, study), with the drug's primary verdict and the stop group; with
    `trial_roles`, a stop only for the drug the study tests (INVESTIGATIONAL), not its comparators."""
    verdicts = trial_efficacy.select("studyId", pl.col("drug_key").alias(drug), _verdict="primary_verdict")
    stops = stop_reasons.select("studyId", _stop="stop_group")
    joined = rows.filter(pl.col("source") == "AACT").join(stops, on="studyId", how="left")
    if trial_roles is not None:
        roles = trial_roles.select("studyId", pl.col("drug_key").alias(drug), _role="role")
        joined = (
            joined.join(roles, on=["studyId", drug], how="left")
            .with_columns(_stop=tested_drug_stop("_stop", "_role"))
            .drop("_role")
        )
    return (
        joined.join(verdicts, on=["studyId", drug], how="left")
        .with_columns(
            _late=pl.col("clinical_stage").cast(pl.String).is_in(LATE_PHASES),
            _met=pl.col("_verdict").is_in(MET_VERDICTS).fill_null(False),
            _not_met=pl.col("_verdict").is_in(NOT_MET_VERDICTS).fill_null(False),
            _decided=pl.col("_verdict").is_in([*MET_VERDICTS, *NOT_MET_VERDICTS]).fill_null(False),
        )
        .with_columns(_failed=pl.col("_not_met") | pl.col("_stop").is_in(["Negative", "Safety"]).fill_null(False))
    )


def _tiered(trials: pl.LazyFrame, keys: list[str]) -> pl.LazyFrame:
    """Per pair: the counts of its trials and its tier."""
    study = pl.col("studyId")
    return trials.group_by(keys).agg(
        trials=study.n_unique().cast(pl.UInt32),
        trials_met=study.filter("_met").n_unique().cast(pl.UInt32),
        trials_not_met=study.filter("_not_met").n_unique().cast(pl.UInt32),
        stopped_negative=study.filter(pl.col("_stop") == "Negative").n_unique().cast(pl.UInt32),
        stopped_safety=study.filter(pl.col("_stop") == "Safety").n_unique().cast(pl.UInt32),
        studyIds=study.unique().sort(),
        _tier=pl.when((pl.col("_met") & pl.col("_late")).any())
        .then(pl.lit("TIER_1"))
        .when(pl.col("_failed").all())
        .then(pl.lit("FAILED"))
        .when(
            (
                pl.col("_late")
                & ((pl.col("overall_status") == "COMPLETED") & ~pl.col("_decided") | (pl.col("_stop") == "Neutral"))
            ).any()
        )
        .then(pl.lit("TIER_2"))
        .otherwise(pl.lit("TIER_3")),
    )


def _relations(candidates: pl.DataFrame, approved: pl.DataFrame, hierarchy: pl.DataFrame) -> pl.DataFrame:
    """(drug_id, disease_id, relation): the closest relation of each candidate disease to the drug's approved
    diseases: the candidate below an approved disease, above one, sharing an ancestor that is not a therapeutic
    area, sharing a therapeutic area; else a new area where both are placed in the hierarchy, unknown if not.

    Each relation is a join of the (candidate, approved disease) pairs with the hierarchy's ancestors or areas,
    one row per (disease, ancestor), not a list operation per pair: a vocabulary as deep as EFO gives each disease
    tens of ancestors, and an approved drug several approved diseases for each of its candidates."""
    pairs = (
        candidates.lazy()
        .select("drug_id", "disease_id")
        .join(approved.lazy().select("drug_id", approved_id="disease_id"), on="drug_id")
    )
    tree = hierarchy.lazy()
    ancestors = tree.select("id", ancestor="ancestors").explode("ancestor").drop_nulls().unique()
    areas = tree.select("id", area="therapeuticAreas").explode("area").drop_nulls().unique()
    keys = ["drug_id", "disease_id", "approved_id"]

    def placed(side: str) -> pl.LazyFrame:  # the side's ancestors, renamed for a join on the side
        return ancestors.rename({"id": side, "ancestor": "shared"})

    below = pairs.join(ancestors, left_on=["disease_id", "approved_id"], right_on=["id", "ancestor"], how="semi")
    above = pairs.join(ancestors, left_on=["approved_id", "disease_id"], right_on=["id", "ancestor"], how="semi")
    family = (
        pairs.join(placed("disease_id"), on="disease_id")
        .join(placed("approved_id"), on=["approved_id", "shared"], how="semi")
        # a shared ancestor that is either disease's therapeutic area makes them only the same area
        .join(areas, left_on=["disease_id", "shared"], right_on=["id", "area"], how="anti")
        .join(areas, left_on=["approved_id", "shared"], right_on=["id", "area"], how="anti")
        .select(keys)
    )
    same_area = (
        pairs.join(areas.rename({"id": "disease_id"}), on="disease_id")
        .join(areas.rename({"id": "approved_id"}), on=["approved_id", "area"], how="semi")
        .select(keys)
    )
    ranked = pl.concat(
        [
            frame.select(keys).with_columns(rank=pl.lit(rank, pl.Int32))
            for rank, frame in enumerate((below, above, family, same_area))
        ]
    )
    # a disease is placed in the hierarchy when the vocabulary gives its therapeutic areas
    placed_ids = hierarchy.filter(pl.col("therapeuticAreas").is_not_null())["id"].implode()
    known = (
        pairs.with_columns(known=pl.col("disease_id").is_in(placed_ids) & pl.col("approved_id").is_in(placed_ids))
        .group_by("drug_id", "disease_id")
        .agg(all_known=pl.col("known").all())
    )
    closest = ranked.group_by("drug_id", "disease_id").agg(pl.col("rank").min())
    return (
        known.join(closest, on=["drug_id", "disease_id"], how="left")
        .select(
            "drug_id",
            "disease_id",
            relation=pl.coalesce("rank", pl.when("all_known").then(4), pl.lit(5)).replace_strict(
                dict(enumerate(RELATIONS)), return_dtype=pl.String
            ),
        )
        .collect()
    )


@describes(CANDIDATE_COLUMNS)
def repurposing_candidates(
    evidence: pl.LazyFrame,
    trial_efficacy: pl.LazyFrame,
    stop_reasons: pl.LazyFrame,
    disease_vocabulary: pl.DataFrame,
    drug_warnings: pl.DataFrame | None = None,
    drug_lookup: pl.DataFrame | None = None,
    trial_roles: pl.LazyFrame | None = None,
) -> pl.DataFrame:
    """One row per candidate (drug, disease) and per shelved asset, in the order of the tiers (see the module).
    With `trial_roles`, a study's stop counts only for the drug it tests."""
    rows = evidence.select(EVIDENCE_COLUMNS).with_columns(pl.col("clinical_stage").cast(STAGE_DTYPE))
    is_approval = pl.col("clinical_stage") == "APPROVAL"
    mapped = pl.col("drug_id").is_not_null() & pl.col("disease_id").is_not_null()
    approvals = rows.filter(is_approval).collect()
    approved = (
        approvals.filter(mapped)
        .group_by("drug_id", "disease_id")
        .agg(disease_name=pl.coalesce("disease_vocabulary_name", "disease_name", "disease_id").min())
    )
    record("approvals/pairs", approved.height)
    record("approvals/rows_not_mapped_on_both_sides", int(approvals.select((~mapped).sum()).item()))
    approved_drugs = approved.select("drug_id").unique()

    drug_rows = (
        rows.filter(mapped)
        .join(approved_drugs.lazy(), on="drug_id", how="semi")
        .join(approved.lazy().select("drug_id", "disease_id"), on=["drug_id", "disease_id"], how="anti")
        .collect()
    )
    pairs = drug_rows.group_by("drug_id", "disease_id").agg(
        drug_name=pl.coalesce("drug_vocabulary_name", "drug_name", "drug_id").min(),
        disease_name=pl.coalesce("disease_vocabulary_name", "disease_name", "disease_id").min(),
        max_clinical_stage=pl.col("clinical_stage").max(),
    )
    trials = _tiered(
        _trial_outcomes(drug_rows.lazy(), trial_efficacy, stop_reasons, "drug_id", trial_roles),
        ["drug_id", "disease_id"],
    ).collect()
    hierarchy = disease_vocabulary.select("id", "ancestors", "therapeuticAreas")
    if hierarchy["therapeuticAreas"].is_not_null().sum() == 0:
        warn("the disease vocabulary has no parents, ancestors or therapeuticAreas: every relation is UNKNOWN")
    relations = _relations(pairs, approved, hierarchy)
    approved_for = approved.group_by("drug_id").agg(
        approved_for=pl.struct("disease_id", "disease_name").sort_by("disease_id")
    )
    candidates = (
        pairs.join(trials, on=["drug_id", "disease_id"], how="left")
        .join(relations, on=["drug_id", "disease_id"], how="left")
        .join(approved_for, on="drug_id", how="left")
        .with_columns(
            tier=pl.coalesce("_tier", pl.lit("TIER_3")),
            shelved=pl.lit(False),
            drug_key="drug_id",
            disease_key="disease_id",
        )
    )
    shelved = _shelved(rows, approvals, trial_efficacy, stop_reasons, trial_roles)
    found = pl.concat([candidates, shelved], how="diagonal_relaxed")
    found = found.with_columns(pair_id=pair_ids(found["drug_key"], found["disease_key"]))
    if drug_warnings is not None and drug_lookup is not None:
        found = found.join(warnings_by_drug(drug_warnings, drug_lookup), on="drug_id", how="left")
    else:
        found = found.with_columns(warnings=pl.lit(None, WARNINGS_DTYPE))
    result = (
        found.with_columns(
            pl.col(c).fill_null(0)
            for c in ("trials", "trials_met", "trials_not_met", "stopped_negative", "stopped_safety")
        )
        .with_columns(
            studyIds=pl.col("studyIds").fill_null([]),
            approved_for=pl.col("approved_for").fill_null([]),
            tier=pl.col("tier").cast(TIER_DTYPE),
            max_clinical_stage=pl.col("max_clinical_stage").cast(STAGE_DTYPE),
            _negatives=pl.col("trials_not_met") + pl.col("stopped_negative") + pl.col("stopped_safety"),
        )
        .sort(
            ["tier", "trials_met", "max_clinical_stage", "trials", "_negatives", "drug_name", "disease_name"],
            descending=[False, True, True, True, False, False, False],
            nulls_last=True,
        )
        .with_columns(max_clinical_stage=pl.col("max_clinical_stage").cast(pl.String))
        .select(list(SCHEMA))
        .cast(SCHEMA)
    )
    for (tier,), frame in result.partition_by("tier", as_dict=True, maintain_order=True).items():
        record(f"tier/{tier}", frame.height)
    for relation, count in result["relation"].drop_nulls().value_counts().sort("relation").iter_rows():
        record(f"relation/{relation}", count)
    record("shelved", int(result["shelved"].sum()))
    record("candidates", result.height)
    record(
        "top_candidates",
        result.head(TOP_ROWS).select(
            "drug_name",
            "disease_name",
            "tier",
            "relation",
            "trials",
            "trials_met",
            "trials_not_met",
            "max_clinical_stage",
        ),
    )
    return result


def _shelved(
    rows: pl.LazyFrame,
    approvals: pl.DataFrame,
    trial_efficacy: pl.LazyFrame,
    stop_reasons: pl.LazyFrame,
    trial_roles: pl.LazyFrame | None = None,
) -> pl.DataFrame:
    """Never-approved drugs (by key: a code name unmapped to ChEMBL counts) whose trial of phase 2 or later met
    its primary outcome, one of whose studies stopped for business reasons and none of whose trials is still
    going on: the pairs of those trials."""
    met_studies = trial_efficacy.filter(pl.col("primary_verdict").is_in(MET_VERDICTS)).select("studyId").unique()
    business = stop_reasons.filter(pl.col("stop_categories").list.contains("Business_Administrative")).select("studyId")
    studies = pl.concat([met_studies, business]).unique().collect()
    keyed = rows.filter(pl.col("source") == "AACT").join(studies.lazy(), on="studyId", how="semi").collect()
    keyed = keyed.hstack(pair_keys(keyed))
    approved_keys = side_keys(approvals, "drug").unique()
    business_drugs = keyed.join(business.collect(), on="studyId", how="semi").select("drug_key").unique()
    outcomes = _trial_outcomes(keyed.lazy(), trial_efficacy, stop_reasons, "drug_key", trial_roles).filter(
        pl.col("_met"), pl.col("_late")
    )
    met = (
        outcomes.join(business_drugs.lazy(), on="drug_key", how="semi")
        .filter(~pl.col("drug_key").is_in(approved_keys.implode()))
        .collect()
    )
    if met.height == 0:
        return pl.DataFrame()
    # every trial of the drug, not only those above: the rows naming it by its id or by a label seen above
    drug_trials = (
        rows.filter(pl.col("source") == "AACT")
        .filter(
            pl.col("drug_id").is_in(met["drug_id"].drop_nulls().implode())
            | pl.col("drug_name").is_in(met["drug_name"].unique().implode())
        )
        .collect()
    )
    drug_trials = drug_trials.hstack(pair_keys(drug_trials))
    # a drug with a trial still going on is in development, whatever one study's sponsor decided
    developing = drug_trials.filter(pl.col("overall_status").is_in(ONGOING_STATUSES)).select("drug_key").unique()
    still = met.select("drug_key").unique().join(developing, on="drug_key", how="semi")
    record("shelved/drugs_still_in_development", still.height)
    met = met.join(developing, on="drug_key", how="anti")
    if met.height == 0:
        return pl.DataFrame()
    pairs = met.group_by("drug_key", "disease_key").agg(
        drug_id=pl.col("drug_id").min(),
        disease_id=pl.col("disease_id").min(),
        drug_name=pl.coalesce("drug_vocabulary_name", "drug_name").min(),
        disease_name=pl.coalesce("disease_vocabulary_name", "disease_name").min(),
    )
    every = drug_trials.join(pairs.select("drug_key", "disease_key"), on=["drug_key", "disease_key"], how="semi")
    counts = _tiered(
        _trial_outcomes(every.lazy(), trial_efficacy, stop_reasons, "drug_key", trial_roles),
        ["drug_key", "disease_key"],
    ).collect()
    stages = every.group_by("drug_key", "disease_key").agg(max_clinical_stage=pl.col("clinical_stage").max())
    return (
        pairs.join(counts, on=["drug_key", "disease_key"])
        .join(stages, on=["drug_key", "disease_key"])
        .with_columns(tier=pl.lit("TIER_1"), shelved=pl.lit(True), relation=pl.lit(None, pl.String))
    )


def approved_candidates(candidates: pl.LazyFrame, evidence: pl.LazyFrame) -> pl.DataFrame:
    """(drug_name, disease_name) of every candidate that `evidence` shows approved: a pair at stage APPROVAL, or
    a shelved asset whose drug is approved for anything. Empty when the candidates keep their promise."""
    approvals = (
        evidence.filter(pl.col("clinical_stage").cast(pl.String) == "APPROVAL")
        .select("drug_id", "disease_id", "drug_name")
        .collect()
    )
    approved_keys = side_keys(approvals, "drug").unique()
    rows = candidates.select("drug_id", "disease_id", "drug_name", "disease_name", "shelved").collect()
    listed = rows.filter(~pl.col("shelved")).join(
        approvals.select("drug_id", "disease_id").drop_nulls().unique(), on=["drug_id", "disease_id"], how="semi"
    )
    shelved = rows.filter("shelved")
    shelved = shelved.filter(side_keys(shelved, "drug").is_in(approved_keys.implode()))
    return pl.concat([listed, shelved]).select("drug_name", "disease_name")
