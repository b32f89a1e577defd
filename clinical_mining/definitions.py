"""The code location: reads the config in use and assembles sources, steps and resources into Definitions."""

from dagster import Definitions

from clinical_mining.config import ClinicalMiningConfig, load_config
from clinical_mining.factory import build_pipeline_assets
from clinical_mining.io_manager import ParquetIOManager
from clinical_mining.source_assets import aact_resource, build_source_assets


def build_definitions(config: ClinicalMiningConfig) -> Definitions:
    """Definitions for one validated config: the source assets, the step assets and their resources."""
    resources: dict[str, object] = {"io_manager": ParquetIOManager(base_dir=str(config.output.dir))}
    if (aact := aact_resource(config)) is not None:
        resources["aact"] = aact
    return Definitions(
        assets=[*build_source_assets(config), *build_pipeline_assets(config)],
        resources=resources,
    )


defs = build_definitions(load_config())
