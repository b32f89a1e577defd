"""AACT (ClinicalTrials.gov) tables, from its PostgreSQL database through connectorx or from its flat-file export.

Both kinds return the same frame for the same table: only the configured columns, typed as AACT's own schema
defines them (`resources/aact_schema.json`: ids as Int64, dates as Date), filtered by the configured `where`.
"""

import json
import shutil
import time
import zipfile
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import polars as pl

from clinical_mining.config import AactTableConfig
from clinical_mining.errors import InputError
from clinical_mining.sources.database import DatabaseTarget, quote_identifier

_PG_TYPES: dict[str, pl.DataType] = {
    "integer": pl.Int64(),
    "bigint": pl.Int64(),
    "numeric": pl.Float64(),
    "double precision": pl.Float64(),
    "date": pl.Date(),
    "boolean": pl.Boolean(),
    "timestamp without time zone": pl.Datetime("us"),
    "timestamp(6) without time zone": pl.Datetime("us"),
}


_NCT = "ClinicalTrials.gov identifier of the study (NCT and 8 digits)"
# What each column of the AACT tables the project reads means, as AACT's data dictionary describes it; a
# configured column not listed here is shown with the table it comes from.
AACT_COLUMNS: dict[str, dict[str, str]] = {
    "studies": {
        "nct_id": _NCT,
        "study_type": "INTERVENTIONAL, OBSERVATIONAL or EXPANDED_ACCESS",
        "phase": "Phase as registered: EARLY_PHASE1, PHASE1, PHASE1/PHASE2, PHASE2, PHASE2/PHASE3, PHASE3, PHASE4, NA",
        "overall_status": "Recruitment status: RECRUITING, COMPLETED, TERMINATED, WITHDRAWN, ...; for expanded access"
        " AVAILABLE, APPROVED_FOR_MARKETING, ...",
        "why_stopped": "Free text the sponsor gives for stopping the study (terminated, suspended, withdrawn)",
        "start_date": "Date the study started (or is expected to)",
        "completion_date": "Date the study completed (or is expected to)",
        "primary_completion_date": "Date the last participant was examined for the primary outcome (or is expected"
        " to be)",
        "results_first_submitted_date": "Date results were first submitted to ClinicalTrials.gov; null when none were",
        "results_first_posted_date": "Date results were first posted on ClinicalTrials.gov; null when none were",
        "number_of_arms": "Number of arms (design groups) registered",
        "enrollment": "Participants enrolled (actual) or planned (anticipated)",
        "brief_title": "Short title in plain language",
        "official_title": "Full scientific title",
    },
    "interventions": {
        "id": "AACT row id of the intervention",
        "nct_id": _NCT,
        "intervention_type": "DRUG, BIOLOGICAL, COMBINATION_PRODUCT, DEVICE, PROCEDURE, OTHER, ...",
        "name": "Intervention name as the sponsor wrote it (doses, forms, combinations, placebo included)",
        "description": "Free-text description of the intervention",
    },
    "conditions": {
        "id": "AACT row id of the condition",
        "nct_id": _NCT,
        "name": "Condition as the sponsor wrote it",
        "downcase_name": "The condition in lower case",
    },
    "brief_summaries": {
        "nct_id": _NCT,
        "description": "The study's brief summary (free text; where its abbreviations are often spelled out)",
    },
    "intervention_other_names": {
        "id": "AACT row id of the other name",
        "nct_id": _NCT,
        "intervention_id": "The intervention (interventions.id) this is another name of",
        "name": "Synonym, code or brand name the sponsor gives for the intervention",
    },
    "browse_conditions": {
        "id": "AACT row id",
        "nct_id": _NCT,
        "mesh_term": "MeSH heading ClinicalTrials.gov assigned to the study's conditions",
        "downcase_mesh_term": "The MeSH heading in lower case",
        "mesh_type": "mesh-list (assigned to the study) or mesh-ancestor (an ancestor of one)",
    },
    "sponsors": {
        "id": "AACT row id",
        "nct_id": _NCT,
        "agency_class": "Kind of organisation: INDUSTRY, NIH, FED, OTHER_GOV, NETWORK, INDIV, OTHER, AMBIG, UNKNOWN",
        "lead_or_collaborator": "lead (the sponsor responsible for the study) or collaborator",
        "name": "The organisation's name as registered",
    },
    "study_references": {
        "id": "AACT row id",
        "nct_id": _NCT,
        "pmid": "PubMed id of the reference (null for a citation without one)",
        "reference_type": "BACKGROUND, RESULT (a publication of the study's results) or DERIVED (found by PubMed's"
        " NCT-id link)",
        "citation": "The reference as cited",
    },
    "designs": {
        "id": "AACT row id",
        "nct_id": _NCT,
        "allocation": "RANDOMIZED, NON_RANDOMIZED, or NA (a single-group study)",
        "masking": "Who is blinded: NONE (open label), SINGLE, DOUBLE, TRIPLE, QUADRUPLE",
        "primary_purpose": "TREATMENT, PREVENTION, DIAGNOSTIC, SUPPORTIVE_CARE, SCREENING, ...",
    },
    "design_groups": {
        "id": "AACT row id of the arm (design group)",
        "nct_id": _NCT,
        "group_type": "EXPERIMENTAL, ACTIVE_COMPARATOR, PLACEBO_COMPARATOR, SHAM_COMPARATOR, NO_INTERVENTION, OTHER",
        "title": "Arm title as registered",
        "description": "Free-text description of the arm",
    },
    "design_group_interventions": {
        "id": "AACT row id",
        "nct_id": _NCT,
        "design_group_id": "The arm (design_groups.id)",
        "intervention_id": "An intervention given in that arm (interventions.id)",
    },
    "result_groups": {
        "id": "AACT row id of the result group",
        "nct_id": _NCT,
        "ctgov_group_code": "The group's code in the posted results (OG000, EG000, ...), the key of the totals",
        "result_type": "Which results the group belongs to: Outcome, Baseline, Participant Flow, Reported Event",
        "title": "Group title in the posted results (often unlike the arm's)",
        "description": "Free-text description of the group",
    },
    "outcomes": {
        "id": "AACT row id of the outcome",
        "nct_id": _NCT,
        "outcome_type": "PRIMARY, SECONDARY, OTHER_PRE_SPECIFIED or POST_HOC",
        "title": "Outcome measure title",
    },
    "outcome_analyses": {
        "id": "AACT row id of the statistical analysis",
        "nct_id": _NCT,
        "outcome_id": "The outcome analysed (outcomes.id)",
        "non_inferiority_type": "Hypothesis: SUPERIORITY, NON_INFERIORITY, EQUIVALENCE, OTHER (and _LEGACY forms)",
        "non_inferiority_description": "Free text on the hypothesis; a non-inferiority margin is often only here",
        "param_type": "Estimated parameter: Hazard Ratio (HR), Mean Difference (Final Values), Odds Ratio, ...",
        "param_value": "Estimate of the parameter",
        "p_value_raw": "The p-value as posted, with its modifier (<0.001, =0.247, >0.05) or as text",
        "ci_n_sides": "ONE_SIDED or TWO_SIDED confidence interval",
        "ci_percent": "Confidence level of the interval, in percent (95, 90, ...)",
        "ci_lower_limit": "Lower limit of the interval",
        "ci_upper_limit": "Upper limit of the interval",
        "method": "Statistical method (ANCOVA, Log Rank, Cochran-Mantel-Haenszel, ...)",
    },
    "outcome_analysis_groups": {
        "id": "AACT row id",
        "nct_id": _NCT,
        "outcome_analysis_id": "The analysis (outcome_analyses.id)",
        "result_group_id": "A result group it compares (result_groups.id)",
    },
    "reported_event_totals": {
        "id": "AACT row id",
        "nct_id": _NCT,
        "ctgov_group_code": "The 'Reported Event' result group the totals are for (EG000, ...)",
        "event_type": "serious, other or deaths",
        "classification": "AACT's label of the total (Total, serious adverse events; Total, all-cause mortality)",
        "subjects_affected": "Participants with at least one such event (deaths: participants who died)",
        "subjects_at_risk": "Participants at risk: those monitored for such events",
    },
}


def aact_column_descriptions(table: str, columns: list[str]) -> dict[str, str]:
    """The configured columns of `table` with what they mean."""
    known = AACT_COLUMNS.get(table, {})
    return {column: known.get(column, f"AACT column {table}.{column}") for column in columns}


class AactError(InputError):
    """A problem with AACT input that a user must fix (wrong table, column, file); retrying will not help."""


@cache
def aact_schema() -> dict[str, dict[str, str]]:
    """AACT's `ctgov` tables as {table: {column: PostgreSQL type}}."""
    text = resources.files("clinical_mining").joinpath("resources/aact_schema.json").read_text()
    return {table: dict(columns) for table, columns in json.loads(text).items()}


def column_dtype(table: str, column: str) -> pl.DataType:
    """The Polars type of an AACT column; text (and anything unknown) is a String."""
    pg_type = aact_schema().get(table, {}).get(column, "character varying")
    return _PG_TYPES.get(pg_type.split(" DEFAULT ")[0], pl.String())


def _sql_literal(value: str | int | bool) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def select_query(schema: str, table: str, spec: AactTableConfig, partition_on: str | None = None) -> str:
    """The one SELECT that reads a configured table; identifiers are quoted, values are escaped literals. A
    `partition_on` column the table's columns lack is selected too, for the range reads (and dropped after).

    `distinct` is not asked of the server: its sort of every row cost more than sending the duplicates and
    dropping them in Polars (1.7 s against 1.05 s for AACT's browse_conditions at registry size), and the
    read can then be partitioned."""
    selected = [*spec.columns, *([partition_on] if partition_on and partition_on not in spec.columns else [])]
    columns = ", ".join(quote_identifier(c) for c in selected)
    query = f"SELECT {columns} FROM {quote_identifier(schema)}.{quote_identifier(table)}"
    conditions = [
        f"{quote_identifier(column)} IN ({', '.join(_sql_literal(v) for v in values)})"
        for column, values in spec.where.items()
    ]
    return query + (f" WHERE {' AND '.join(conditions)}" if conditions else "")


def conform(frame: pl.DataFrame, table: str, columns: list[str]) -> pl.DataFrame:
    """Cast to AACT's schema types so both kinds (and every connectorx version) give identical frames.

    Empty text becomes null, as the flat-file export cannot tell the two apart.
    """

    def typed(column: str) -> pl.Expr:
        dtype = column_dtype(table, column)
        value = pl.col(column).cast(dtype)
        return pl.when(value != "").then(value) if dtype == pl.String() else value

    return frame.select(typed(c).alias(c) for c in columns)


def read_postgres(
    target: DatabaseTarget, schema: str, table: str, spec: AactTableConfig, partitions: int
) -> tuple[pl.DataFrame, dict[str, Any]]:
    """One table through connectorx, in `partitions` parallel range reads on `id` when the table has one, read
    for the ranges where the configured columns lack it: at scale 1, reported_events' 9.4 M rows took 7.6 s in one
    read and 6.1 s in two, outcome_measurements' 2.8 M rows 2.3 s and 1.7 s (rows in another order, which no
    step's output depends on: the determinism test shuffles every table)."""
    existing = target.columns(schema, table)
    if not existing:
        raise AactError(f"AACT table {schema}.{table} does not exist in {target.display}")
    _check_columns([*spec.columns, *spec.where], existing, f"AACT table {schema}.{table} in {target.display}")
    # an id not configured is read for the ranges only where AACT's schema has it as an integer (every AACT
    # table's is): connectorx cannot range-read text
    ranged = "id" in spec.columns or column_dtype(table, "id").is_integer()
    partition_on = "id" if "id" in existing and partitions > 1 and ranged else None
    query = select_query(schema, table, spec, partition_on)
    started = time.perf_counter()
    frame = conform(target.read(query, partition_on, partitions), table, spec.columns)
    if spec.distinct:  # after conform, so that both kinds count empty text and null as one value
        frame = frame.unique(maintain_order=True)
    seconds = time.perf_counter() - started
    return frame, {
        "query": query,
        "partitions": partitions if partition_on else 1,
        "read_seconds": round(seconds, 3),
        "rows_per_second": round(frame.height / seconds) if seconds > 0 else 0,
    }


def _check_columns(wanted: list[str], existing: list[str], where: str) -> None:
    missing = [column for column in wanted if column not in existing]
    if missing:
        raise AactError(f"{where} has no column {', '.join(map(repr, missing))} (it has: {', '.join(existing)})")


def flatfile_path(export: Path, table: str, cache_dir: Path) -> Path:
    """The `<table>.txt` of an export folder, or of an export zip (unpacked once into `cache_dir`)."""
    if export.is_dir():
        path = export / f"{table}.txt"
        if not path.is_file():
            raise AactError(f"AACT flat-file export {export} has no {table}.txt (table {table!r} is configured)")
        return path
    if not export.is_file():
        raise AactError(f"AACT flat-file export {export} does not exist (config key sources.aact.path)")
    if not zipfile.is_zipfile(export):
        raise AactError(f"AACT flat-file export {export} is neither a folder nor a zip file")
    stamp = f"{export.stem}-{export.stat().st_size}-{int(export.stat().st_mtime)}"
    target = cache_dir / stamp / f"{table}.txt"
    if target.is_file():
        return target
    with zipfile.ZipFile(export) as archive:
        member = next((n for n in archive.namelist() if Path(n).name == f"{table}.txt"), None)
        if member is None:
            raise AactError(f"AACT flat-file export {export} has no {table}.txt (table {table!r} is configured)")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".partial")
        with archive.open(member) as source, open(partial, "wb") as sink:
            shutil.copyfileobj(source, sink, length=16 << 20)
        partial.replace(target)
    return target


def _flatfile_value(column: str, dtype: pl.DataType) -> pl.Expr:
    raw = pl.col(column)
    if dtype == pl.String():
        return raw.str.replace_all("~", "\n", literal=True)  # the export turns embedded newlines into "~"
    if dtype == pl.Boolean():
        return raw.str.to_lowercase().replace_strict({"t": True, "true": True, "f": False, "false": False})
    if dtype == pl.Date():
        return raw.str.to_date("%Y-%m-%d")
    if isinstance(dtype, pl.Datetime):
        return raw.str.to_datetime(time_unit="us")
    return raw.cast(dtype)


def read_flatfile(path: Path, table: str, spec: AactTableConfig) -> pl.DataFrame:
    """One `<table>.txt` of the pipe-delimited export, streamed, reading only the configured columns."""
    try:
        header = pl.read_csv(path, separator="|", n_rows=0, infer_schema=False).columns
    except (pl.exceptions.PolarsError, OSError) as exc:
        raise AactError(f"AACT flat file {path} cannot be read: {exc}") from None
    scan = pl.scan_csv(path, separator="|", quote_char='"', infer_schema=False, missing_columns="raise")
    needed = list(dict.fromkeys([*spec.columns, *spec.where]))
    _check_columns(needed, header, f"AACT flat file {path}")
    frame = scan.select(_flatfile_value(column, column_dtype(table, column)).alias(column) for column in needed)
    for column, values in spec.where.items():
        frame = frame.filter(pl.col(column).is_in(pl.Series(values).cast(column_dtype(table, column)).implode()))
    frame = frame.select(spec.columns)
    if spec.distinct:
        frame = frame.unique(maintain_order=True)
    try:
        return frame.collect(engine="streaming")
    except pl.exceptions.PolarsError as exc:
        raise AactError(f"AACT flat file {path} is malformed: {str(exc).splitlines()[0]}") from None
