"""Benchmark: stop-reason classes and groups on the hand-labelled texts, and the speed of the rules.

    uv run python benchmarks/stop_reasons.py

Reports precision and recall per group and per class on `LABELLED` (the texts the rules were tuned on) and on
`HELD_OUT` (written after the rules were frozen), then the time to classify `--texts` stop reasons (about the
registry's count of stopped studies with a reason), half of them distinct as in the registry. A Negative or
Safety group below 0.9 precision on either set exits non-zero: those groups are read as evidence against a drug.
"""

import argparse
import sys
import time

import polars as pl

from clinical_mining.steps.stop_reasons import CLASS_GROUPS, CLASSES, GROUPS, classify
from clinical_mining.synthetic.stop_reasons import HELD_OUT, LABELLED

GUARDED_GROUPS = ("Negative", "Safety")
MIN_PRECISION = 0.9


def truth_group(labels: tuple[str, ...]) -> str:
    """The group a text's true classes give, by the same order of precedence as the rules'."""
    groups = {CLASS_GROUPS[label] for label in labels}
    return next(group for group in GROUPS if group in groups)


def scores(labelled: tuple[tuple[str, tuple[str, ...]], ...]) -> pl.DataFrame:
    """(level, name, support, precision, recall) per group and per class."""
    predicted = classify(pl.Series([text for text, _ in labelled], dtype=pl.String))
    frame = pl.DataFrame(
        {
            "truth": [list(labels) for _, labels in labelled],
            "truth_group": [truth_group(labels) for _, labels in labelled],
        }
    ).hstack(predicted)
    rows = []
    levels = (
        ("group", GROUPS, lambda n: pl.col("truth_group") == n, lambda n: pl.col("stop_group") == n),
        (
            "class",
            CLASSES,
            lambda n: pl.col("truth").list.contains(n),
            lambda n: pl.col("stop_categories").list.contains(n),
        ),
    )
    for level, names, has_truth, has_prediction in levels:
        for name in names:
            counts = frame.select(
                tp=(has_truth(name) & has_prediction(name).fill_null(False)).sum(),
                predicted=has_prediction(name).fill_null(False).sum(),
                support=has_truth(name).sum(),
            ).row(0, named=True)
            rows.append(
                {
                    "level": level,
                    "name": name,
                    "support": counts["support"],
                    "precision": counts["tp"] / counts["predicted"] if counts["predicted"] else None,
                    "recall": counts["tp"] / counts["support"] if counts["support"] else None,
                }
            )
    return pl.DataFrame(rows)


def speed(texts: int) -> float:
    """Seconds to classify `texts` reasons drawn from both sets, each made distinct in half the rows."""
    pool = [text for text, _ in LABELLED + HELD_OUT]
    series = pl.Series([pool[i % len(pool)] + (f" (site {i})" if i % 2 else "") for i in range(texts)])
    start = time.perf_counter()
    classify(series)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=60_000)
    args = parser.parse_args()
    failed = []
    with pl.Config(tbl_rows=40, tbl_hide_dataframe_shape=True, float_precision=3):
        for name, labelled in (("LABELLED (tuned on)", LABELLED), ("HELD_OUT (measured once)", HELD_OUT)):
            table = scores(labelled)
            print(f"\n{name}: {len(labelled)} texts")
            print(table)
            for row in table.filter(pl.col("level") == "group", pl.col("name").is_in(GUARDED_GROUPS)).iter_rows(
                named=True
            ):
                if row["precision"] is not None and row["precision"] < MIN_PRECISION:
                    failed.append(f"{name}: {row['name']} precision {row['precision']:.3f} < {MIN_PRECISION}")
    seconds = speed(args.texts)
    print(f"\nclassify {args.texts:,} texts: {seconds:.2f} s")
    if failed:
        sys.exit("; ".join(failed))


if __name__ == "__main__":
    main()
