"""PMDA approvals as evidence: one row per (ingredient, disease named in the notes), at stage APPROVAL."""

import polars as pl

from clinical_mining.column_docs import describes
from clinical_mining.step_stats import record
from clinical_mining.steps.evidence.columns import EVIDENCE_COLUMNS
from clinical_mining.steps.evidence.stage import STAGE_DTYPE
from clinical_mining.steps.mapping.lookups import disease_mentions

PMDA_URL = "https://www.pmda.go.jp/english/"
NO_INGREDIENT = ("n/a", "na", "-", "none", "")


def clean_ingredient(ingredient: pl.Expr) -> pl.Expr:
    """An ingredient without "(genetical recombination)" and spacing noise; "N/A" and the like become null."""
    cleaned = (
        ingredient.str.replace_all(r"(?i)\(\s*genetical\s+recombination\s*\)", " ")
        .str.replace_all(r"\s+", " ")
        .str.strip_chars(" ,;.")
    )
    return pl.when(cleaned.str.to_lowercase().is_in(NO_INGREDIENT)).then(None).otherwise(cleaned)


@describes(EVIDENCE_COLUMNS)
def approval_evidence(pmda: pl.DataFrame, disease_lookup: pl.DataFrame, url: str = PMDA_URL) -> pl.DataFrame:
    """One row per (ingredient, disease) of each approval row, the disease found in the notes' text
    (`mapping.disease_mentions`, method `text_match`). A note naming no known disease keeps its row with a null
    disease; a row without an ingredient ("N/A") yields no evidence. Both are counted."""
    mentions = disease_mentions(pmda["notes"], disease_lookup).rename({"text": "notes"})
    key = pl.coalesce(pl.col("approval_date").cast(pl.String), "approval_date_text", pl.lit("undated"))
    rows = pmda.with_columns(
        studyId=pl.format("PMDA/{}/{}/{}", key, "brand_name", "approval_type"),
    ).with_columns(
        # the same product, date and type twice in the list: number the repeats so ids stay unique and stable
        studyId=pl.when(pl.int_range(pl.len()).over("studyId") > 0)
        .then(pl.format("{}#{}", "studyId", pl.int_range(pl.len()).over("studyId") + 1))
        .otherwise("studyId")
    )
    noted = rows.join(mentions, on="notes", how="left", maintain_order="left")
    exploded = noted.explode("active_ingredients", empty_as_null=True)
    exploded = exploded.with_columns(drug_name=clean_ingredient(pl.col("active_ingredients")))
    evidence = exploded.filter(pl.col("drug_name").is_not_null()).select(
        "studyId",
        "drug_name",
        "disease_name",
        "disease_id",
        "disease_candidates",
        "disease_method",
        source=pl.lit("PMDA"),
        url=pl.lit(url),
        phase=pl.lit("APPROVAL"),
        clinical_stage=pl.lit("APPROVAL").cast(STAGE_DTYPE),
        approval_date="approval_date",
        approval_year="approval_year",
        brand_name="brand_name",
        approval_type="approval_type",
    )
    record("rows_in", pmda.height)
    record("rows_without_ingredient", exploded.filter(pl.col("drug_name").is_null())["studyId"].n_unique())
    record("rows_without_disease", noted.filter(pl.col("disease_name").is_null()).height)
    record("evidence_rows", evidence.height)
    return evidence
