"""AACT transforms: the trials to keep, and each trial's drug-condition evidence.

Every filter is a parameter with the seed pipeline's default, and reports its rows in and out.
"""

import polars as pl

from clinical_mining.column_docs import describes
from clinical_mining.sources.aact import AACT_COLUMNS
from clinical_mining.step_stats import record, record_filter
from clinical_mining.steps.evidence_columns import EVIDENCE_COLUMNS
from clinical_mining.steps.stage import AACT_PHASES, aact_stage

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


@describes(AACT_COLUMNS["studies"])
def select_trials(studies: pl.LazyFrame, study_types: list[str] | None = None) -> pl.DataFrame:
    """Studies of the configured types, one row each."""
    kept_types = study_types if study_types is not None else STUDY_TYPES
    trials = studies.filter(pl.col("study_type").is_in(kept_types)).collect()
    record_filter("study_type", studies.select(pl.len()).collect().item(), trials.height)
    return trials


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
