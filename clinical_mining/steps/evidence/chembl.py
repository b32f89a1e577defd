"""ChEMBL drug indications as evidence: one row per (drug id, disease id, reference)."""

import polars as pl

from clinical_mining.column_docs import describes
from clinical_mining.sources.chembl import normalise_efo
from clinical_mining.step_stats import record, record_filter
from clinical_mining.steps.evidence.aact import STUDY_URL
from clinical_mining.steps.evidence.columns import EVIDENCE_COLUMNS
from clinical_mining.steps.evidence.stage import CHEMBL_PHASES, STAGE_DTYPE, chembl_stage

REGULATORY_SOURCES = ("FDA", "EMA", "DailyMed")
NAMING_SOURCES = ("INN", "USAN")
TRIAL_SOURCE = "ClinicalTrials"


@describes(EVIDENCE_COLUMNS)
def indication_evidence(indications: pl.DataFrame, drop_clinical_trials: bool = True) -> pl.DataFrame:
    """One drug id per record, the parent molecule's (salts and forms are the same molecule: a row per form
    would be the same evidence several times under ids no vocabulary name is found for), with every reference;
    a ClinicalTrials reference gives one row per NCT id it packs.

    Regulatory references (FDA, EMA, DailyMed) mean approval; INN and USAN only name the drug (stage UNKNOWN).
    `drop_clinical_trials` (on by default, for the default graph reads AACT) drops ClinicalTrials references,
    which duplicate AACT's own evidence; set it to false when AACT is not a source.
    """
    parent = pl.coalesce(
        "parent_molecule_chembl_id",
        "molecule_chembl_id",
        pl.col("_metadata").struct["all_molecule_chembl_ids"].list.first(),
    )
    refs = (
        indications.select(
            drug_id=parent,
            disease_id=normalise_efo(pl.col("efo_id")),
            disease_name="efo_term",
            phase="max_phase_for_ind",
            ref="indication_refs",
        )
        .explode("ref", empty_as_null=True)
        .unnest("ref")
    )
    rows_in = refs.height
    if drop_clinical_trials:
        refs = refs.filter(pl.col("ref_type").ne_missing(TRIAL_SOURCE))
    record_filter("clinical_trials_references", rows_in, refs.height)
    is_trial = pl.col("ref_type") == TRIAL_SOURCE
    evidence = (
        refs.with_columns(
            studyId=pl.when(is_trial).then(pl.col("ref_id").str.split(",")).otherwise(pl.concat_list("ref_id"))
        )
        .explode("studyId")
        .with_columns(pl.col("studyId").str.strip_chars())
        .select(
            "studyId",
            drug_name=pl.lit(None, pl.String),
            disease_name="disease_name",
            drug_id="drug_id",
            disease_id="disease_id",
            source=pl.coalesce("ref_type", pl.lit("ChEMBL")),
            url=pl.when(is_trial).then(pl.lit(STUDY_URL) + pl.col("studyId")).otherwise("ref_url"),
            phase="phase",
            clinical_stage=pl.when(pl.col("ref_type").is_in(REGULATORY_SOURCES))
            .then(pl.lit("APPROVAL").cast(STAGE_DTYPE))
            .when(pl.col("ref_type").is_in(NAMING_SOURCES))
            .then(pl.lit("UNKNOWN").cast(STAGE_DTYPE))
            .otherwise(chembl_stage(pl.col("phase"))),
        )
    )
    for source, count in evidence["source"].value_counts().sort("source").iter_rows():
        record(f"rows/{source}", count)
    number = indications["max_phase_for_ind"].str.strip_chars().cast(pl.Float64, strict=False)
    unrecognised = indications["max_phase_for_ind"].filter(
        indications["max_phase_for_ind"].is_not_null() & ~number.is_in([*CHEMBL_PHASES, -1.0]).fill_null(False)
    )
    for phase, count in unrecognised.value_counts().sort("max_phase_for_ind").rows():
        record(f"phase/unrecognised/{phase}", count)
    return evidence
