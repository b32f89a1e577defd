"""The checks on `pipeline` that pydantic's structural validation cannot make: names, references, functions.

Each problem names the step (stage, index and name) and the key at fault.
"""

import inspect
import keyword
from typing import TYPE_CHECKING

from clinical_mining.step_spec import (
    FINAL_ASSET,
    UNION_ASSET,
    FunctionPathError,
    import_function,
    references,
)

if TYPE_CHECKING:
    from clinical_mining.config import ClinicalMiningConfig, StepConfig

RESERVED_NAMES = frozenset({"context", "config", UNION_ASSET})


def _where(stage: str, index: int, step: "StepConfig") -> str:
    return f"pipeline.{stage}[{index}] (step {step.name!r})"


def _check_signature(where: str, step: "StepConfig", function: object) -> list[str]:
    try:
        signature = inspect.signature(function)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return []
    parameters = signature.parameters.values()
    problems: list[str] = []
    if not any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters):
        accepted = {p.name for p in parameters if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)}
        problems += [
            f"{where}.parameters.{name}: {step.function} does not accept a parameter {name!r}"
            f" (it takes: {', '.join(sorted(accepted)) or 'nothing'})"
            for name in step.parameters
            if name not in accepted
        ]
    problems += [
        f"{where}.parameters: required parameter {p.name!r} of {step.function} is missing"
        for p in parameters
        if p.default is inspect.Parameter.empty
        and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
        and p.name not in step.parameters
    ]
    return problems


def check_steps(config: "ClinicalMiningConfig") -> list[str]:
    """Every problem in the pipeline's steps, in file order."""
    pipeline = config.pipeline
    sources = config.sources.asset_names()
    defined_at: dict[str, str] = {}
    for stage, steps in pipeline.stages():
        for index, step in enumerate(steps):
            defined_at.setdefault(step.name, f"pipeline.{stage}[{index}]")

    problems: list[str] = []
    available = set(sources)
    seen: set[str] = set()
    for stage, steps in pipeline.stages():
        if stage == "process" and pipeline.union:
            available.add(UNION_ASSET)
        for index, step in enumerate(steps):
            where = _where(stage, index, step)
            if step.name in seen or step.name in sources:
                problems.append(f"{where}.name: duplicate name {step.name!r} (already a source or an earlier step)")
            elif keyword.iskeyword(step.name) or step.name in RESERVED_NAMES:
                problems.append(f"{where}.name: {step.name!r} is reserved; choose another name")
            seen.add(step.name)
            for key, value in step.parameters.items():
                for name in references(value):
                    if name in available:
                        continue
                    if name == step.name:
                        problems.append(f"{where}.parameters.{key}: ${name} refers to the step itself")
                    elif name in defined_at:
                        problems.append(
                            f"{where}.parameters.{key}: ${name} refers to a later step ({defined_at[name]});"
                            " a step may only use sources and earlier steps"
                        )
                    elif name == UNION_ASSET:
                        problems.append(
                            f"{where}.parameters.{key}: ${UNION_ASSET} is only available to process steps,"
                            " and only when the union stage has steps"
                        )
                    else:
                        problems.append(
                            f"{where}.parameters.{key}: ${name} refers to nothing (sources: {', '.join(sources)})"
                        )
            try:
                function = import_function(step.function, config.allowed_function_modules)
            except FunctionPathError as exc:
                problems.append(f"{where}.function: {exc}")
            else:
                problems += _check_signature(where, step, function)
            available.add(step.name)
    coverage = config.checks.mapping_coverage
    if coverage is not None and coverage.asset not in seen:
        problems.append(f"checks.mapping_coverage.asset: {coverage.asset!r} is not a step of the pipeline")
    if (not_approved := config.checks.candidates_not_approved) is not None:
        for key in ("asset", "evidence"):
            if (name := getattr(not_approved, key)) not in seen:
                problems.append(f"checks.candidates_not_approved.{key}: {name!r} is not a step of the pipeline")
    if pipeline.process and pipeline.process[-1].name != FINAL_ASSET:
        problems.append(
            f"pipeline.process: the last step must be named {FINAL_ASSET!r}, found {pipeline.process[-1].name!r}"
        )
    return problems
