"""A way for plain Polars step functions to report figures (rows in and out of a filter, counts) to the UI.

Step functions know nothing of Dagster: they call `record` or `record_filter`, which does nothing outside a
collection, and the factory turns what was collected during the step into the asset's metadata.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import polars as pl

Figure = int | float | str | pl.DataFrame  # a frame is shown as a table: keep it to a few rows
WARNING = "warning"  # the figure the factory also writes to the run's log as a warning

_collected: ContextVar[dict[str, Figure] | None] = ContextVar("clinical_mining_step_stats", default=None)


def record(name: str, value: Figure) -> None:
    """Report one figure under `name` (the metadata key in the UI)."""
    collected = _collected.get()
    if collected is not None:
        collected[name] = value


def warn(message: str) -> None:
    """Report something the user should act on: shown in the metadata and logged as a warning of the step."""
    record(WARNING, message)


def record_filter(name: str, rows_in: int, rows_out: int) -> None:
    """Report a filter's effect as `<name>/rows_in`, `<name>/rows_out` and `<name>/rows_dropped`."""
    record(f"{name}/rows_in", rows_in)
    record(f"{name}/rows_out", rows_out)
    record(f"{name}/rows_dropped", rows_in - rows_out)


@contextmanager
def collecting() -> Iterator[dict[str, Figure]]:
    """Collect what the code inside the block records."""
    collected: dict[str, Figure] = {}
    token = _collected.set(collected)
    try:
        yield collected
    finally:
        _collected.reset(token)
