"""ChEMBL-shaped inputs for the sample and tests: drug-indication JSON lines and a curation export.

The drug-disease indications are real approvals and trials of the listed entities; reference ids are marked
as samples (`sample-...`) rather than made to look like real FDA or EMA document ids.
"""

import json
import random
from pathlib import Path

import polars as pl

from clinical_mining_tests.synthetic.aact import condition_labels, drug_labels
from clinical_mining_tests.synthetic.entities import DISEASES, DRUGS, VOCABULARY_ONLY_DISEASES

# (drug ChEMBL id, disease id, max phase): approved unless the phase says otherwise.
INDICATIONS: tuple[tuple[str, str, float], ...] = (
    ("CHEMBL1431", "MONDO_0005148", 4),
    ("CHEMBL941", "EFO_0000339", 4),
    ("CHEMBL1336", "EFO_0000182", 4),
    ("CHEMBL1201585", "EFO_0000305", 4),
    ("CHEMBL3137343", "EFO_0000756", 4),
    ("CHEMBL3137343", "EFO_0003060", 4),
    ("CHEMBL1289601", "EFO_0000182", 4),
    ("CHEMBL1487", "HP_0003124", 4),
    ("CHEMBL1487", "EFO_0001645", 4),
    ("CHEMBL192", "EFO_0004234", 4),
    ("CHEMBL502", "MONDO_0004975", 4),
    ("CHEMBL1009", "MONDO_0005180", 4),
    ("CHEMBL41", "MONDO_0002009", 4),
    ("CHEMBL809", "MONDO_0002009", 4),
    ("CHEMBL1229", "MONDO_0005812", 4),
    ("CHEMBL4065616", "MONDO_0100096", 4),
    ("CHEMBL1201580", "EFO_0000685", 4),
    ("CHEMBL1201580", "EFO_0000676", 4),
    ("CHEMBL1201580", "EFO_0000384", 4),
    ("CHEMBL1201581", "EFO_0000729", 4),
    ("CHEMBL34259", "EFO_0000685", 4),
    ("CHEMBL939", "EFO_0003060", 4),
    ("CHEMBL553", "EFO_0003060", 4),
    ("CHEMBL83", "EFO_0000305", 4),
    ("CHEMBL1201583", "MONDO_0005575", 4),
    ("CHEMBL1503", "EFO_0003948", 4),
    ("CHEMBL1237", "EFO_0000537", 4),
    ("CHEMBL1491", "EFO_0000537", 4),
    ("CHEMBL191", "EFO_0000537", 4),
    ("CHEMBL1069", "EFO_0003144", 4),
    ("CHEMBL2107830", "MONDO_0005148", 4),
    ("CHEMBL429910", "EFO_0003884", 4),
    ("CHEMBL2108724", "EFO_0001073", 4),
    ("CHEMBL1422", "MONDO_0005148", 4),
    ("CHEMBL1464", "EFO_0000275", 4),
    ("CHEMBL118", "EFO_0002506", 4),
    ("CHEMBL1535", "MONDO_0100096", 3),
    ("CHEMBL384467", "MONDO_0100096", 3),
    ("CHEMBL25", "EFO_0001645", 3),
    ("CHEMBL1201576", "EFO_0000685", 4),
    ("CHEMBL2108738", "EFO_0000756", 4),
    ("CHEMBL428647", "EFO_0000305", 4),
    ("CHEMBL1431", "EFO_0001073", 2),
    ("CHEMBL941", "EFO_0000764", 0.5),
    ("CHEMBL1535", "EFO_0000685", 4),
    ("CHEMBL1201576", "EFO_0000574", 4),  # rituximab for lymphoma: its trial in adult lymphoma is a refinement
)
REGULATORS = ("FDA", "EMA", "DailyMed")


def _ref(kind: str, ref_id: str, url: str) -> dict[str, str]:
    return {"ref_type": kind, "ref_id": ref_id, "ref_url": url}


def indication_records(trial_ids: list[str]) -> list[dict[str, object]]:
    """One record per indication, shaped like ChEMBL's export (and its `_metadata` variant)."""
    drugs = {drug.chembl_id: drug for drug in DRUGS}
    diseases = {disease.efo_id: disease for disease in DISEASES + VOCABULARY_ONLY_DISEASES}
    records: list[dict[str, object]] = []
    for number, (chembl_id, disease_id, phase) in enumerate(INDICATIONS):
        drug, disease = drugs[chembl_id], diseases[disease_id]
        trials = trial_ids[number * 2 % len(trial_ids) : number * 2 % len(trial_ids) + 2]
        refs = [
            _ref("ClinicalTrials", ",".join(trials), "https://clinicaltrials.gov/search?id=" + "%20OR%20".join(trials))
        ]
        if phase == 4:
            regulator = REGULATORS[number % 3]
            refs.append(_ref(regulator, f"sample-{regulator}-{drug.name.lower()}", f"https://example.org/{regulator}"))
        if number % 4 == 0:
            refs.append(
                _ref("INN", drug.name.lower(), "https://www.who.int/teams/health-product-and-policy-standards/inn")
            )
        record: dict[str, object] = {
            "drugind_id": 100_000 + number,
            "molecule_chembl_id": chembl_id,
            "parent_molecule_chembl_id": chembl_id,
            "efo_id": disease_id.replace("_", ":", 1),
            "efo_term": disease.name,
            "mesh_id": disease.mesh_id,
            "mesh_heading": disease.mesh_heading,
            # exports differ: a number in some, text in others, and unknown as null
            "max_phase_for_ind": f"{phase:.1f}" if number % 2 else phase,
            "indication_refs": refs,
        }
        if number % 5:  # older exports have no _metadata
            record["_metadata"] = {"all_molecule_chembl_ids": [chembl_id, *(salt for salt, _ in drug.salts)]}
        records.append(record)
    return records


# ChEMBL's drug_indication at the size of release 34: about 52 k rows over 13 k molecules and 3.7 k diseases, a
# fifth of them approvals (max_phase_for_ind 4), the rest in trials (phases weighted as in the release)
INDICATION_PHASES = ((4.0, 0.22), (3.0, 0.24), (2.0, 0.33), (1.0, 0.14), (0.5, 0.05), (-1.0, 0.02))


def scaled_indications(
    drugs: pl.DataFrame, diseases: pl.DataFrame, trial_ids: list[str], count: int, seed: int = 5
) -> list[dict[str, object]]:
    """`count` indication records over the molecules of `drugs` and the diseases of `diseases` (vocabularies'
    rows: id, name), spread as ChEMBL's are: a molecule has one indication or dozens (a few are tried for
    everything), a disease a few molecules or hundreds, a fifth of the rows approvals. Deterministic in `seed`."""
    rng = random.Random(seed)
    molecules = drugs.filter(pl.col("parentId").is_null())["id"].to_list()[: max(1, count // 4)]
    conditions = diseases.select("id", "name").rows()[: max(1, count // 14)]
    phases, weights = zip(*INDICATION_PHASES, strict=True)
    seen: set[tuple[str, str]] = set()
    records: list[dict[str, object]] = []
    while len(records) < count:
        # Pareto-skewed picks: the first molecules and diseases of the lists are the most frequent
        molecule = molecules[
            min(int(rng.paretovariate(1.2)) - 1, len(molecules) - 1)
            if rng.random() < 0.5
            else rng.randrange(len(molecules))
        ]
        disease_id, disease_name = conditions[
            min(int(rng.paretovariate(1.1)) - 1, len(conditions) - 1)
            if rng.random() < 0.5
            else rng.randrange(len(conditions))
        ]
        if (molecule, disease_id) in seen:
            continue
        seen.add((molecule, disease_id))
        phase = rng.choices(phases, weights)[0]
        trials = [trial_ids[rng.randrange(len(trial_ids))] for _ in range(rng.randint(0, 2))]
        refs = (
            [
                _ref(
                    "ClinicalTrials",
                    ",".join(trials),
                    "https://clinicaltrials.gov/search?id=" + "%20OR%20".join(trials),
                )
            ]
            if trials
            else []
        )
        if phase == 4:
            regulator = rng.choice(REGULATORS)
            refs.append(_ref(regulator, f"sample-{regulator}-{molecule.lower()}", f"https://example.org/{regulator}"))
        records.append(
            {
                "drugind_id": 200_000 + len(records),
                "molecule_chembl_id": molecule,
                "parent_molecule_chembl_id": molecule,
                "efo_id": disease_id.replace("_", ":", 1),
                "efo_term": disease_name,
                "mesh_id": None,
                "mesh_heading": None,
                "max_phase_for_ind": phase,
                "indication_refs": refs,
            }
        )
    return records


def write_indications(records: list[dict[str, object]], path: Path) -> None:
    path.write_text("".join(json.dumps(record) + "\n" for record in records))


def curation_export(tables: dict[str, pl.DataFrame], every: int = 3) -> pl.DataFrame:
    """ChEMBL-style curation of every `every`-th study: its labels with their true ids, plus sentinel rows."""
    drugs = drug_labels().select("name", "chembl_id").unique("name")
    conditions = condition_labels().select("name", "efo_id").unique("name")
    studies = tables["studies"].select("nct_id").gather_every(every)
    curated_drugs = tables["interventions"].join(studies, on="nct_id").join(drugs, on="name", how="left")
    curated_conditions = tables["conditions"].join(studies, on="nct_id").join(conditions, on="name", how="left")
    return (
        curated_drugs.select("nct_id", drug_name="name", drug_id=pl.coalesce("chembl_id", pl.lit("-NOT-DRUG-")))
        .join(
            curated_conditions.select(
                "nct_id",
                disease_name="name",
                disease_id=pl.coalesce(pl.col("efo_id").str.replace("_", ":"), pl.lit("-NOT-CONDITION-")),
            ),
            on="nct_id",
        )
        .select(
            studyId="nct_id",
            drug_id="drug_id",
            disease_id="disease_id",
            drug_name="drug_name",
            disease_name="disease_name",
        )
        .unique(maintain_order=True)
    )


# Drug warnings of the listed entities in the shape of ChEMBL's export: black-box warnings of the FDA label
# (anticoagulant bleeding, NSAID cardiovascular risk, antidepressant suicidality, metformin lactic acidosis, the
# last given on the salt as ChEMBL records it) and a withdrawal of a drug absent from the vocabularies
# (rofecoxib, CHEMBL122, withdrawn in 2004), which must be counted and not lost. Classes, countries and years are
# illustrative; refs are marked as samples.
WARNINGS: tuple[tuple[int, str, str | None, str, str, str, str | None], ...] = (
    (1, "CHEMBL1464", "CHEMBL1464", "Black Box Warning", "hematological toxicity", "United States", "2006"),
    (2, "CHEMBL118", "CHEMBL118", "Black Box Warning", "cardiotoxicity", "United States", "2005"),
    (3, "CHEMBL41", "CHEMBL41", "Black Box Warning", "psychiatric toxicity", "United States", "2004"),
    (4, "CHEMBL1703", None, "Black Box Warning", "metabolic toxicity", "United States", None),
    (5, "CHEMBL122", "CHEMBL122", "Withdrawn", "cardiotoxicity", "United States; European Union;Japan", "2004"),
)


def warning_records() -> list[dict[str, object]]:
    return [
        {
            "warning_id": warning_id,
            "molecule_chembl_id": molecule,
            "parent_molecule_chembl_id": parent,
            "warning_type": kind,
            "warning_class": warning_class,
            "warning_description": None,
            "warning_country": countries,
            "warning_year": int(year) if year and warning_id % 2 else year,  # a number in some exports, text in others
            "warning_refs": [{"ref_type": "Other", "ref_id": f"sample-warning-{warning_id}", "ref_url": None}],
        }
        for warning_id, molecule, parent, kind, warning_class, countries, year in WARNINGS
    ]
