"""The Dagster instance's storage: Dagster's SQLite storage, same files, with an event log that keeps its
connections open.

Dagster's SQLite event log builds an engine, opens a connection, commits and closes it again for every event.
Closing the last connection to a database in WAL mode checkpoints it: every event is written twice and
synced twice. A run of the whole graph stores about 300 events (asset and check events twice, as they are
mirrored into the index). Here each database keeps one engine with a pooled connection, so an event is one
insert and one commit; the commit is still synced (SQLite's default), and a checkpoint happens when the
write-ahead log fills or when the instance is disposed. In a scale-1 run (benchmarks/run_all.py) the main
thread's time in the event log fell from 7.0 s to 2.6 s, and a run whose PDF parse is cached from 41.2 s to
37.7 s. Most of what it saves is waiting on the disk, so a cold run that is busy on both cores gains less.

Two things follow from keeping connections open, and both are handled here:
- Commits land in the write-ahead log (`<run>.db-wal`), and the database file, the one Dagster's run watcher
  (which feeds live logs to the web UI) waits on, changes only at a checkpoint. So each stored event touches
  the run's database file once its commit is done. Waking on the log itself would be too early: the log is
  written before its commit is visible to readers, so the run's last event could be missed.
- A long-lived process (the web UI, the daemon) touches many runs' databases: it keeps at most
  `OPEN_RUN_DATABASES` of them open, least recently used closed first.

Configured in the project's `dagster.yaml` (`storage: custom:`); removing that block goes back to Dagster's
own storage over the same files.
"""

import os
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from dagster import EventLogEntry
from dagster._core.storage.event_log.sqlite.sqlite_event_log import (
    INDEX_SHARD_NAME,
    SQLITE_BUSY_TIMEOUT_SECONDS,
    SqliteEventLogStorage,
)
from dagster._core.storage.sqlite_storage import DagsterSqliteStorage, _event_logs_directory
from dagster._serdes import ConfigurableClassData
from sqlalchemy import Connection, Engine, create_engine

OPEN_RUN_DATABASES = 8


class KeptOpenSqliteEventLogStorage(SqliteEventLogStorage):
    """Dagster's run-sharded SQLite event log, with one open engine per database instead of one per event."""

    def __init__(self, base_dir: str, inst_data: ConfigurableClassData | None = None):
        self._engines: OrderedDict[str, Engine] = OrderedDict()  # before super(): it may reindex through _connect
        super().__init__(base_dir, inst_data)

    def _engine(self, shard: str) -> Engine:
        """The open engine of `shard`; called under `_db_lock`, which guards `_engines` too."""
        engine = self._engines.get(shard)
        if engine is not None:
            self._engines.move_to_end(shard)
            return engine
        # a file database gets SQLAlchemy's QueuePool, which keeps the connection open between events
        engine = create_engine(self.conn_string_for_shard(shard), connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS})
        self._engines[shard] = engine
        runs_open = [name for name in self._engines if name != INDEX_SHARD_NAME]
        for name in runs_open[: max(0, len(runs_open) - OPEN_RUN_DATABASES)]:
            self._engines.pop(name).dispose()
        return engine

    @contextmanager
    def _connect(self, shard: str) -> Iterator[Connection]:
        with self._db_lock:  # as Dagster's: one statement at a time per storage, across threads
            engine = self._engine(shard)
            if shard not in self._initialized_dbs:
                self._initdb(engine)
                self._initialized_dbs.add(shard)
            with engine.connect() as connection, connection.begin():
                yield connection

    def _close_all(self) -> None:
        with self._db_lock:
            while self._engines:
                self._engines.popitem()[1].dispose()

    def store_event(self, event: EventLogEntry) -> None:
        super().store_event(event)
        # after the commit, so that a watcher woken by it can read the event (watchdog reports the new
        # modification time, an attribute change, as a modification of the file)
        os.utime(self.path_for_shard(event.run_id))

    def wipe(self) -> None:
        self._close_all()  # the files are deleted: no connection may keep writing into them
        super().wipe()

    def dispose(self) -> None:
        super().dispose()
        self._close_all()  # the last connection to close checkpoints its database and removes the log


class SqliteStorage(DagsterSqliteStorage):
    """Dagster's SQLite storage (runs, event log and schedules in the same files under `base_dir`), with the
    event log above."""

    def __init__(self, base_dir: str, inst_data: ConfigurableClassData | None = None):
        super().__init__(base_dir, inst_data)
        self._event_log_storage = KeptOpenSqliteEventLogStorage(_event_logs_directory(base_dir))

    @classmethod
    def from_config_value(
        cls, inst_data: ConfigurableClassData | None, config_value: dict[str, Any]
    ) -> "SqliteStorage":
        return cls.from_local(inst_data=inst_data, **config_value)
