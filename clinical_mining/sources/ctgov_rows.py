"""The pieces the ClinicalTrials.gov-to-AACT mapping is written in: a row, a column, a table, one study's rows.

A row is a plain tuple `(id, entry, up)`: the AACT row id (a sequence number, or None for `studies`), the JSON
object (or string) the row comes from, and what it links to (parent objects, the ids of the rows it points at).
Tuples, not objects: a registry-sized read makes some tens of millions of them, and a column getter is a small
function of the tuple, called only for the configured columns.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

Row = tuple[int | None, Any, Any]
ID, ENTRY, UP = 0, 1, 2

# How a column's value becomes AACT's: `text` as it is; `int` and `loose` the leading number of the text (blank
# is null, other text 0, as ActiveRecord's casts give: `to_i`, `to_d`); `number` the text when all of it is a
# number, else null (`Float(x) rescue nil`); `bool`; `date` (a month as its last day); `date_first` (a month
# as its first day); `p_value_modifier` and `p_value`, AACT's two splits of the posted p-value text.
KINDS = frozenset({"text", "int", "loose", "number", "bool", "date", "date_first", "p_value_modifier", "p_value"})


@dataclass(frozen=True)
class Column:
    get: Callable[[Row], Any]
    kind: str = "text"

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")

    def values(self, rows: list[Row]) -> list[Any]:
        """The column's values for a study's rows: a getter made by `at`, `up`, `row_id` or `const` says how
        to take them all at once (`many`), without a function call per row."""
        many = getattr(self.get, "many", None)
        return many(rows) if many is not None else [self.get(r) for r in rows]


@dataclass(frozen=True)
class Table:
    """An AACT table: the rows one study gives (`rows`), and how each column is read from a row."""

    rows: Callable[["StudyRows"], list[Row]]
    columns: dict[str, Column]


def dig(value: Any, *keys: str) -> Any:
    """`value[k1][k2]...`, or None where a key is missing or a level is not an object."""
    for key in keys:
        if value.__class__ is not dict:
            return None
        value = value.get(key)
    return value


def as_list(value: Any) -> list[Any]:
    return value if value.__class__ is list else []


class StudyRows:
    """The rows one study gives, table by table, each built once (a table's rows may be another's parents);
    ids come from the read's running counters, so a table's ids are the same whichever tables are configured."""

    def __init__(self, study: dict[str, Any], nct_id: str, counters: dict[str, int], tables: Mapping[str, Table]):
        self.study = study
        self.nct_id = nct_id
        self.counters = counters
        self.tables = tables
        self.built: dict[str, list[Row]] = {}
        self.group_ids: dict[tuple[str, Any], int] = {}  # (result_type, code) -> result_groups.id, per module
        self.outcome_group_ids: list[dict[Any, int]] = []  # per outcome measure: code -> result_groups.id

    def rows(self, table: str) -> list[Row]:
        found = self.built.get(table)
        if found is None:
            found = self.built[table] = self.tables[table].rows(self)
        return found

    def numbered(self, table: str, entries: Iterable[tuple[Any, Any]]) -> list[Row]:
        """Rows for (entry, up) pairs, with the next ids of `table`."""
        start = self.counters.get(table, 0)
        rows = [(start + i, entry, up) for i, (entry, up) in enumerate(entries, 1)]
        self.counters[table] = start + len(rows)
        return rows

    def module(self, *path: str) -> Any:
        return dig(self.study, *path)


# --- column getters -----------------------------------------------------------------------------------------


def with_many(get: Callable[[Row], Any], many: Callable[[list[Row]], list[Any]]) -> Callable[[Row], Any]:
    """`get`, which also takes a whole list of rows at once (`many`, what `Column.values` uses)."""
    get.many = many  # type: ignore[attr-defined]
    return get


def at(*path: str) -> Callable[[Row], Any]:
    """The value at `path` inside the row's JSON object."""
    if len(path) == 1:
        key = path[0]
        return with_many(lambda r: r[1].get(key), lambda rows: [r[1].get(key) for r in rows])
    return lambda r: dig(r[1], *path)


def up(*path: str) -> Callable[[Row], Any]:
    """The value at `path` inside what the row links to."""
    if len(path) == 1:
        key = path[0]
        return with_many(lambda r: r[2].get(key), lambda rows: [r[2].get(key) for r in rows])
    return lambda r: dig(r[2], *path)


entry = with_many(lambda r: r[1], lambda rows: [r[1] for r in rows])
entry.__doc__ = "The row's entry itself (a string of a list of strings: a condition, a keyword, an other name)."
tag = with_many(lambda r: r[2], lambda rows: [r[2] for r in rows])
tag.__doc__ = "What the row links to, when that is a single value (the list a row came from, a parent's id)."
row_id = with_many(lambda r: r[0], lambda rows: [r[0] for r in rows])


def const(value: Any) -> Callable[[Row], Any]:
    return with_many(lambda r: value, lambda rows: [value] * len(rows))


def lower(get: Callable[[Row], Any]) -> Callable[[Row], Any]:
    def lowered(r: Row) -> Any:
        value = get(r)
        return value.lower() if value.__class__ is str else value

    return lowered


def with_ids(columns: dict[str, Column]) -> dict[str, Column]:
    """`id` and `nct_id` first, as in AACT; the reader fills `nct_id` from the study the rows come from."""
    return {"id": Column(row_id, "int"), "nct_id": Column(const(None)), **columns}


# --- row builders -------------------------------------------------------------------------------------------


def each(table: str, *path: str) -> Callable[[StudyRows], list[Row]]:
    """One row per element of the list at `path` (AACT's `root:` that is an array)."""
    return lambda s: s.numbered(table, ((item, None) for item in as_list(s.module(*path))))


def one(table: str, *path: str) -> Callable[[StudyRows], list[Row]]:
    """One row when the object at `path` exists (AACT's `root:` that is a hash)."""

    def rows(s: StudyRows) -> list[Row]:
        found = s.module(*path)
        return s.numbered(table, [(found, None)] if found.__class__ is dict else [])

    return rows


def tagged(table: str, *parts: tuple[str, tuple[str, ...]]) -> Callable[[StudyRows], list[Row]]:
    """Rows from several lists, in order, each row's `up` the tag of the list it came from."""
    return lambda s: s.numbered(table, [(item, name) for name, path in parts for item in as_list(s.module(*path))])


def frozen(value: Any) -> Any:
    """A hashable copy of a JSON value, to tell identical objects apart from different ones."""
    if isinstance(value, dict):
        return tuple(sorted((k, frozen(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(frozen(v) for v in value)
    return value
