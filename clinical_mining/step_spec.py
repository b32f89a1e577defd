"""How a step's YAML is read: its dotted `function` path and the `$name` references in its parameters.

Both the config checks and the factory read steps through these functions, so a config that passes the checks
builds exactly the graph the checks looked at.
"""

import importlib
import inspect
import typing
from collections.abc import Callable
from typing import Any

import polars as pl

REFERENCE_PREFIX = "$"
UNION_ASSET = "union"
FINAL_ASSET = "final_df"


class FunctionPathError(ValueError):
    """A `function` path that does not name an importable callable."""


def reference_name(value: Any) -> str | None:
    """The asset a parameter value refers to, or None for a literal (`$$x` is the literal string `$x`)."""
    if isinstance(value, str) and value.startswith(REFERENCE_PREFIX) and not value.startswith("$$"):
        return value[len(REFERENCE_PREFIX) :]
    return None


def references(value: Any) -> list[str]:
    """Every asset named in a parameter value, in order of appearance, inside lists and mappings too."""
    found: list[str] = []
    if isinstance(value, dict):
        for item in value.values():
            found += references(item)
    elif isinstance(value, list):
        for item in value:
            found += references(item)
    elif (name := reference_name(value)) is not None:
        found.append(name)
    return found


def substitute(value: Any, assets: dict[str, Any]) -> Any:
    """The parameter value with each reference replaced by the upstream asset's value."""
    if isinstance(value, dict):
        return {key: substitute(item, assets) for key, item in value.items()}
    if isinstance(value, list):
        return [substitute(item, assets) for item in value]
    if (name := reference_name(value)) is not None:
        return assets[name]
    if isinstance(value, str) and value.startswith("$$"):
        return value[1:]
    return value


def _is_lazy(annotation: Any) -> bool:
    """True when a parameter's annotation asks for a LazyFrame (also inside list[...] or a union)."""
    if annotation is pl.LazyFrame:
        return True
    return any(_is_lazy(argument) for argument in typing.get_args(annotation))


def lazy_parameters(function: Callable[..., Any]) -> set[str]:
    """The parameters (and `return`) of a step function annotated as LazyFrames."""
    try:
        hints = typing.get_type_hints(function)
    except Exception:  # unresolvable annotations: fall back to eager frames
        return set()
    return {name for name, hint in hints.items() if _is_lazy(hint)}


def as_frames(value: Any, lazy: bool) -> Any:
    """Frames inside a parameter value made lazy or eager, as the step function's annotation asks."""
    if isinstance(value, list):
        return [as_frames(item, lazy) for item in value]
    if isinstance(value, dict):
        return {key: as_frames(item, lazy) for key, item in value.items()}
    if isinstance(value, pl.LazyFrame) and not lazy:
        return value.collect()
    if isinstance(value, pl.DataFrame) and lazy:
        return value.lazy()
    return value


def step_arguments(parameters: dict[str, Any], values: dict[str, Any], lazy: set[str]) -> dict[str, Any]:
    """A step's keyword arguments: each reference replaced by its asset's value, frames made lazy for the
    parameters in `lazy` and eager for the others. The factory and the benchmark's plain baseline both call
    steps through this, so the baseline does exactly the factory's work."""
    return {key: as_frames(substitute(value, values), key in lazy) for key, value in parameters.items()}


def import_function(path: str, allowed_modules: list[str]) -> Callable[..., Any]:
    """Import `pkg.module.function` or `pkg.module.Class.method` (static or class method)."""
    if not any(path == allowed or path.startswith(f"{allowed}.") for allowed in allowed_modules):
        raise FunctionPathError(
            f"{path!r} is outside the allowed modules {allowed_modules} (config key allowed_function_modules)"
        )
    parts = path.split(".")
    for split in range(len(parts) - 1, 0, -1):
        module_name = ".".join(parts[:split])
        try:
            target: Any = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name is not None and not module_name.startswith(exc.name):
                raise FunctionPathError(f"importing {module_name!r} failed: {exc}") from None
            continue
        except Exception as exc:  # an import-time error in user code is reported, not raised raw
            raise FunctionPathError(f"importing {module_name!r} failed: {type(exc).__name__}: {exc}") from None
        for depth in range(split, len(parts)):
            if not hasattr(target, parts[depth]):
                raise FunctionPathError(f"{'.'.join(parts[:depth])!r} has no attribute {parts[depth]!r}")
            target = getattr(target, parts[depth])
        if not callable(target) or inspect.isclass(target):
            raise FunctionPathError(f"{path!r} is not a function or static/class method")
        return target
    raise FunctionPathError(f"no module of {path!r} can be imported")
