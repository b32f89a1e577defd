"""The same inputs in another row order give byte-identical evidence, final_df (its pair ids too), repurposing
candidates, stop reasons, the outcome evidence (result_group_arms, efficacy, trial_efficacy, trial_safety,
trial_roles) and the adverse-event signals: the database kind reads its larger tables in id ranges, whose rows
come back in no fixed order."""

import random
import shutil
from pathlib import Path

import polars as pl

from clinical_mining.config import PROJECT_ROOT
from clinical_mining_tests.conftest import run_config

SAMPLE = PROJECT_ROOT / "clinical_mining" / "sample_data"
COMPARED = (
    "evidence",
    "final_df",
    "repurposing_candidates",
    "stop_reasons",
    "efficacy",
    "trial_efficacy",
    "trial_safety",
    "result_group_arms",
    "trial_roles",
    "safety_signals",
)
# the per-trial assets hold one row per (study, drug) of the sample's studies with results (63 with an
# efficacy row, 52 with adverse events posted): fewer than the others
MINIMUM_ROWS = {"trial_efficacy": 60, "trial_safety": 50}


def _shuffle_lines(path: Path, rng: random.Random, header: bool) -> None:
    """Rows are split on line feeds only, as the readers split them: a stop reason holds a vertical tab, which
    `str.splitlines` would take for a line break."""
    lines = path.read_text().split("\n")
    lines = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    head, body = (lines[:1], lines[1:]) if header else ([], lines)
    rng.shuffle(body)
    path.write_text("".join(head + body))


def _shuffled_sample(folder: Path, seed: int) -> Path:
    """A copy of the embedded sample with the rows of every table, JSON-lines file and Parquet file shuffled."""
    rng = random.Random(seed)
    shutil.copytree(SAMPLE, folder)
    for table in sorted((folder / "aact").glob("*.txt")):
        _shuffle_lines(table, rng, header=True)
    _shuffle_lines(folder / "chembl" / "indications.jsonl", rng, header=False)
    for parquet in sorted(folder.rglob("*.parquet")):
        frame = pl.read_parquet(parquet)
        frame.sample(fraction=1.0, shuffle=True, seed=rng.randrange(2**31)).write_parquet(parquet)
    return folder


def _config(tmp_path: Path, sample: Path, name: str) -> Path:
    text = (PROJECT_ROOT / "config" / "clinical_mining.yaml").read_text()
    text = text.replace("../clinical_mining/sample_data", str(sample))
    text = text.replace("${CLINICAL_MINING_OUTPUT:-../data/output}", str(tmp_path / name))
    path = tmp_path / f"{name}.yaml"
    path.write_text(text)
    return path


def test_shuffled_inputs_give_byte_identical_outputs(tmp_path: Path) -> None:
    shuffled = _shuffled_sample(tmp_path / "shuffled_sample", seed=11)
    assert (shuffled / "aact" / "interventions.txt").read_text() != (SAMPLE / "aact" / "interventions.txt").read_text()
    for name, sample in (("plain", SAMPLE), ("shuffled", shuffled)):
        assert run_config(_config(tmp_path, sample, name)).success
    for asset in COMPARED:
        plain, mixed = (tmp_path / name / f"{asset}.parquet" for name in ("plain", "shuffled"))
        assert pl.read_parquet(plain).height > MINIMUM_ROWS.get(asset, 70)
        if plain.read_bytes() != mixed.read_bytes():  # name the first difference, not only that there is one
            a, b = pl.read_parquet(plain), pl.read_parquet(mixed)
            differing = [c for c in a.columns if not a[c].equals(b[c])]
            raise AssertionError(f"{asset}: columns differ after shuffling the inputs: {differing}")
