"""The peak memory a process reports is its own: not its parent's, which Linux keeps in ru_maxrss across exec."""

import sys

import pytest

from benchmarks.harness import run_process
from clinical_mining.process_memory import peak_mb

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

TOUCH = "x = bytearray({mb} << 20)\nfor i in range(0, len(x), 4096):\n    x[i] = 1\nimport time; time.sleep(0.3)"


def test_a_child_started_by_a_large_process_reports_its_own_peak() -> None:
    held = bytearray(800 << 20)  # this process holds 800 MB when it starts the child
    for i in range(0, len(held), 4096):
        held[i] = 1
    assert (peak_mb() or 0) > 800
    child = run_process([sys.executable, "-c", TOUCH.format(mb=200)])
    # the child touched 200 MB on top of the interpreter; ru_maxrss from wait4 would have said over 800 MB
    assert 200 < child.peak_mb < 500


def test_a_helper_process_peak_is_counted() -> None:
    helper = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {TOUCH.format(mb=300)!r}])"
    assert run_process([sys.executable, "-c", helper]).peak_mb > 300
