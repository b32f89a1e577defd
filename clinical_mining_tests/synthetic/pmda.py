"""PDFs in the layout of PMDA's English "List of Approved Products", with its real quirks, for the sample,
the tests and the benchmark (fpdf2 is a development dependency: the sample PDF is committed).

Quirks reproduced: header spellings that change between blocks; a table that continues on the next page
without its header; bold text drawn twice (the header and category rows), which naive extraction reads as
doubled characters; multi-line cells; several ingredients in one cell; every date spelling of the real list.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

HEADERS = {
    "2020s": (
        "Approval Date",
        "Brand Name (Applicant)",
        "Approval/ Partial Change",
        "Active Ingredient (underlined: new active ingredient)",
        "Notes",
    ),
    "2000s": (
        "Date of approval",
        "Brand name (name of company)",
        "Approval/ Supplemental Change",
        "Names of ingredients (Underlined: New active ingredients)",
        "Note",
    ),
}
WIDTHS = (34, 58, 32, 62, 91)  # millimetres, landscape A4
LINE_HEIGHT = 4.2


@dataclass(frozen=True)
class Product:
    date: str
    brand: str
    applicant: str
    change: str  # "Approval" or "Partial Change"
    ingredients: str
    notes: str


@dataclass(frozen=True)
class Block:
    category: str | None  # None: no category row
    header: str | None  # a key of HEADERS; None: the table starts without a header
    products: tuple[Product, ...]


SAMPLE_BLOCKS = (
    Block(
        "Anticancer drugs",
        "2020s",
        (
            Product(
                "Sep. 24, 2024",
                "Lenvima Capsules 4 mg, 10 mg",
                "Eisai Co., Ltd.",
                "Partial Change",
                "Lenvatinib Mesilate",
                "A drug with a new indication for the treatment of unresectable hepatocellular carcinoma.",
            ),
            Product(
                "May 7, 2020",
                "Keytruda Injection 100 mg",
                "MSD K.K.",
                "Partial Change",
                "Pembrolizumab (genetical recombination)",
                "A drug with a new indication for the treatment of non-small cell lung cancer and melanoma.",
            ),
            Product(
                "(1) Aug. 21,\n2018\n(2) Aug. 22,\n2018",
                "Herceptin for Intravenous Infusion 60, 150",
                "Chugai Pharmaceutical Co., Ltd.",
                "Partial Change",
                "Trastuzumab (genetical recombination)",
                "A drug with a new dosage for HER2-positive breast cancer.",
            ),
            Product(
                "Mar. 23, 2021",
                "Opdivo Intravenous Infusion 20 mg / 100 mg",
                "Ono Pharmaceutical Co., Ltd.",
                "Approval",
                "Nivolumab (genetical recombination)",
                "A drug with a new indication for unresectable advanced or recurrent melanoma.",
            ),
            Product(
                "Jan. 8, 2019",
                "Nexavar Tablets 200 mg",
                "Bayer Yakuhin, Ltd.",
                "Partial Change",
                "Sorafenib Tosilate",
                "A drug with a new indication for unresectable thyroid tumour after radiotherapy.",
            ),
        ),
    ),
    Block(
        "Metabolic and endocrine drugs",
        "2000s",
        (
            Product(
                "20-Apr-06",
                "Glycoran Tablets 250 mg",
                "Nippon Shinyaku Co., Ltd.",
                "Approval",
                "Metformin Hydrochloride",
                "A drug for type 2 diabetes mellitus.",
            ),
            Product(
                "9-Jul-04",
                "Janumet Combination Tablets",
                "MSD K.K.",
                "Approval",
                "(1) Sitagliptin Phosphate Hydrate (2) Metformin Hydrochloride",
                "A new combination product for type 2 diabetes.",
            ),
            Product(
                "26-Jul-06",
                "Forxiga Tablets 5 mg, 10 mg",
                "AstraZeneca K.K.",
                "Partial Change",
                "Dapagliflozin Propylene Glycolate Hydrate / Empagliflozin",
                "A drug with a new indication for chronic kidney disease and chronic heart failure.",
            ),
            Product(
                "12-Dec-07",
                "Ozempic Subcutaneous Injection 2 mg",
                "Novo Nordisk Pharma Ltd.",
                "Approval",
                "Semaglutide (genetical recombination) 10 mg/mL",
                "A drug for obesity disease.",
            ),
            Product(
                "3-Mar-05",
                "Sample Diagnostic Kit",
                "Example Co., Ltd.",
                "Approval",
                "N/A",
                "An in-vitro diagnostic reagent.",
            ),
        ),
    ),
    Block(
        "Antiviral and anti-infective drugs",
        "2020s",
        (
            Product(
                "May 7, 2020",
                "Veklury for Intravenous Injection 100 mg",
                "Gilead Sciences K.K.",
                "Approval",
                "Remdesivir",
                "A drug for infectious disease caused by SARS-CoV-2 (COVID-19).",
            ),
            Product(
                "Nov. 2, 2018",
                "Tamiflu Capsule 75",
                "Chugai Pharmaceutical Co., Ltd.",
                "Partial Change",
                "Oseltamivir Phosphate",
                "A drug with a new dosage for prevention of influenza.",
            ),
        ),
    ),
)


class _Writer:
    """Draws ruled tables that break across pages without repeating the header, as the real list does."""

    def __init__(self) -> None:
        from fpdf import FPDF

        self.pdf = FPDF(orientation="L", unit="mm", format="A4")
        self.pdf.set_creation_date(datetime(2024, 10, 1, tzinfo=UTC))  # a fixed date keeps the sample reproducible
        self.pdf.set_auto_page_break(False)
        self.pdf.set_margins(10, 12, 10)
        self.pdf.add_page()
        self.pdf.set_font("Helvetica", size=8)

    def _height(self, texts: list[str], widths: tuple[float, ...]) -> float:
        lines = [
            len(self.pdf.multi_cell(w - 2, LINE_HEIGHT, t, dry_run=True, output="LINES"))
            for w, t in zip(widths, texts, strict=True)
        ]
        return max(lines) * LINE_HEIGHT + 2

    def row(self, texts: list[str], widths: tuple[float, ...], bold: bool = False) -> None:
        height = self._height(texts, widths)
        if self.pdf.get_y() + height > self.pdf.h - 12:
            self.pdf.add_page()
        x, y = self.pdf.l_margin, self.pdf.get_y()
        for width, text in zip(widths, texts, strict=True):
            self.pdf.rect(x, y, width, height)
            # bold as the real list draws it: the same text twice, a hair apart
            for offset in (0.0, 0.12) if bold else (0.0,):
                self.pdf.set_xy(x + 1 + offset, y + 1)
                self.pdf.multi_cell(width - 2, LINE_HEIGHT, text, align="L")
            x += width
        self.pdf.set_xy(self.pdf.l_margin, y + height)

    def block(self, block: Block) -> None:
        if block.category:
            self.row([f"Review category: {block.category}"], (sum(WIDTHS),), bold=True)
        if block.header:
            self.row(list(HEADERS[block.header]), WIDTHS, bold=True)
        for product in block.products:
            brand = f"{product.brand}\n({product.applicant})"
            self.row([product.date, brand, product.change, product.ingredients, product.notes], WIDTHS)

    def save(self, path: Path, user_password: str | None = None) -> None:
        if user_password:
            self.pdf.set_encryption(owner_password=user_password + "-owner", user_password=user_password)
        self.pdf.output(str(path))


def write_pmda_pdf(path: Path, blocks: tuple[Block, ...] | list[Block], user_password: str | None = None) -> None:
    """Write the blocks as one PDF (each starts with a category row and its header)."""
    writer = _Writer()
    for block in blocks:
        writer.block(block)
    writer.save(path, user_password)


def scaled_blocks(products: int) -> list[Block]:
    """About `products` rows, cycling the sample's, for benchmarks (about 14 rows a page)."""
    blocks = []
    sample = [(block, product) for block in SAMPLE_BLOCKS for product in block.products]
    for start in range(0, products, 40):
        block = SAMPLE_BLOCKS[(start // 40) % len(SAMPLE_BLOCKS)]
        rows = tuple(sample[(start + i) % len(sample)][1] for i in range(min(40, products - start)))
        blocks.append(Block(block.category, block.header, rows))
    return blocks
