"""The source assets: one per configured input, in the group `sources`, named as steps refer to them (`$name`).

The readers under `clinical_mining.sources` are plain Python and Polars; this module wraps them for Dagster:
resources for connections, retries for flaky databases, metadata and checks for the UI.
"""

import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
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
    InitResourceContext,
    MetadataValue,
    Output,
    RetryPolicy,
    asset,
)
from pydantic import PrivateAttr

from clinical_mining.column_docs import COLUMN_DESCRIPTIONS
from clinical_mining.config import AactConfig, AactTableConfig, ClinicalMiningConfig
from clinical_mining.errors import InputError
from clinical_mining.io_manager import atomic_target
from clinical_mining.sources import pmda as pmda_module
from clinical_mining.sources.aact import (
    AactError,
    aact_column_descriptions,
    flatfile_path,
    read_flatfile,
    read_postgres,
)
from clinical_mining.sources.chembl import (
    CURATION_COLUMNS,
    CURATION_SCHEMA,
    INDICATION_COLUMNS,
    INDICATION_SCHEMA,
    WARNING_COLUMNS,
    WARNING_SCHEMA,
    ChemblError,
    read_curation_database,
    read_curation_file,
    read_indications,
    read_warnings,
    read_warnings_database,
)
from clinical_mining.sources.ctgov import needed_columns, read_ctgov_table
from clinical_mining.sources.database import DatabaseTarget
from clinical_mining.sources.ema import EMA_COLUMNS, EMA_SCHEMA, read_ema
from clinical_mining.sources.pmda import PMDA_COLUMNS, PMDA_SCHEMA, PageParse, read_pmda, require_file
from clinical_mining.sources.ttd import TTD_COLUMNS, TTD_SCHEMA, read_ttd
from clinical_mining.sources.vocabularies import (
    DISEASE_COLUMNS,
    DISEASE_SCHEMA,
    DRUG_COLUMNS,
    DRUG_SCHEMA,
    read_disease_index,
    read_drug_index,
)

log = logging.getLogger(__name__)
SOURCES_GROUP = "sources"
PRIORITY_TAG = "dagster/priority"


class AactResource(ConfigurableResource):
    """Where AACT is read from: a PostgreSQL database (`kind: postgres`), the flat-file export, or
    ClinicalTrials.gov's own JSON (`kind: ctgov`, parsed once for every configured table: `ctgov_columns`)."""

    kind: str
    uri: str | None = None
    schema_name: str = "ctgov"
    path: str | None = None
    partitions: int = 2
    statement_timeout_seconds: int | None = None
    cache_dir: str
    ctgov_columns: str = "{}"  # JSON {table: columns}: what one parse of the JSON builds
    user: str | None = None
    password: str | None = None

    def read_table(self, table: str, spec: AactTableConfig) -> tuple[pl.DataFrame, dict[str, Any]]:
        """The table's configured columns and rows, and metadata describing the read."""
        if self.kind == "postgres":
            if not self.uri:
                raise AactError("sources.aact.uri is not set (needed for kind: postgres)")
            target = DatabaseTarget(
                self.uri, self.user, self.password, statement_timeout_seconds=self.statement_timeout_seconds
            )
            return read_postgres(target, self.schema_name, table, spec, self.partitions)
        if not self.path:
            raise AactError(f"sources.aact.path is not set (needed for kind: {self.kind})")
        if self.kind == "ctgov":
            columns = json.loads(self.ctgov_columns)
            return read_ctgov_table(Path(self.path), table, spec, columns, Path(self.cache_dir).parent)
        file = flatfile_path(Path(self.path), table, Path(self.cache_dir))
        return read_flatfile(file, table, spec), {"file": MetadataValue.path(str(file))}


def aact_resource(config: ClinicalMiningConfig) -> AactResource | None:
    """The resource for the config's AACT source; credentials stay in the environment (shown as names only)."""
    aact: AactConfig | None = config.sources.aact
    if aact is None:
        return None
    return AactResource(
        kind=aact.kind,
        uri=aact.uri,
        schema_name=aact.schema_name,
        path=str(aact.path) if aact.path else None,
        partitions=aact.partitions,
        statement_timeout_seconds=aact.statement_timeout_seconds,
        cache_dir=str(config.output.local_cache / "aact_export"),
        ctgov_columns=json.dumps(needed_columns(aact.tables)),
        **_credentials("AACT"),
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


_AACT_KINDS = {"postgres": "postgres", "flatfiles": "csv", "ctgov": "json"}


def _aact_table_asset(aact: AactConfig, table: str, spec: AactTableConfig) -> AssetsDefinition:
    where = {"postgres": f"{aact.schema_name}.{table}", "flatfiles": f"{table}.txt"}.get(
        aact.kind, f"{table} (from ClinicalTrials.gov JSON)"
    )

    @asset(
        name=table,
        group_name=SOURCES_GROUP,
        kinds={_AACT_KINDS[aact.kind], "polars"},
        description=f"AACT {where}: {', '.join(spec.columns)}"
        + (f"; rows where {', '.join(spec.where)} match the configured values" if spec.where else ""),
        retry_policy=RetryPolicy(max_retries=aact.retries, delay=aact.retry_delay_seconds, backoff=Backoff.EXPONENTIAL)
        if aact.kind == "postgres"
        else None,
        check_specs=[_not_empty_check(table)],
        metadata={
            "aact/table": table,
            "aact/kind": aact.kind,
            COLUMN_DESCRIPTIONS: aact_column_descriptions(table, spec.columns),
        },
        io_manager_key="io_manager",
    )
    def _table(context: AssetExecutionContext, aact: AactResource) -> Iterator[Any]:
        try:
            frame, details = aact.read_table(table, spec)
        except InputError as exc:
            raise Failure(description=str(exc), allow_retries=False) from None
        context.log.info(f"AACT {where}: {frame.height} rows")
        if details.get("warning"):
            context.log.warning(f"AACT {where}: {details['warning']}")
        yield Output(frame, metadata=details)
        yield _not_empty_result(frame, f"AACT {where}")

    return _table


FileReader = Callable[[Path], tuple[pl.DataFrame, dict[str, Any]]]


def _file_asset(
    name: str,
    kind: str,
    description: str,
    path: Path | None,
    config_key: str,
    read: FileReader | str,
    empty: pl.Schema,
    columns: Mapping[str, str],
    priority: int = 0,
) -> AssetsDefinition:
    """An asset read from a local file by `read`, or by the `read` method of the resource `read` names (a reader
    with state of its own). Not configured, it yields an empty frame with the right schema and says so; a
    `warning` the reader returns is logged as well as kept in the metadata. Of the steps ready to run, those of
    higher `priority` run first (Dagster's `dagster/priority` tag, which the in-process executor follows)."""
    if path is None:
        log.warning("source %s: %s is not configured; the asset will be empty", name, config_key)

    @asset(
        name=name,
        group_name=SOURCES_GROUP,
        kinds={kind, "polars"},
        description=description,
        check_specs=[_not_empty_check(name)],
        metadata={"config_key": config_key, COLUMN_DESCRIPTIONS: dict(columns)},
        io_manager_key="io_manager",
        required_resource_keys={read} if isinstance(read, str) else None,
        op_tags={PRIORITY_TAG: str(priority)} if priority else None,
    )
    def _file(context: AssetExecutionContext) -> Iterator[Any]:
        if path is None:
            context.log.warning(f"source {name}: {config_key} is not configured; writing an empty frame")
            frame, details = empty.to_frame(), {}
        else:
            try:
                reader = getattr(context.resources, read).read if isinstance(read, str) else read
                frame, details = reader(path)
            except (InputError, OSError) as exc:
                raise Failure(description=str(exc), allow_retries=False) from None
        if details.get("warning"):
            context.log.warning(f"source {name}: {details['warning']}")
        yield Output(frame, metadata={"configured": path is not None, **details})
        yield _not_empty_result(frame, name)

    return _file


def _credentials(prefix: str) -> dict[str, EnvVar]:
    """User and password as environment references: Dagster resolves them at run time and shows only names."""
    return {
        field: EnvVar(f"{prefix}_{field.upper()}")
        for field in ("user", "password")
        if os.environ.get(f"{prefix}_{field.upper()}")
    }


class ChemblCurationResource(ConfigurableResource):
    """Where ChEMBL's curation of trials is read from: a database, an export file, or nothing."""

    kind: str = "none"
    uri: str | None = None
    path: str | None = None
    curation_schema: str = "drugbase_curation"
    molecule_schema: str = "chembl_36"
    user: str | None = None
    password: str | None = None

    def read(self) -> tuple[pl.DataFrame, dict[str, Any]]:
        if self.kind == "database":
            if not self.uri:
                raise ChemblError("sources.chembl_curation.uri is not set (needed for kind: database)")
            target = DatabaseTarget(self.uri, self.user, self.password, label="ChEMBL curation database")
            frame = read_curation_database(target, self.curation_schema, self.molecule_schema)
        elif self.kind == "file":
            if not self.path:
                raise ChemblError("sources.chembl_curation.path is not set (needed for kind: file)")
            frame = read_curation_file(Path(self.path))
        else:
            frame = CURATION_SCHEMA.to_frame()
        return frame, {"studies": frame["studyId"].n_unique()}


def _chembl_asset(
    name: str, resource_key: str, kind: str, file_kind: str, description: str, columns: Mapping[str, str]
) -> AssetsDefinition:
    """A ChEMBL source read by the resource `resource_key` (a database, an export file, or nothing when its
    `kind` is none), whose `read` returns the frame and its metadata."""

    @asset(
        name=name,
        group_name=SOURCES_GROUP,
        kinds={"oracle" if kind == "database" else file_kind, "polars"},
        description=description,
        check_specs=[_not_empty_check(name)],
        metadata={f"{resource_key}/kind": kind, COLUMN_DESCRIPTIONS: dict(columns)},
        required_resource_keys={resource_key},
        io_manager_key="io_manager",
    )
    def _chembl(context: AssetExecutionContext) -> Iterator[Any]:
        if kind == "none":
            context.log.warning(f"source {name}: kind is none; writing an empty frame")
        try:
            frame, details = getattr(context.resources, resource_key).read()
        except (InputError, OSError) as exc:
            raise Failure(description=str(exc), allow_retries=False) from None
        if details.get("warning"):
            context.log.warning(f"source {name}: {details['warning']}")
        yield Output(frame, metadata=details)
        yield _not_empty_result(frame, name)

    return _chembl


def chembl_curation_resource(config: ClinicalMiningConfig) -> ChemblCurationResource | None:
    curation = config.sources.chembl_curation
    if curation is None:
        return None
    return ChemblCurationResource(
        kind=curation.kind,
        uri=curation.uri,
        path=str(curation.path) if curation.path else None,
        curation_schema=curation.curation_schema,
        molecule_schema=curation.molecule_schema,
        **_credentials("CHEMBL"),
    )


class ChemblWarningsResource(ConfigurableResource):
    """Where ChEMBL's drug warnings are read from: the JSON-lines export, a ChEMBL database, or nothing."""

    kind: str = "none"
    path: str | None = None
    uri: str | None = None
    molecule_schema: str = "chembl_36"
    skip_bad_lines: bool = False
    user: str | None = None
    password: str | None = None

    def read(self) -> tuple[pl.DataFrame, dict[str, Any]]:
        if self.kind == "database":
            if not self.uri:
                raise ChemblError("sources.chembl_warnings.uri is not set (needed for kind: database)")
            target = DatabaseTarget(self.uri, self.user, self.password, label="ChEMBL database")
            return read_warnings_database(target, self.molecule_schema), {}
        if self.kind == "file":
            if not self.path:
                raise ChemblError("sources.chembl_warnings.path is not set (needed for kind: file)")
            frame, skipped = read_warnings(Path(self.path), self.skip_bad_lines)
            return frame, _skipped_lines(skipped, Path(self.path))
        return WARNING_SCHEMA.to_frame(), {}


def chembl_warnings_resource(config: ClinicalMiningConfig) -> ChemblWarningsResource | None:
    warnings = config.sources.chembl_warnings
    if warnings is None:
        return None
    return ChemblWarningsResource(
        kind=warnings.kind,
        path=str(warnings.path) if warnings.path else None,
        uri=warnings.uri,
        molecule_schema=warnings.molecule_schema,
        skip_bad_lines=warnings.skip_bad_lines,
        **_credentials("CHEMBL"),
    )


def _skipped_lines(skipped: int, path: Path) -> dict[str, Any]:
    """The metadata of a JSON-lines read: lines skipped, and a warning when there were any."""
    warning = {"warning": f"skipped {skipped} bad line(s) of {path}"} if skipped else {}
    return {"bad_lines_skipped": skipped, **warning}


def _indications_reader(skip_bad_lines: bool) -> FileReader:
    def read(path: Path) -> tuple[pl.DataFrame, dict[str, Any]]:
        frame, skipped = read_indications(path, skip_bad_lines)
        return frame, _skipped_lines(skipped, path)

    return read


class PmdaResource(ConfigurableResource):
    """Parses the PMDA list, keeping the parsed rows under the cache folder keyed by the PDF's content and the
    parser's own source (the list changes a few times a year; the same list read by the same parser is parsed
    once).

    Parsing is the slowest read of the graph and pure Python, so when the cache misses, the resource starts the
    parse in helper processes as the run starts (Dagster sets resources up before the first step that needs
    them runs, and the in-process executor does so at the start of the run): the pages are parsed while the
    database is read. The `pmda` asset then collects them.
    """

    path: str | None = None
    cache_dir: str
    processes: int = 2
    _started: PageParse | None = PrivateAttr(default=None)

    def _cached(self, path: Path) -> Path:
        parser = Path(pmda_module.__file__).read_bytes()
        key = hashlib.sha256(parser + path.read_bytes()).hexdigest()
        return Path(self.cache_dir) / "pmda" / f"{key}.parquet"

    def setup_for_execution(self, context: InitResourceContext) -> None:
        if not self.path or not Path(self.path).is_file() or self._cached(Path(self.path)).is_file():
            return
        try:
            self._started = PageParse(Path(self.path), self.processes, first_here=False)
        except (InputError, OSError):
            self._started = None  # the asset reports the same problem, with the file named, when it runs

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        if self._started is not None:
            self._started.cancel()

    def read(self, path: Path) -> tuple[pl.DataFrame, dict[str, Any]]:
        require_file(path)
        cached = self._cached(path)
        if cached.is_file() and cached.with_suffix(".json").is_file():
            frame, details = pl.read_parquet(cached), json.loads(cached.with_suffix(".json").read_text())
            details["cache"] = "hit"
        else:
            started = self._started if self._started is not None and self._started.path == path else None
            self._started = None
            frame, details = read_pmda(path, processes=self.processes, started=started)
            if details["failed_pages"] == "none":  # a parse that lost pages is parsed again next time
                cached.parent.mkdir(parents=True, exist_ok=True)
                with atomic_target(cached) as target:  # the rows first: an entry counts only once its details exist
                    frame.write_parquet(target)
                with atomic_target(cached.with_suffix(".json")) as target:
                    target.write_text(json.dumps(details, default=str))
                details["cache"] = "miss"
            else:
                details["cache"] = "not stored: pages failed"
        if details["failed_pages"] != "none":
            details["warning"] = f"pages that could not be parsed: {details['failed_pages']}"
        return frame, details


def pmda_resource(config: ClinicalMiningConfig) -> PmdaResource | None:
    if config.sources.pmda is None:
        return None
    path = config.sources.pmda.path
    return PmdaResource(
        path=str(path) if path else None, cache_dir=str(config.output.local_cache), processes=os.cpu_count() or 1
    )


def build_source_assets(config: ClinicalMiningConfig) -> list[AssetsDefinition]:
    """Every source asset the config defines, in the order of `SourcesConfig.asset_names`."""
    sources = config.sources
    assets: list[AssetsDefinition] = []
    if sources.aact is not None:
        assets += [_aact_table_asset(sources.aact, table, spec) for table, spec in sources.aact.tables.items()]
    if sources.chembl_indications is not None:
        assets.append(
            _file_asset(
                "chembl_indications",
                "json",
                "ChEMBL drug indications (JSON lines): drug, EFO disease, max phase and references.",
                sources.chembl_indications.path,
                "sources.chembl_indications.path",
                _indications_reader(sources.chembl_indications.skip_bad_lines),
                INDICATION_SCHEMA,
                INDICATION_COLUMNS,
            )
        )
    if sources.chembl_curation is not None:
        assets.append(
            _chembl_asset(
                "chembl_curation",
                "chembl_curation",
                sources.chembl_curation.kind,
                "parquet",
                "ChEMBL's curation of trials: (studyId, label) to ChEMBL and EFO ids, the most trusted mapping.",
                CURATION_COLUMNS,
            )
        )
    if sources.chembl_warnings is not None:
        assets.append(
            _chembl_asset(
                "drug_warnings",
                "chembl_warnings",
                sources.chembl_warnings.kind,
                "json",
                "ChEMBL's drug warnings: withdrawals and black-box warnings per molecule (a safety fact, never"
                " an approval).",
                WARNING_COLUMNS,
            )
        )
    if sources.pmda is not None:
        assets.append(
            _file_asset(
                "pmda",
                "pdf",
                "PMDA list of approved products (PDF): one row per product row, dates, ingredients, notes.",
                sources.pmda.path,
                "sources.pmda.path",
                "pmda",
                PMDA_SCHEMA,
                PMDA_COLUMNS,
                # last of the ready steps: its helpers started with the run, and every step run before it gives
                # them time to finish, where running it among the sources waited seconds for them
                priority=-1,
            )
        )
    if sources.ema is not None:
        sheet = sources.ema.sheet
        assets.append(
            _file_asset(
                "ema",
                "excel",
                "EMA's list of medicines (Excel): one row per medicine, its status, MeSH areas, indication and dates.",
                sources.ema.path,
                "sources.ema.path",
                lambda path: read_ema(path, sheet),
                EMA_SCHEMA,
                EMA_COLUMNS,
            )
        )
    if sources.ttd is not None:
        skip_bad_records = sources.ttd.skip_bad_records
        assets.append(
            _file_asset(
                "ttd",
                "text",
                "TTD's drug-disease file: one row per drug and indication, with its clinical status.",
                sources.ttd.path,
                "sources.ttd.path",
                lambda path: read_ttd(path, skip_bad_records),
                TTD_SCHEMA,
                TTD_COLUMNS,
            )
        )
    if sources.vocabularies is not None:
        vocabularies = sources.vocabularies
        assets.append(
            _file_asset(
                "disease_vocabulary",
                "parquet",
                "Open Targets disease index: id, name, synonyms, MeSH cross-references.",
                vocabularies.disease,
                "sources.vocabularies.disease",
                lambda path: (read_disease_index(path), {}),
                DISEASE_SCHEMA,
                DISEASE_COLUMNS,
            )
        )
        assets.append(
            _file_asset(
                "drug_vocabulary",
                "parquet",
                "Open Targets molecule index: ChEMBL id, name, synonyms, trade names, parent.",
                vocabularies.drug,
                "sources.vocabularies.drug",
                lambda path: (read_drug_index(path), {}),
                DRUG_SCHEMA,
                DRUG_COLUMNS,
            )
        )
    return assets
