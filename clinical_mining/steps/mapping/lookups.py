"""The vocabularies as lookup tables (every way a drug or disease is written: name, synonyms, trade names, with
its id and rank) and labels and free-text mentions resolved against them, tier by tier: one id, or the
candidates of a label that matches several at one tier."""

from typing import Literal

import polars as pl

from clinical_mining.column_docs import describes
from clinical_mining.steps.mapping.labels import (
    GENERIC_DRUG_LABELS,
    clean_disease,
    clean_drug,
    normalise,
    without_qualifiers,
    without_regimen,
)
from clinical_mining.text import clean_text

KIND_RANK = {"chembl_id": 1, "name": 1, "exact_synonym": 2, "synonym": 2, "trade_name": 3}
COMBINATION_SPLIT = r"\s*(?:\+|/|,|;|\band\b|\bplus\b|\bwith\b|&)\s*"
LOOKUP_SCHEMA = {
    "label": pl.String,
    "id": pl.String,
    "vocabulary_name": pl.String,
    "kind": pl.String,
    "rank": pl.Int32,
    "abbreviation": pl.Boolean,
}
GENERIC_DISEASE_LABELS = (
    "healthy",
    "healthy volunteers",
    "healthy volunteer",
    "healthy subjects",
    "healthy subject",
    "healthy adults",
    "healthy participants",
    "normal volunteers",
    "disease",
    "diseases",
    "condition",
    "conditions",
    "other",
    "unknown",
    "none",
    "n a",
)
Side = Literal["drug", "disease"]


def is_abbreviation(label: pl.Expr) -> pl.Expr:
    """A label written in capitals ("NSCLC", "MS", "T2DM", "COVID-19"): in running text it means the disease
    only in its own case, since in lower case it is often an ordinary word ("all", "ms")."""
    return label.str.contains(r"^[A-Z0-9][A-Z0-9\-]*$") & label.str.contains(r"[A-Z]") & (label.str.len_chars() > 1)


def _lookup(pairs: pl.DataFrame) -> pl.DataFrame:
    """(label, id, vocabulary name, label kind, rank, abbreviation) with the best-ranked kind kept per (label, id);
    ties in rank are broken by kind and name, so the row kept does not depend on the vocabulary's row order."""
    return (
        pairs.with_columns(
            abbreviation=is_abbreviation(pl.col("label")),
            label=normalise(pl.col("label")),
            rank=pl.col("kind").replace_strict(KIND_RANK, return_dtype=pl.Int32),
        )
        .filter(pl.col("label").is_not_null() & (pl.col("label") != ""))
        .sort("rank", "kind", "vocabulary_name", nulls_last=True)
        .group_by("label", "id")
        .agg(
            pl.col("vocabulary_name").first(),
            pl.col("kind").first(),
            pl.col("rank").first(),
            pl.col("abbreviation").any(),
        )
        .select(LOOKUP_SCHEMA.keys())
        .sort("label", "rank", "id")
    )


LOOKUP_COLUMNS = {
    "label": "A way to write the entity, normalised (lower case, punctuation as spaces)",
    "id": "The id the label stands for (ChEMBL id; EFO/MONDO/HP/Orphanet id)",
    "vocabulary_name": "The entity's name in the vocabulary",
    "kind": "What the label is in the vocabulary: chembl_id, name, exact_synonym, synonym or trade_name",
    "rank": "The kind's trust (1 id or name, 2 synonym, 3 trade name): a label resolves at its best rank only",
    "abbreviation": "Whether the label is short and upper case in the vocabulary, as abbreviations are",
}
MESH_LOOKUP_COLUMNS = {
    "mesh_term": "A MeSH heading, normalised",
    "disease_id": "The disease the vocabulary cross-references to it (or ChEMBL's indications map it to)",
}


@describes(LOOKUP_COLUMNS)
def drug_lookup(drug_vocabulary: pl.DataFrame) -> pl.DataFrame:
    """Every label of the molecule index (names, synonyms, trade names, and the ChEMBL id itself) to its ChEMBL
    id; a salt's or form's labels and id lead to its parent, since evidence is about the active moiety."""
    parents = drug_vocabulary.select("id", parent=pl.coalesce("parentId", "id")).join(
        drug_vocabulary.select(parent="id", vocabulary_name="name"), on="parent", how="left"
    )
    labels = (
        drug_vocabulary.select(
            "id",
            name=pl.concat_list("name"),
            synonym="synonyms",
            trade_name="tradeNames",
            chembl_id=pl.concat_list("id"),
        )
        .unpivot(index="id", variable_name="kind", value_name="label")
        .explode("label")
    )
    return _lookup(
        labels.join(parents, on="id").select(
            "label", "kind", id="parent", vocabulary_name=pl.coalesce("vocabulary_name", "label")
        )
    )


@describes(LOOKUP_COLUMNS)
def disease_lookup(disease_vocabulary: pl.DataFrame) -> pl.DataFrame:
    """Names and exact synonyms of the disease index to their ids (related, broad and narrow synonyms are not
    equivalent, so they are left out)."""
    labels = (
        disease_vocabulary.select(
            "id",
            vocabulary_name="name",
            name=pl.concat_list("name"),
            exact_synonym=pl.col("synonyms").struct["hasExactSynonym"],
        )
        .unpivot(index=["id", "vocabulary_name"], variable_name="kind", value_name="label")
        .explode("label")
    )
    return _lookup(labels)


@describes(MESH_LOOKUP_COLUMNS)
def mesh_lookup(disease_vocabulary: pl.DataFrame, chembl_indications: pl.DataFrame | None = None) -> pl.DataFrame:
    """MeSH heading (normalised) to disease ids, through the diseases' MeSH cross-references; ChEMBL's
    indications pair each MeSH id with its heading, which AACT's browse tables give as text."""
    xrefs = (
        disease_vocabulary.select(disease_id="id", xref="dbXRefs")
        .explode("xref")
        .filter(pl.col("xref").str.starts_with("MeSH:"))
        .select("disease_id", mesh_id=pl.col("xref").str.strip_prefix("MeSH:"))
    )
    headings = (
        chembl_indications.select("mesh_id", "mesh_heading").drop_nulls().unique()
        if chembl_indications is not None
        else pl.DataFrame(schema={"mesh_id": pl.String, "mesh_heading": pl.String})
    )
    return (
        headings.join(xrefs, on="mesh_id")
        .select(mesh_term=normalise(pl.col("mesh_heading")), disease_id="disease_id")
        .unique()
        .sort("mesh_term", "disease_id")
    )


def _best(matches: pl.DataFrame, key: str, method: str) -> pl.DataFrame:
    """Per `key`: the id of the best-ranked match, or the candidates when several ids share the best rank."""
    best = matches.filter(pl.col("rank") == pl.col("rank").min().over(key))
    return (
        best.sort(key, "id")
        .group_by(key)
        .agg(pl.col("id").unique().sort().alias("candidates"), pl.col("vocabulary_name").first())
        .select(
            key,
            id=pl.when(pl.col("candidates").list.len() == 1).then(pl.col("candidates").list.first()),
            vocabulary_name=pl.when(pl.col("candidates").list.len() == 1).then("vocabulary_name"),
            method=pl.lit(method),
            candidates=pl.when(pl.col("candidates").list.len() > 1).then("candidates"),
        )
    )


RESOLVED_SCHEMA = {
    "raw": pl.String,
    "id": pl.String,
    "vocabulary_name": pl.String,
    "method": pl.String,
    "candidates": pl.List(pl.String),
}


def is_generic(label: pl.Expr, side: Side) -> pl.Expr:
    """Labels that name no entity of their side: "placebo", "standard of care" for a drug; "healthy
    volunteers", "disease" for a condition. They are never resolved, raw or cleaned."""
    return _generic(normalise(label), clean_drug(label) if side == "drug" else clean_disease(label), side)


def _generic(exact: pl.Expr, cleaned: pl.Expr, side: Side) -> pl.Expr:
    """`is_generic` from the two keys the first tiers compare, so they are computed once."""
    if side == "drug":
        return exact.is_in(GENERIC_DRUG_LABELS) | cleaned.is_in(GENERIC_DRUG_LABELS)
    return cleaned.is_in(GENERIC_DISEASE_LABELS) | cleaned.str.starts_with("healthy ")


def _tiers(side: Side) -> tuple[tuple[str, pl.Expr, pl.Expr | None], ...]:
    """(method, key, which labels the tier can apply to) after the first two, whose keys `resolve_labels`
    computes for every label; a tier that only applies to some labels is computed for those alone."""
    if side == "drug":
        return (("regimen", without_regimen(pl.col("_clean")), pl.col("_clean").str.contains(r"(?i)dos")),)
    return (("qualified", without_qualifiers(pl.col("_clean")), None),)


def resolve_labels(raw_labels: pl.Series, lookup: pl.DataFrame, side: Side) -> pl.DataFrame:
    """For each distinct label: id, vocabulary name, method (`exact`, `cleaned`, for a drug `regimen` and for a
    disease `qualified`) and the candidates of an ambiguous label. Labels are cleaned of what exports leave in
    text (`text.clean_text`), then each side its own way; generic labels never resolve."""
    labels = pl.DataFrame({"raw": raw_labels.unique().drop_nulls().sort()}, schema={"raw": pl.String})
    cleaned = clean_drug(pl.col("_clean")) if side == "drug" else clean_disease(pl.col("_clean"))
    remaining = (
        labels.with_columns(_clean=clean_text(pl.col("raw")))
        .with_columns(_exact=normalise(pl.col("_clean")), _cleaned=cleaned)
        .filter(~_generic(pl.col("_exact"), pl.col("_cleaned"), side))
    )
    resolved = [pl.DataFrame(schema=RESOLVED_SCHEMA)]
    tiers = [("exact", pl.col("_exact"), None), ("cleaned", pl.col("_cleaned"), None), *_tiers(side)]
    for method, key, applies in tiers:
        candidates = remaining if applies is None else remaining.filter(applies)
        matches = candidates.with_columns(key=key).join(lookup, left_on="key", right_on="label")
        found = _best(matches, "raw", method)
        resolved.append(found.select(RESOLVED_SCHEMA.keys()))
        remaining = remaining.join(found, on="raw", how="anti")
    return labels.join(pl.concat(resolved), on="raw", how="left", maintain_order="left")


MIN_MENTION_CHARS = 4


def _spaced(words: pl.Expr) -> pl.Expr:
    """Words two spaces apart with a space at each end, so that a pattern built the same way matches whole words
    only and two adjacent mentions can both match."""
    return pl.lit(" ") + words.str.replace_all(" ", "  ", literal=True) + pl.lit(" ")


def find_disease_mentions(texts: pl.Series, disease_lookup: pl.DataFrame) -> pl.DataFrame:
    """For each distinct free text (PMDA notes, an indication): the vocabulary labels it names, longest match
    first, whole words only. A label written in capitals is found only in capitals and not after a number ("MS"
    in "multiple sclerosis (MS)", not in "for 5 ms"); any other label is found in any case when it has at least
    `MIN_MENTION_CHARS` characters, so that no short ordinary word is read as a disease."""
    labels = disease_lookup.group_by("label").agg(pl.col("abbreviation").any()).sort("label")
    by_length = [pl.col("pattern").str.len_chars(), "pattern"]
    words = (
        labels.filter(~pl.col("abbreviation") & (pl.col("label").str.len_chars() >= MIN_MENTION_CHARS))
        .select(pattern=_spaced(pl.col("label")))
        .sort(by_length, descending=[True, False])["pattern"]
    )
    capitals = (
        labels.filter("abbreviation")
        .select(pattern=_spaced(pl.col("label").str.to_uppercase()))
        .sort(by_length, descending=[True, False])["pattern"]
    )
    frame = pl.DataFrame({"text": texts.unique().drop_nulls().sort()}, schema={"text": pl.String})
    frame = frame.with_columns(_clean=clean_text(pl.col("text")))  # matched cleaned, keyed as written
    found: list[pl.Expr] = []
    if len(words):
        found.append(
            _spaced(normalise(pl.col("_clean"))).str.extract_many(words.implode(), overlapping=False, leftmost=True)
        )
    if len(capitals):
        as_written = (
            pl.col("_clean")
            .str.replace_all(r"[®™©]", "")
            .str.replace_all(r"(\d)\s+(\p{L})", "${1}${2}")  # "5 MS" is a quantity, not a mention
            .str.replace_all(r"[^\p{L}\p{N}]+", " ")
            .str.strip_chars()
        )
        mentions = _spaced(as_written).str.extract_many(capitals.implode(), overlapping=False, leftmost=True)
        found.append(mentions.list.eval(pl.element().str.to_lowercase()))
    if not found:
        return frame.select("text", labels=pl.lit([], pl.List(pl.String)))
    return frame.select(
        "text",
        labels=pl.concat_list(found)
        .list.eval(pl.element().str.replace_all(r"\s+", " ").str.strip_chars())
        .list.unique(maintain_order=True),
    )


TEXT_MATCH = "text_match"  # a disease found in a source's free text (PMDA notes, EMA indications)


def disease_mentions(texts: pl.Series, disease_lookup: pl.DataFrame) -> pl.DataFrame:
    """(text, disease_name, disease_id, disease_candidates, disease_method) for each disease each distinct free
    text names (`find_disease_mentions`), resolved as labels: one id, or the candidates of an ambiguous one;
    method `text_match`. A text naming none has no row."""
    found = find_disease_mentions(texts, disease_lookup).explode("labels").drop_nulls("labels")
    ids = resolve_labels(found["labels"], disease_lookup, "disease")
    return found.join(ids, left_on="labels", right_on="raw", how="left", maintain_order="left").select(
        "text",
        disease_name="labels",
        disease_id="id",
        disease_candidates="candidates",
        disease_method=pl.when(pl.col("id").is_not_null() | pl.col("candidates").is_not_null()).then(
            pl.lit(TEXT_MATCH)
        ),
    )
