"""The code location: reads the config in use and assembles sources, steps and resources into Definitions."""

from dagster import Definitions, multiprocess_executor

from clinical_mining.checks import mapping_coverage_check
from clinical_mining.config import ClinicalMiningConfig, load_config
from clinical_mining.factory import build_pipeline_assets
from clinical_mining.io_manager import ParquetIOManager
from clinical_mining.source_assets import aact_resource, build_source_assets, chembl_curation_resource

# Each step runs in its own process; a forkserver that has already imported the code location forks them, so a
# step starts in milliseconds instead of re-importing dagster, polars and the config (seconds per step).
EXECUTOR = multiprocess_executor.configured(
    {"start_method": {"forkserver": {"preload_modules": ["clinical_mining.definitions"]}}}
)


def build_definitions(config: ClinicalMiningConfig) -> Definitions:
    """Definitions for one validated config: the source assets, the step assets and their resources."""
    resources: dict[str, object] = {"io_manager": ParquetIOManager(base_dir=str(config.output.dir))}
    if (aact := aact_resource(config)) is not None:
        resources["aact"] = aact
    if (curation := chembl_curation_resource(config)) is not None:
        resources["chembl_curation"] = curation
    checks = [mapping_coverage_check(config.checks.mapping_coverage)] if config.checks.mapping_coverage else []
    return Definitions(
        assets=[*build_source_assets(config), *build_pipeline_assets(config)],
        asset_checks=checks,
        resources=resources,
        executor=EXECUTOR,
    )


defs = build_definitions(load_config())
