"""The YAML-to-asset factory: each configured step becomes one Dagster asset that calls a plain Polars function.

- A step's `$name` parameters (also inside lists and mappings) become the asset's inputs; everything else is
  passed as a literal.
- A parameter annotated `pl.LazyFrame` in the step function receives a lazy scan of the upstream Parquet
  (projection and predicate pushdown for free); any other parameter receives a `pl.DataFrame`.
- The outputs of the `union` steps are concatenated diagonally into the asset `union`, which process steps
  name as `$union`; a union output without a `source` column gets one holding the step's name.
- Whatever a step records through `clinical_mining.step_stats` lands in its materialisation's metadata.
"""

import inspect
import time
import warnings
from collections.abc import Callable, Mapping
from typing import Any

import polars as pl
from dagster import (
    AssetExecutionContext,
    AssetIn,
    AssetKey,
    AssetsDefinition,
    BetaWarning,
    CodeReferencesMetadataValue,
    LocalFileCodeReference,
    MetadataValue,
    Output,
    asset,
)

from clinical_mining.column_docs import COLUMN_DESCRIPTIONS, descriptions_of
from clinical_mining.config import ClinicalMiningConfig, StepConfig
from clinical_mining.io_manager import PARQUET_STATISTICS
from clinical_mining.metadata import preview_table
from clinical_mining.step_spec import (
    FINAL_ASSET,
    UNION_ASSET,
    import_function,
    lazy_parameters,
    references,
    step_arguments,
)
from clinical_mining.step_stats import WARNING, collecting
from clinical_mining.union_view import UNION_PARTS, concat_union


def _collected(result: Any, where: str) -> pl.DataFrame:
    if isinstance(result, pl.LazyFrame):
        return result.collect()
    if isinstance(result, pl.DataFrame):
        return result
    raise TypeError(f"{where} returned {type(result).__name__}; a step must return a polars DataFrame or LazyFrame")


def _description(step: StepConfig, function: Callable[..., Any]) -> str:
    if step.description:
        return step.description
    doc = inspect.getdoc(function) or ""
    summary = doc.split("\n\n", 1)[0].replace("\n", " ")
    return summary or f"Step {step.name} ({step.function})."


def _code_references(config: ClinicalMiningConfig, step: StepConfig, function: Callable[..., Any]) -> Any:
    """Links from the asset in the UI to its YAML step and to the step function (a beta Dagster API)."""
    locations: list[tuple[str, int, str]] = []
    if config.path is not None:
        locations.append((str(config.path), step.line or 1, "YAML step"))
    try:
        source_file = inspect.getsourcefile(function)
        _, line = inspect.getsourcelines(function)
    except (OSError, TypeError):
        source_file = None
    if source_file:
        locations.append((source_file, line, "Step function"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", BetaWarning)
        return CodeReferencesMetadataValue(
            code_references=[
                LocalFileCodeReference(file_path=path, line_number=line, label=label) for path, line, label in locations
            ]
        )


def _figures_metadata(figures: Mapping[str, Any]) -> dict[str, Any]:
    def value(figure: Any) -> Any:
        if isinstance(figure, str):
            return MetadataValue.text(figure)
        if isinstance(figure, pl.DataFrame):
            return preview_table(figure, rows=figure.height)
        return figure

    return {key: value(figure) for key, figure in figures.items()}


def build_step_asset(config: ClinicalMiningConfig, stage: str, step: StepConfig) -> AssetsDefinition:
    """One asset for one step; built in its own function so that nothing binds late inside a loop."""
    function = import_function(step.function, config.allowed_function_modules)
    lazy = lazy_parameters(function)
    upstream = list(dict.fromkeys(name for value in step.parameters.values() for name in references(value)))
    where = f"step {step.name!r} ({step.function})"

    @asset(
        name=step.name,
        group_name=stage,  # the group of an asset is its stage
        ins={name: AssetIn(key=AssetKey(name), dagster_type=pl.LazyFrame) for name in upstream},
        kinds={"polars"},
        description=_description(step, function),
        metadata={
            "dagster/code_references": _code_references(config, step, function),
            "step/function": step.function,
            "step/stage": stage,
            COLUMN_DESCRIPTIONS: descriptions_of(function),
            **({PARQUET_STATISTICS: True} if step.name == FINAL_ASSET else {}),  # the one file queried with filters
        },
        io_manager_key="io_manager",
    )
    def _step(context: AssetExecutionContext, **inputs: pl.LazyFrame) -> Output[pl.DataFrame]:
        arguments = step_arguments(step.parameters, inputs, lazy)
        started = time.perf_counter()
        with collecting() as figures:
            frame = _collected(function(**arguments), where)
        seconds = time.perf_counter() - started
        context.log.info(f"{where}: {frame.height} rows in {seconds:.2f} s")
        if WARNING in figures:
            context.log.warning(f"{where}: {figures[WARNING]}")
        return Output(frame, metadata={"seconds": round(seconds, 3), **_figures_metadata(figures)})

    return _step


def build_union_asset(config: ClinicalMiningConfig, steps: list[StepConfig]) -> AssetsDefinition:
    """The concatenation of every union step's evidence, as a view (`union_view`): the IO manager stores a
    manifest of its parts, and a reader of `$union` scans the parts themselves."""
    names = [step.name for step in steps]
    columns: dict[str, str] = {}
    for step in steps:  # the union's columns mean what its steps say they mean
        columns |= descriptions_of(import_function(step.function, config.allowed_function_modules))

    @asset(
        name=UNION_ASSET,
        group_name="union",
        ins={name: AssetIn(key=AssetKey(name), dagster_type=pl.LazyFrame) for name in names},
        kinds={"polars"},
        description="All evidence from the union steps, concatenated diagonally (one `source` column kept); a"
        " view of the steps' files, not a copy.",
        io_manager_key="io_manager",
        metadata={UNION_PARTS: names, COLUMN_DESCRIPTIONS: columns},
    )
    def _union(context: AssetExecutionContext, **inputs: pl.LazyFrame) -> Output[pl.LazyFrame]:
        counts = {f"rows/{name}": inputs[name].select(pl.len()).collect().item() for name in names}
        return Output(
            concat_union({name: inputs[name] for name in names}),
            metadata={**counts, "dagster/row_count": sum(counts.values())},
        )

    return _union


def build_pipeline_assets(config: ClinicalMiningConfig) -> list[AssetsDefinition]:
    """Every step's asset, plus the union asset when the union stage has steps."""
    assets: list[AssetsDefinition] = []
    for stage, steps in config.pipeline.stages():
        if stage == "process" and config.pipeline.union:
            assets.append(build_union_asset(config, config.pipeline.union))
        assets += [build_step_asset(config, stage, step) for step in steps]
    return assets
