"""ChEMBL inputs: the drug-indication JSON-lines export, and the curation of trials (DRUGBASE_CURATION).

The JSON-lines file is read by Polars' native (streaming, gzip-aware) reader with an explicit schema; only
when that fails is the file walked line by line, to name the bad lines (or skip them when configured).
"""

import gzip
import json
from pathlib import Path
from typing import NamedTuple

import polars as pl

from clinical_mining.errors import InputError
from clinical_mining.sources.database import DatabaseTarget, quote_identifier

REF = pl.Struct({"ref_id": pl.String, "ref_type": pl.String, "ref_url": pl.String})
INDICATION_SCHEMA = pl.Schema(
    {
        "drugind_id": pl.Int64,
        "molecule_chembl_id": pl.String,
        "parent_molecule_chembl_id": pl.String,
        "efo_id": pl.String,
        "efo_term": pl.String,
        "mesh_id": pl.String,
        "mesh_heading": pl.String,
        "max_phase_for_ind": pl.String,  # a number in some exports, text ("2.0") in others
        "indication_refs": pl.List(REF),
        "_metadata": pl.Struct({"all_molecule_chembl_ids": pl.List(pl.String)}),
    }
)
WARNING_SCHEMA = pl.Schema(
    {
        "warning_id": pl.Int64,
        "molecule_chembl_id": pl.String,
        "parent_molecule_chembl_id": pl.String,
        "warning_type": pl.String,
        "warning_class": pl.String,
        "warning_description": pl.String,
        "warning_country": pl.String,  # several, ";"-separated
        "warning_year": pl.String,  # a number in some exports, text in others
        "efo_id": pl.String,
        "efo_term": pl.String,
        "warning_refs": pl.List(REF),
        "_metadata": pl.Struct({"all_molecule_chembl_ids": pl.List(pl.String)}),
    }
)
CURATION_SCHEMA = pl.Schema(
    {
        "studyId": pl.String,
        "drug_id": pl.String,
        "disease_id": pl.String,
        "drug_name": pl.String,
        "disease_name": pl.String,
    }
)
CONDITION_SENTINELS = ("-NOT-CONDITION-", "-ABSENT-")
MOLECULE_SENTINELS = ("-NOT-DRUG-", "-ABSENT-", "-NOT-SPECIFIED-DRUG/S-")
CURATION_TABLES = {
    "CT_NCTID_CONDITION_EFO": ("NCT_ID", "CONDITION_1", "EFO", "IS_INDICATION"),
    "CT_NCT_ID2MOLREGNO": ("NCT_ID", "INTERVENTION_NAME", "MOLREGNO"),
    "MOLECULE_DICTIONARY": ("MOLREGNO", "CHEMBL_ID"),
}


_MOLECULE = "ChEMBL id of the molecule the record is for (the parent or one of its salts and forms)"
_PARENT = "ChEMBL id of the molecule's parent (the drug)"
_FORMS = "Export metadata: all_molecule_chembl_ids, the parent and all its forms (not in every export)"
INDICATION_COLUMNS = {
    "drugind_id": "ChEMBL's id of the drug-indication record",
    "molecule_chembl_id": _MOLECULE,
    "parent_molecule_chembl_id": _PARENT,
    "efo_id": "The indication's disease id as ChEMBL writes it, with a colon (EFO:0000279, MONDO:..., HP:...)",
    "efo_term": "The disease's name in EFO",
    "mesh_id": "The indication's MeSH id (D003924)",
    "mesh_heading": "The indication's MeSH heading",
    "max_phase_for_ind": "Furthest phase for this indication: 4 approved, 3, 2, 1, 0.5 early phase 1, -1 unknown",
    "indication_refs": "Where it is written: list of {ref_type (ClinicalTrials, FDA, EMA, DailyMed, ...), ref_id,"
    " ref_url}",
    "_metadata": _FORMS,
}
CURATION_COLUMNS = {
    "studyId": "Study (NCT id) whose label ChEMBL curated",
    "drug_id": "ChEMBL id ChEMBL's curators gave the study's drug label",
    "disease_id": "EFO/MONDO id (with _) ChEMBL's curators gave the study's condition label",
    "drug_name": "The study's drug label as curated",
    "disease_name": "The study's condition label as curated",
}
WARNING_COLUMNS = {
    "warning_id": "ChEMBL's id of the warning",
    "molecule_chembl_id": _MOLECULE,
    "parent_molecule_chembl_id": _PARENT,
    "warning_type": "Withdrawn (for safety in at least one country) or Black Box Warning",
    "warning_class": "Kind of harm (hepatotoxicity, cardiotoxicity, ...)",
    "warning_description": "Free-text description of the warning",
    "warning_country": "Countries concerned, ';'-separated",
    "warning_year": "Year of the withdrawal or warning, as exported (number or text)",
    "efo_id": "EFO id of the adverse effect",
    "efo_term": "Name of the adverse effect",
    "warning_refs": "Where it is written: list of {ref_type, ref_id, ref_url}",
    "_metadata": _FORMS,
}


class ChemblError(InputError):
    """A ChEMBL input that cannot be used as it is; the message names the file and line or the table."""


def _open_lines(path: Path) -> list[bytes]:
    with path.open("rb") as probe:
        gzipped = probe.read(2) == b"\x1f\x8b"
    opener = gzip.open if gzipped else open
    with opener(path, "rb") as handle:
        return handle.read().splitlines()


def _bad_lines(lines: list[bytes], schema: pl.Schema) -> dict[int, str]:
    """Line number (1-based) to reason, for the lines that are not one JSON object each."""
    bad: dict[int, str] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            bad[number] = f"not valid JSON ({exc})"
            continue
        if isinstance(record, dict):
            try:
                pl.Series([line.decode()]).str.json_decode(pl.Struct(schema))
            except pl.exceptions.PolarsError as exc:
                bad[number] = f"does not fit the ChEMBL schema ({str(exc).splitlines()[0][:200]})"
            continue
        bad[number] = f"a JSON {type(record).__name__}, not an object"
    return bad


def _decoded(lines: pl.DataFrame, schema: pl.Schema) -> pl.DataFrame:
    """JSON objects, one per non-blank line, decoded natively with the explicit schema."""
    return (
        lines.filter(pl.col("line").str.strip_chars().ne_missing(""))
        .select(pl.col("line").str.json_decode(pl.Struct(schema)))
        .unnest("line")
    )


class JsonLines(NamedTuple):
    """One of ChEMBL's JSON-lines exports: its schema, its name in messages, its config keys, its record id."""

    schema: pl.Schema
    what: str
    config_key: str
    record_id: str


INDICATIONS = JsonLines(INDICATION_SCHEMA, "ChEMBL indications file", "sources.chembl_indications", "drugind_id")
WARNINGS = JsonLines(WARNING_SCHEMA, "ChEMBL drug warnings file", "sources.chembl_warnings", "warning_id")


def read_json_lines(path: Path, export: JsonLines, skip_bad_lines: bool = False) -> tuple[pl.DataFrame, int]:
    """The records of a ChEMBL JSON-lines export, and how many bad lines were skipped (only with
    `skip_bad_lines`); every record must name a molecule.

    Lines are read as text by Polars' CSV reader (gzip-aware; \x1f cannot occur unescaped in JSON) and decoded
    with `str.json_decode`: a quarter of the memory of `scan_ndjson` on nested records, and four times faster.
    """
    what = f"{export.what} {path}"
    if not path.is_file():
        raise ChemblError(f"{what} does not exist (config key {export.config_key}.path)")
    scan = pl.scan_csv(path, has_header=False, separator="\x1f", quote_char=None, schema={"line": pl.String})
    try:
        frame = _decoded(scan.collect(), export.schema)
        skipped = 0
    except (pl.exceptions.PolarsError, OSError, EOFError) as exc:
        try:
            lines = _open_lines(path)
            bad = _bad_lines(lines, export.schema)
        except (OSError, EOFError, gzip.BadGzipFile) as read_error:
            raise ChemblError(f"{what} cannot be read: {read_error}") from None
        if not bad:
            raise ChemblError(f"{what} cannot be parsed: {str(exc).splitlines()[0]}") from None
        first, reason = next(iter(bad.items()))
        if not skip_bad_lines:
            raise ChemblError(
                f"{what} line {first}: {reason}; {len(bad)} bad line(s) in all"
                f" (set {export.config_key}.skip_bad_lines: true to skip them)"
            ) from None
        good = [line.decode() for number, line in enumerate(lines, start=1) if number not in bad]
        frame = _decoded(pl.DataFrame({"line": good}, schema={"line": pl.String}), export.schema)
        skipped = len(bad)
    no_drug = frame.select(
        pl.int_range(pl.len()).filter(
            pl.col("molecule_chembl_id").is_null()
            & pl.col("parent_molecule_chembl_id").is_null()
            & pl.col("_metadata").struct["all_molecule_chembl_ids"].list.len().fill_null(0).eq(0)
        )
    ).to_series()
    if len(no_drug):
        record = frame.row(no_drug[0], named=True)
        raise ChemblError(
            f"{what}: record {no_drug[0] + 1} ({export.record_id} {record[export.record_id]}) has no"
            f" drug id (molecule_chembl_id, parent_molecule_chembl_id and _metadata are all empty);"
            f" {len(no_drug)} such record(s)"
        )
    return frame, skipped


def read_indications(path: Path, skip_bad_lines: bool = False) -> tuple[pl.DataFrame, int]:
    """The drug-indication records, and how many bad lines were skipped."""
    return read_json_lines(path, INDICATIONS, skip_bad_lines)


def read_warnings(path: Path, skip_bad_lines: bool = False) -> tuple[pl.DataFrame, int]:
    """ChEMBL's drug warnings (withdrawals, black-box warnings) as exported with the molecule's ids."""
    return read_json_lines(path, WARNINGS, skip_bad_lines)


def read_warnings_database(target: DatabaseTarget, molecule_schema: str) -> pl.DataFrame:
    """`drug_warning` of a ChEMBL release schema, with each molecule's and parent's ChEMBL id from
    `molecule_dictionary`, in the export's columns."""
    case = str.lower if target.folds_to_lower_case else str.upper

    def name(identifier: str) -> str:
        return quote_identifier(case(identifier))

    schema = name(molecule_schema)
    columns = ", ".join(
        f"w.{name(column)} AS {name(column)}"
        for column in (
            "warning_id",
            "warning_type",
            "warning_class",
            "warning_description",
            "warning_country",
            "warning_year",
            "efo_id",
            "efo_term",
        )
    )
    query = (
        f"SELECT {columns}, m.{name('chembl_id')} AS {name('molecule_chembl_id')},"
        f" p.{name('chembl_id')} AS {name('parent_molecule_chembl_id')}"
        f" FROM {schema}.{name('drug_warning')} w"
        f" JOIN {schema}.{name('molecule_dictionary')} m ON m.{name('molregno')} = w.{name('molregno')}"
        f" LEFT JOIN {schema}.{name('molecule_dictionary')} p ON p.{name('molregno')} = w.{name('parent_molregno')}"
    )
    try:
        frame = target.read(query)
    except InputError as exc:
        raise ChemblError(f"ChEMBL drug warnings from {molecule_schema}.drug_warning: {exc}") from None
    frame = frame.rename({column: column.lower() for column in frame.columns})
    return frame.select(
        pl.col(column).cast(dtype) if column in frame.columns else pl.lit(None, dtype).alias(column)
        for column, dtype in WARNING_SCHEMA.items()
    )


def normalise_efo(column: pl.Expr) -> pl.Expr:
    """`EFO:0000305` → `EFO_0000305`, the spelling of the Open Targets indices."""
    return column.str.strip_chars().str.replace(":", "_", literal=True)


def curation_from_tables(conditions: pl.DataFrame, molecules: pl.DataFrame, dictionary: pl.DataFrame) -> pl.DataFrame:
    """Each curated (trial, drug, condition): the trial's molecules crossed with its indication conditions."""
    for name, frame in zip(CURATION_TABLES, (conditions, molecules, dictionary), strict=True):
        missing = [column for column in CURATION_TABLES[name] if column not in frame.columns]
        if missing and not (name == "CT_NCTID_CONDITION_EFO" and missing == ["IS_INDICATION"]):
            raise ChemblError(
                f"ChEMBL curation table {name} lacks column(s) {', '.join(missing)}"
                f" (it has: {', '.join(frame.columns)})"
            )
    diseases = conditions.filter(
        ~pl.col("EFO").cast(pl.String).is_in(CONDITION_SENTINELS) & pl.col("EFO").is_not_null()
    )
    if "IS_INDICATION" in diseases.columns:
        flag = pl.col("IS_INDICATION").cast(pl.String).str.to_lowercase()
        diseases = diseases.filter(flag.is_in(["1", "y", "yes", "true", "t"]))
    drugs = molecules.filter(
        ~pl.col("MOLREGNO").cast(pl.String).is_in(MOLECULE_SENTINELS) & pl.col("MOLREGNO").is_not_null()
    ).with_columns(pl.col("MOLREGNO").cast(pl.String).str.strip_chars().cast(pl.Int64, strict=False))
    ids = dictionary.select(pl.col("MOLREGNO").cast(pl.Int64), pl.col("CHEMBL_ID").cast(pl.String))
    curated_drugs = drugs.join(ids, on="MOLREGNO").select(
        studyId=pl.col("NCT_ID").cast(pl.String),
        drug_id="CHEMBL_ID",
        drug_name=pl.col("INTERVENTION_NAME").cast(pl.String),
    )
    curated_diseases = diseases.select(
        studyId=pl.col("NCT_ID").cast(pl.String),
        disease_id=normalise_efo(pl.col("EFO").cast(pl.String)),
        disease_name=pl.col("CONDITION_1").cast(pl.String),
    )
    # a trial curated on one side only keeps that side: its drugs are curated even where no condition is
    return (
        curated_drugs.join(curated_diseases, on="studyId", how="full", coalesce=True)
        .select(CURATION_SCHEMA.names())
        .unique()
        .sort(CURATION_SCHEMA.names(), nulls_last=True)
    )


def read_curation_database(target: DatabaseTarget, curation_schema: str, molecule_schema: str) -> pl.DataFrame:
    """The three curation tables through connectorx (Oracle or PostgreSQL), joined in Polars."""
    frames = []
    for table, columns in CURATION_TABLES.items():
        schema = molecule_schema if table == "MOLECULE_DICTIONARY" else curation_schema
        case = str.lower if target.folds_to_lower_case else str.upper
        selected = "*" if table == "CT_NCTID_CONDITION_EFO" else ", ".join(quote_identifier(case(c)) for c in columns)
        try:
            source = f"{quote_identifier(case(schema))}.{quote_identifier(case(table))}"
            frame = target.read(f"SELECT {selected} FROM {source}")
        except InputError as exc:
            raise ChemblError(f"ChEMBL curation table {schema}.{table} ({', '.join(columns)}): {exc}") from None
        frames.append(frame.rename({c: c.upper() for c in frame.columns}))
    return curation_from_tables(*frames)


def read_curation_file(path: Path) -> pl.DataFrame:
    """A curation export (Parquet or CSV) with columns studyId, drug_id, disease_id, drug_name, disease_name."""
    if not path.is_file():
        raise ChemblError(f"ChEMBL curation file {path} does not exist (config key sources.chembl_curation.path)")
    try:
        scan = pl.scan_csv(path, infer_schema=False) if path.suffix.lower() == ".csv" else pl.scan_parquet(path)
        present = scan.collect_schema().names()
    except pl.exceptions.PolarsError as exc:
        raise ChemblError(f"ChEMBL curation file {path} cannot be read: {str(exc).splitlines()[0]}") from None
    missing = [column for column in CURATION_SCHEMA if column not in present]
    if missing:
        raise ChemblError(
            f"ChEMBL curation file {path} lacks column(s) {', '.join(missing)} (it has: {', '.join(present)})"
        )
    frame = scan.select(pl.col(c).cast(t) for c, t in CURATION_SCHEMA.items()).collect()
    # a sentinel or null on one side leaves the other side's curation standing
    drug = pl.when(~pl.col("drug_id").is_in(MOLECULE_SENTINELS)).then("drug_id")
    disease = pl.when(~pl.col("disease_id").is_in(CONDITION_SENTINELS)).then(normalise_efo(pl.col("disease_id")))
    return frame.with_columns(drug_id=drug, disease_id=disease).filter(
        pl.col("drug_id").is_not_null() | pl.col("disease_id").is_not_null()
    )
