"""Mapping free-text drug and disease labels to vocabulary ids, tier by tier, in Polars joins.

Each side gets an id, the vocabulary name, the method that found it and, when a label matches several ids at
the same tier, the candidates: such a label stays unmapped instead of multiplying the evidence row.
"""

import polars as pl

from clinical_mining.step_stats import record

GENERIC_DRUG_LABELS = (
    "placebo",
    "standard of care",
    "standard treatment",
    "standard therapy",
    "chemotherapy",
    "triple therapy",
    "usual care",
    "best supportive care",
    "control",
    "vehicle",
    "saline",
    "normal saline",
    "no intervention",
)
_DOSE = r"\b\d+(?:[.,]\d+)?\s*(?:mg/kg|mg/m2|mg/ml|mcg|µg|ug|mg|g|ml|iu|units?|%)(?:\s*/\s*(?:day|d|kg|ml))?\b"
_FORMS = (
    r"\b(?:oral|tablets?|capsules?|film[- ]coated|extended[- ]release|injections?|injectable|solution|"
    r"suspension|infusion|intravenous|iv|subcutaneous|sc|topical|cream|gel|ointment|patch|inhaler|spray|"
    r"drops|powder|syrup|dose|doses|daily|once|twice|weekly)\b"
)
_SALTS = (
    r"\b(?:hydrochloride|hcl|dihydrochloride|mesylate|mesilate|sodium|potassium|calcium|magnesium|sulfate|"
    r"sulphate|maleate|fumarate|tartrate|citrate|acetate|phosphate|besylate|besilate|bromide|succinate|"
    r"tosylate|dimesylate|monohydrate|hydrate)\b"
)


def normalise(label: pl.Expr) -> pl.Expr:
    """Lower case, punctuation to spaces, runs of spaces to one: the form every label is compared in."""
    return (
        label.str.to_lowercase().str.replace_all(r"[®™©]", "").str.replace_all(r"[^\p{L}\p{N}]+", " ").str.strip_chars()
    )


def clean(label: pl.Expr) -> pl.Expr:
    """The label without what is not the entity: doses, forms, salts, parentheses, inverted word order."""
    uninverted = (
        pl.when(label.str.count_matches(",") == 1)
        .then(label.str.replace(r"^\s*([^,]+),\s*(.+)$", "$2 $1"))
        .otherwise(label)
    )
    stripped = (
        uninverted.str.to_lowercase()
        .str.replace_all(r"\([^)]*\)|\[[^\]]*\]", " ")
        .str.replace_all(_DOSE, " ")
        .str.replace_all(_FORMS, " ")
        .str.replace_all(_SALTS, " ")
    )
    return normalise(stripped)


def drug_lookup(drug_vocabulary: pl.DataFrame) -> pl.DataFrame:
    """(label, drug_id, vocabulary name) from names, synonyms and trade names; salts resolve to their parent."""
    vocab = drug_vocabulary.select(
        drug_id=pl.coalesce("parentId", "id"),
        labels=pl.concat_list(pl.col("name"), "synonyms", "tradeNames"),
    )
    names = drug_vocabulary.filter(pl.col("parentId").is_null()).select(drug_id="id", vocabulary_name="name")
    return (
        vocab.explode("labels")
        .select("drug_id", label=normalise(pl.col("labels")))
        .filter(pl.col("label").is_not_null() & (pl.col("label") != ""))
        .unique()
        .join(names, on="drug_id", how="left")
    )


def disease_lookup(disease_vocabulary: pl.DataFrame) -> pl.DataFrame:
    """(label, disease_id, vocabulary name) from names and exact synonyms (related/broad ones are not equal)."""
    return (
        disease_vocabulary.select(
            disease_id="id",
            vocabulary_name="name",
            labels=pl.concat_list(pl.col("name"), pl.col("synonyms").struct["hasExactSynonym"]),
        )
        .explode("labels")
        .select("disease_id", "vocabulary_name", label=normalise(pl.col("labels")))
        .filter(pl.col("label").is_not_null() & (pl.col("label") != ""))
        .unique()
    )


def _resolve(labels: pl.DataFrame, lookup: pl.DataFrame, id_column: str, method: str) -> pl.DataFrame:
    """Per label: the single id the lookup gives it, or the candidates when it gives several."""
    matches = (
        labels.join(lookup, left_on="key", right_on="label")
        .group_by("raw")
        .agg(pl.col(id_column).unique().sort().alias("candidates"), pl.col("vocabulary_name").first())
    )
    return matches.select(
        "raw",
        pl.when(pl.col("candidates").list.len() == 1).then(pl.col("candidates").list.first()).alias(id_column),
        pl.when(pl.col("candidates").list.len() == 1).then("vocabulary_name").alias("vocabulary_name"),
        pl.lit(method).alias("method"),
        pl.when(pl.col("candidates").list.len() > 1).then("candidates").alias("candidates"),
    )


def map_labels(
    raw_labels: pl.Series, lookup: pl.DataFrame, id_column: str, generic: tuple[str, ...] = ()
) -> pl.DataFrame:
    """For each distinct label: id, vocabulary name, method (`exact`, `cleaned`) and ambiguous candidates."""
    labels = pl.DataFrame({"raw": raw_labels.unique().drop_nulls()})
    tiers = [("exact", normalise(pl.col("raw"))), ("cleaned", clean(pl.col("raw")))]
    resolved = labels.head(0).with_columns(
        pl.lit(None, pl.String).alias(id_column),
        pl.lit(None, pl.String).alias("vocabulary_name"),
        pl.lit(None, pl.String).alias("method"),
        pl.lit(None, pl.List(pl.String)).alias("candidates"),
    )
    remaining = labels.filter(~normalise(pl.col("raw")).is_in(list(generic)))
    for method, key in tiers:
        found = _resolve(remaining.with_columns(key=key), lookup, id_column, method)
        resolved = pl.concat([resolved, found])
        remaining = remaining.join(found, on="raw", how="anti")
    return labels.join(resolved, on="raw", how="left")


def _curated(evidence: pl.DataFrame, curation: pl.DataFrame, side: str) -> pl.DataFrame:
    """Evidence rows with the curated ids of their (study, label); a label curated to several ids (a combination)
    becomes one row per id."""
    label, id_column = f"{side}_name", f"{side}_id"
    curated = (
        curation.filter(pl.col(id_column).is_not_null())
        .group_by("studyId", label)
        .agg(pl.col(id_column).unique().sort().alias("_curated"))
    )
    joined = evidence.join(curated, on=["studyId", label], how="left", maintain_order="left")
    use = pl.col(id_column).is_null() & pl.col("_curated").is_not_null()
    return (
        joined.with_columns(
            pl.when(use).then("_curated").otherwise(pl.concat_list(id_column)).alias(id_column),
            pl.when(use).then(pl.lit("curation")).otherwise(f"{side}_method").alias(f"{side}_method"),
        )
        .explode(id_column)
        .drop("_curated")
    )


def _with_dictionary(evidence: pl.DataFrame, side: str, lookup: pl.DataFrame, generic: tuple[str, ...]) -> pl.DataFrame:
    """Fill the ids still missing on one side from the vocabulary, recording method and candidates."""
    label, id_column = f"{side}_name", f"{side}_id"
    pending = evidence.filter(pl.col(id_column).is_null())[label]
    found = map_labels(pending, lookup, id_column, generic)
    for name, value in (("labels", found.height), ("labels_mapped", found[id_column].is_not_null().sum())):
        record(f"{side}/{name}", value)
    record(f"{side}/labels_ambiguous", found["candidates"].is_not_null().sum())
    found = found.select(
        pl.col("raw").alias(label),
        pl.col(id_column).alias("_found"),
        pl.col("method").alias("_method"),
        pl.col("candidates").alias(f"{side}_candidates"),
    )
    return (
        evidence.join(found, on=label, how="left", maintain_order="left")
        .with_columns(
            pl.coalesce(id_column, "_found").alias(id_column),
            pl.when(pl.col(id_column).is_null()).then("_method").otherwise(f"{side}_method").alias(f"{side}_method"),
            pl.when(pl.col(id_column).is_null()).then(f"{side}_candidates").alias(f"{side}_candidates"),
        )
        .drop("_found", "_method")
    )


def map_evidence(
    evidence: pl.DataFrame,
    drug_vocabulary: pl.DataFrame,
    disease_vocabulary: pl.DataFrame,
    curation: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Evidence rows with drug and disease ids, vocabulary names, the method behind each id and, for labels
    that match several ids at one tier, the candidates (those rows stay unmapped).

    Trust order: ids the source gave (`source`), ChEMBL's curation of the study's label (`curation`), then the
    vocabularies (`exact`, `cleaned`).
    """
    mapped = evidence
    for side in ("drug", "disease"):
        id_column = f"{side}_id"
        if id_column not in mapped.columns:
            mapped = mapped.with_columns(pl.lit(None, pl.String).alias(id_column))
        mapped = mapped.with_columns(
            pl.when(pl.col(id_column).is_not_null()).then(pl.lit("source")).alias(f"{side}_method")
        )
        if curation is not None and curation.height:
            mapped = _curated(mapped, curation, side)
    mapped = _with_dictionary(mapped, "drug", drug_lookup(drug_vocabulary), GENERIC_DRUG_LABELS)
    mapped = _with_dictionary(mapped, "disease", disease_lookup(disease_vocabulary), ())
    drug_names = drug_vocabulary.select(drug_id="id", drug_vocabulary_name="name")
    disease_names = disease_vocabulary.select(disease_id="id", disease_vocabulary_name="name")
    mapped = mapped.join(drug_names, on="drug_id", how="left", maintain_order="left").join(
        disease_names, on="disease_id", how="left", maintain_order="left"
    )
    for side in ("drug", "disease"):
        record(f"{side}/rows_mapped", mapped[f"{side}_id"].is_not_null().sum())
        for method, count in mapped[f"{side}_method"].drop_nulls().value_counts().iter_rows():
            record(f"{side}/method/{method}", count)
    return mapped
