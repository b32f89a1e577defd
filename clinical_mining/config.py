"""The pipeline's YAML configuration: where it is, how it is read, and what a valid one looks like.

The whole file is checked before any asset is built, and every problem is reported at once, so that a user
fixing a config sees the full list in the web UI (or the CLI's exit message) instead of one error per reload.
"""

import os
import re
import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    NonNegativeInt,
    PositiveFloat,
    PositiveInt,
    ValidationError,
    ValidationInfo,
    model_validator,
)

CONFIG_ENV_VAR = "CLINICAL_MINING_CONFIG"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DATA = Path(__file__).resolve().parent / "sample_data"  # the embedded sample the default config reads
DEFAULT_CONFIG = Path("config") / "clinical_mining.yaml"
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ENV_REFERENCE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")


class ConfigError(ValueError):
    """A config file that cannot be turned into definitions; the message lists every problem found."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        listing = "\n".join(f"  - {problem}" for problem in problems)
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(f"Invalid clinical-mining config {path} ({len(problems)} {noun}):\n{listing}")


def _resolve_path(value: Path, info: ValidationInfo) -> Path:
    """Relative paths are relative to the config file, so one file works from any working directory."""
    base = (info.context or {}).get("base_dir")
    path = value.expanduser()
    if not path.is_absolute() and base is not None:
        path = Path(base) / path
    return Path(os.path.normpath(path))


def _check_identifier(value: str) -> str:
    if not IDENTIFIER.match(value):
        raise ValueError(f"{value!r} is not a valid identifier (letters, digits and _, not starting with a digit)")
    return value


ConfigPath = Annotated[Path, AfterValidator(_resolve_path)]
Identifier = Annotated[str, AfterValidator(_check_identifier)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class AactTableConfig(_Strict):
    """One AACT table read as one source asset."""

    columns: list[Identifier] = Field(min_length=1)
    where: dict[Identifier, list[str | int | bool]] = Field(
        default_factory=dict,
        description="Keep rows whose column holds one of the listed values (the same for both kinds).",
    )
    distinct: bool = False


class AactConfig(_Strict):
    """Where AACT's tables come from: its database (`postgres`), its flat-file export (`flatfiles`), or
    ClinicalTrials.gov's own API v2 JSON read by AACT's rules (`ctgov`: `path` a `ctg-studies.json` array, its
    zip, or a folder of study or API page files)."""

    kind: Literal["postgres", "flatfiles", "ctgov"]
    uri: str | None = None
    schema_name: Identifier = Field(default="ctgov", alias="schema")
    path: ConfigPath | None = None
    partitions: PositiveInt = 2
    retries: NonNegativeInt = Field(default=3, description="Retries of a failed database read, with backoff.")
    retry_delay_seconds: PositiveFloat = 2.0
    statement_timeout_seconds: PositiveInt | None = Field(
        default=1800, description="A read running longer is cancelled (and retried) instead of hanging the run."
    )
    tables: dict[Identifier, AactTableConfig] = Field(min_length=1)

    @model_validator(mode="after")
    def _readable_from_ctgov(self) -> "AactConfig":
        """The JSON holds only the tables and columns AACT's loader makes from it: name any other at load time."""
        if self.kind == "ctgov":
            from clinical_mining.sources.ctgov_tables import unreadable

            problems = [
                problem
                for table, spec in self.tables.items()
                if (problem := unreadable(table, [*spec.columns, *spec.where]))
            ]
            if problems:
                raise ValueError("; ".join(problems))
        return self


class FileSourceConfig(_Strict):
    path: ConfigPath | None = None


class ChemblIndicationsConfig(FileSourceConfig):
    skip_bad_lines: bool = False


class ChemblCurationConfig(_Strict):
    kind: Literal["database", "file", "none"] = "none"
    uri: str | None = None
    path: ConfigPath | None = None
    curation_schema: Identifier = "drugbase_curation"
    molecule_schema: Identifier = "chembl_36"


class ChemblWarningsConfig(_Strict):
    """ChEMBL's drug warnings: the JSON-lines export (`file`) or the release schema's `drug_warning` table."""

    kind: Literal["file", "database", "none"] = "file"
    path: ConfigPath | None = None
    uri: str | None = None
    molecule_schema: Identifier = "chembl_36"
    skip_bad_lines: bool = False


class EmaConfig(FileSourceConfig):
    """EMA's medicines list (the Excel download); `sheet` names the sheet when it is not `Medicine`."""

    sheet: str = Field(default="Medicine", min_length=1)


class TtdConfig(FileSourceConfig):
    """TTD's drug-disease file; `skip_bad_records` counts and skips records without a name instead of failing."""

    skip_bad_records: bool = False


class VocabulariesConfig(_Strict):
    disease: ConfigPath | None = None
    drug: ConfigPath | None = None


class SourcesConfig(_Strict):
    aact: AactConfig | None = None
    chembl_indications: ChemblIndicationsConfig | None = None
    chembl_curation: ChemblCurationConfig | None = None
    chembl_warnings: ChemblWarningsConfig | None = None
    pmda: FileSourceConfig | None = None
    ema: EmaConfig | None = None
    ttd: TtdConfig | None = None
    vocabularies: VocabulariesConfig | None = None

    def asset_names(self) -> list[str]:
        """The names steps use (as `$name`) to refer to the source assets this config defines."""
        names: list[str] = list(self.aact.tables) if self.aact else []
        if self.chembl_indications is not None:
            names.append("chembl_indications")
        if self.chembl_curation is not None:
            names.append("chembl_curation")
        if self.chembl_warnings is not None:
            names.append("drug_warnings")
        if self.pmda is not None:
            names.append("pmda")
        if self.ema is not None:
            names.append("ema")
        if self.ttd is not None:
            names.append("ttd")
        if self.vocabularies is not None:
            names += ["disease_vocabulary", "drug_vocabulary"]
        return names


class StepConfig(_Strict):
    name: Identifier
    function: str = Field(min_length=1)
    parameters: dict[Identifier, Any] = Field(default_factory=dict)
    description: str | None = None
    line: int | None = Field(default=None, exclude=True, description="Line of the step in the YAML file.")


class PipelineConfig(_Strict):
    setup: list[StepConfig] = Field(default_factory=list)
    union: list[StepConfig] = Field(default_factory=list)
    process: list[StepConfig] = Field(min_length=1)

    def stages(self) -> list[tuple[str, list[StepConfig]]]:
        return [("setup", self.setup), ("union", self.union), ("process", self.process)]


class MappingCoverageCheck(_Strict):
    """An asset check on a mapped evidence asset: label coverage per side, and the ambiguous labels."""

    asset: Identifier = "evidence"
    min_drug_label_coverage: float = Field(default=0.5, ge=0, le=1)
    min_disease_label_coverage: float = Field(default=0.5, ge=0, le=1)


class NotApprovedCheck(_Strict):
    """An asset check on the repurposing candidates: none is a pair its drug is approved for in the evidence."""

    asset: Identifier = "repurposing_candidates"
    evidence: Identifier = "evidence"


class ChecksConfig(_Strict):
    mapping_coverage: MappingCoverageCheck | None = None
    candidates_not_approved: NotApprovedCheck | None = None


class ScheduleConfig(_Strict):
    """When `refresh_all` runs on its own (the daemon must run: `dagster dev` starts one)."""

    cron: str = "0 3 * * 1"  # Mondays 03:00: AACT refreshes daily, the rest a few times a year
    timezone: str = "UTC"
    default_status: Literal["running", "stopped"] = "stopped"


class SensorsConfig(_Strict):
    """Sensors on the local input files: a changed file starts a run of what depends on it."""

    default_status: Literal["running", "stopped"] = "stopped"
    minimum_interval_seconds: PositiveInt = 60


class FreshnessConfig(_Strict):
    final_df_warn_hours: PositiveFloat = 24 * 8
    final_df_fail_hours: PositiveFloat = 24 * 15


class AutomationConfig(_Strict):
    schedule: ScheduleConfig = Field(default_factory=ScheduleConfig)
    sensors: SensorsConfig = Field(default_factory=SensorsConfig)
    freshness: FreshnessConfig = Field(default_factory=FreshnessConfig)
    owners: list[str] = Field(default_factory=lambda: ["team:clinical-mining"])


class ExecutionConfig(_Strict):
    """How a run executes its steps. `in_process` (the default) runs them one after another in the run's own
    process, where Polars already uses every core inside each step and nothing is re-imported per step;
    `multiprocess` gives each step its own process (isolation, and the model the cluster executors follow)."""

    executor: Literal["in_process", "multiprocess"] = "in_process"
    max_concurrent: PositiveInt | None = None


def _resolve_location(value: str, info: ValidationInfo) -> Path | str:
    """An object-store URL (s3://, gs://, az://...) as it is; anything else is a local path."""
    return value if "://" in value else _resolve_path(Path(value), info)


class OutputConfig(_Strict):
    """Where every asset's Parquet goes: a local folder, or object storage with `storage_options` (credentials
    as `${VAR}` references, so they stay in the environment)."""

    dir: Annotated[str, AfterValidator(_resolve_location)]
    storage_options: dict[str, Any] = Field(default_factory=dict)
    cache_dir: ConfigPath | None = Field(
        default=None, description="Local scratch space (the unpacked AACT export); default: <dir>/.cache when local"
    )

    @property
    def local_cache(self) -> Path:
        if self.cache_dir is not None:
            return self.cache_dir
        return self.dir / ".cache" if isinstance(self.dir, Path) else Path(tempfile.gettempdir()) / "clinical_mining"


class ClinicalMiningConfig(_Strict):
    sources: SourcesConfig = Field(default_factory=SourcesConfig)
    pipeline: PipelineConfig
    output: OutputConfig
    checks: ChecksConfig = Field(default_factory=ChecksConfig)
    automation: AutomationConfig = Field(default_factory=AutomationConfig)
    execution: ExecutionConfig = Field(default_factory=ExecutionConfig)
    allowed_function_modules: list[str] = Field(
        default_factory=lambda: ["clinical_mining"],
        description="Packages or modules a step's `function` may come from.",
    )
    allowed_roots: list[ConfigPath] | None = Field(
        default=None,
        description="When set, every local path in the config (after resolving `..` and links) must lie inside"
        " one of these folders.",
    )

    def local_paths(self) -> dict[str, Path]:
        """Every local path the config names, by its key."""
        sources = self.sources
        found: dict[str, Path | None] = {
            "sources.aact.path": sources.aact.path if sources.aact else None,
            "sources.chembl_indications.path": sources.chembl_indications.path if sources.chembl_indications else None,
            "sources.chembl_curation.path": sources.chembl_curation.path if sources.chembl_curation else None,
            "sources.chembl_warnings.path": sources.chembl_warnings.path if sources.chembl_warnings else None,
            "sources.pmda.path": sources.pmda.path if sources.pmda else None,
            "sources.ema.path": sources.ema.path if sources.ema else None,
            "sources.ttd.path": sources.ttd.path if sources.ttd else None,
            "sources.vocabularies.disease": sources.vocabularies.disease if sources.vocabularies else None,
            "sources.vocabularies.drug": sources.vocabularies.drug if sources.vocabularies else None,
            "output.dir": self.output.dir if isinstance(self.output.dir, Path) else None,
            "output.cache_dir": self.output.cache_dir,
        }
        return {key: path for key, path in found.items() if path is not None}

    path: Path | None = Field(default=None, exclude=True, description="The YAML file this was read from.")


def config_path() -> Path:
    """The config file in use: `$CLINICAL_MINING_CONFIG`, else config/clinical_mining.yaml."""
    named = os.environ.get(CONFIG_ENV_VAR)
    if named:
        return Path(named).expanduser().resolve()
    local = Path.cwd() / DEFAULT_CONFIG
    return local.resolve() if local.exists() else PROJECT_ROOT / DEFAULT_CONFIG


def _interpolate(value: Any, where: str, problems: list[str]) -> Any:
    """Replace `${VAR}` / `${VAR:-default}` in strings, so secrets and hosts stay out of the file."""
    if isinstance(value, dict):
        return {k: _interpolate(v, f"{where}.{k}" if where else str(k), problems) for k, v in value.items()}
    if isinstance(value, list):
        return [_interpolate(v, f"{where}[{i}]", problems) for i, v in enumerate(value)]
    if not isinstance(value, str):
        return value

    def substitute(match: re.Match[str]) -> str:
        name, default = match.group(1), match.group(2)
        found = os.environ.get(name, default)
        if found is None:
            problems.append(f"{where}: environment variable {name} is not set and has no default")
            return ""
        return found

    return _ENV_REFERENCE.sub(substitute, value)


def _step_lines(text: str) -> dict[tuple[str, int], int]:
    """Line numbers of each step in the YAML, so the UI can link an asset back to the text that made it."""
    lines: dict[tuple[str, int], int] = {}
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        return lines
    for key, node in root.value:
        if key.value == "pipeline" and isinstance(node, yaml.MappingNode):
            for stage_key, stage_node in node.value:
                if isinstance(stage_node, yaml.SequenceNode):
                    for i, step in enumerate(stage_node.value):
                        lines[(stage_key.value, i)] = step.start_mark.line + 1
    return lines


def _format_location(loc: tuple[Any, ...], raw: dict[str, Any]) -> str:
    """`pipeline.setup.0.parameters.x` becomes `pipeline.setup[0] (step 'trials').parameters.x`."""
    parts: list[str] = []
    node: Any = raw
    for item in loc:
        if isinstance(item, int):
            entry = node[item] if isinstance(node, list) and item < len(node) else None
            name = entry.get("name") if isinstance(entry, dict) else None
            label = f"[{item}]" + (f" (step {name!r})" if isinstance(name, str) and loc[0] == "pipeline" else "")
            parts[-1] = parts[-1] + label if parts else label
        else:
            parts.append(str(item))
        node = node[item] if isinstance(node, dict | list) and _has(node, item) else None
    return ".".join(parts)


def _has(node: dict[str, Any] | list[Any], item: Any) -> bool:
    return item in node if isinstance(node, dict) else isinstance(item, int) and item < len(node)


def apply_override(raw: dict[str, Any], dotted_key: str, value: Any) -> None:
    """Set `a.b.c` in the raw config, creating mappings on the way (for command-line overrides)."""
    *parents, last = dotted_key.split(".")
    node = raw
    for part in parents:
        child = node.get(part)
        if not isinstance(child, dict):
            child = node[part] = {}
        node = child
    node[last] = value


def _outside_roots(config: ClinicalMiningConfig) -> list[str]:
    if config.allowed_roots is None:
        return []
    roots = [root.resolve() for root in config.allowed_roots]
    return [
        f"{key}: {path} is outside the allowed roots ({', '.join(map(str, roots))}; config key allowed_roots)"
        for key, path in config.local_paths().items()
        if not any(path.resolve().is_relative_to(root) for root in roots)
    ]


def _merged(base: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    """`own` over `base`: mappings merge key by key, anything else (a list of steps too) replaces."""
    merged = dict(base)
    for key, value in own.items():
        both = isinstance(value, dict) and isinstance(base.get(key), dict)
        merged[key] = _merged(base[key], value) if both else value
    return merged


def _read_raw(path: Path, top: Path, chain: tuple[Path, ...]) -> tuple[str, dict[str, Any]]:
    """The file's text and mapping, merged over the file its `extends` names (relative to its folder); every
    relative path in either resolves against the folder of the config being loaded (`top`)."""
    where = "" if path == top else f"extends: {path}: "
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(top, [f"{where}cannot read the config file: {exc.strerror or exc}"]) from None
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(top, [f"{where}not valid YAML: {exc}"]) from None
    if not isinstance(raw, dict):
        raise ConfigError(top, [f"{where}the file must hold a mapping with `sources`, `pipeline` and `output`"])
    base = raw.pop("extends", None)
    if base is None:
        return text, raw
    if not isinstance(base, str):
        raise ConfigError(top, [f"{where}extends: must name a config file, found {base!r}"])
    base_path = (path.parent / base).resolve()
    if base_path in (*chain, path):
        raise ConfigError(top, [f"{where}extends: {base_path} extends itself (through {', '.join(map(str, chain))})"])
    _, base_raw = _read_raw(base_path, top, (*chain, path))
    return text, _merged(base_raw, raw)


def load_config(path: Path | None = None, overrides: dict[str, Any] | None = None) -> ClinicalMiningConfig:
    """Read, interpolate and validate the config (with `overrides` of dotted keys applied first); raise one
    `ConfigError` listing every problem."""
    from clinical_mining.config_validation import check_steps

    path = (path or config_path()).resolve()
    text, raw = _read_raw(path, path, ())

    for key, value in (overrides or {}).items():
        apply_override(raw, key, value)
    problems: list[str] = []
    raw = _interpolate(raw, "", problems)
    for (stage, index), line in _step_lines(text).items():
        steps = raw.get("pipeline", {}).get(stage) if isinstance(raw.get("pipeline"), dict) else None
        if isinstance(steps, list) and isinstance(steps[index], dict):
            steps[index]["line"] = line
    try:
        config = ClinicalMiningConfig.model_validate(raw | {"path": path}, context={"base_dir": path.parent})
    except ValidationError as exc:
        for error in exc.errors():
            where = _format_location(error["loc"], raw)
            message = error["msg"].removeprefix("Value error, ")
            if error["type"] == "extra_forbidden":
                message = "unknown key"
            problems.append(f"{where}: {message}")
        raise ConfigError(path, problems) from None
    problems += check_steps(config) + _outside_roots(config)
    if problems:
        raise ConfigError(path, problems)
    return config
