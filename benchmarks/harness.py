"""What every benchmark here shares: running one measurement in a fresh process and reading its peak memory."""

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM; ru_maxrss would include the parent's, kept across exec)."""
    status = Path("/proc/self/status").read_text()
    return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM")) / 1024


def measured(work: Callable[[], int]) -> dict[str, float]:
    """Seconds, peak memory and the row count `work` returns."""
    started = time.perf_counter()
    rows = work()
    return {"seconds": time.perf_counter() - started, "peak_mb": peak_mb(), "rows": rows}


def run_fresh(script: str, *arguments: str) -> dict[str, float]:
    """Run `script --measure arguments...` in a new interpreter and return the JSON it prints last, with
    `process_seconds`: the whole process, interpreter start and imports included."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, script, "--measure", *arguments], capture_output=True, text=True)
    process_seconds = time.perf_counter() - started
    if done.returncode:
        raise RuntimeError(f"{script} --measure {' '.join(arguments)} failed:\n{done.stderr[-3000:]}")
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "process_seconds": process_seconds}
