"""The Open Targets disease and drug (molecule) indices, read from a Parquet file or a folder of part files.

Only the columns the mapping and the repurposing step use are read, so the wide indices cost little memory.
Both shapes the platform has published are read: the disease hierarchy (`parents`, `ancestors`,
`therapeuticAreas`) is kept when the index has it and null when it has not (older exports and hand-made
vocabularies lack it); a molecule's `synonyms` and `tradeNames` are lists of strings in older releases and lists
of {label, source} in newer ones, read as lists of labels either way.
"""

from pathlib import Path

import polars as pl

from clinical_mining.errors import InputError

SYNONYM_KINDS = ("hasExactSynonym", "hasRelatedSynonym", "hasNarrowSynonym", "hasBroadSynonym")
DISEASE_SCHEMA = pl.Schema(
    {
        "id": pl.String,
        "name": pl.String,
        "synonyms": pl.Struct({kind: pl.List(pl.String) for kind in SYNONYM_KINDS}),
        "dbXRefs": pl.List(pl.String),
        "parents": pl.List(pl.String),
        "ancestors": pl.List(pl.String),
        "therapeuticAreas": pl.List(pl.String),
    }
)
HIERARCHY_COLUMNS = ("parents", "ancestors", "therapeuticAreas")
DISEASE_COLUMNS = {
    "id": "Disease id, with an underscore (EFO_0000305, MONDO_0004992, HP_..., Orphanet_...)",
    "name": "The disease's name",
    "synonyms": "Synonyms by kind: {hasExactSynonym, hasRelatedSynonym, hasNarrowSynonym, hasBroadSynonym}; only"
    " exact ones are used for mapping",
    "dbXRefs": "Cross-references such as MeSH:D001943 (MeSH headings map to the disease through them)",
    "parents": "Ids of the disease's direct parents (null where the index has no hierarchy)",
    "ancestors": "Ids of all its ancestors, therapeutic areas included (null without hierarchy)",
    "therapeuticAreas": "Ids of the therapeutic areas it belongs to (null without hierarchy)",
}
DRUG_COLUMNS = {
    "id": "ChEMBL id of the molecule",
    "name": "The molecule's preferred name",
    "synonyms": "Synonyms and research codes (labels, whichever shape the release gives them in)",
    "tradeNames": "Trade names (labels; one may be shared by several molecules)",
    "parentId": "ChEMBL id of the parent, for a salt or other form (null for a parent)",
    "childChemblIds": "ChEMBL ids of the molecule's salts and forms",
}
LABELLED_LISTS = ("synonyms", "tradeNames")  # lists of strings, or of {label, source} in newer releases
DRUG_SCHEMA = pl.Schema(
    {
        "id": pl.String,
        "name": pl.String,
        "synonyms": pl.List(pl.String),
        "tradeNames": pl.List(pl.String),
        "parentId": pl.String,
        "childChemblIds": pl.List(pl.String),
    }
)


class VocabularyError(InputError):
    """A vocabulary file that is missing or lacks the Open Targets columns."""


def _column(name: str, dtype: pl.DataType, present: pl.Schema) -> pl.Expr:
    """The column as the schema types it: a list of {label, source} as its labels, a missing optional column
    (the hierarchy) as nulls."""
    if name not in present:
        return pl.lit(None, dtype).alias(name)
    found = present[name]
    if isinstance(found, pl.List) and isinstance(found.inner, pl.Struct) and name in LABELLED_LISTS:
        return pl.col(name).list.eval(pl.element().struct.field("label")).cast(dtype)
    return pl.col(name).cast(dtype)


def _read(path: Path, schema: pl.Schema, what: str, optional: tuple[str, ...] = ()) -> pl.DataFrame:
    if path.is_dir():
        source: Path | str = str(path / "**" / "*.parquet")
        if not any(path.rglob("*.parquet")):
            raise VocabularyError(f"{what} folder {path} holds no Parquet files")
    elif path.is_file():
        source = path
    else:
        raise VocabularyError(f"{what} {path} does not exist")
    scan = pl.scan_parquet(source)
    try:
        present = scan.collect_schema()
    except pl.exceptions.PolarsError as exc:
        raise VocabularyError(f"{what} {path} is not readable Parquet: {str(exc).splitlines()[0]}") from None
    missing = [column for column in schema if column not in present and column not in optional]
    if missing:
        raise VocabularyError(
            f"{what} {path} lacks the Open Targets column(s) {', '.join(missing)} (it has: {', '.join(present)})"
        )
    try:
        frame = scan.select(_column(name, dtype, present) for name, dtype in schema.items()).collect()
    except pl.exceptions.PolarsError as exc:
        types = ", ".join(f"{name}: {present[name]}" for name in schema if name in present)
        raise VocabularyError(
            f"{what} {path} has columns of unexpected types ({types}): {str(exc).splitlines()[0]}"
        ) from None
    # an id on several rows (two releases in one folder, a concatenation gone wrong) would give its entity two
    # names and two hierarchies, and every join on the id a doubled row
    repeated = frame.filter(pl.col("id").is_duplicated())["id"].unique().sort()
    if repeated.len():
        raise VocabularyError(
            f"{what} {path} holds {repeated.len()} id(s) on several rows (e.g. {', '.join(repeated.head(3))}):"
            " each entity must have one row (are two releases in one folder?)"
        )
    return frame


def read_disease_index(path: Path | None) -> pl.DataFrame:
    """The disease index (ids such as EFO_0000305); empty when not configured."""
    if not path:
        return DISEASE_SCHEMA.to_frame()
    return _read(path, DISEASE_SCHEMA, "Disease vocabulary", optional=HIERARCHY_COLUMNS)


def read_drug_index(path: Path | None) -> pl.DataFrame:
    """The molecule index (ids such as CHEMBL25); empty when not configured."""
    return _read(path, DRUG_SCHEMA, "Drug vocabulary") if path else DRUG_SCHEMA.to_frame()
