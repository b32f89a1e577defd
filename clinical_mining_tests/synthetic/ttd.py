"""Files in the layout of TTD's drug-disease file (`P1-05-Drug_disease.txt`), for the sample, the tests and the
benchmark: the header block between lines of dashes, blank-line separated records, both the three-field
indication lines of current releases and the one-field lines of older ones, several ICD codes and `N.A.`.
"""

from dataclasses import dataclass
from pathlib import Path

HEADER = (
    "Title: Drug-disease associations of the Therapeutic Target Database",
    "Version 9.1.01 (illustrative sample)",
    "",
    "-" * 60,
    "Abbreviations:",
    "TTDDRUID\tTTD Drug ID",
    "DRUGNAME\tDrug Name",
    "INDICATI\tIndication\tDisease entry\tICD-11\tClinical status",
    "-" * 60,
    "",
)


@dataclass(frozen=True)
class Indication:
    disease: str
    icd: str  # "2A20.0", several joined by ", ", or "N.A."
    status: str
    old_layout: bool = False  # written as one field: "Disease [ICD-11: code] Status"


@dataclass(frozen=True)
class TtdDrug:
    ttd_id: str
    name: str | None  # None: the record has no DRUGNAME line (for the tests of bad input)
    indications: tuple[Indication, ...]


# Real drugs and diseases; the TTD ids and the terminated, withdrawn and discontinued statuses are
# illustrative, not TTD's record (see sample_data/README.md).
SAMPLE_DRUGS = (
    TtdDrug(
        "D0X1AA",
        "Imatinib",
        (
            Indication("Chronic myeloid leukemia", "2A20.0", "Approved"),
            Indication("Gastrointestinal stromal tumour", "2B5B", "Approved"),
            Indication("Pulmonary arterial hypertension", "BB01.0", "Phase 3"),
        ),
    ),
    TtdDrug(
        "D0X1AB",
        "Sildenafil",
        (
            Indication("Erectile dysfunction", "HA01.1", "Approved"),
            Indication("Heart failure", "BD10-BD1Z", "Phase 2a"),
        ),
    ),
    TtdDrug(
        "D0X1AC",
        "Hydroxychloroquine",
        (
            Indication("Rheumatoid arthritis", "FA20", "Approved"),
            Indication("COVID-19", "1D6Y", "Terminated"),
        ),
    ),
    TtdDrug("D0X1AD", "Paracetamol", (Indication("Pain", "MG30", "Approved", old_layout=True),)),
    TtdDrug(
        "D0X1AE",
        "Celecoxib",
        (
            Indication("Osteoarthritis", "FA00-FA0Z", "Withdrawn from market"),
            Indication("Colorectal cancer", "2B91", "Discontinued in Phase 3"),
        ),
    ),
    TtdDrug(
        "D0X1AF",
        "Metformin",
        (
            Indication("Type 2 diabetes", "5A11", "Approved", old_layout=True),
            Indication("Breast cancer", "2C60-2C6Z, 2E65", "Phase 1/2"),
            Indication("Obesity", "N.A.", "Investigative"),
        ),
    ),
)


def ttd_text(drugs: tuple[TtdDrug, ...] | list[TtdDrug]) -> str:
    lines = list(HEADER)
    for drug in drugs:
        lines.append(f"TTDDRUID\t{drug.ttd_id}")
        if drug.name is not None:
            lines.append(f"DRUGNAME\t{drug.name}")
        for indication in drug.indications:
            if indication.old_layout:
                lines.append(f"INDICATI\t{indication.disease} [ICD-11: {indication.icd}] {indication.status}")
            else:
                lines.append(f"INDICATI\t{indication.disease}\tICD-11: {indication.icd}\t{indication.status}")
        lines.append("")
    return "\n".join(lines)


def write_ttd(path: Path, drugs: tuple[TtdDrug, ...] | list[TtdDrug], encoding: str = "utf-8") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(ttd_text(drugs).encode(encoding))


def scaled_drugs(count: int) -> list[TtdDrug]:
    """`count` drugs cycling the sample's, each with its own id (for the benchmark)."""
    return [
        TtdDrug(f"D{index:05d}", drug.name, drug.indications)
        for index in range(count)
        for drug in (SAMPLE_DRUGS[index % len(SAMPLE_DRUGS)],)
    ]
