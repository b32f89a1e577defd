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


def map_evidence(
    evidence: pl.DataFrame, drug_vocabulary: pl.DataFrame, disease_vocabulary: pl.DataFrame
) -> pl.DataFrame:
    """Evidence rows with drug_id, disease_id, their vocabulary names, mapping methods and ambiguous candidates."""
    drugs = map_labels(evidence["drug_name"], drug_lookup(drug_vocabulary), "drug_id", GENERIC_DRUG_LABELS)
    diseases = map_labels(evidence["disease_name"], disease_lookup(disease_vocabulary), "disease_id")
    mapped = evidence.join(
        drugs.select(
            drug_name="raw",
            drug_id="drug_id",
            drug_vocabulary_name="vocabulary_name",
            drug_method="method",
            drug_candidates="candidates",
        ),
        on="drug_name",
        how="left",
        maintain_order="left",
    ).join(
        diseases.select(
            disease_name="raw",
            disease_id="disease_id",
            disease_vocabulary_name="vocabulary_name",
            disease_method="method",
            disease_candidates="candidates",
        ),
        on="disease_name",
        how="left",
        maintain_order="left",
    )
    for side, table in (("drug", drugs), ("disease", diseases)):
        record(f"{side}/labels", table.height)
        record(f"{side}/labels_mapped", table[f"{side}_id"].is_not_null().sum())
        record(f"{side}/labels_ambiguous", table["candidates"].is_not_null().sum())
        record(f"{side}/rows_mapped", mapped[f"{side}_id"].is_not_null().sum())
    return mapped
