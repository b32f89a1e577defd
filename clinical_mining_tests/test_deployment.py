"""The cluster configuration the README documents: instance storage in PostgreSQL (dagster-postgres)."""

from collections.abc import Callable
from pathlib import Path

import psycopg
from dagster import AssetKey, DagsterInstance

from clinical_mining_tests.conftest import Postgres, output, run_config


def test_runs_and_events_are_stored_in_postgres(
    postgres: Postgres, tmp_path: Path, write_config: Callable[..., Path]
) -> None:
    postgres.sql("DROP DATABASE IF EXISTS dagster_instance")
    postgres.sql("CREATE DATABASE dagster_instance")
    # dagster-postgres speaks through psycopg2; SQLAlchemy 2.1 would otherwise pick psycopg 3 for postgresql://
    url = f"postgresql+psycopg2://postgres@/dagster_instance?host={postgres.socket_dir}"
    home = tmp_path / "home"
    home.mkdir()
    (home / "dagster.yaml").write_text(
        f'telemetry:\n  enabled: false\nstorage:\n  postgres:\n    postgres_url: "{url}"\n'
    )
    step = {
        "name": "final_df",
        "function": "clinical_mining_tests.step_functions.numbers",
        "parameters": {"start": 1, "count": 3},
    }
    config = write_config({"process": [step]})
    with DagsterInstance.from_config(str(home)) as instance:
        result = run_config(config, instance=instance)
        assert result.success
        event = instance.get_latest_materialization_event(AssetKey("final_df"))
        assert event is not None and event.run_id == result.run_id
    assert output(config, "final_df")["n"].to_list() == [1, 2, 3]
    with psycopg.connect(f"postgresql://postgres@localhost/dagster_instance?host={postgres.socket_dir}") as db:
        runs = db.execute("SELECT run_id, status FROM runs").fetchall()
        materialised = db.execute(
            "SELECT count(*) FROM event_logs WHERE dagster_event_type = 'ASSET_MATERIALIZATION'"
        ).fetchone()
    assert runs == [(result.run_id, "SUCCESS")]
    assert materialised == (1,)
