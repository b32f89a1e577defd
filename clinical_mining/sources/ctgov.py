"""AACT tables read from ClinicalTrials.gov's own API v2 JSON (`sources.aact.kind: ctgov`).

The download is read once for all the configured tables: each study is parsed on its own (`ctgov_json`), turned
into the rows of the configured tables and columns only (`ctgov_tables`, AACT's loader's rules), and the rows
are written in chunks of Parquet under the cache folder, so memory holds one chunk, whatever the download's
size. Each table asset then reads its table's chunks like the flat-file kind reads a `<table>.txt`: the
configured columns, typed by AACT's schema, filtered by `where`, `distinct` applied. The parse is cached by the
download's size and time and the set of tables and columns, so the assets of one run (and later runs on the
same download) parse it once; a lock makes parallel steps wait for the one that parses.
"""

import fcntl
import gc
import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import polars as pl

from clinical_mining.config import AactTableConfig
from clinical_mining.sources import ctgov_json, ctgov_protocol, ctgov_results, ctgov_rows, ctgov_shards, ctgov_tables
from clinical_mining.sources.aact import AactError, column_dtype, conform
from clinical_mining.sources.ctgov_json import CtgovError, Study, iter_studies
from clinical_mining.sources.ctgov_rows import StudyRows
from clinical_mining.sources.ctgov_tables import TABLES, study_rows, unreadable

ROWS_PER_CHUNK = 50_000
PROCESSES = min(os.cpu_count() or 1, 4)  # shards parsed at once on a big download (see ctgov_shards)
_DONE = "_complete.json"


def needed_columns(tables: dict[str, AactTableConfig]) -> dict[str, list[str]]:
    """Per configured table, the columns to build: the configured ones and those `where` filters on."""
    return {table: list(dict.fromkeys([*spec.columns, *spec.where])) for table, spec in tables.items()}


def check_tables(columns: dict[str, list[str]]) -> None:
    """Fail naming every table or column this kind cannot give."""
    problems = [problem for table, wanted in columns.items() if (problem := unreadable(table, wanted))]
    if problems:
        raise AactError("; ".join(problems))


# --- values into AACT's types, a column at a time ---------------------------------------------------------------

_LEADING_INTEGER = r"^\s*([-+]?\d+)"
_LEADING_NUMBER = r"^\s*([-+]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?)"
_NUMBER = r"^[-+]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$"  # Ruby Float(): "30." is not a number
_TRUE_TEXT = {True: "t", False: "f"}
_FALSE_VALUES = frozenset({"0", "f", "F", "false", "FALSE", "off", "OFF"})


def _as_text(value: Any) -> str:
    """A JSON value in a text column, as ActiveRecord casts it (true is 't'); lists and objects as JSON."""
    if isinstance(value, bool):
        return _TRUE_TEXT[value]
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _as_bool(value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return None if not value.strip() else value not in _FALSE_VALUES
    return value != 0


def _leading(text: pl.Expr, pattern: str, dtype: pl.DataType) -> pl.Expr:
    """Ruby's `to_i` / `to_d`: the leading number, 0 when there is none; blank text is null."""
    number = text.str.extract(pattern, 1).cast(dtype, strict=False)
    return pl.when(text.str.strip_chars() != "").then(number.fill_null(0))


def _dates(text: pl.Expr, first_of_month: bool) -> pl.Expr:
    """`YYYY-MM-DD` (a time after it dropped), a month as its last (or first) day, a year as its last day."""
    day = text.str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False)
    month = (text.str.slice(0, 7) + "-01").str.to_date("%Y-%m-%d", strict=False)
    year = (text.str.slice(0, 4) + "-12-31").str.to_date("%Y-%m-%d", strict=False)
    length = text.str.len_chars()
    return (
        pl.when(length >= 10)
        .then(day)
        .when(length == 7)
        .then(month if first_of_month else month.dt.month_end())
        .when(length == 4)
        .then(year)
    )


def _converted(text: pl.Expr, kind: str) -> pl.Expr:
    if kind == "int":
        return _leading(text, _LEADING_INTEGER, pl.Int64())
    if kind == "loose":
        return _leading(text, _LEADING_NUMBER, pl.Float64())
    if kind == "number":
        stripped = text.str.strip_chars()
        return pl.when(stripped.str.contains(_NUMBER)).then(stripped.cast(pl.Float64, strict=False))
    if kind == "p_value_modifier":
        return text.str.replace_all(r"[\d.\-]", "").str.strip_chars()
    if kind == "p_value":
        return _leading(text.str.replace_all(r"[<> =]", "").str.strip_chars(), _LEADING_NUMBER, pl.Float64())
    if kind in ("date", "date_first"):
        return _dates(text, first_of_month=kind == "date_first")
    return text


def _series(name: str, values: list[Any], kind: str) -> pl.Series:
    if kind == "bool":
        return pl.Series(name, [_as_bool(v) for v in values], dtype=pl.Boolean)
    if kind == "int":
        try:
            return pl.Series(name, values, dtype=pl.Int64)  # ids and JSON integers: no text round trip
        except (TypeError, OverflowError):
            pass
    try:
        return pl.Series(name, values, dtype=pl.String)  # text as the JSON gave it: no pass in Python
    except TypeError:
        return pl.Series(name, [v if v is None or v.__class__ is str else _as_text(v) for v in values], dtype=pl.String)


def _frame(table: str, columns: dict[str, list[Any]]) -> pl.DataFrame:
    """A chunk's columns in AACT's types (text: empty is null, as the other kinds give)."""
    specs = TABLES[table].columns
    raw = pl.DataFrame([_series(name, values, specs[name].kind) for name, values in columns.items()])
    typed = raw.select(
        (pl.col(name) if raw[name].dtype != pl.String else _converted(pl.col(name), specs[name].kind)).alias(name)
        for name in columns
    )
    return conform(typed, table, list(columns))


# --- one pass over the download ------------------------------------------------------------------------------


class _TableChunks:
    """The configured columns of one table, written as a Parquet part every `ROWS_PER_CHUNK` rows."""

    def __init__(self, table: str, columns: list[str], folder: Path) -> None:
        self.table = table
        self.getters = [(name, TABLES[table].columns[name].values) for name in columns]
        self.values: dict[str, list[Any]] = {name: [] for name in columns}
        self.folder = folder / table
        self.folder.mkdir(parents=True, exist_ok=True)
        self.rows = 0
        self.parts = 0

    def add(self, study: StudyRows) -> None:
        rows = study.rows(self.table)
        if not rows:
            return
        for name, values in self.getters:
            self.values[name].extend([study.nct_id] * len(rows) if name == "nct_id" else values(rows))
        self.rows += len(rows)
        if len(self.values[self.getters[0][0]]) >= ROWS_PER_CHUNK:
            self.flush()

    def flush(self, last: bool = False) -> None:
        pending = len(self.values[self.getters[0][0]])
        if not pending and not (last and self.parts == 0):
            return
        self.parts += 1
        _frame(self.table, self.values).write_parquet(self.folder / f"part-{self.parts:06d}.parquet")
        self.values = {name: [] for name in self.values}


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector: parsed studies and their rows are trees freed by reference counting, and
    the collector, woken by every few hundred new dicts, re-walked them for nothing (a quarter of the time on
    studies with results)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build_tables(
    studies: Iterable[Study], columns: dict[str, list[str]], folder: Path, keep_nct_ids: bool = False
) -> dict[str, Any]:
    """Write every configured table of `studies` under `folder` (one sub-folder of parts per table); a study
    seen again (same NCT id) is skipped and counted. The details hold the rows numbered per table (`counters`)
    and, with `keep_nct_ids`, the studies read in order."""
    chunks = [_TableChunks(table, wanted, folder) for table, wanted in columns.items()]
    counters: dict[str, int] = {}
    seen: set[str] = set()
    seen_order: list[str] = []
    duplicates = 0
    first_duplicates: list[str] = []
    started = time.perf_counter()
    with _no_cycle_collection():
        for study in studies:
            if study.nct_id in seen:
                duplicates += 1
                if len(first_duplicates) < 5:
                    first_duplicates.append(study.where)
                continue
            seen.add(study.nct_id)
            if keep_nct_ids:
                seen_order.append(study.nct_id)
            rows = study_rows(study.data, study.nct_id, counters)
            for chunk in chunks:
                try:
                    chunk.add(rows)
                except (AttributeError, TypeError, KeyError, IndexError, ValueError) as exc:
                    raise CtgovError(
                        f"{study.where}: its JSON does not have the shape of a study ({chunk.table}: {exc})"
                    ) from None
    for chunk in chunks:
        chunk.flush(last=True)
    seconds = time.perf_counter() - started
    return {
        "studies": len(seen),
        "duplicates_skipped": duplicates,
        "first_duplicates": first_duplicates,
        "rows": {chunk.table: chunk.rows for chunk in chunks},
        "counters": counters,
        **({"nct_ids": list(seen_order)} if keep_nct_ids else {}),
        "parse_seconds": round(seconds, 3),
        "studies_per_second": round(len(seen) / seconds) if seconds > 0 else 0,
    }


# --- the cache of parsed tables ---------------------------------------------------------------------------


def _source_stamp(path: Path) -> list[Any]:
    """What changes when the download does: size and time of the file, or of each JSON file of the folder."""
    if path.is_dir():
        files = sorted((p.name, p.stat()) for p in path.iterdir() if p.suffix.lower() == ".json")
        return [str(path), *([name, stat.st_size, stat.st_mtime_ns] for name, stat in files)]
    if not path.exists():
        raise CtgovError(f"ClinicalTrials.gov download {path} does not exist (config key sources.aact.path)")
    return [str(path), path.stat().st_size, path.stat().st_mtime_ns]


def _code_stamp() -> str:
    """The reader's own source: a parse cached by an older reader is not reused."""
    modules = (ctgov_json, ctgov_rows, ctgov_protocol, ctgov_results, ctgov_tables, ctgov_shards)
    files = [Path(module.__file__ or "") for module in modules] + [Path(__file__)]
    return hashlib.sha256(b"".join(file.read_bytes() for file in files)).hexdigest()


@contextmanager
def _locked(lock: Path) -> Iterator[None]:
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def parsed_tables(path: Path, columns: dict[str, list[str]], cache_dir: Path) -> tuple[Path, dict[str, Any]]:
    """The folder holding every configured table of the download, parsing it unless an earlier read did."""
    check_tables(columns)
    key_text = json.dumps({"source": _source_stamp(path), "columns": columns, "code": _code_stamp()}, default=str)
    key = hashlib.sha256(key_text.encode()).hexdigest()[:20]
    root = cache_dir / "ctgov"
    folder = root / key
    with _locked(root / f"{key}.lock"):
        done = folder / _DONE
        if done.is_file():
            return folder, {**json.loads(done.read_text()), "cache": "hit"}
        shutil.rmtree(folder, ignore_errors=True)
        partial = root / f"{key}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        started = time.perf_counter()
        details = _parse_in_shards(path, columns, partial) or build_tables(iter_studies(path), columns, partial)
        details |= {"source": str(path), "parse_seconds": round(time.perf_counter() - started, 3)}
        details["studies_per_second"] = round(details["studies"] / max(details["parse_seconds"], 1e-9))
        (partial / _DONE).write_text(json.dumps(details))
        partial.replace(folder)
        _drop_older_parses(root, folder, str(path))
    return folder, {**details, "cache": "built"}


def _parse_in_shards(path: Path, columns: dict[str, list[str]], partial: Path) -> dict[str, Any] | None:
    """The download parsed in shards, one per core (the first in this process, the others in helpers), or
    None when it is one shard or a shard failed: the caller then reads it in one pass (which names a bad
    study by its place in the whole file)."""
    shards = ctgov_shards.plan(path, PROCESSES)
    if len(shards) < 2:
        return None
    with_ids = {table: list(dict.fromkeys([*wanted, "nct_id"])) for table, wanted in columns.items()}
    folders = [partial / f"shard-{k}" for k in range(len(shards))]
    helpers = [ctgov_shards.start_helper(s, with_ids, f) for s, f in zip(shards[1:], folders[1:], strict=True)]
    try:
        first = ctgov_shards.build_shard(shards[0], with_ids, folders[0])
        others = [ctgov_shards.helper_result(h, f) for h, f in zip(helpers, folders[1:], strict=True)]
    except CtgovError:
        others = [None]
    finally:
        for helper in helpers:
            if helper.poll() is None:
                helper.kill()
                helper.wait()
    if any(other is None for other in others):
        shutil.rmtree(partial, ignore_errors=True)
        return None
    parts: list[dict[str, Any]] = [first, *(other for other in others if other is not None)]
    repeated = ctgov_shards.repeated_across(folders)
    examples = [d for p in parts for d in p["first_duplicates"]] + [f"{r} (read again later)" for r in repeated]
    return {
        "studies": sum(p["studies"] for p in parts) - len(repeated),
        "duplicates_skipped": sum(p["duplicates_skipped"] for p in parts) + len(repeated),
        "first_duplicates": examples[:5],
        "rows": {t: sum(p["rows"][t] for p in parts) for t in columns},
        "shards": [f.name for f in folders],
    }


def _drop_older_parses(root: Path, kept: Path, source: str) -> None:
    """Earlier parses of the same download (an older file, other columns): a registry's parse is gigabytes."""
    for other in root.iterdir():
        done = other / _DONE
        if other != kept and done.is_file() and json.loads(done.read_text()).get("source") == source:
            shutil.rmtree(other, ignore_errors=True)


def read_ctgov_table(
    path: Path, table: str, spec: AactTableConfig, columns: dict[str, list[str]], cache_dir: Path
) -> tuple[pl.DataFrame, dict[str, Any]]:
    """One configured table of a ClinicalTrials.gov download: its columns, `where` and `distinct` applied."""
    if table not in columns:
        columns = {**columns, table: needed_columns({table: spec})[table]}
    folder, details = parsed_tables(path, columns, cache_dir)
    if "shards" in details:
        frame = ctgov_shards.combined([folder / name for name in details["shards"]], table, columns[table])
    else:
        frame = pl.scan_parquet(folder / table / "*.parquet")
    for column, values in spec.where.items():
        frame = frame.filter(pl.col(column).is_in(pl.Series(values).cast(column_dtype(table, column)).implode()))
    frame = frame.select(spec.columns)
    if spec.distinct:
        frame = frame.unique(maintain_order=True)
    result = frame.collect()
    metadata = {
        "download": str(path),
        "studies": details["studies"],
        "duplicate_studies_skipped": details["duplicates_skipped"],
        "parse": details["cache"],
        "parse_seconds": details["parse_seconds"],
        "studies_per_second": details["studies_per_second"],
    }
    if details["duplicates_skipped"]:
        metadata["warning"] = (
            f"{details['duplicates_skipped']} study record(s) repeat an NCT id read before and were skipped"
            f" (first: {', '.join(details['first_duplicates'])})"
        )
    return result, metadata


__all__ = ["CtgovError", "build_tables", "check_tables", "needed_columns", "read_ctgov_table"]
