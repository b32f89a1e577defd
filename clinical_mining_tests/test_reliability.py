"""Faults and untrusted input: killed writes, config that tries to escape, secrets, reruns."""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import polars as pl
import pytest
from dagster import DagsterInstance

from clinical_mining.config import ConfigError, load_config
from clinical_mining_tests.conftest import Postgres, make_curation_tables, output, run_config, run_texts
from clinical_mining_tests.test_default_graph import expected_aact_evidence

STEP = "clinical_mining_tests.step_functions"
KILLER = """
import sys
from clinical_mining_tests.conftest import run_config
from pathlib import Path
run_config(Path(sys.argv[1]))
"""


def test_sigkill_while_final_df_is_written_leaves_the_previous_file(
    write_config: Callable[..., Path], tmp_path: Path
) -> None:
    small = {"name": "final_df", "function": f"{STEP}.large", "parameters": {"rows": 1000}}
    config = write_config({"process": [small]})
    assert run_config(config).success
    before = output(config, "final_df")
    big = {"name": "final_df", "function": f"{STEP}.large", "parameters": {"rows": 10_000_000}}
    config = write_config({"process": [big]})
    out = tmp_path / "out"
    run = subprocess.Popen(
        [sys.executable, "-c", KILLER, str(config)], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 300
    while not list(out.glob(".final_df.parquet.*.tmp")):
        assert run.poll() is None, "the run ended before it began writing final_df"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert pl.read_parquet(out / "final_df.parquet").equals(before)
    assert list(out.glob(".final_df.parquet.*.tmp"))  # the half-written file is beside, not in place
    assert run_config(write_config({"process": [small]})).success
    assert not list(out.glob(".final_df.parquet.*.tmp"))  # and the next write clears it away


def test_untrusted_config_cannot_escape(write_config: Callable[..., Path], tmp_path: Path) -> None:
    final = {"name": "final_df", "function": f"{STEP}.numbers", "parameters": {"start": 1, "count": 1}}
    sources = {
        "aact": {
            "kind": "postgres",
            "uri": "postgresql://h/aact",
            "tables": {"studies": {"columns": ['nct_id"; DROP TABLE studies; --']}, "x;y": {"columns": ["id"]}},
        },
        "pmda": {"path": "../../etc/passwd"},
    }
    path = write_config({"process": [final]}, sources=sources, allowed_roots=[str(tmp_path)])
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    problems = caught.value.problems
    assert any(
        p.startswith("sources.aact.tables.studies.columns[0]: 'nct_id\"; DROP TABLE studies; --' is not a valid")
        for p in problems
    ), problems
    assert any(p.startswith("sources.aact.tables.x;y.[key]: 'x;y' is not a valid identifier") for p in problems), (
        problems
    )
    # the structural errors stop before the path check: fix them and the escaping path is caught
    sources["aact"]["tables"] = {"studies": {"columns": ["nct_id"]}}
    path = write_config({"process": [final]}, sources=sources, allowed_roots=[str(tmp_path)])
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    escaped = Path(os.path.normpath(tmp_path / "pipeline.yaml/../../../etc/passwd"))
    assert caught.value.problems == [
        f"sources.pmda.path: {escaped} is outside the allowed roots ({tmp_path.resolve()}; config key allowed_roots)"
    ]
    link = tmp_path / "inside.pdf"
    link.symlink_to("/etc/hostname")
    sources["pmda"] = {"path": str(link)}
    with pytest.raises(ConfigError, match=r"sources.pmda.path: .*inside.pdf is outside the allowed roots"):
        load_config(write_config({"process": [final]}, sources=sources, allowed_roots=[str(tmp_path)]))
    sources["pmda"] = {"path": "approvals.pdf"}
    assert load_config(write_config({"process": [final]}, sources=sources, allowed_roots=[str(tmp_path)]))


def test_chembl_database_password_never_shows(
    postgres: Postgres, write_config: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    password = "Chembl-Visible/S3cret:word"
    make_curation_tables(postgres)
    postgres.add_password_user("chembl_reader", password, "drugbase_curation")
    postgres.sql(
        "GRANT USAGE ON SCHEMA chembl_36 TO chembl_reader; GRANT SELECT ON ALL TABLES IN SCHEMA chembl_36"
        " TO chembl_reader"
    )
    monkeypatch.setenv("CHEMBL_USER", "chembl_reader")
    step = {"name": "final_df", "function": f"{STEP}.passthrough", "parameters": {"frame": "$chembl_curation"}}
    curation = {"kind": "database", "uri": f"postgresql://localhost/postgres?host={postgres.socket_dir}"}
    config = write_config({"process": [step]}, sources={"chembl_curation": curation})
    instance = DagsterInstance.ephemeral()
    for given, succeeds in ((password, True), (password + "x", False)):
        monkeypatch.setenv("CHEMBL_PASSWORD", given)
        result = run_config(config, instance=instance)
        assert result.success is succeeds
        texts = run_texts(instance, result.run_id)
        assert password not in texts and quote(password, safe="") not in texts
    assert sorted(output(config, "chembl_curation").rows(), key=str) == [
        ("NCT00000001", "CHEMBL1431", "MONDO_0005148", "Glucophage 500", "T2DM"),
        ("NCT00000002", "CHEMBL25", None, "aspirin", None),
        ("NCT00000003", "CHEMBL1201585", "EFO_0000305", "Herceptin", "breast cancer"),
    ]
    assert 'password authentication failed for user \\"chembl_reader\\"' in texts


def test_a_rerun_replaces_rather_than_appends(default_config: Path, tmp_path: Path) -> None:
    first = run_config(default_config, selection="*aact_evidence")
    assert first.success
    rows = output(default_config, "aact_evidence")
    assert rows.height == sum(len(pairs) for pairs in expected_aact_evidence().values())
    assert run_config(default_config, selection="*aact_evidence").success
    assert output(default_config, "aact_evidence").equals(rows)


DISK_FULL = """
import resource, signal, sys
from pathlib import Path
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG, as on a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))
from clinical_mining_tests.conftest import run_config
result = run_config(Path(sys.argv[1]))
print(result.get_step_failure_events()[0].step_failure_data.error.to_string() if not result.success else "ok")
"""


def test_disk_full_on_output_fails_the_asset_and_keeps_the_last_file(
    write_config: Callable[..., Path], tmp_path: Path
) -> None:
    small = {"name": "final_df", "function": f"{STEP}.large", "parameters": {"rows": 100}}
    config = write_config({"process": [small]})
    assert run_config(config).success
    before = output(config, "final_df")
    big = {"name": "final_df", "function": f"{STEP}.large", "parameters": {"rows": 200_000}}
    config = write_config({"process": [big]})
    done = subprocess.run(
        [sys.executable, "-c", DISK_FULL, str(config)], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    path = tmp_path / "out" / "final_df.parquet"
    assert f"OutputWriteError: writing {path} failed: " in done.stdout, done.stdout[-2000:] + done.stderr[-2000:]
    assert "the previous file, if any, is unchanged" in done.stdout
    assert pl.read_parquet(path).equals(before)
    assert not list(path.parent.glob(".final_df.parquet.*.tmp"))
