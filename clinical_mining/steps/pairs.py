"""The harmonised drug-disease pairs (`final_df`): one row per pair with its furthest stage and all evidence."""

import polars as pl

from clinical_mining.step_stats import record
from clinical_mining.steps.mapping import normalise
from clinical_mining.steps.stage import STAGE_DTYPE


def _mapping_status() -> pl.Expr:
    drug, disease = pl.col("drug_id").is_not_null(), pl.col("disease_id").is_not_null()
    return (
        pl.when(drug & disease)
        .then(pl.lit("FULLY_MAPPED"))
        .when(drug)
        .then(pl.lit("DRUG_MAPPED"))
        .when(disease)
        .then(pl.lit("DISEASE_MAPPED"))
        .otherwise(pl.lit("UNMAPPED"))
    )


def drug_disease_pairs(evidence: pl.DataFrame) -> pl.DataFrame:
    """One row per drug-disease pair, keyed by id when mapped and by the normalised label otherwise."""
    if "approval_date" not in evidence.columns:
        evidence = evidence.with_columns(approval_date=pl.lit(None, pl.Date))
    without_disease = evidence["disease_id"].is_null() & evidence["disease_name"].is_null()
    record("rows_without_disease", without_disease.sum())  # e.g. an approval whose notes name no known disease
    keyed = evidence.filter(~without_disease).with_columns(
        drug_key=pl.coalesce("drug_id", normalise(pl.col("drug_name"))),
        disease_key=pl.coalesce("disease_id", normalise(pl.col("disease_name"))),
        clinical_stage=pl.col("clinical_stage").cast(STAGE_DTYPE),
    )
    is_approval = pl.col("clinical_stage") == "APPROVAL"
    pairs = keyed.group_by("drug_key", "disease_key").agg(
        drug_name=pl.coalesce("drug_vocabulary_name", "drug_name", "drug_id").first(),
        disease_name=pl.coalesce("disease_vocabulary_name", "disease_name", "disease_id").first(),
        drug_id=pl.col("drug_id").first(),
        disease_id=pl.col("disease_id").first(),
        max_clinical_stage=pl.col("clinical_stage").max(),
        approval=pl.struct("source", date="approval_date").filter(is_approval).unique(maintain_order=True),
        sources=pl.struct("studyId", "source", "url", phase="clinical_stage").unique(maintain_order=True),
    )
    final = pairs.select(
        "drug_name",
        "disease_name",
        "drug_id",
        "disease_id",
        max_clinical_stage=pl.col("max_clinical_stage").cast(pl.String),
        mapping_status=_mapping_status(),
        approval=pl.when(pl.col("approval").list.len() > 0).then("approval"),
        sources="sources",
    ).sort("drug_name", "disease_name", "drug_id", "disease_id", nulls_last=True)
    for status, count in final["mapping_status"].value_counts().iter_rows():
        record(f"pairs/{status}", count)
    record("pairs", final.height)
    return final
