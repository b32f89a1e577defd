"""ClinicalTrials.gov API v2 downloads made from real study records: the embedded sample, and big files for
benchmarks (real records varied: new NCT ids and titles, results kept for the registry's share of them).

    uv run python -m clinical_mining_tests.synthetic.ctgov ../shared/real/ctgov

rebuilds `clinical_mining/sample_data/ctgov/ctg-studies.json.zip` from the folder of real `NCT*.json` records.
"""

import argparse
import json
import random
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from clinical_mining.config import SAMPLE_DATA

SAMPLE = SAMPLE_DATA / "ctgov" / "ctg-studies.json.zip"
# Real studies of the sample: drug trials with statistical analyses (erectile dysfunction, cluster headache,
# atopic dermatitis, heart failure, ...), terminated and withdrawn studies, observational ones, records without
# results, and two of AACT's own test records that hold little more than an NCT id.
SAMPLE_STUDIES = (
    "NCT00106392",
    "NCT00301262",
    "NCT00329836",
    "NCT00422734",
    "NCT00465816",
    "NCT00544076",
    "NCT00631969",
    "NCT00655629",
    "NCT00734604",
    "NCT00738400",
    "NCT00833638",
    "NCT00836693",
    "NCT00848497",
    "NCT00867815",
    "NCT00904748",
    "NCT00931528",
    "NCT00955929",
    "NCT00973089",
    "NCT01037218",
    "NCT01037244",
    "NCT01063855",
    "NCT01122264",
    "NCT01150903",
    "NCT01254396",
    "NCT01298921",
    "NCT01352507",
    "NCT01401543",
    "NCT01406860",
    "NCT01419236",
    "NCT01715571",
    "NCT01768676",
    "NCT02210780",
    "NCT02381795",
    "NCT02397473",
    "NCT02495467",
    "NCT02584686",
    "NCT02619617",
    "NCT02713789",
    "NCT03418623",
    "NCT03453554",
    "NCT03475563",
    "NCT03500406",
    "NCT03630471",
    "NCT03670628",
    "NCT03917459",
    "NCT04207047",
    "NCT04326231",
    "NCT04984993",
    "NCT05551195",
    "NCT05594173",
    "NCT06171568",
)
RESULTS_SHARE = 0.14  # of registered studies, the share that posted results (ClinicalTrials.gov, 2021)


def read_studies(folder: Path, nct_ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """The `NCT*.json` records of a folder (those of `nct_ids` only, in that order, when given)."""
    files = [folder / f"{nct_id}.json" for nct_id in nct_ids] if nct_ids else sorted(folder.glob("NCT*.json"))
    return [json.loads(file.read_text(encoding="utf-8")) for file in files]


@contextmanager
def _download_stream(path: Path) -> Iterator[IO[str]]:
    """A text stream into `path`, or into `ctg-studies.json` inside it when `path` ends in `.zip`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".zip":
        with (
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
            archive.open("ctg-studies.json", "w", force_zip64=True) as member,
        ):
            text = _Utf8(member)
            yield text  # type: ignore[misc]
    else:
        with open(path, "w", encoding="utf-8") as handle:
            yield handle


class _Utf8:
    """The `write` of a text stream over a binary one (a zip member)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        return self.raw.write(text.encode("utf-8"))


def write_download(studies: Iterable[dict[str, Any] | str], path: Path) -> int:
    """Write studies (objects, or their JSON text) as ClinicalTrials.gov's search download does: one JSON array
    (`ctg-studies.json`, zipped when `path` ends in `.zip`). Returns how many were written."""
    count = 0
    with _download_stream(path) as stream:
        stream.write("[")
        for study in studies:
            stream.write(("," if count else "") + (study if isinstance(study, str) else json.dumps(study)))
            count += 1
        stream.write("]")
    return count


def varied_studies(
    real: list[dict[str, Any]], count: int, results_share: float = RESULTS_SHARE, seed: int = 7
) -> Iterator[str]:
    """`count` studies as JSON text, each a real record under a new NCT id (NCT9xxxxxxx) and a varied title; the
    results section is kept for `results_share` of them (taken from records that have one) and dropped from the
    others, so the mix of sizes is the registry's rather than that of a folder of results-heavy examples."""
    rng = random.Random(seed)
    with_results = [r for r in real if "resultsSection" in r]
    texts = {
        id(record): (
            json.dumps(record),
            json.dumps({key: value for key, value in record.items() if key not in ("resultsSection", "hasResults")}),
        )
        for record in real
    }
    for index in range(count):
        posted = bool(with_results) and rng.random() < results_share
        record = rng.choice(with_results) if posted else rng.choice(real)
        text = texts[id(record)][0 if posted else 1]
        identification = record.get("protocolSection", {}).get("identificationModule", {})
        nct_id = f"NCT9{index:07d}"
        text = text.replace(json.dumps(identification.get("nctId")), json.dumps(nct_id))
        title = identification.get("briefTitle")
        if isinstance(title, str):
            text = text.replace(json.dumps(title), json.dumps(f"{title} ({index % 97})"), 1)
        yield text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="folder of real NCT*.json records (shared/real/ctgov)")
    parser.add_argument("--out", type=Path, default=SAMPLE)
    args = parser.parse_args()
    written = write_download(read_studies(args.folder, SAMPLE_STUDIES), args.out)
    print(f"{written} studies written to {args.out} ({args.out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
