"""`clinical_mining`: materialise the graph from the shell with config overrides, as the seed's command did.

    uv run clinical_mining [key.path=value ...] [--select SELECTION] [--config FILE]

The run is recorded in the instance the web UI reads ($DAGSTER_HOME, else this project's folder), and the
exit status is non-zero when any selected asset fails (1) or the config is invalid (2).
"""

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Any

import yaml
from dagster import AssetSelection, DagsterInstance

from clinical_mining.config import PROJECT_ROOT, ConfigError, load_config
from clinical_mining.definitions import build_definitions


def _override(text: str) -> tuple[str, Any]:
    key, separator, value = text.partition("=")
    if not separator or not key:
        raise argparse.ArgumentTypeError(f"{text!r} is not key.path=value")
    try:
        parsed = yaml.safe_load(value)
    except yaml.YAMLError:
        parsed = value
    return key, value if parsed is None and value else parsed


def _instance() -> DagsterInstance:
    if os.environ.get("DAGSTER_HOME"):
        return DagsterInstance.get()
    return DagsterInstance.from_config(str(PROJECT_ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="clinical_mining", description=__doc__.split("\n\n")[0])
    parser.add_argument("overrides", nargs="*", type=_override, metavar="key.path=value")
    parser.add_argument("--select", default="*", help="Dagster asset selection (default: every asset)")
    parser.add_argument("--config", default=None, help="config file (default: $CLINICAL_MINING_CONFIG or config/)")
    args = parser.parse_args(argv)
    try:
        path = Path(args.config).expanduser().resolve() if args.config else None
        config = load_config(path, dict(args.overrides))
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    defs = build_definitions(config)
    graph = defs.resolve_asset_graph()
    try:
        keys = AssetSelection.from_string(args.select).resolve(graph)
    except Exception as exc:  # an unparsable or empty selection
        print(f"--select {args.select!r}: {exc}", file=sys.stderr)
        return 2
    job = defs.resolve_implicit_global_asset_job_def()
    with _instance() as instance:
        result = job.execute_in_process(instance=instance, asset_selection=list(keys), raise_on_error=False)
    if result.success:
        print(f"clinical_mining: materialised {len(keys)} asset(s) in run {result.run_id}")
        return 0
    for event in result.get_step_failure_events():
        data = event.step_failure_data
        reported = data.user_failure_data.description if data.user_failure_data else None
        cause = data.error.cause if data.error and data.error.cause else data.error
        message = reported or (re.sub(r"^[\w.]+: ", "", cause.message.strip()) if cause else "failed")
        print(f"clinical_mining: asset {event.step_key} failed: {message}", file=sys.stderr)
    print(f"clinical_mining: run {result.run_id} failed", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
