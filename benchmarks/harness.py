"""What every benchmark here shares: running one measurement in a fresh process and reading what it cost."""

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Process:
    """One finished command: wall seconds, CPU seconds (user + system, its own and its helpers'), the peak
    resident memory of the largest of them, and what it printed."""

    seconds: float
    cpu_seconds: float
    peak_mb: float
    stdout: str
    stderr: str


def run_process(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Process:
    """Run `command` and measure it alone: `wait4` gives this child's own resource use, where
    RUSAGE_CHILDREN would mix in every earlier child of this process (a baseline's larger peak, say)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        child = subprocess.Popen(command, env=env, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        done = Process(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.read(), err.read())
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
