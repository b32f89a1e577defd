"""The web UI's server, as users reach it: dagster-webserver on a loopback port, driven over GraphQL."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from clinical_mining.config import PROJECT_ROOT

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


@pytest.fixture
def webserver(tmp_path: Path) -> Any:
    home = tmp_path / "home"
    home.mkdir()
    # no daemon here: launch runs at once instead of queueing them
    (home / "dagster.yaml").write_text(
        "telemetry:\n  enabled: false\nrun_coordinator:\n  module: dagster.core.run_coordinator\n"
        "  class: DefaultRunCoordinator\n"
    )
    port = _free_port()
    log = (tmp_path / "webserver.log").open("wb")  # a file, not a pipe: a full pipe would stall the server
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "CLINICAL_MINING_OUTPUT": str(tmp_path / "out"),
        "CLINICAL_MINING_CONFIG": str(PROJECT_ROOT / "config" / "clinical_mining.yaml"),
    }
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "dagster-webserver"),
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            "-w",
            str(PROJECT_ROOT / "workspace.yaml"),
        ],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=2)
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "webserver.log").read_text()[-3000:]
                assert time.monotonic() < deadline, "dagster-webserver did not answer within 120 s"
                time.sleep(0.5)
        yield port, tmp_path / "out"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()


def test_list_assets_and_materialise_final_df_over_graphql(webserver: tuple[int, Path]) -> None:
    port, out = webserver
    data = _graphql(port, "{ workspaceOrError { ... on Workspace { locationEntries { name } } } }")
    (location,) = [entry["name"] for entry in data["workspaceOrError"]["locationEntries"]]
    assert location == "clinical_mining"
    nodes = _graphql(port, "{ assetNodes { assetKey { path } groupName } }")["assetNodes"]
    keys = {"/".join(node["assetKey"]["path"]): node["groupName"] for node in nodes}
    assert keys["final_df"] == "process" and keys["studies"] == "sources" and len(keys) == 23

    params = {
        "selector": {
            "repositoryLocationName": location,
            "repositoryName": "__repository__",
            "jobName": "__ASSET_JOB",
            "assetSelection": [{"path": key.split("/")} for key in keys],
        },
        "mode": "default",
    }
    launched = _graphql(port, LAUNCH, {"params": params})["launchRun"]
    assert launched["__typename"] == "LaunchRunSuccess", launched
    run_id = launched["run"]["runId"]
    deadline, status = time.monotonic() + 420, None
    while time.monotonic() < deadline:
        status = _graphql(port, RUN_STATUS, {"id": run_id})["runOrError"]["status"]
        if status in {"SUCCESS", "FAILURE", "CANCELED"}:
            break
        time.sleep(1)
    assert status == "SUCCESS"
    assert pl.read_parquet(out / "final_df.parquet").height > 500
