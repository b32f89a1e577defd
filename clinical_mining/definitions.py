"""The code location: reads the config in use and assembles sources, steps, checks, automation and resources."""

from collections.abc import Callable
from datetime import timedelta

from dagster import (
    AssetSpec,
    Definitions,
    ExecutorDefinition,
    FreshnessPolicy,
    definitions,
    in_process_executor,
    map_asset_specs,
    multiprocess_executor,
)

from clinical_mining.asset_checks import candidates_not_approved_check, mapping_coverage_check
from clinical_mining.automation import file_sensors, refresh_job, refresh_schedule
from clinical_mining.config import ClinicalMiningConfig, load_config
from clinical_mining.factory import build_pipeline_assets
from clinical_mining.io_manager import ParquetIOManager
from clinical_mining.source_assets import (
    aact_resource,
    build_source_assets,
    chembl_curation_resource,
    chembl_warnings_resource,
    pmda_resource,
)
from clinical_mining.step_spec import FINAL_ASSET


def _executor(config: ClinicalMiningConfig) -> ExecutorDefinition:
    """The configured executor. The multiprocess one keeps its default start method (spawn): a forkserver with
    the code location preloaded starts steps faster, but its forked children were seen to hang at start when
    the run was launched from the web UI, and a hung run is worse than a slow one."""
    execution = config.execution
    if execution.executor == "multiprocess":
        return multiprocess_executor.configured({"max_concurrent": execution.max_concurrent or 0})
    return in_process_executor


def _with_owners_and_freshness(config: ClinicalMiningConfig) -> Callable[[AssetSpec], AssetSpec]:
    freshness = config.automation.freshness
    policy = FreshnessPolicy.time_window(
        fail_window=timedelta(hours=freshness.final_df_fail_hours),
        warn_window=timedelta(hours=freshness.final_df_warn_hours),
    )

    def apply(spec: AssetSpec) -> AssetSpec:
        extra = {"freshness_policy": policy} if spec.key.to_user_string() == FINAL_ASSET else {}
        return spec.replace_attributes(owners=config.automation.owners, **extra)

    return apply


def build_definitions(config: ClinicalMiningConfig) -> Definitions:
    """Definitions for one validated config."""
    output = config.output
    resources: dict[str, object] = {
        "io_manager": ParquetIOManager(base_dir=str(output.dir), storage_options=output.storage_options or None)
    }
    if (aact := aact_resource(config)) is not None:
        resources["aact"] = aact
    if (curation := chembl_curation_resource(config)) is not None:
        resources["chembl_curation"] = curation
    if (warnings := chembl_warnings_resource(config)) is not None:
        resources["chembl_warnings"] = warnings
    if (pmda := pmda_resource(config)) is not None:
        resources["pmda"] = pmda
    assets = map_asset_specs(
        _with_owners_and_freshness(config), [*build_source_assets(config), *build_pipeline_assets(config)]
    )
    checks = [mapping_coverage_check(config.checks.mapping_coverage)] if config.checks.mapping_coverage else []
    if config.checks.candidates_not_approved is not None:
        checks.append(candidates_not_approved_check(config.checks.candidates_not_approved))
    job = refresh_job(config)
    return Definitions(
        assets=assets,
        asset_checks=checks,
        jobs=[job],
        schedules=[refresh_schedule(config, job)],
        sensors=file_sensors(config),
        resources=resources,
        executor=_executor(config),
    )


@definitions
def defs() -> Definitions:
    """The code location's definitions, built when Dagster loads them rather than when this module is imported:
    a module that imports `build_definitions` (the `clinical_mining` command with `--config`) is not stopped by
    a bad file named in `CLINICAL_MINING_CONFIG`."""
    return build_definitions(load_config())
