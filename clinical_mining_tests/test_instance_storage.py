"""The instance storage of the project's dagster.yaml: events kept, seen live by a watcher, few files held open."""

import logging
import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from dagster import DagsterInstance, EventLogEntry

from clinical_mining.config import PROJECT_ROOT
from clinical_mining.instance_storage import OPEN_RUN_DATABASES, KeptOpenSqliteEventLogStorage


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(PROJECT_ROOT / "dagster.yaml", tmp_path / "dagster.yaml")
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def instance(home: Path) -> Iterator[DagsterInstance]:
    with DagsterInstance.from_config(str(home)) as opened:
        yield opened


def _entry(run_id: str, message: str) -> EventLogEntry:
    return EventLogEntry(
        error_info=None,
        level=logging.INFO,
        user_message=message,
        run_id=run_id,
        timestamp=time.time(),
        step_key=None,
        job_name="refresh_all",
        dagster_event=None,
    )


def _messages(instance: DagsterInstance, run_id: str) -> list[str]:
    return [entry.user_message for entry in instance.all_logs(run_id)]


def _open_files() -> list[Path]:
    files = []
    for descriptor in os.listdir("/proc/self/fd"):
        try:
            files.append(Path(os.readlink(f"/proc/self/fd/{descriptor}")))
        except OSError:  # closed since it was listed
            continue
    return files


def test_events_are_read_by_another_instance_at_once_and_the_log_is_folded_in_on_dispose(home: Path) -> None:
    with DagsterInstance.from_config(str(home)) as writer:
        assert isinstance(writer.event_log_storage, KeptOpenSqliteEventLogStorage)
        for number in range(5):
            writer.event_log_storage.store_event(_entry("run-a", f"event {number}"))
        runs = home / "history" / "runs"
        assert (runs / "run-a.db-wal").stat().st_size > 0  # committed to the write-ahead log, connection open
        with DagsterInstance.from_config(str(home)) as reader:
            assert _messages(reader, "run-a") == [f"event {number}" for number in range(5)]
    assert not (runs / "run-a.db-wal").exists()  # the last connection closed: checkpointed into run-a.db
    with DagsterInstance.from_config(str(home)) as reader:
        assert _messages(reader, "run-a") == [f"event {number}" for number in range(5)]


def test_a_watcher_in_another_instance_sees_events_committed_to_the_write_ahead_log(home: Path) -> None:
    """What the web UI's live run view relies on: Dagster's watcher wakes only on the database file, which a
    commit to the write-ahead log leaves as it is; the last event must arrive too."""
    seen: list[str] = []
    all_seen = threading.Event()

    def on_event(entry: EventLogEntry, cursor: str) -> None:
        seen.append(entry.user_message)
        if len(seen) == 3:
            all_seen.set()

    with DagsterInstance.from_config(str(home)) as writer, DagsterInstance.from_config(str(home)) as watcher:
        writer.event_log_storage.store_event(_entry("run-b", "first"))
        watcher.event_log_storage.watch("run-b", None, on_event)
        for message in ("second", "third"):
            time.sleep(0.05)
            writer.event_log_storage.store_event(_entry("run-b", message))
        assert all_seen.wait(10), f"the watcher saw only {seen}"
        assert (home / "history" / "runs" / "run-b.db-wal").stat().st_size > 0  # not checkpointed: still in the log
        watcher.event_log_storage.end_watch("run-b", on_event)
    assert seen == ["first", "second", "third"]


def test_a_long_lived_process_keeps_a_bounded_number_of_run_databases_open(instance: DagsterInstance) -> None:
    runs = [f"run-{number:02d}" for number in range(OPEN_RUN_DATABASES + 4)]
    for run_id in runs:
        instance.event_log_storage.store_event(_entry(run_id, f"from {run_id}"))
    shards = Path(os.environ["DAGSTER_HOME"]) / "history" / "runs"
    held = {path.name.split(".")[0] for path in _open_files() if path.parent == shards}
    assert held - {"index"} == set(runs[-OPEN_RUN_DATABASES:])  # the least recently used were closed
    assert all(_messages(instance, run_id) == [f"from {run_id}"] for run_id in runs)
