"""The Parquet IO manager: loads under polars 2, writes atomically, keeps the last good file on failure, and
hands a run's own frames to its later steps from memory."""

from datetime import date, datetime
from pathlib import Path

import polars as pl
import pytest
from dagster import AssetIn, DagsterInstance, asset, materialize
from polars.testing import assert_frame_equal

from clinical_mining.io_manager import ParquetIOManager, atomic_target


def _graph() -> list:
    @asset
    def frame() -> pl.DataFrame:
        return pl.DataFrame({"id": [3_000_000_000, 2], "tags": [["a"], None], "when": [None, None]})

    @asset(ins={"frame": AssetIn(dagster_type=pl.LazyFrame)})
    def lazy_child(frame: pl.LazyFrame) -> pl.DataFrame:
        assert isinstance(frame, pl.LazyFrame)
        return frame.select(pl.col("id") + 1).collect()

    @asset
    def eager_child(frame: pl.DataFrame) -> pl.DataFrame:
        return frame.head(1)

    return [frame, lazy_child, eager_child]


def test_round_trip_through_polars_2(tmp_path: Path) -> None:
    result = materialize(
        _graph(),
        resources={"io_manager": ParquetIOManager(base_dir=str(tmp_path))},
        instance=DagsterInstance.ephemeral(),
    )
    assert result.success
    assert pl.read_parquet(tmp_path / "lazy_child.parquet")["id"].to_list() == [3_000_000_001, 3]
    assert pl.read_parquet(tmp_path / "eager_child.parquet").to_dicts() == [
        {"id": 3_000_000_000, "tags": ["a"], "when": None}
    ]
    metadata = result.asset_materializations_for_node("frame")[0].metadata
    assert metadata["dagster/row_count"].value == 2
    assert [c.name for c in metadata["dagster/column_schema"].schema.columns] == ["id", "tags", "when"]
    assert metadata["preview"].records[0].data == {"id": 3_000_000_000, "tags": '["a"]', "when": None}
    assert "stats" not in metadata
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_failed_write_leaves_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "final_df.parquet"
    pl.DataFrame({"good": [1]}).write_parquet(target)
    with pytest.raises(RuntimeError, match="disk full"), atomic_target(target) as temporary:
        Path(temporary).write_bytes(b"half a file")
        raise RuntimeError("disk full")
    assert pl.read_parquet(target).to_dicts() == [{"good": 1}]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["final_df.parquet"]


def _tricky() -> pl.DataFrame:
    """The kinds of column the steps write: enums, categoricals, lists, structs, dates, zoned times, nulls."""
    return pl.DataFrame(
        {
            "stage": pl.Series(["PHASE_2", None], dtype=pl.Enum(["PHASE_1", "PHASE_2"])),
            "status": pl.Series(["COMPLETED", "COMPLETED"], dtype=pl.Categorical),
            "candidates": [["EFO_1", "MONDO_2"], []],
            "sources": [[{"name": "aact", "url": "https://x"}], None],
            "approved": [date(2020, 1, 2), None],
            "seen": [datetime(2021, 3, 4, 5, 6), None],
            "ratio": [float("nan"), -0.0],
            "nothing": [None, None],
        },
        schema_overrides={"seen": pl.Datetime("us", "Asia/Tokyo")},
    )


def _readers(seen: dict[str, pl.LazyFrame | pl.DataFrame]) -> list:
    """`first` and `second` written, then read by a lazy and an eager step; what each step got is kept in `seen`."""

    @asset
    def first() -> pl.DataFrame:
        return _tricky()

    @asset
    def second() -> pl.DataFrame:
        return pl.DataFrame({"n": list(range(100_000))})

    @asset(ins={"first": AssetIn(dagster_type=pl.LazyFrame), "second": AssetIn(dagster_type=pl.LazyFrame)})
    def lazy_reader(first: pl.LazyFrame, second: pl.LazyFrame) -> pl.DataFrame:
        seen.update(first=first, second=second)
        return first.select(pl.len()).collect()

    @asset
    def eager_reader(first: pl.DataFrame) -> pl.DataFrame:
        seen["eager"] = first
        return first.head(1)

    return [first, second, lazy_reader, eager_reader]


def _from_file(frame: pl.LazyFrame) -> bool:
    return "SCAN" in frame.explain(optimized=False).upper()


def test_frames_written_in_the_run_are_handed_over_and_equal_their_files(tmp_path: Path) -> None:
    seen: dict[str, pl.LazyFrame | pl.DataFrame] = {}
    result = materialize(
        _readers(seen),
        resources={"io_manager": ParquetIOManager(base_dir=str(tmp_path))},
        instance=DagsterInstance.ephemeral(),
    )
    assert result.success
    assert not _from_file(seen["first"]) and not _from_file(seen["second"])  # not read back
    # what a step is handed is what its file holds: the same dtypes and values, nulls, NaN and -0.0 included
    from_file = pl.read_parquet(tmp_path / "first.parquet")
    assert_frame_equal(seen["first"].collect(), from_file, categorical_as_str=True)
    assert_frame_equal(seen["eager"], from_file, categorical_as_str=True)
    assert seen["first"].collect_schema() == from_file.schema == _tricky().schema
    assert pl.read_parquet(tmp_path / "lazy_reader.parquet").item() == 2


def test_frames_beyond_the_budget_are_read_back_from_their_files(tmp_path: Path) -> None:
    seen: dict[str, pl.LazyFrame] = {}

    @asset
    def big_a() -> pl.DataFrame:
        return pl.DataFrame({"n": list(range(100_000))})

    @asset
    def big_b() -> pl.DataFrame:
        return pl.DataFrame({"n": list(range(100_000, 200_000))})

    @asset(ins={"big_a": AssetIn(dagster_type=pl.LazyFrame), "big_b": AssetIn(dagster_type=pl.LazyFrame)})
    def reader(big_a: pl.LazyFrame, big_b: pl.LazyFrame) -> pl.DataFrame:
        seen.update(big_a=big_a, big_b=big_b)
        return pl.concat([big_a, big_b]).select(pl.col("n").sum()).collect()

    size = big_a().estimated_size("mb")  # 0.76 MB each
    for budget, a_from_file, b_from_file in (
        (0, True, True),  # nothing kept: every input is scanned
        (1.5 * size, True, False),  # room for one: big_a, written first, made room for big_b
        (3 * size, False, False),
    ):
        folder = tmp_path / str(budget)
        manager = ParquetIOManager(base_dir=str(folder), keep_in_memory_mb=budget)
        assets = [big_a, big_b, reader]
        assert materialize(assets, resources={"io_manager": manager}, instance=DagsterInstance.ephemeral()).success
        assert (_from_file(seen["big_a"]), _from_file(seen["big_b"])) == (a_from_file, b_from_file), budget
        assert pl.read_parquet(folder / "reader.parquet").item() == sum(range(200_000))
