"""Parquet on object storage: the same IO manager against a real S3 API (moto's server on loopback)."""

import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import boto3
import polars as pl
import pytest
from moto.server import ThreadedMotoServer

from clinical_mining_tests.conftest import run_config

STEP = "clinical_mining_tests.step_functions"


@pytest.fixture
def s3_endpoint() -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    boto3.client(
        "s3", endpoint_url=endpoint, aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1"
    ).create_bucket(Bucket="clinical-mining")
    yield endpoint
    server.stop()


def test_assets_are_written_to_and_read_from_s3(s3_endpoint: str, write_config: Callable[..., Path]) -> None:
    options = {
        "key": "test",
        "secret": "test",
        "client_kwargs": {"endpoint_url": s3_endpoint, "region_name": "us-east-1"},
    }
    steps = {
        "setup": [{"name": "base", "function": f"{STEP}.numbers", "parameters": {"start": 1, "count": 4}}],
        "process": [
            {"name": "total", "function": f"{STEP}.lazy_sum", "parameters": {"frames": ["$base"], "literals": [10]}},
            {"name": "final_df", "function": f"{STEP}.scaled", "parameters": {"frame": "$base", "factor": 3}},
        ],
    }
    config = write_config(steps, output={"dir": "s3://clinical-mining/run", "storage_options": options})
    result = run_config(config)
    assert result.success
    object_store = {
        "aws_access_key_id": "test",
        "aws_secret_access_key": "test",
        "aws_region": "us-east-1",
        "aws_endpoint_url": s3_endpoint,
        "aws_allow_http": "true",
    }
    final = pl.read_parquet("s3://clinical-mining/run/final_df.parquet", storage_options=object_store)
    assert final["n"].to_list() == [3, 6, 9, 12]
    total = pl.read_parquet("s3://clinical-mining/run/total.parquet", storage_options=object_store)
    assert total["total"].to_list() == [20]  # read back lazily from S3 by the downstream step
    path = result.asset_materializations_for_node("final_df")[0].metadata["path"].value
    assert path == "s3://clinical-mining/run/final_df.parquet"
