"""What every benchmark here shares: running one measurement in a fresh process and reading what it cost."""

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from clinical_mining.config import PROJECT_ROOT
from clinical_mining.process_memory import descendants, peak_mb

POLL_SECONDS = 0.02
DEFAULT_CONFIG = PROJECT_ROOT / "config" / "clinical_mining.yaml"


def default_config(output: Path) -> dict[str, Any]:
    """The default config (the embedded sample) as a mapping, its relative paths made absolute so that it can be
    written anywhere, with its output under `output`: what a benchmark changes before writing it."""
    config = yaml.safe_load(DEFAULT_CONFIG.read_text())
    here = DEFAULT_CONFIG.parent
    for source in config["sources"].values():
        if isinstance(source, dict) and isinstance(source.get("path"), str):
            source["path"] = str((here / source["path"]).resolve())
    vocabularies = config["sources"]["vocabularies"]
    for side in ("disease", "drug"):
        vocabularies[side] = str((here / vocabularies[side]).resolve())
    config["output"]["dir"] = str(output)
    return config


def measured(work: Callable[[], int]) -> dict[str, float]:
    """Seconds, peak memory and the row count `work` returns."""
    started = time.perf_counter()
    rows = work()
    return {"seconds": time.perf_counter() - started, "peak_mb": peak_mb() or 0.0, "rows": rows}


@dataclass(frozen=True)
class Process:
    """One finished command: wall seconds, CPU seconds (user + system, its own and its helpers'), the peak
    resident memory of the largest of them, and what it printed."""

    seconds: float
    cpu_seconds: float
    peak_mb: float
    stdout: str
    stderr: str


def _watch_peak(pid: int, stop: threading.Event, peaks: list[float]) -> None:
    """The largest VmHWM of `pid` and its helpers, read every POLL_SECONDS until `stop`: the high-water mark
    only rises, so a read after the peak catches it (wait4's ru_maxrss would be this process's own peak at fork
    whenever that is larger, kept across exec: a benchmark holding its generated data would see its own)."""
    while not stop.is_set():
        for process in (pid, *descendants(pid)):
            if (peak := peak_mb(process)) is not None:
                peaks.append(peak)
        stop.wait(POLL_SECONDS)


def run_process(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Process:
    """Run `command` and measure it alone: `wait4` gives this child's own CPU time (RUSAGE_CHILDREN would mix
    in every earlier child of this process), `_watch_peak` its memory and its helpers'."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        child = subprocess.Popen(command, env=env, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        stop, peaks = threading.Event(), [0.0]
        watcher = threading.Thread(target=_watch_peak, args=(child.pid, stop, peaks), daemon=True)
        watcher.start()
        _, status, usage = os.wait4(child.pid, 0)
        stop.set()
        watcher.join()
        seconds = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        done = Process(seconds, usage.ru_utime + usage.ru_stime, max(peaks), out.read(), err.read())
    if code:
        raise RuntimeError(f"{' '.join(command)} exited {code}:\n{done.stderr[-3000:]}")
    return done


def run_fresh(script: str, *arguments: str) -> dict[str, float]:
    """Run `script --measure arguments...` in a new interpreter and return the JSON it prints last, with
    `process_seconds` and `cpu_seconds`: the whole process, interpreter start and imports included."""
    done = run_process([sys.executable, script, "--measure", *arguments])
    return {
        **json.loads(done.stdout.strip().splitlines()[-1]),
        "process_seconds": done.seconds,
        "cpu_seconds": done.cpu_seconds,
    }
