"""The source assets: one per configured input, in the group `sources`, named as steps refer to them (`$name`).

The readers under `clinical_mining.sources` are plain Python and Polars; this module wraps them for Dagster:
resources for connections, retries for flaky databases, metadata and checks for the UI.
"""

import logging
import os
from collections.abc import Callable, Iterator
from typing import Any

import polars as pl
from dagster import (
    AssetCheckResult,
    AssetCheckSeverity,
    AssetCheckSpec,
    AssetExecutionContext,
    AssetsDefinition,
    Backoff,
    ConfigurableResource,
    EnvVar,
    Failure,
    MetadataValue,
    Output,
    RetryPolicy,
    asset,
)

from clinical_mining.config import AactConfig, AactTableConfig, ClinicalMiningConfig
from clinical_mining.sources.aact import (
    AactError,
    PostgresTarget,
    flatfile_path,
    read_flatfile,
    read_postgres,
)
from clinical_mining.sources.vocabularies import VocabularyError, read_disease_index, read_drug_index

log = logging.getLogger(__name__)
SOURCES_GROUP = "sources"


class AactResource(ConfigurableResource):
    """Where AACT is read from: a PostgreSQL database (`kind: postgres`) or the flat-file export."""

    kind: str
    uri: str | None = None
    schema_name: str = "ctgov"
    path: str | None = None
    partitions: int = 2
    cache_dir: str
    user: str | None = None
    password: str | None = None

    def read_table(self, table: str, spec: AactTableConfig) -> tuple[pl.DataFrame, dict[str, Any]]:
        """The table's configured columns and rows, and metadata describing the read."""
        from pathlib import Path

        if self.kind == "postgres":
            if not self.uri:
                raise AactError("sources.aact.uri is not set (needed for kind: postgres)")
            target = PostgresTarget(self.uri, self.user, self.password)
            return read_postgres(target, self.schema_name, table, spec, self.partitions)
        if not self.path:
            raise AactError("sources.aact.path is not set (needed for kind: flatfiles)")
        file = flatfile_path(Path(self.path), table, Path(self.cache_dir))
        return read_flatfile(file, table, spec), {"file": MetadataValue.path(str(file))}


def aact_resource(config: ClinicalMiningConfig) -> AactResource | None:
    """The resource for the config's AACT source; credentials stay in the environment (shown as names only)."""
    aact: AactConfig | None = config.sources.aact
    if aact is None:
        return None
    credentials = {
        field: EnvVar(variable)
        for field, variable in (("user", "AACT_USER"), ("password", "AACT_PASSWORD"))
        if os.environ.get(variable)
    }
    return AactResource(
        kind=aact.kind,
        uri=aact.uri,
        schema_name=aact.schema_name,
        path=str(aact.path) if aact.path else None,
        partitions=aact.partitions,
        cache_dir=str(config.output.dir / ".aact_export"),
        **credentials,
    )


def _not_empty_check(asset_name: str) -> AssetCheckSpec:
    return AssetCheckSpec(
        "not_empty", asset=asset_name, description="Warns when the input has no rows; the run goes on."
    )


def _not_empty_result(frame: pl.DataFrame, what: str) -> AssetCheckResult:
    return AssetCheckResult(
        check_name="not_empty",
        passed=frame.height > 0,
        severity=AssetCheckSeverity.WARN,
        metadata={"rows": frame.height},
        description=None if frame.height else f"{what} has no rows",
    )


def _aact_table_asset(aact: AactConfig, table: str, spec: AactTableConfig) -> AssetsDefinition:
    where = f"{aact.schema_name}.{table}" if aact.kind == "postgres" else f"{table}.txt"

    @asset(
        name=table,
        group_name=SOURCES_GROUP,
        kinds={"postgres" if aact.kind == "postgres" else "csv", "polars"},
        description=f"AACT {where}: {', '.join(spec.columns)}"
        + (f"; rows where {', '.join(spec.where)} match the configured values" if spec.where else ""),
        retry_policy=RetryPolicy(max_retries=aact.retries, delay=aact.retry_delay_seconds, backoff=Backoff.EXPONENTIAL)
        if aact.kind == "postgres"
        else None,
        check_specs=[_not_empty_check(table)],
        metadata={"aact/table": table, "aact/kind": aact.kind},
        io_manager_key="io_manager",
    )
    def _table(context: AssetExecutionContext, aact: AactResource) -> Iterator[Any]:
        try:
            frame, details = aact.read_table(table, spec)
        except AactError as exc:
            raise Failure(description=str(exc), allow_retries=False) from None
        context.log.info(f"AACT {where}: {frame.height} rows")
        yield Output(frame, metadata=details)
        yield _not_empty_result(frame, f"AACT {where}")

    return _table


def _file_asset(
    name: str, description: str, read: Callable[[], pl.DataFrame], configured: bool, config_key: str
) -> AssetsDefinition:
    """An asset read from a local file; when the file is not configured it yields an empty frame and says so."""
    if not configured:
        log.warning("source %s: %s is not configured; the asset will be empty", name, config_key)

    @asset(
        name=name,
        group_name=SOURCES_GROUP,
        kinds={"parquet", "polars"},
        description=description,
        check_specs=[_not_empty_check(name)],
        metadata={"config_key": config_key},
        io_manager_key="io_manager",
    )
    def _file(context: AssetExecutionContext) -> Iterator[Any]:
        if not configured:
            context.log.warning(f"source {name}: {config_key} is not configured; writing an empty frame")
        try:
            frame = read()
        except (VocabularyError, OSError) as exc:
            raise Failure(description=str(exc), allow_retries=False) from None
        yield Output(frame, metadata={"configured": configured})
        yield _not_empty_result(frame, name)

    return _file


def build_source_assets(config: ClinicalMiningConfig) -> list[AssetsDefinition]:
    """Every source asset the config defines, in the order of `SourcesConfig.asset_names`."""
    sources = config.sources
    assets: list[AssetsDefinition] = []
    if sources.aact is not None:
        assets += [_aact_table_asset(sources.aact, table, spec) for table, spec in sources.aact.tables.items()]
    if sources.vocabularies is not None:
        disease, drug = sources.vocabularies.disease, sources.vocabularies.drug
        assets.append(
            _file_asset(
                "disease_vocabulary",
                "Open Targets disease index: id, name, synonyms, MeSH cross-references.",
                lambda: read_disease_index(disease),
                disease is not None,
                "sources.vocabularies.disease",
            )
        )
        assets.append(
            _file_asset(
                "drug_vocabulary",
                "Open Targets molecule index: ChEMBL id, name, synonyms, trade names, parent.",
                lambda: read_drug_index(drug),
                drug is not None,
                "sources.vocabularies.drug",
            )
        )
    return assets
