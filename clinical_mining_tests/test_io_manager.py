"""The Parquet IO manager: loads under polars 2, writes atomically, keeps the last good file on failure."""

from pathlib import Path

import polars as pl
import pytest
from dagster import AssetIn, DagsterInstance, asset, materialize

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
    # the run process's memory high-water mark once each asset is written: it never falls along the run (the
    # root asset runs first), and this process holds at least Python, Polars and Dagster (well over 50 MB)
    peaks = {
        name: result.asset_materializations_for_node(name)[0].metadata["process_peak_mb"].value
        for name in ("frame", "lazy_child", "eager_child")
    }
    assert min(peaks.values()) == peaks["frame"] > 50


def test_failed_write_leaves_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "final_df.parquet"
    pl.DataFrame({"good": [1]}).write_parquet(target)
    with pytest.raises(RuntimeError, match="disk full"), atomic_target(target) as temporary:
        Path(temporary).write_bytes(b"half a file")
        raise RuntimeError("disk full")
    assert pl.read_parquet(target).to_dicts() == [{"good": 1}]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["final_df.parquet"]
