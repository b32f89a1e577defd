"""Benchmark: mapping quality on labelled noisy labels, against a plain lookup, and mapping speed.

    uv run python benchmarks/mapping.py

Generates vocabularies (15 k drugs with salts, synonyms and trade names, some trade names shared by two
molecules; 30 k diseases with exact synonyms, some with accented names) and evidence labels whose truth is
known: case and punctuation noise, doses and forms, salts, trade names, parenthetical codes, inverted headings,
combinations, generic labels that must stay unmapped, and entities absent from the vocabularies; and the
families registries write that plain lookups miss (issue #20): a dose level or regimen around the drug, shared
trade names that the study's other names or other drugs settle (or do not), qualifiers after the disease or one
word before it, abbreviations the study's own title spells out (and bare ones it does not), and text with
control characters, escaped accents and markdown escapes. Reports precision and recall per side for
`map_evidence` and for the baseline (lower-cased alphanumeric label looked up on names and synonyms, first id
taken), precision and recall per family and overall at pair level (a row's drug ids and disease id both right),
then times one million rows. Exits non-zero when overall pair precision is below 0.99 or recall below 0.95.

To time older code on the same rows, in turns with the current code (the generator is always this file's):

    git worktree add /tmp/before <commit> --detach
    PYTHONPATH=/tmp/before uv run python benchmarks/mapping.py --speed-only --no-context --repeat 3
    uv run python benchmarks/mapping.py --speed-only --no-context --repeat 3

`--no-context` leaves out the studies' titles and other names, which code before the mapping families does not
take.
"""

import argparse
import random
import sys
import time
from collections.abc import Callable

import polars as pl

from clinical_mining.sources.vocabularies import DISEASE_SCHEMA, DRUG_SCHEMA
from clinical_mining.steps.mapping.evidence import map_evidence
from clinical_mining.steps.mapping.labels import GENERIC_DRUG_LABELS, normalise
from clinical_mining.steps.mapping.lookups import disease_lookup, drug_lookup

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


# generated diseases' ids start here, above every real EFO id the sample's vocabulary holds, so that the two can be
# read as one vocabulary (run_all.py) without an id on two rows
GENERATED_DISEASE_IDS = 9_000_000


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
    # one trade name in 30 is also another molecule's (a brand reused across markets or a fixed combination)
    parents = [row for row in drug_rows if row["parentId"] is None]
    for first, second in zip(parents[::60], parents[1::60], strict=False):
        shared = _unique(rng, labels, lambda: _word(rng, 3).capitalize() + "ar")
        first["tradeNames"].append(shared)
        second["tradeNames"].append(shared)
    disease_rows, seen = [], set()
    while len(disease_rows) < diseases:
        words = [rng.choice(QUALIFIERS)] if rng.random() < 0.4 else []
        words += [
            rng.choice(ORGANS),
            _word(rng, 2) if rng.random() < 0.7 else rng.choice(ORGANS),
            rng.choice(CONDITIONS),
        ]
        if rng.random() < 0.03 and "o" in words[-2]:  # an accented name, which exports escape
            words[-2] = words[-2].replace("o", "ö", 1)
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
                "id": f"EFO_{GENERATED_DISEASE_IDS + len(disease_rows):07d}",
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


REGIMENS = ("High-dose {}", "Low Dose {}", "Standard Dose {}", "escalating doses of {}", "{} loading dose")
QUALIFIED = ("{}, Adult", "{} in Pregnancy", "{} - Moderate", "Acute {}", "Chronic {}", "{} of the Elderly")
ESCAPES = {"ö": ("\\u00f6", "\x00f6")}


def _noisy_text(rng: random.Random, label: str) -> str:
    """The label as exports damage it: control characters around it, an escaped mark, an escaped accent."""
    for letter, escapes in ESCAPES.items():
        label = label.replace(letter, rng.choice(escapes))
    return rng.choice(["\t{}\r\n", "{}\x00", "\x0b{}", "{} \\(disorder\\)", "{}"]).format(label)


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split()).upper()


class Labelled:
    """Evidence rows with their truth and family, the studies' titles, and the interventions' other names."""

    def __init__(self) -> None:
        self.rows: list[dict] = []
        self.titles: dict[str, str] = {}
        self.other_names: list[dict] = []

    def add(self, study: str, drug: str, disease: str, truth: tuple[list[str], str | None], families: tuple[str, str]):
        row = len(self.rows)
        self.rows.append(
            {
                "row": row,
                "studyId": study,
                "intervention_id": row,
                "source": "AACT",
                "drug_name": drug,
                "disease_name": disease,
                "truth_drug": truth[0],
                "truth_disease": truth[1],
                "drug_family": families[0],
                "disease_family": families[1],
            }
        )
        return row


def _disease(rng: random.Random, diseases: list[dict], names: set[str], study: str, labelled: Labelled):
    """A disease label, its truth and family, and the study's title where the family needs one."""
    kind = rng.random()
    if kind < 0.06:
        return f"{_word(rng, 3)} {rng.choice(CONDITIONS)} type {rng.randint(1, 9)}", None, "noise"
    disease = rng.choice(diseases)
    name = disease["name"]
    if kind < 0.16 and name.split()[0] not in QUALIFIERS:
        label = rng.choice(QUALIFIED).format(name.title())
        if not ({f"acute {name}", f"chronic {name}"} & names):  # the vocabulary lacks the qualified disease
            return label, disease["id"], "qualifier"
    if 0.16 <= kind < 0.24:
        abbreviation = _initials(name)
        if rng.random() < 0.75:
            labelled.titles[study] = f"A Phase 2 Trial in Patients With {name.title()} ({abbreviation})"
            return abbreviation, disease["id"], "abbreviation"
        return abbreviation, None, "abbreviation"  # bare: nothing in the study says what it stands for
    if 0.24 <= kind < 0.30:
        return _noisy_text(rng, name.title()), disease["id"], "text_noise"
    return _disease_label(rng, disease), disease["id"], "noise"


def labelled_evidence(
    rng: random.Random, drugs: pl.DataFrame, diseases: pl.DataFrame, rows: int
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    parents = [d for d in drugs.to_dicts() if d["parentId"] is None]
    salts = {d["parentId"]: d["name"] for d in drugs.to_dicts() if d["parentId"]}
    shared: dict[str, list[dict]] = {}
    for drug in parents:
        for trade in drug["tradeNames"][1:]:
            shared.setdefault(trade, []).append(drug)
    shared_names = sorted(shared)
    disease_list = diseases.to_dicts()
    names = set(diseases["name"])
    labelled = Labelled()
    for index in range(rows):
        study = f"S{index}"
        disease_label, disease_truth, disease_family = _disease(rng, disease_list, names, study, labelled)
        kind = rng.random()
        family, extra = "noise", None
        if kind < 0.06:
            label, truth = rng.choice(GENERIC_DRUG_LABELS).title(), []
        elif kind < 0.10:
            label, truth = _word(rng, 3).title() + "zumab-X", []
        elif kind < 0.15:
            first, second = rng.sample(parents, 2)
            label = f"{first['name'].title()} {rng.choice(['+', '/', 'and'])} {second['name'].title()}"
            truth = sorted([first["id"], second["id"]])
        elif kind < 0.25:
            drug = rng.choice(parents)
            label, truth, family = rng.choice(REGIMENS).format(drug["name"].title()), [drug["id"]], "regimen"
        elif kind < 0.33:
            trade = rng.choice(shared_names)
            drug = rng.choice(shared[trade])
            label, family, context = trade, "shared_trade_name", rng.random()
            if context < 0.4:  # the intervention's other names give the molecule
                truth = [drug["id"]]
                labelled.other_names.append({"intervention_id": len(labelled.rows), "name": drug["name"].title()})
            elif context < 0.75:  # the study's other intervention is one of the two
                truth, extra = [drug["id"]], drug
            else:  # nothing says which: a curator could not tell either
                truth = []
        elif kind < 0.38:
            drug = rng.choice(parents)
            label, truth, family = _noisy_text(rng, drug["name"].title()), [drug["id"]], "text_noise"
        else:
            drug = rng.choice(parents)
            label, truth = _drug_label(rng, drug, salts.get(drug["id"])), [drug["id"]]
        labelled.add(study, label, disease_label, (truth, disease_truth), (family, disease_family))
        if extra is not None:
            labelled.add(
                study, extra["name"].lower(), disease_label, ([extra["id"]], disease_truth), ("noise", disease_family)
            )
    evidence = pl.DataFrame(labelled.rows)
    studies = pl.DataFrame(
        {"nct_id": evidence["studyId"].unique(maintain_order=True)}, schema={"nct_id": pl.String}
    ).with_columns(brief_title=pl.col("nct_id").replace_strict(labelled.titles, default=None, return_dtype=pl.String))
    other_names = pl.DataFrame(labelled.other_names, schema={"intervention_id": pl.Int64, "name": pl.String})
    return evidence, studies, other_names


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


def pair_scores(mapped: pl.DataFrame, evidence: pl.DataFrame) -> pl.DataFrame:
    """Per family and overall: rows, precision and recall at pair level. A row's prediction is its drug ids
    (several for a combination) and its disease id; it is made when both sides have one, right when both equal
    the truth. Rows whose truth is "cannot tell" on a side count only against precision."""
    predicted = mapped.group_by("row").agg(
        drugs=pl.col("drug_id").drop_nulls().unique().sort(), disease=pl.col("disease_id").drop_nulls().unique()
    )
    rows = evidence.join(predicted, on="row", how="left").with_columns(
        made=(pl.col("drugs").list.len() > 0) & (pl.col("disease").list.len() == 1),
        knowable=(pl.col("truth_drug").list.len() > 0) & pl.col("truth_disease").is_not_null(),
    )
    rows = rows.with_columns(
        right=pl.col("made")
        & (pl.col("drugs") == pl.col("truth_drug"))
        & (pl.col("disease").list.first() == pl.col("truth_disease")).fill_null(False)
    )
    tagged = pl.concat(
        [
            rows.with_columns(family=pl.lit("overall")),
            rows.filter(pl.col("drug_family") != "noise").with_columns(family=pl.col("drug_family")),
            rows.filter(pl.col("disease_family") != "noise").with_columns(family=pl.col("disease_family")),
            rows.filter((pl.col("drug_family") == "noise") & (pl.col("disease_family") == "noise")).with_columns(
                family=pl.lit("noise (both sides)")
            ),
        ]
    )
    return (
        tagged.group_by("family")
        .agg(
            rows=pl.len(),
            precision=pl.col("right").sum() / pl.col("made").sum(),
            recall=(pl.col("right") & pl.col("knowable")).sum() / pl.col("knowable").sum(),
        )
        .sort(pl.col("family") == "overall", "family")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--drugs", type=int, default=15_000)
    parser.add_argument("--diseases", type=int, default=30_000)
    parser.add_argument("--labelled", type=int, default=50_000)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=1, help="times to map the rows; each time is printed")
    parser.add_argument("--speed-only", action="store_true", help="time the rows without scoring the labels")
    parser.add_argument("--no-context", action="store_true", help="map without the studies' titles and other names")
    args = parser.parse_args()
    rng = random.Random(5)
    drugs, diseases = vocabularies(rng, args.drugs, args.diseases)
    evidence, studies, other_names = labelled_evidence(rng, drugs, diseases, args.labelled)
    truth = evidence.select(
        "row", pl.col("truth_drug").alias("truth_drug"), truth_disease=pl.concat_list("truth_disease").list.drop_nulls()
    )
    lookups = drug_lookup(drugs), disease_lookup(diseases)
    inputs = evidence.drop("truth_drug", "truth_disease", "drug_family", "disease_family")
    context = {} if args.no_context else {"intervention_other_names": other_names, "studies": studies}
    print(f"map_evidence from {map_evidence.__module__} in {sys.modules[map_evidence.__module__].__file__}")
    if not args.speed_only:
        score(inputs, evidence, truth, lookups, context, drugs, diseases)
    big = inputs.sample(args.rows, with_replacement=True, seed=1).with_columns(row=pl.int_range(pl.len()))
    for _ in range(args.repeat):
        started = time.perf_counter()
        mapped = map_evidence(big, *lookups, **context)
        print(
            f"map_evidence on {big.height:,} rows ({big['drug_name'].n_unique():,} drug and "
            f"{big['disease_name'].n_unique():,} disease labels, {big['studyId'].n_unique():,} studies"
            f"{'' if args.no_context else ', with their titles and other names'}): "
            f"{time.perf_counter() - started:.2f} s, {mapped.height:,} rows out"
        )


def score(
    inputs: pl.DataFrame,
    evidence: pl.DataFrame,
    truth: pl.DataFrame,
    lookups: tuple[pl.DataFrame, pl.DataFrame],
    context: dict[str, pl.DataFrame],
    drugs: pl.DataFrame,
    diseases: pl.DataFrame,
) -> None:
    """Prints precision and recall per side and per family at pair level; exits non-zero below 0.99 / 0.95."""
    mapped = map_evidence(inputs, *lookups, **context)
    print(f"{'method':<12}{'drug P':>8}{'drug R':>8}{'disease P':>11}{'disease R':>11}")
    for method, result in (("map_evidence", mapped), ("baseline", baseline(inputs, drugs, diseases))):
        drug_p, drug_r = _scores(_predicted(result, truth, "drug"), "drug")
        disease_p, disease_r = _scores(_predicted(result, truth, "disease"), "disease")
        print(f"{method:<12}{drug_p:>8.3f}{drug_r:>8.3f}{disease_p:>11.3f}{disease_r:>11.3f}")
    scores = pair_scores(mapped, evidence)
    print(f"\n{'pairs: family':<24}{'rows':>8}{'precision':>11}{'recall':>8}")
    for family, count, precision, recall in scores.iter_rows():
        print(f"{family:<24}{count:>8}{precision:>11.3f}{recall:>8.3f}")
    print()
    _, _, overall_precision, overall_recall = scores.row(-1)
    if overall_precision < 0.99 or overall_recall < 0.95:
        sys.exit(f"pair precision {overall_precision:.3f} / recall {overall_recall:.3f}: below 0.99 / 0.95")


if __name__ == "__main__":
    main()
