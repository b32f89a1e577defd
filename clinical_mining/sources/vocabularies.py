"""The Open Targets disease and drug (molecule) indices, read from a Parquet file or a folder of part files.

Only the columns the mapping uses are read, so the wide indices cost little memory.
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
    }
)
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


def _read(path: Path, schema: pl.Schema, what: str) -> pl.DataFrame:
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
    missing = [column for column in schema if column not in present]
    if missing:
        raise VocabularyError(
            f"{what} {path} lacks the Open Targets column(s) {', '.join(missing)} (it has: {', '.join(present)})"
        )
    return scan.select(pl.col(name).cast(dtype) for name, dtype in schema.items()).collect()


def read_disease_index(path: Path | None) -> pl.DataFrame:
    """The disease index (ids such as EFO_0000305); empty when not configured."""
    return _read(path, DISEASE_SCHEMA, "Disease vocabulary") if path else DISEASE_SCHEMA.to_frame()


def read_drug_index(path: Path | None) -> pl.DataFrame:
    """The molecule index (ids such as CHEMBL25); empty when not configured."""
    return _read(path, DRUG_SCHEMA, "Drug vocabulary") if path else DRUG_SCHEMA.to_frame()
