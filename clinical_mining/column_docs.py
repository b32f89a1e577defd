"""Column descriptions for the UI's column schema: written once, beside the code that makes each column.

A step function declares what its columns mean with `@describes({...})`; a source asset passes the dictionary
its reader module holds. The asset definition carries the dictionary under `COLUMN_DESCRIPTIONS`, and the IO
manager puts each present column's description into the `dagster/column_schema` it reports: the text lives
in one place and is shown wherever the column is.
"""

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

COLUMN_DESCRIPTIONS = "clinical_mining/column_descriptions"
Function = TypeVar("Function", bound=Callable[..., Any])


def describes(descriptions: Mapping[str, str]) -> Callable[[Function], Function]:
    """Mark a step function with what its output columns mean (a superset is fine: only the present ones show)."""

    def mark(function: Function) -> Function:
        function.column_descriptions = dict(descriptions)  # type: ignore[attr-defined]
        return function

    return mark


def descriptions_of(function: Callable[..., Any]) -> dict[str, str]:
    """What `describes` recorded on `function` (a staticmethod's function too), else nothing."""
    return dict(getattr(getattr(function, "__func__", function), "column_descriptions", {}))
