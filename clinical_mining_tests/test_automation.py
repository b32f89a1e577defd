"""Refresh job, schedule and file sensors, and what the UI shows of each asset (owner, freshness, links)."""

import os
from pathlib import Path

from dagster import (
    AssetKey,
    DagsterInstance,
    DefaultScheduleStatus,
    build_schedule_context,
    build_sensor_context,
)

from clinical_mining.config import PROJECT_ROOT, load_config
from clinical_mining.definitions import build_definitions

DEFAULT = PROJECT_ROOT / "config" / "clinical_mining.yaml"


def _definitions(tmp_path: Path, extra: str = "", replace: tuple[str, str] | None = None):
    """The default config copied into tmp_path (with the sample's paths made absolute) plus `extra` YAML."""
    text = DEFAULT.read_text()
    if replace:
        text = text.replace(*replace)
    text = text.replace("../clinical_mining/sample_data", str(PROJECT_ROOT / "clinical_mining" / "sample_data"))
    path = tmp_path / "config.yaml"
    path.write_text(text + extra)
    return build_definitions(load_config(path))


def test_refresh_job_and_schedule_from_config(tmp_path: Path) -> None:
    defs = _definitions(
        tmp_path, 'automation:\n  schedule: {cron: "30 4 * * 2", timezone: Asia/Tokyo, default_status: running}\n'
    )
    schedule = defs.get_schedule_def("refresh_all_schedule")
    assert (schedule.cron_schedule, schedule.execution_timezone) == ("30 4 * * 2", "Asia/Tokyo")
    assert schedule.default_status == DefaultScheduleStatus.RUNNING
    job = defs.resolve_job_def("refresh_all")
    assert job.tags["clinical_mining/aact"] == "read"
    with build_schedule_context(scheduled_execution_time=None) as context:
        requests = schedule.evaluate_tick(context).run_requests
    # one request per tick, for the schedule's own job (a request names no other job)
    assert schedule.job_name == "refresh_all"
    assert [(r.job_name, r.tags) for r in requests] == [(None, {"dagster/schedule_name": "refresh_all_schedule"})]
    default = _definitions(tmp_path).get_schedule_def("refresh_all_schedule")
    assert (default.cron_schedule, default.execution_timezone, default.default_status) == (
        "0 3 * * 1",
        "UTC",
        DefaultScheduleStatus.STOPPED,
    )


def test_file_sensor_runs_downstream_once_per_version(tmp_path: Path) -> None:
    pdf = tmp_path / "approvals.pdf"
    pdf.write_bytes((PROJECT_ROOT / "clinical_mining" / "sample_data" / "pmda" / "approvals.pdf").read_bytes())
    defs = _definitions(tmp_path, replace=("path: ../clinical_mining/sample_data/pmda/approvals.pdf", f"path: {pdf}"))
    sensors = {s.name for s in defs.sensors}
    assert sensors == {
        "chembl_indications_file_sensor",
        "chembl_curation_file_sensor",
        "drug_warnings_file_sensor",
        "pmda_file_sensor",
        "ema_file_sensor",
        "ttd_file_sensor",
        "disease_vocabulary_file_sensor",
        "drug_vocabulary_file_sensor",
    }
    sensor = defs.get_sensor_def("pmda_file_sensor")
    instance = DagsterInstance.ephemeral()
    with build_sensor_context(instance=instance, definitions=defs) as context:
        first = sensor.evaluate_tick(context)
    (request,) = first.run_requests
    assert request.run_key.startswith("pmda:")
    selected = {key.to_user_string() for key in sensor.asset_selection.resolve(defs.resolve_asset_graph())}
    assert selected == {
        "pmda",
        "pmda_evidence",
        "union",
        "evidence",
        "result_group_arms",
        "efficacy",
        "trial_efficacy",
        "trial_safety",
        "trial_roles",
        "safety_signals",
        "repurposing_candidates",
        "final_df",
    }
    with build_sensor_context(instance=instance, cursor=first.cursor, definitions=defs) as context:
        again = sensor.evaluate_tick(context)
    assert again.run_requests == [] and "has not changed" in again.skip_message
    stat = pdf.stat()
    os.utime(pdf, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000_000))
    with build_sensor_context(instance=instance, cursor=first.cursor, definitions=defs) as context:
        changed = sensor.evaluate_tick(context)
    assert changed.run_requests, changed.skip_message
    assert changed.run_requests[0].run_key != request.run_key
    pdf.unlink()
    with build_sensor_context(instance=instance, cursor=changed.cursor, definitions=defs) as context:
        assert "does not exist" in sensor.evaluate_tick(context).skip_message


def test_every_asset_has_description_kind_group_owner_and_links(tmp_path: Path) -> None:
    graph = _definitions(tmp_path).resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        assert node.description, key
        assert node.kinds, key
        assert node.group_name in {"sources", "setup", "union", "process"}, key
        assert node.owners == ["team:clinical-mining"], key
    final = graph.get(AssetKey("final_df"))
    assert final.freshness_policy is not None
    assert final.freshness_policy.fail_window.to_timedelta().days == 15
    references = final.metadata["dagster/code_references"].code_references
    assert references[0].file_path.endswith("config.yaml") and references[0].line_number > 1
