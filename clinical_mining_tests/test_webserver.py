"""The web UI's server, as users reach it: dagster-webserver on a loopback port, driven over GraphQL."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from clinical_mining.config import PROJECT_ROOT
from clinical_mining_tests.test_default_graph import EXPECTED_GRAPH

RUN_TIMES = "query($id: ID!) { runOrError(runId: $id) { ... on Run { startTime endTime tags { key value } } } }"
RUN_STATUS = "query($id: ID!) { runOrError(runId: $id) { __typename ... on Run { status } } }"
LAUNCH = """
mutation($params: ExecutionParams!) {
  launchRun(executionParams: $params) {
    __typename
    ... on LaunchRunSuccess { run { runId } }
    ... on PythonError { message }
    ... on InvalidSubsetError { message }
  }
}"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _graphql(port: int, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        answer = json.load(response)
    assert "errors" not in answer, answer
    return answer["data"]


@contextmanager
def serving(tmp_path: Path, program: list[str], instance_yaml: str) -> Iterator[int]:
    """`program` (dagster-webserver or dagster dev) on a free loopback port, with its own instance and output,
    until the block ends; its log goes to a file (a pipe that nobody reads would fill and stall the server)."""
    home = tmp_path / "home"
    home.mkdir()
    (home / "dagster.yaml").write_text(instance_yaml)
    port = _free_port()
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        # where the project's dagster.yaml keeps its storage (the .env sets them for the project folder)
        "CLINICAL_MINING_HOME": str(home),
        "CLINICAL_MINING_LOGS": str(home / "logs"),
        "CLINICAL_MINING_OUTPUT": str(tmp_path / "out"),
        "CLINICAL_MINING_CONFIG": str(PROJECT_ROOT / "config" / "clinical_mining.yaml"),
    }
    command = [*program, "-h", "127.0.0.1", "-p", str(port), "-w", str(PROJECT_ROOT / "workspace.yaml")]
    with (tmp_path / "server.log").open("wb") as log:
        server = subprocess.Popen(
            command, cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=2)
                    break
                except OSError:
                    assert server.poll() is None, (tmp_path / "server.log").read_text()[-3000:]
                    assert time.monotonic() < deadline, f"{program[-1]} did not answer within 120 s"
                    time.sleep(0.5)
            yield port
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=60)


@pytest.fixture
def webserver(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    # no daemon here: launch runs at once instead of queueing them
    instance = (
        "telemetry:\n  enabled: false\nrun_coordinator:\n  module: dagster.core.run_coordinator\n"
        "  class: DefaultRunCoordinator\n"
    )
    with serving(tmp_path, [str(Path(sys.executable).parent / "dagster-webserver")], instance) as port:
        yield port, tmp_path / "out"


def _launch(port: int, location: str, job: str, assets: list[str] | None = None) -> str:
    selector: dict[str, Any] = {"repositoryLocationName": location, "repositoryName": "__repository__", "jobName": job}
    if assets is not None:
        selector["assetSelection"] = [{"path": key.split("/")} for key in assets]
    launched = _graphql(port, LAUNCH, {"params": {"selector": selector, "mode": "default"}})["launchRun"]
    assert launched["__typename"] == "LaunchRunSuccess", launched
    return launched["run"]["runId"]


def _wait(port: int, run_id: str, seconds: float) -> str:
    deadline, status = time.monotonic() + seconds, None
    while time.monotonic() < deadline:
        status = _graphql(port, RUN_STATUS, {"id": run_id})["runOrError"]["status"]
        if status in {"SUCCESS", "FAILURE", "CANCELED"}:
            break
        time.sleep(1)
    return str(status)


def test_list_assets_and_materialise_final_df_over_graphql(webserver: tuple[int, Path]) -> None:
    port, out = webserver
    data = _graphql(port, "{ workspaceOrError { ... on Workspace { locationEntries { name } } } }")
    (location,) = [entry["name"] for entry in data["workspaceOrError"]["locationEntries"]]
    assert location == "clinical_mining"
    nodes = _graphql(port, "{ assetNodes { assetKey { path } groupName } }")["assetNodes"]
    keys = {"/".join(node["assetKey"]["path"]): node["groupName"] for node in nodes}
    assert keys == {name: group for name, (group, _) in EXPECTED_GRAPH.items()}

    run_id = _launch(port, location, "__ASSET_JOB", list(keys))
    assert _wait(port, run_id, 420) == "SUCCESS"
    assert pl.read_parquet(out / "final_df.parquet").height > 500


def test_two_refreshes_started_at_once_run_one_after_the_other(tmp_path: Path) -> None:
    """`dagster dev` (webserver and daemon) with the project's dagster.yaml: its run queue lets one run tagged
    clinical_mining/aact proceed at a time."""
    instance = (PROJECT_ROOT / "dagster.yaml").read_text()
    with serving(tmp_path, [str(Path(sys.executable).parent / "dagster"), "dev"], instance) as port:
        first = _launch(port, "clinical_mining", "refresh_all")
        second = _launch(port, "clinical_mining", "refresh_all")
        assert _wait(port, first, 420) == "SUCCESS"
        assert _wait(port, second, 420) == "SUCCESS"
        times = {run: _graphql(port, RUN_TIMES, {"id": run})["runOrError"] for run in (first, second)}
    (earlier, later) = sorted(times.values(), key=lambda run: run["startTime"])
    assert earlier["tags"] and {"key": "clinical_mining/aact", "value": "read"} in earlier["tags"]
    assert later["startTime"] >= earlier["endTime"]  # never both at once
