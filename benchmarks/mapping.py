"""Benchmark: mapping quality on labelled noisy labels, against a plain lookup, and mapping speed.

    uv run python benchmarks/mapping.py

Generates vocabularies (15 k drugs with salts, synonyms and trade names; 30 k diseases with exact synonyms)
and evidence labels whose truth is known: case and punctuation noise, doses and forms, salts, trade names,
parenthetical codes, inverted headings, combinations, generic labels that must stay unmapped, and entities
absent from the vocabularies. Reports precision and recall per side for `map_evidence` and for the baseline
(lower-cased alphanumeric label looked up on names and synonyms, first id taken), then times one million rows.
"""

import argparse
import random
import time
from collections.abc import Callable

import polars as pl

from clinical_mining.sources.vocabularies import DISEASE_SCHEMA, DRUG_SCHEMA
from clinical_mining.steps.mapping import GENERIC_DRUG_LABELS, disease_lookup, drug_lookup, map_evidence, normalise

SYLLABLES = [
    "ka",
    "ro",
    "mi",
    "ta",
    "zen",
    "lo",
    "vir",
    "pra",
    "tol",
    "mab",
    "nib",
    "sta",
    "fen",
    "dro",
    "xi",
    "cor",
    "lu",
    "ne",
    "ga",
    "pel",
    "quin",
    "sar",
    "tan",
    "ox",
    "bra",
    "del",
    "mus",
    "fi",
    "gli",
    "ped",
]
STEMS = ["mab", "nib", "vir", "pril", "sartan", "statin", "olol", "azole", "mycin", "parin", "tide", "gliptin"]
SALTS = ["hydrochloride", "sodium", "mesylate", "citrate", "phosphate", "maleate"]
FORMS = ["tablet", "tablets", "capsule", "injection", "oral solution", "film-coated tablet", "infusion"]
ORGANS = [
    "hepatic",
    "renal",
    "pulmonary",
    "cardiac",
    "gastric",
    "cerebral",
    "ocular",
    "dermal",
    "ovarian",
    "prostatic",
    "pancreatic",
    "thyroid",
    "splenic",
    "vascular",
    "muscular",
    "neural",
    "osseous",
    "biliary",
]
QUALIFIERS = ["chronic", "acute", "familial", "juvenile", "recurrent", "idiopathic", "congenital", "secondary"]
CONDITIONS = [
    "carcinoma",
    "fibrosis",
    "insufficiency",
    "sclerosis",
    "dystrophy",
    "adenoma",
    "neuropathy",
    "inflammation",
    "stenosis",
    "hyperplasia",
    "lymphoma",
    "sarcoma",
    "syndrome",
    "disorder",
    "atrophy",
]


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


def _unique(rng: random.Random, seen: set[str], make: Callable[[], str]) -> str:
    """A label not used before: real vocabularies rarely give one label to two entities (the 1% that share
    one are made on purpose, to measure how ambiguity is handled)."""
    while (label := make()).lower() in seen and rng.random() > 0.01:
        pass
    seen.add(label.lower())
    return label


def vocabularies(rng: random.Random, drugs: int, diseases: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    drug_rows, seen, labels = [], set(), set()
    while len(drug_rows) < drugs:
        name = (_word(rng, rng.randint(1, 3)) + rng.choice(STEMS)).upper()
        if name in seen:
            continue
        seen.add(name)
        labels.add(name.lower())
        chembl = f"CHEMBL{100000 + len(drug_rows)}"
        code = _unique(rng, labels, lambda: f"{_word(rng, 1).upper()}-{rng.randint(100, 99999)}")
        trade = _unique(rng, labels, lambda: _word(rng, rng.randint(2, 3)).capitalize() + rng.choice(["", "ex", "on"]))
        salt = f"{chembl}1" if rng.random() < 0.3 else None
        drug_rows.append(
            {
                "id": chembl,
                "name": name,
                "synonyms": [name.title(), code],
                "tradeNames": [trade],
                "parentId": None,
                "childChemblIds": [salt] if salt else [],
            }
        )
        if salt:
            salt_name = f"{name} {rng.choice(SALTS).upper()}"
            drug_rows.append(
                {
                    "id": salt,
                    "name": salt_name,
                    "synonyms": [],
                    "tradeNames": [],
                    "parentId": chembl,
                    "childChemblIds": [],
                }
            )
    disease_rows, seen = [], set()
    while len(disease_rows) < diseases:
        words = [rng.choice(QUALIFIERS)] if rng.random() < 0.4 else []
        words += [
            rng.choice(ORGANS),
            _word(rng, 2) if rng.random() < 0.7 else rng.choice(ORGANS),
            rng.choice(CONDITIONS),
        ]
        name = " ".join(words)
        if name in seen:
            continue
        seen.add(name)
        synonym = _unique(rng, seen, lambda: f"{_word(rng, 3)} {rng.choice(CONDITIONS)}")
        # a hierarchy as the Open Targets index gives one: most diseases under an earlier one, in 1-2 of 20 areas
        parent = disease_rows[rng.randrange(len(disease_rows))] if disease_rows and rng.random() < 0.6 else None
        areas = parent["therapeuticAreas"] if parent else sorted({f"OTAR_9{rng.randrange(20):06d}" for _ in "ab"})
        disease_rows.append(
            {
                "id": f"EFO_{len(disease_rows):07d}",
                "name": name,
                "synonyms": {
                    "hasExactSynonym": [synonym],
                    "hasRelatedSynonym": [rng.choice(CONDITIONS)],
                    "hasNarrowSynonym": [],
                    "hasBroadSynonym": [],
                },
                "dbXRefs": [],
                "parents": [parent["id"]] if parent else [],
                "ancestors": sorted({parent["id"], *parent["ancestors"]} if parent else set(areas)),
                "therapeuticAreas": areas,
            }
        )
    return pl.DataFrame(drug_rows, schema=DRUG_SCHEMA), pl.DataFrame(disease_rows, schema=DISEASE_SCHEMA)


def _drug_label(rng: random.Random, drug: dict, salt: str | None) -> str:
    name = drug["name"]
    variants = [
        name.lower(),
        name.title(),
        f"{name.title()} {rng.choice([5, 10, 20, 50, 100, 250])} mg {rng.choice(FORMS)}",
        f"{name.title()} {rng.choice(SALTS)}",
        drug["tradeNames"][0],
        f"{drug['tradeNames'][0]}®",
        f"{name.title()} ({drug['synonyms'][1]})",
        f"{name.lower()}, {rng.choice(FORMS)}",
        drug["synonyms"][1],
    ]
    if salt:
        variants.append(salt.title())
    return rng.choice(variants)


def _disease_label(rng: random.Random, disease: dict) -> str:
    name = disease["name"]
    words = name.split()
    inverted = f"{words[-1].capitalize()}, {' '.join(words[:-1]).title()}"
    synonym = disease["synonyms"]["hasExactSynonym"][0]
    qualifier = rng.choice(["Advanced", "Metastatic", "Relapsed", "Refractory", "Severe", "Stage III", "Recurrent"])
    return rng.choice(
        [
            name,
            name.title(),
            name.upper(),
            inverted,
            synonym,
            f"{name}.",
            f"{name.title()} (disorder)",
            f"{qualifier} {name.title()}",
            f"{name} in adults",
        ]
    )


def labelled_evidence(rng: random.Random, drugs: pl.DataFrame, diseases: pl.DataFrame, rows: int) -> pl.DataFrame:
    parents = [d for d in drugs.to_dicts() if d["parentId"] is None]
    salts = {d["parentId"]: d["name"] for d in drugs.to_dicts() if d["parentId"]}
    disease_list = diseases.to_dicts()
    records = []
    for row in range(rows):
        kind = rng.random()
        if kind < 0.08:
            label, truth = rng.choice(GENERIC_DRUG_LABELS).title(), []
        elif kind < 0.14:
            label, truth = _word(rng, 3).title() + "zumab-X", []
        elif kind < 0.20:
            first, second = rng.sample(parents, 2)
            label = f"{first['name'].title()} {rng.choice(['+', '/', 'and'])} {second['name'].title()}"
            truth = sorted([first["id"], second["id"]])
        else:
            drug = rng.choice(parents)
            label, truth = _drug_label(rng, drug, salts.get(drug["id"])), [drug["id"]]
        if rng.random() < 0.08:
            disease_label, disease_truth = f"{_word(rng, 3)} {rng.choice(CONDITIONS)} type {rng.randint(1, 9)}", None
        else:
            disease = rng.choice(disease_list)
            disease_label, disease_truth = _disease_label(rng, disease), disease["id"]
        records.append(
            {
                "row": row,
                "studyId": f"S{row}",
                "drug_name": label,
                "disease_name": disease_label,
                "truth_drug": truth,
                "truth_disease": disease_truth,
            }
        )
    return pl.DataFrame(records)


def _scores(predicted: pl.DataFrame, side: str) -> tuple[float, float]:
    """Precision and recall of predicted ids per original row against the truth."""
    truth = pl.col(f"truth_{side}")
    made = predicted.filter(pl.col("predicted").list.len() > 0)
    correct = made.filter(pl.col("predicted") == truth)
    labelled = predicted.filter(truth.list.len() > 0)
    return correct.height / max(made.height, 1), labelled.filter(pl.col("predicted") == truth).height / max(
        labelled.height, 1
    )


def _predicted(mapped: pl.DataFrame, truth: pl.DataFrame, side: str) -> pl.DataFrame:
    ids = mapped.group_by("row").agg(pl.col(f"{side}_id").drop_nulls().unique().sort().alias("predicted"))
    return truth.join(ids, on="row", how="left").with_columns(pl.col("predicted").fill_null([]))


def baseline(evidence: pl.DataFrame, drugs: pl.DataFrame, diseases: pl.DataFrame) -> pl.DataFrame:
    """The plain lookup: lower-cased alphanumeric label against names and synonyms, first id taken."""
    drug_labels = drugs.select("id", label=pl.concat_list(pl.col("name"), "synonyms", "tradeNames")).explode("label")
    disease_labels = diseases.select(
        "id", label=pl.concat_list(pl.col("name"), pl.col("synonyms").struct["hasExactSynonym"])
    ).explode("label")
    plain = {
        side: table.select(key=normalise(pl.col("label")), id="id").unique("key", keep="first")
        for side, table in (("drug", drug_labels), ("disease", disease_labels))
    }
    return evidence.with_columns(
        drug_id=normalise(pl.col("drug_name")).replace_strict(plain["drug"]["key"], plain["drug"]["id"], default=None),
        disease_id=normalise(pl.col("disease_name")).replace_strict(
            plain["disease"]["key"], plain["disease"]["id"], default=None
        ),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--drugs", type=int, default=15_000)
    parser.add_argument("--diseases", type=int, default=30_000)
    parser.add_argument("--labelled", type=int, default=50_000)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    rng = random.Random(5)
    drugs, diseases = vocabularies(rng, args.drugs, args.diseases)
    evidence = labelled_evidence(rng, drugs, diseases, args.labelled)
    truth = evidence.select(
        "row", pl.col("truth_drug").alias("truth_drug"), truth_disease=pl.concat_list("truth_disease").list.drop_nulls()
    )
    lookups = drug_lookup(drugs), disease_lookup(diseases)
    inputs = evidence.drop("truth_drug", "truth_disease")
    print(f"{'method':<12}{'drug P':>8}{'drug R':>8}{'disease P':>11}{'disease R':>11}")
    for method, mapped in (
        ("map_evidence", map_evidence(inputs, *lookups)),
        ("baseline", baseline(inputs, drugs, diseases)),
    ):
        drug_p, drug_r = _scores(_predicted(mapped, truth, "drug"), "drug")
        disease_p, disease_r = _scores(_predicted(mapped, truth, "disease"), "disease")
        print(f"{method:<12}{drug_p:>8.3f}{drug_r:>8.3f}{disease_p:>11.3f}{disease_r:>11.3f}")

    big = inputs.sample(args.rows, with_replacement=True, seed=1).with_columns(
        row=pl.int_range(pl.len()), studyId=pl.format("S{}", pl.int_range(pl.len()) % 300_000)
    )
    started = time.perf_counter()
    mapped = map_evidence(big, *lookups)
    print(
        f"map_evidence on {big.height:,} rows ({big['drug_name'].n_unique():,} drug and "
        f"{big['disease_name'].n_unique():,} disease labels): {time.perf_counter() - started:.1f} s, "
        f"{mapped.height:,} rows out"
    )


if __name__ == "__main__":
    main()
