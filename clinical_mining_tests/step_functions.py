"""Plain step functions that the factory tests point their YAML at (allowed via allowed_function_modules)."""

import polars as pl

from clinical_mining.step_stats import record


def numbers(start: int, count: int) -> pl.DataFrame:
    return pl.DataFrame({"n": list(range(start, start + count))})


def scaled(frame: pl.DataFrame, factor: int, label: str = "x") -> pl.DataFrame:
    record("factor", factor)
    return frame.with_columns(n=pl.col("n") * factor, label=pl.lit(label))


def lazy_sum(frames: list[pl.LazyFrame], literals: list[int]) -> pl.LazyFrame:
    """Receives lazy scans (annotation) mixed with literals in one list parameter."""
    assert all(isinstance(frame, pl.LazyFrame) for frame in frames)
    total = pl.concat([frame.select("n") for frame in frames]).select(pl.col("n").sum()).collect().item()
    return pl.LazyFrame({"total": [total + sum(literals)]})


def evidence(label: str, rows: int) -> pl.DataFrame:
    return pl.DataFrame({"drug_name": [f"{label}{i}" for i in range(rows)], label: [1] * rows})


def labelled(frame: pl.DataFrame, source: str) -> pl.DataFrame:
    return frame.with_columns(source=pl.lit(source))


def passthrough(frame: pl.DataFrame, options: dict[str, object] | None = None) -> pl.DataFrame:
    return frame.with_columns(options=pl.lit(str(sorted((options or {}).items()))))


class Steps:
    @staticmethod
    def doubled(frame: pl.DataFrame) -> pl.DataFrame:
        return frame.with_columns(n=pl.col("n") * 2)

    @classmethod
    def counted(cls, frame: pl.DataFrame) -> pl.DataFrame:
        return pl.DataFrame({"rows": [frame.height], "owner": [cls.__name__]})


def read_parquet(path: str) -> pl.DataFrame:
    return pl.read_parquet(path)


def large(rows: int) -> pl.DataFrame:
    """Enough random text that writing it takes a while (for killing a run mid-write)."""
    noise = pl.int_range(rows).hash(7).cast(pl.String)
    return pl.select(n=pl.int_range(rows), text=pl.concat_str(noise, noise.str.reverse(), noise, noise.str.reverse()))
