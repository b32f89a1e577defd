"""A big ClinicalTrials.gov download parsed on every core: the studies cut into contiguous shards, each parsed by
its own process into its own Parquet chunks, numbered afterwards as one read would have numbered them.

Parsing is pure Python held by one lock per process, so one process reads a results-heavy download at about
1,500 studies a second on this machine; two read it at nearly twice that. A `ctg-studies.json` array is cut
where a study object starts: the text `{"protocolSection":` can only be the start of an object whose first key
is `protocolSection` (inside a JSON string its quotes would be escaped), and a study is the array element
that follows a ','. A folder is cut into runs of files. A zip is read by one process (its members cannot be
entered in the middle).

A shard's rows are numbered from 1 for each table; the reader adds to every id and foreign key the rows of the
same table in the shards before it, and drops the studies a later shard repeats from an earlier one, so the
tables equal those of one sequential read (ids included). When a shard fails, the caller reads the download
again in one pass, which names the bad study by its place in the whole file.
"""

import io
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import polars as pl

from clinical_mining.sources.ctgov_json import Study, studies_in_stream

MIN_BYTES_PER_SHARD = 128 << 20  # below this a second process costs more than it gives
_STUDY_START = re.compile(rb"\{\s*\"protocolSection\"\s*:")
_WINDOW = 4 << 20
FOREIGN_KEYS = {
    "id": None,  # the table's own
    "design_group_id": "design_groups",
    "intervention_id": "interventions",
    "outcome_id": "outcomes",
    "outcome_analysis_id": "outcome_analyses",
    "result_group_id": "result_groups",
}


@dataclass(frozen=True)
class Shard:
    """Bytes `start`..`end` of a JSON array file (read as an array of their own), or a run of a folder's files."""

    path: str
    start: int = 0
    end: int = 0
    files: tuple[str, ...] = ()

    def describe(self) -> str:
        return f"{self.path} (bytes {self.start}-{self.end})" if not self.files else f"{self.path} ({self.files[0]}...)"


def _boundary(handle: IO[bytes], near: int, size: int) -> int | None:
    """The offset of the first study object at or after `near` that follows a ',' (an array element)."""
    position = near
    while position < size:
        handle.seek(position)
        window = handle.read(_WINDOW + 64)
        for found in _STUDY_START.finditer(window):
            before = window[: found.start()].rstrip()
            if before.endswith(b","):
                return position + found.start()
        position += _WINDOW
    return None


def plan(path: Path, processes: int) -> list[Shard]:
    """The shards of a download, one per process where it is big enough; a single shard means one pass."""
    if processes < 2:
        return [Shard(str(path))]
    if path.is_dir():
        files = sorted(str(p) for p in path.iterdir() if p.suffix.lower() == ".json" and p.is_file())
        total = sum(Path(f).stat().st_size for f in files)
        count = max(1, min(processes, total // MIN_BYTES_PER_SHARD, len(files)))
        size = -(-len(files) // count)
        return [Shard(str(path), files=tuple(files[i : i + size])) for i in range(0, len(files), size)]
    size = path.stat().st_size
    count = min(processes, size // MIN_BYTES_PER_SHARD)
    with open(path, "rb") as handle:
        if count < 2 or handle.read(1 << 16).lstrip()[:1] != b"[":
            return [Shard(str(path))]
        cuts = [0]
        for k in range(1, count):
            cut = _boundary(handle, size * k // count, size)
            if cut is None or cut <= cuts[-1]:
                break
            cuts.append(cut)
    ends = [*cuts[1:], size]
    return [Shard(str(path), start, end) for start, end in zip(cuts, ends, strict=True)]


class _Slice(io.RawIOBase):
    """Bytes start..end of a file as a JSON array of their own: '[' before a shard that starts inside the array,
    the ',' that separated it from the next shard dropped and ']' after it."""

    def __init__(self, path: str, start: int, end: int, size: int) -> None:
        self.handle = open(path, "rb")  # noqa: SIM115 - closed by close()
        tail_start = max(start, end - 4096)
        self.handle.seek(tail_start)
        tail = self.handle.read(end - tail_start)
        if end < size:  # the shard's text ends with '},' and white space before the next study
            end = tail_start + len(tail.rstrip().removesuffix(b","))
        self.parts = [b"[" if start > 0 else b"", None, b"]" if end < size else b""]
        self.handle.seek(start)
        self.left = end - start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        """The next bytes of the prefix, the file's range, then the suffix; 0 only once all are read."""
        while self.parts:
            part = self.parts[0]
            if part is None:
                data = self.handle.read(min(len(buffer), self.left))
                self.left -= len(data)
                if not self.left or not data:
                    self.parts.pop(0)
            else:
                data, self.parts[0] = part[: len(buffer)], part[len(buffer) :]
                if not self.parts[0]:
                    self.parts.pop(0)
            if data:
                buffer[: len(data)] = data
                return len(data)
        return 0

    def close(self) -> None:
        self.handle.close()
        super().close()


def shard_studies(shard: Shard) -> Iterator[Study]:
    """The studies of one shard, in file order."""
    if shard.files:
        for file in shard.files:
            with open(file, "rb") as stream:
                yield from studies_in_stream(stream, file)
        return
    size = Path(shard.path).stat().st_size
    with io.BufferedReader(_Slice(shard.path, shard.start, shard.end, size), 1 << 20) as stream:
        yield from studies_in_stream(stream, shard.describe())


def build_shard(shard: Shard, columns: dict[str, list[str]], folder: Path) -> dict[str, Any]:
    """One shard's tables under `folder`; its details (written beside them) hold its id counters and its
    studies' NCT ids, to number its rows after the shards before it and drop the studies they already read."""
    from clinical_mining.sources.ctgov import build_tables

    details = build_tables(shard_studies(shard), columns, folder, keep_nct_ids=True)
    with tempfile.NamedTemporaryFile("w", dir=folder, delete=False) as handle:
        json.dump(details, handle)
    Path(handle.name).replace(folder / "_details.json")
    return details


def start_helper(shard: Shard, columns: dict[str, list[str]], folder: Path) -> subprocess.Popen[bytes]:
    """A plain interpreter building one shard (a multiprocessing child would re-import the caller's main
    script, all of Dagster's CLI under `dagster asset materialize`); its stderr goes to a file."""
    folder.mkdir(parents=True, exist_ok=True)
    arguments = json.dumps({"shard": shard.__dict__, "columns": columns, "folder": str(folder)})
    (folder / "_arguments.json").write_text(arguments)
    with open(folder / "_stderr.txt", "wb") as errors:  # the child keeps its own handle
        return subprocess.Popen([sys.executable, "-m", __name__, str(folder / "_arguments.json")], stderr=errors)


def helper_result(process: subprocess.Popen[bytes], folder: Path) -> dict[str, Any] | None:
    """A helper's details, or None when it failed (the caller then reads the download in one pass)."""
    process.wait()
    done = folder / "_details.json"
    return json.loads(done.read_text()) if process.returncode == 0 and done.is_file() else None


def repeated_across(folders: list[Path]) -> list[str]:
    """The studies a shard repeats from the shards before it (dropped when the tables are read)."""
    seen: set[str] = set()
    repeated: list[str] = []
    for folder in folders:
        ids = json.loads((folder / "_details.json").read_text())["nct_ids"]
        repeated += sorted(seen.intersection(ids))
        seen.update(ids)
    return repeated


def combined(folders: list[Path], table: str, columns: list[str]) -> pl.LazyFrame:
    """One table over all shards: ids and foreign keys shifted by the earlier shards' rows, repeated studies
    (an NCT id an earlier shard read) dropped."""
    frames = []
    offsets: dict[str, int] = {}
    seen: set[str] = set()
    for folder in folders:
        shard = json.loads((folder / "_details.json").read_text())
        frame = pl.scan_parquet(folder / table / "*.parquet")
        shifts = [
            pl.col(column) + offsets.get(target or table, 0)
            for column, target in FOREIGN_KEYS.items()
            if column in columns and offsets.get(target or table, 0)
        ]
        repeated = seen.intersection(shard["nct_ids"])
        if repeated:
            frame = frame.filter(~pl.col("nct_id").is_in(sorted(repeated)))
        frames.append(frame.with_columns(shifts) if shifts else frame)
        seen.update(shard["nct_ids"])
        for name, count in shard["counters"].items():
            offsets[name] = offsets.get(name, 0) + count
    return pl.concat(frames, how="vertical")


def _main(arguments_file: str) -> None:
    arguments = json.loads(Path(arguments_file).read_text())
    shard = Shard(**{k: tuple(v) if k == "files" else v for k, v in arguments["shard"].items()})
    build_shard(shard, arguments["columns"], Path(arguments["folder"]))


if __name__ == "__main__":
    _main(sys.argv[1])
