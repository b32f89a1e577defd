"""Workbooks in the layout of EMA's medicines list ("Medicines output"), for the sample, the tests and the
benchmark (xlsxwriter is a development dependency: the sample workbook is committed).

Quirks reproduced: the banner on row 1 and the header on row 9; a header cell holding a line break; MeSH
areas and substances joined by ';' with no space, headings holding commas; `&nbsp;` remnants; dates as
dd/mm/yyyy text, as Excel serial numbers and as real date cells in one column; veterinary medicines beside
human ones; both the current layout (39 columns) and the pre-2023 one (30).
"""

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

CURRENT_HEADERS = (
    "Category",
    "Name of medicine",
    "EMA product number",
    "Medicine status",
    "Opinion status",
    "Latest procedure affecting product information",
    "International non-proprietary name (INN) / common name",
    "Active substance",
    "Therapeutic area (MeSH)",
    "Species\n(veterinary)",
    "Patient safety",
    "ATC code (human)",
    "ATCvet code (veterinary)",
    "Pharmacotherapeutic group\n(human)",
    "Pharmacotherapeutic group\n(veterinary)",
    "Therapeutic indication",
    "Accelerated assessment",
    "Additional monitoring",
    "Advanced therapy",
    "Biosimilar",
    "Conditional approval",
    "Exceptional circumstances",
    "Generic or hybrid",
    "Orphan medicine",
    "PRIME: priority medicine",
    "Marketing authorisation developer / applicant / holder",
    "European Commission decision date",
    "Start of rolling review date",
    "Start of evaluation date",
    "Opinion adopted date",
    "Withdrawal of application date",
    "Marketing authorisation date",
    "Refusal of marketing authorisation date",
    "Withdrawal / expiry / revocation / lapse of marketing authorisation date",
    "Suspension of marketing authorisation date",
    "Revision number",
    "First published date",
    "Last updated date",
    "Medicine URL",
)
PRE_2023_HEADERS = (
    "Category",
    "Medicine name",
    "Therapeutic area",
    "International non-proprietary name (INN) / common name",
    "Active substance",
    "Product number",
    "Patient safety",
    "Authorisation status",
    "ATC code",
    "Additional monitoring",
    "Generic",
    "Biosimilar",
    "Conditional approval",
    "Exceptional circumstances",
    "Accelerated assessment",
    "Orphan medicine",
    "Marketing authorisation date",
    "Date of refusal of marketing authorisation",
    "Marketing authorisation holder/company name",
    "Human pharmacotherapeutic group",
    "Vet pharmacotherapeutic group",
    "Date of opinion",
    "Decision date",
    "Revision number",
    "Condition / indication",
    "Species",
    "ATCvet code",
    "First published",
    "Revision date",
    "URL",
)
FIXED_TIME = datetime(2026, 12, 1, tzinfo=UTC)
HEADER_ROW = 8  # 0-based: row 9 as Excel numbers it
Cell = str | int | date | None


@dataclass(frozen=True)
class Medicine:
    name: str
    number: str
    status: str
    inn: str | None
    substance: str
    areas: str | None
    indication: str
    authorised: Cell = None  # a str is written as text, an int as an Excel serial number, a date as a date cell
    refused: Cell = None
    withdrawn: Cell = None  # withdrawal / expiry / revocation / lapse of the authorisation
    application_withdrawn: Cell = None
    category: str = "Human"

    @property
    def url(self) -> str:
        slug = self.name.lower().replace(" ", "-")
        return f"https://www.ema.europa.eu/en/medicines/{self.category.lower()}/EPAR/{slug}"


# The products and indications are real; numbers, dates and the statuses of the withdrawn and refused entries
# are illustrative, not EMA's record (see sample_data/README.md).
SAMPLE_MEDICINES = (
    Medicine(
        "Glivec",
        "EMEA/H/C/000406",
        "Authorised",
        "imatinib",
        "imatinib mesilate",
        "Leukemia, Myelogenous, Chronic, BCR-ABL Positive;Gastrointestinal Stromal Tumors",
        "Glivec is indicated for the treatment of adult and paediatric patients with newly diagnosed Philadelphia"
        " chromosome positive chronic myeloid leukaemia.",
        "07/11/2001",
    ),
    Medicine(
        "Humira",
        "EMEA/H/C/000481",
        "Authorised",
        "adalimumab",
        "adalimumab",
        "Arthritis, Rheumatoid;Psoriasis;Crohn Disease;Colitis, Ulcerative",
        "Rheumatoid arthritis, psoriasis, Crohn's&nbsp;disease and ulcerative colitis in adults.",
        37872,  # 08/09/2003 as an Excel serial number
    ),
    Medicine(
        "Veklury",
        "EMEA/H/C/005622",
        "Authorised",
        "remdesivir",
        "remdesivir",
        "Coronavirus Infections",  # a heading the vocabulary lacks: the indication text names the disease
        "Treatment of coronavirus disease 2019 (COVID-19) in adults and adolescents with pneumonia requiring"
        " supplemental oxygen.",
        date(2020, 7, 3),  # a date cell
    ),
    Medicine(
        "Synjardy",
        "EMEA/H/C/003770",
        "Authorised",
        None,
        "empagliflozin;metformin hydrochloride",
        "Diabetes Mellitus, Type 2",
        "Treatment of adults with type 2 diabetes mellitus as an adjunct to diet and exercise.",
        "27/05/2015",
    ),
    Medicine(
        "Keytruda",
        "EMEA/H/C/003820",
        "Authorised",
        "pembrolizumab",
        "pembrolizumab",
        "Melanoma;Carcinoma, Non-Small-Cell Lung",
        "Advanced melanoma; non-small cell lung carcinoma expressing PD-L1.",
        "17/07/2015",
    ),
    Medicine(
        "Sorafenib Examplepharm",
        "EMEA/H/C/009901",
        "Withdrawn",
        "sorafenib",
        "sorafenib tosilate",
        "Carcinoma, Hepatocellular",
        "Hepatocellular carcinoma.",
        "12/03/2016",
        withdrawn="30/06/2020",
    ),
    Medicine(
        "Hydroxychloroquine Examplepharm",
        "EMEA/H/C/009902",
        "Refused",
        "hydroxychloroquine",
        "hydroxychloroquine sulfate",
        "COVID-19",
        "Treatment of COVID-19 in hospitalised adults.",
        refused="15/01/2021",
    ),
    Medicine(
        "Aspirin Examplepharm",
        "EMEA/H/C/009903",
        "Application withdrawn",
        "acetylsalicylic acid",
        "acetylsalicylic acid",
        "Colorectal Neoplasms",
        "Prevention of colorectal cancer in adults with Lynch syndrome.",
        application_withdrawn="02/02/2022",
    ),
    Medicine(
        "Metacam",
        "EMEA/V/C/000033",
        "Authorised",
        "meloxicam",
        "meloxicam",
        None,
        "Alleviation of inflammation and pain in dogs.",
        "07/01/1998",
        category="Veterinary",
    ),
)


def _cells(medicine: Medicine, headers: tuple[str, ...]) -> dict[str, Cell]:
    current = headers is CURRENT_HEADERS
    values: dict[str, Cell] = {
        "Category": medicine.category,
        "Name of medicine" if current else "Medicine name": medicine.name,
        "EMA product number" if current else "Product number": medicine.number,
        "Medicine status" if current else "Authorisation status": medicine.status,
        "International non-proprietary name (INN) / common name": medicine.inn,
        "Active substance": medicine.substance,
        "Therapeutic area (MeSH)" if current else "Therapeutic area": medicine.areas,
        "Therapeutic indication" if current else "Condition / indication": medicine.indication,
        "Marketing authorisation date": medicine.authorised,
        "Refusal of marketing authorisation date" if current else "Date of refusal of marketing authorisation": (
            medicine.refused
        ),
        "Medicine URL" if current else "URL": medicine.url,
        "Biosimilar": "No",
        "Orphan medicine": "No",
    }
    if current:
        values["Withdrawal / expiry / revocation / lapse of marketing authorisation date"] = medicine.withdrawn
        values["Withdrawal of application date"] = medicine.application_withdrawn
    return values


def write_ema_workbook(
    path: Path,
    medicines: tuple[Medicine, ...] | list[Medicine],
    layout: str = "current",
    sheet: str = "Medicine",
    headers: tuple[str, ...] | None = None,
) -> None:
    """The medicines as EMA's download lays them out; `headers` replaces the layout's header row (for tests of
    renamed headers)."""
    import xlsxwriter

    names = CURRENT_HEADERS if layout == "current" else PRE_2023_HEADERS
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook = xlsxwriter.Workbook(str(path))
    workbook.set_properties({"created": FIXED_TIME})  # the same medicines give the same bytes
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    worksheet = workbook.add_worksheet(sheet)
    worksheet.write_row(0, 0, ["Content type: Medicine", "Output automatically generated by EMA on: 01/12/2026"])
    worksheet.write_row(HEADER_ROW, 0, list(headers or names))
    for offset, medicine in enumerate(medicines, start=HEADER_ROW + 1):
        cells = _cells(medicine, names)
        for column, header in enumerate(names):
            value = cells.get(header)
            if isinstance(value, date):
                worksheet.write_datetime(offset, column, value, date_format)
            elif value is not None:
                worksheet.write(offset, column, value)
    workbook.close()


def scaled_medicines(count: int) -> list[Medicine]:
    """`count` medicines cycling the sample's, each with its own name and number (for the benchmark)."""
    return [
        replace(
            medicine,
            name=f"{medicine.name} {index}",
            number=f"EMEA/H/C/{100000 + index:06d}",
        )
        for index in range(count)
        for medicine in (SAMPLE_MEDICINES[index % len(SAMPLE_MEDICINES)],)
    ]
