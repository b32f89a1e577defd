"""The `clinical_mining` console script: overrides, selection, the instance it records in, exit statuses."""

import os
import subprocess
import sys
from pathlib import Path

import polars as pl
from dagster import AssetKey, DagsterInstance

from clinical_mining.config import PROJECT_ROOT

SCRIPT = str(Path(sys.executable).parent / "clinical_mining")


def _run(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DAGSTER_HOME": str(tmp_path),
        "CLINICAL_MINING_CONFIG": str(PROJECT_ROOT / "config" / "clinical_mining.yaml"),
    }
    return subprocess.run([SCRIPT, *arguments], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)


def test_overrides_and_selection_record_the_run(tmp_path: Path) -> None:
    out = tmp_path / "elsewhere"
    done = _run(
        tmp_path, f"output.dir={out}", "checks.mapping_coverage.min_drug_label_coverage=0.5", "--select", "*final_df"
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "materialised" in done.stdout
    final = pl.read_parquet(out / "final_df.parquet")
    metformin = final.filter(drug_id="CHEMBL1431", disease_id="MONDO_0005148")
    assert metformin.select("drug_name", "disease_name", "max_clinical_stage", "mapping_status").rows() == [
        ("METFORMIN", "type 2 diabetes mellitus", "APPROVAL", "FULLY_MAPPED")
    ]
    assert {"FDA", "PMDA"} <= {source["source"] for source in metformin["sources"][0]}
    with DagsterInstance.from_config(str(tmp_path)) as instance:
        event = instance.get_latest_materialization_event(AssetKey("final_df"))
        assert event is not None
        assert event.asset_materialization.metadata["path"].value == str(out / "final_df.parquet")


def test_a_failing_asset_is_named_and_the_exit_status_is_one(tmp_path: Path) -> None:
    missing = tmp_path / "no_such.pdf"
    done = _run(tmp_path, f"output.dir={tmp_path / 'out'}", f"sources.pmda.path={missing}", "--select", "pmda")
    assert done.returncode == 1
    assert f"clinical_mining: asset pmda failed: PMDA file {missing} does not exist" in done.stderr


def test_a_bad_config_in_the_environment_does_not_stop_a_run_of_another_file(tmp_path: Path) -> None:
    """Definitions are built when asked: `--config good.yaml` runs although CLINICAL_MINING_CONFIG names a
    broken file."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("pipeline: [not, a, mapping]\n")
    env = {**os.environ, "DAGSTER_HOME": str(tmp_path), "CLINICAL_MINING_CONFIG": str(broken)}
    good = PROJECT_ROOT / "config" / "clinical_mining.yaml"
    done = subprocess.run(
        [SCRIPT, f"output.dir={tmp_path / 'out'}", "--config", str(good), "--select", "drug_vocabulary"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert pl.read_parquet(tmp_path / "out" / "drug_vocabulary.parquet")["id"].to_list()[:2] == [
        "CHEMBL1431",
        "CHEMBL1703",
    ]


def test_a_bad_override_is_a_config_error(tmp_path: Path) -> None:
    done = _run(tmp_path, "sources.aact.kind=mysql", "--select", "studies")
    assert done.returncode == 2
    assert "sources.aact.kind: Input should be 'postgres', 'flatfiles' or 'ctgov'" in done.stderr
    assert _run(tmp_path, "not-an-override").returncode == 2
