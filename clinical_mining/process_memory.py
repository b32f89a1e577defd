"""A process's peak resident memory, read where it is its own.

`ru_maxrss` is not: Linux keeps the parent's high-water mark across fork and exec, so a command started by a
process that holds gigabytes reports gigabytes whatever it did. `VmHWM` in /proc is the high-water mark of the
process's own memory since its exec.
"""

import resource
import sys
from pathlib import Path


def peak_mb(pid: int | str = "self") -> float | None:
    """The peak resident memory of `pid` in MB (VmHWM); None when the process is gone. Where /proc is missing
    (macOS), this process's ru_maxrss, the best there is."""
    status = Path(f"/proc/{pid}/status")
    if not Path("/proc/self/status").exists():
        if pid != "self":
            return None
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1 << 20 if sys.platform == "darwin" else 1 << 10)
    try:
        lines = status.read_text().splitlines()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return next((int(line.split()[1]) / 1024 for line in lines if line.startswith("VmHWM")), None)


def descendants(pid: int) -> list[int]:
    """`pid`'s living child processes and theirs (from /proc; empty where /proc is missing)."""
    found: list[int] = []
    pending = [pid]
    while pending:
        parent = pending.pop()
        for task in Path(f"/proc/{parent}/task").glob("*/children"):
            try:
                children = [int(child) for child in task.read_text().split()]
            except (FileNotFoundError, ProcessLookupError):
                continue
            found.extend(children)
            pending.extend(children)
    return found
