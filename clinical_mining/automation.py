"""How the graph refreshes on its own: the `refresh_all` job and its schedule, and one sensor per local input
file that starts a run of everything downstream of that file when it changes."""

from pathlib import Path
from typing import Any

from dagster import (
    AssetSelection,
    DefaultScheduleStatus,
    DefaultSensorStatus,
    RunRequest,
    ScheduleDefinition,
    SensorDefinition,
    SensorEvaluationContext,
    SkipReason,
    define_asset_job,
    sensor,
)

from clinical_mining.config import ClinicalMiningConfig

REFRESH_JOB = "refresh_all"
# Runs that read AACT carry this tag; dagster.yaml's run queue lets one such run proceed at a time.
AACT_TAG = {"clinical_mining/aact": "read"}


def refresh_job(config: ClinicalMiningConfig) -> Any:  # define_asset_job's class is not exported by dagster
    return define_asset_job(
        REFRESH_JOB,
        selection=AssetSelection.all(),
        description="Materialise every asset: all sources, then every configured step up to final_df.",
        tags=AACT_TAG if config.sources.aact else {},
    )


def refresh_schedule(config: ClinicalMiningConfig, job: Any) -> ScheduleDefinition:
    schedule = config.automation.schedule
    return ScheduleDefinition(
        name=f"{REFRESH_JOB}_schedule",
        job=job,
        cron_schedule=schedule.cron,
        execution_timezone=schedule.timezone,
        default_status=DefaultScheduleStatus(schedule.default_status.upper()),
        description=f"{REFRESH_JOB} at '{schedule.cron}' ({schedule.timezone}).",
    )


def watched_files(config: ClinicalMiningConfig) -> dict[str, Path]:
    """Source asset name to the local file it reads, for the inputs that change a few times a year."""
    sources = config.sources
    candidates = {
        "chembl_indications": sources.chembl_indications.path if sources.chembl_indications else None,
        "chembl_curation": sources.chembl_curation.path
        if sources.chembl_curation and sources.chembl_curation.kind == "file"
        else None,
        "drug_warnings": sources.chembl_warnings.path
        if sources.chembl_warnings and sources.chembl_warnings.kind == "file"
        else None,
        "pmda": sources.pmda.path if sources.pmda else None,
        "ema": sources.ema.path if sources.ema else None,
        "ttd": sources.ttd.path if sources.ttd else None,
        "disease_vocabulary": sources.vocabularies.disease if sources.vocabularies else None,
        "drug_vocabulary": sources.vocabularies.drug if sources.vocabularies else None,
    }
    return {name: path for name, path in candidates.items() if path is not None}


def _version(path: Path) -> str | None:
    """The file's version: modification time and size (a folder: its newest file's)."""
    files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path] if path.exists() else []
    if not files:
        return None
    newest = max(files, key=lambda p: p.stat().st_mtime_ns)
    return f"{newest.stat().st_mtime_ns}-{sum(p.stat().st_size for p in files)}"


def file_sensor(config: ClinicalMiningConfig, asset: str, path: Path) -> SensorDefinition:
    """Starts a run of `asset` and everything downstream of it when `path` changes; the cursor is the version
    seen last, and the run key is the version, so one version never runs twice."""
    settings = config.automation.sensors

    @sensor(
        name=f"{asset}_file_sensor",
        asset_selection=AssetSelection.assets(asset).downstream(),
        minimum_interval_seconds=settings.minimum_interval_seconds,
        default_status=DefaultSensorStatus(settings.default_status.upper()),
        description=f"Refreshes {asset} and what depends on it when {path} changes.",
    )
    def _watch(context: SensorEvaluationContext) -> RunRequest | SkipReason:
        version = _version(path)
        if version is None:
            return SkipReason(f"{path} does not exist")
        if version == context.cursor:
            return SkipReason(f"{path} has not changed since version {version}")
        context.update_cursor(version)
        return RunRequest(run_key=f"{asset}:{version}", tags={"clinical_mining/changed_file": str(path)})

    return _watch


def file_sensors(config: ClinicalMiningConfig) -> list[SensorDefinition]:
    return [file_sensor(config, asset, path) for asset, path in watched_files(config).items()]
