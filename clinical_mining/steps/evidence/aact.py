"""AACT transforms: the trials to keep, and each trial's drug-condition evidence.

Every filter is a parameter with the seed pipeline's default, and reports its rows in and out.
"""

import polars as pl

from clinical_mining.column_docs import describes
from clinical_mining.sources.aact import AACT_COLUMNS
from clinical_mining.step_stats import record, record_filter, warn
from clinical_mining.steps.evidence.columns import EVIDENCE_COLUMNS
from clinical_mining.steps.evidence.stage import AACT_PHASES, aact_stage
from clinical_mining.steps.outcomes.arms import require_columns

STUDY_TYPES = ["INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS"]
INTERVENTION_TYPES = ["DRUG", "BIOLOGICAL", "COMBINATION_PRODUCT"]
# "Placebo", "Matching placebo", and a name that ends as a placebo's ("LCZ696 matching placebo", "X placebo tablets")
PLACEBO_PATTERN = (
    r"(?i)^\W*(matching\s+|matched\s+|dummy\s+)?placebos?\b"
    r"|\bplacebos?(?:\s+(?:tablets?|capsules?|injections?|gel|cream|ointment|solution|infusion|patch))?\W*$"
)
# "Placebo + Metformin" names a drug beside the placebo: kept, for the mapping to split ("Placebo to match X" is not)
PLACEBO_WITH_DRUG = r"(?i)^\W*placebos?\s*(?:\+|&|\bplus\b|\band\b)\s*\w"
HEALTHY_PATTERN = r"(?i)^\W*healthy\b"
STUDY_URL = "https://clinicaltrials.gov/study/"


# What users of trial-mining tools ask of a trial besides its phase and status: who runs it, what was published
# on it, how big and how blinded it is, when it ran and whether it posted results. The trials asset holds these
# per study, and final_df's AACT `sources` entries carry them, with these types.
TRIAL_METADATA: dict[str, pl.DataType] = {
    "lead_sponsor": pl.Struct({"name": pl.String, "class": pl.String}),
    "literature": pl.List(pl.Struct({"pmid": pl.String, "type": pl.String})),
    "enrollment": pl.Int64(),
    "start_date": pl.Date(),
    "primary_completion_date": pl.Date(),
    "randomised": pl.Boolean(),
    "masking": pl.String(),
    "results_posted": pl.Boolean(),
}
TRIAL_METADATA_COLUMNS = {
    "lead_sponsor": "The lead sponsor (AACT sponsors, lead_or_collaborator lead): {name, class (agency_class:"
    " INDUSTRY, NIH, FED, OTHER_GOV, NETWORK, INDIV, OTHER, ...)}; null where the study names none or sponsors"
    " is not configured",
    "literature": "The study's references with a PubMed id (AACT study_references): list of {pmid, type"
    " (BACKGROUND, RESULT, DERIVED)}, by pmid; null where it has none",
    "enrollment": "Participants enrolled (actual) or planned (anticipated), from AACT studies",
    "start_date": "Date the study started (or is expected to), from AACT studies",
    "primary_completion_date": "Date the last participant was examined for the primary outcome (or is expected"
    " to be), from AACT studies",
    "randomised": "Whether participants are allocated at random (AACT designs.allocation RANDOMIZED); false for"
    " NON_RANDOMIZED and for NA (a single-group study), null where the allocation is not given",
    "masking": "Who is blinded, as AACT's designs.masking spells it: NONE (open label), SINGLE, DOUBLE, TRIPLE,"
    " QUADRUPLE; null where not given",
    "results_posted": "Whether the study posted results on ClinicalTrials.gov (AACT studies"
    " .results_first_posted_date given); null where that column is not configured",
}
# the columns each metadata input must hold when it is given
METADATA_INPUTS = {
    "sponsors": ("nct_id", "agency_class", "lead_or_collaborator", "name"),
    "study_references": ("nct_id", "pmid", "reference_type"),
    "designs": ("nct_id", "allocation", "masking"),
}
RESULTS_POSTED_COLUMN = "results_first_posted_date"
# the studies columns the metadata is read from; absent ones are null with a warning, so older configs still run
METADATA_STUDY_COLUMNS = {
    "enrollment": pl.Int64(),
    "start_date": pl.Date(),
    "primary_completion_date": pl.Date(),
    RESULTS_POSTED_COLUMN: pl.Date(),
}
RANDOMISED = {"RANDOMIZED": True, "NON_RANDOMIZED": False, "NA": False}


def _per_study(frame: pl.LazyFrame, **values: pl.Expr) -> pl.LazyFrame:
    """One row per study of `frame`: the first by the values' own order, so that a study that (against AACT's
    rule) has several rows gives the same one whatever the order it is read in."""
    picked = frame.select("nct_id", **values)
    return picked.sort(pl.all(), nulls_last=True).unique("nct_id", keep="first")


@describes(AACT_COLUMNS["studies"] | TRIAL_METADATA_COLUMNS)
def select_trials(
    studies: pl.LazyFrame,
    study_types: list[str] | None = None,
    sponsors: pl.LazyFrame | None = None,
    study_references: pl.LazyFrame | None = None,
    designs: pl.LazyFrame | None = None,
) -> pl.DataFrame:
    """Studies of the configured types, one row each, with what users ask of a trial (`TRIAL_METADATA`).

    The lead sponsor comes from `sponsors`, the PubMed references from `study_references`, randomisation and
    masking from `designs`: each is optional, and its fields are null without it, so a config that does not read
    those tables still runs. A table that is given must hold the columns `METADATA_INPUTS` names (the step fails
    naming the config key). Enrollment, the dates and whether results were posted come from `studies`; the
    columns it lacks are null, with a warning naming them.
    """
    kept_types = study_types if study_types is not None else STUDY_TYPES
    inputs = {"sponsors": sponsors, "study_references": study_references, "designs": designs}
    for table, frame in inputs.items():
        if frame is not None:
            require_columns(frame, table, METADATA_INPUTS[table], "trials")
    present = studies.collect_schema().names()
    if absent := [column for column in METADATA_STUDY_COLUMNS if column not in present]:
        warn(
            f"AACT table studies lacks {', '.join(absent)}: the trials' metadata from them is null; add them to"
            " sources.aact.tables.studies.columns"
        )
    trials = studies.filter(pl.col("study_type").is_in(kept_types)).with_columns(
        pl.lit(None, dtype).alias(column) for column, dtype in METADATA_STUDY_COLUMNS.items() if column not in present
    )
    if sponsors is not None:
        lead = sponsors.filter(pl.col("lead_or_collaborator") == "lead")
        trials = trials.join(
            _per_study(lead, lead_sponsor=pl.struct("name", **{"class": pl.col("agency_class")})),
            on="nct_id",
            how="left",
            maintain_order="left",
        )
    if study_references is not None:
        literature = (
            study_references.filter(pl.col("pmid").is_not_null())
            .select("nct_id", "pmid", type="reference_type")
            .unique()
            .sort("nct_id", pl.col("pmid").str.len_chars(), "pmid", "type")  # pmids in their numbers' order
            .group_by("nct_id", maintain_order=True)
            .agg(literature=pl.struct("pmid", "type"))
        )
        trials = trials.join(literature, on="nct_id", how="left", maintain_order="left")
    if designs is not None:
        design = _per_study(
            designs, randomised=pl.col("allocation").replace_strict(RANDOMISED, default=None), masking="masking"
        )
        trials = trials.join(design, on="nct_id", how="left", maintain_order="left")
    posted = pl.col(RESULTS_POSTED_COLUMN).is_not_null() if RESULTS_POSTED_COLUMN in present else pl.lit(None)
    trials = trials.with_columns(results_posted=posted)
    joined = trials.collect_schema().names()
    trials = trials.with_columns(
        pl.col(column).cast(dtype) if column in joined else pl.lit(None, dtype).alias(column)
        for column, dtype in TRIAL_METADATA.items()
    ).collect()
    record_filter("study_type", studies.select(pl.len()).collect().item(), trials.height)
    for column in ("lead_sponsor", "literature", "randomised", "masking"):
        record(f"with_{column}", trials[column].is_not_null().sum())
    return trials


def trial_metadata(trials: pl.LazyFrame | pl.DataFrame | None) -> pl.DataFrame:
    """Each trial's `TRIAL_METADATA` keyed by (studyId, source AACT), as final_df's sources entries carry it;
    no rows without `trials`."""
    if trials is None:
        return pl.DataFrame(schema={"studyId": pl.String, "source": pl.String, **TRIAL_METADATA})
    return (
        trials.lazy()
        .select(pl.col("nct_id").alias("studyId"), pl.lit("AACT").alias("source"), *TRIAL_METADATA)
        .collect()
    )


@describes(EVIDENCE_COLUMNS)
def trial_drug_indications(
    trials: pl.LazyFrame,
    interventions: pl.LazyFrame,
    conditions: pl.LazyFrame,
    intervention_types: list[str] | None = None,
    placebo_pattern: str | None = PLACEBO_PATTERN,
    healthy_pattern: str | None = HEALTHY_PATTERN,
) -> pl.DataFrame:
    """One evidence row per (drug intervention, condition) of each kept trial, with the trial's phase and status.

    Placebos (any spelling matched by `placebo_pattern`, unless a drug is named beside it: "Placebo +
    Metformin") and healthy-volunteer conditions (`healthy_pattern`) are dropped; set a pattern to null to keep
    them. Phase spellings that are not AACT's (and so become UNKNOWN) are counted under `phase/unrecognised/`.
    """
    kept_types = intervention_types if intervention_types is not None else INTERVENTION_TYPES
    is_drug = pl.col("intervention_type").is_in(kept_types)
    named = interventions.filter(is_drug).filter(pl.col("name").is_not_null())
    if placebo_pattern:
        placebo = pl.col("name").str.contains(placebo_pattern) & ~pl.col("name").str.contains(PLACEBO_WITH_DRUG)
        named = named.filter(~placebo)
    indications = conditions.filter(pl.col("name").is_not_null())
    if healthy_pattern:
        indications = indications.filter(~pl.col("name").str.contains(healthy_pattern))

    # Each input is read and filtered once: the kept rows are collected together with the counts (in parallel)
    # and joined from memory, where counting lazily and joining lazily read and filtered the scans twice.
    named_rows, indication_rows, intervention_counts, condition_count, phases = pl.collect_all(
        [
            named.select("nct_id", intervention_id="id", drug_name="name"),
            indications.select("nct_id", disease_name="name"),
            interventions.select(rows=pl.len(), drugs=is_drug.sum()),
            conditions.select(pl.len()),
            trials.select("phase").filter(pl.col("phase").is_not_null() & ~pl.col("phase").is_in(list(AACT_PHASES))),
        ]
    )
    for phase, count in phases["phase"].value_counts().sort("phase").rows():
        record(f"phase/unrecognised/{phase}", count)
    n_interventions, n_drugs = intervention_counts.row(0)
    record_filter("intervention_type", n_interventions, n_drugs)
    record_filter("placebo", n_drugs, named_rows.height)
    record_filter("healthy_volunteers", condition_count.item(), indication_rows.height)

    evidence = (
        trials.select("nct_id", "phase", "overall_status", "why_stopped", "start_date", "completion_date", "study_type")
        # rows in the inputs' order, so a rerun on the same files writes the same file
        .join(named_rows.lazy(), on="nct_id", maintain_order="left_right")
        .join(indication_rows.lazy(), on="nct_id", maintain_order="left_right")
        .select(
            studyId="nct_id",
            drug_name="drug_name",
            disease_name="disease_name",
            intervention_id="intervention_id",
            source=pl.lit("AACT"),
            url=pl.lit(STUDY_URL) + pl.col("nct_id"),
            phase="phase",
            clinical_stage=aact_stage(pl.col("phase"), pl.col("overall_status")),
            overall_status="overall_status",
            why_stopped="why_stopped",
            start_date="start_date",
            completion_date="completion_date",
        )
        .collect()
    )
    record("evidence_rows", evidence.height)
    return evidence
