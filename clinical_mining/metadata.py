"""Small, cheap renderings of a frame for the Dagster UI (metadata is stored per run, so it must stay small)."""

import json
from typing import Any

import polars as pl
from dagster import MetadataValue, TableColumn, TableRecord, TableSchema

PREVIEW_ROWS = 5
_SCALARS = (str, int, float, bool)


def _cell(value: Any) -> str | int | float | bool | None:
    if value is None or isinstance(value, _SCALARS):
        return value
    return json.dumps(value, default=str)[:500]


def preview_table(df: pl.DataFrame, rows: int = PREVIEW_ROWS) -> Any:
    """The first rows as a table; nested values become JSON text, which the UI shows as is."""
    head = df.head(rows)
    schema = TableSchema(columns=[TableColumn(name=name, type=str(dtype)) for name, dtype in head.schema.items()])
    records = [TableRecord({k: _cell(v) for k, v in row.items()}) for row in head.iter_rows(named=True)]
    return MetadataValue.table(records=records, schema=schema)
