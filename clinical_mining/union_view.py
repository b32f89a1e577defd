"""The union stage as a view: the union steps' stored outputs concatenated lazily, never written a second time.

The `union` asset stays in the graph (its own group in the UI, with row counts per step), but what the IO
manager stores for it is a small manifest naming its parts; a step that reads `$union` gets the diagonal
concatenation of the parts' Parquet files, scanned lazily, as if it were one file. At scale 1 that is 2 M rows
not written and read back once more.
"""

from collections.abc import Mapping

import polars as pl

UNION_PARTS = "union/parts"  # asset metadata: the union steps whose outputs the view concatenates, in order


def concat_union(parts: Mapping[str, pl.LazyFrame]) -> pl.LazyFrame:
    """The parts concatenated diagonally (a column one part lacks is null in its rows), with a `source` column
    holding the step's name in the rows of a part that has none."""
    frames = []
    for name, part in parts.items():
        if "source" not in part.collect_schema().names():
            part = part.with_columns(source=pl.lit(name))
        frames.append(part)
    return pl.concat(frames, how="diagonal_relaxed")
