"""PMDA's approvals PDF, on PDFs generated here with the real list's quirks."""

import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pdfplumber
import polars as pl
import pytest
from dagster import build_init_resource_context
from polars.testing import assert_frame_equal

from clinical_mining.source_assets import PmdaResource
from clinical_mining.sources.pmda import PmdaError, _Helper, extract_tables, read_pmda
from clinical_mining.step_stats import collecting
from clinical_mining.steps.evidence.pmda import approval_evidence
from clinical_mining.steps.mapping.lookups import disease_lookup
from clinical_mining_tests.conftest import output, run_config
from clinical_mining_tests.synthetic.pmda import SAMPLE_BLOCKS, Block, Product, scaled_blocks, write_pmda_pdf
from clinical_mining_tests.synthetic.vocabularies import disease_index


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pmda") / "approvals.pdf"
    write_pmda_pdf(path, SAMPLE_BLOCKS)
    return path


def test_bold_text_is_doubled_in_the_raw_pdf(sample_pdf: Path) -> None:
    with pdfplumber.open(sample_pdf) as pdf:
        raw = pdf.pages[0].extract_tables()[0]
        assert len(pdf.pages) == 2
    assert raw[0][0] == "RReevviieeww ccaatteeggoorryy:: AAnnttiiccaanncceerr ddrruuggss"


def test_product_rows_with_every_quirk(sample_pdf: Path) -> None:
    frame, details = read_pmda(sample_pdf)
    assert details == {"pages": 2, "failed_pages": "none", "rows_without_header": 0, "dates_unreadable": 0}
    assert frame.height == 12
    rows = {row["brand_name"]: row for row in frame.iter_rows(named=True)}
    lenvima = rows["Lenvima Capsules 4 mg, 10 mg"]
    assert (lenvima["review_category"], lenvima["applicant"], lenvima["approval_type"]) == (
        "Anticancer drugs",
        "Eisai Co., Ltd.",
        "PARTIAL_CHANGE",
    )
    assert (lenvima["approval_date"], lenvima["approval_year"], lenvima["page"]) == (date(2024, 9, 24), 2024, 1)
    assert lenvima["notes"] == (
        "A drug with a new indication for the treatment of unresectable hepatocellular carcinoma."
    )
    herceptin = rows["Herceptin for Intravenous Infusion 60, 150"]  # "(1) Aug. 21,\n2018\n(2) Aug. 22,\n2018"
    assert herceptin["approval_date"] == date(2018, 8, 21)
    assert herceptin["approval_date_text"] == "(1) Aug. 21,\n2018\n(2) Aug. 22,\n2018"
    assert rows["Keytruda Injection 100 mg"]["approval_date"] == date(2020, 5, 7)
    # the second block's header is spelled differently ("Date of approval", "Names of ingredients", "Note")
    glycoran = rows["Glycoran Tablets 250 mg"]
    assert (glycoran["approval_date"], glycoran["review_category"]) == (
        date(2006, 4, 20),
        "Metabolic and endocrine drugs",
    )
    assert rows["Janumet Combination Tablets"]["approval_date"] == date(2004, 7, 9)
    assert rows["Janumet Combination Tablets"]["active_ingredients"] == [
        "Sitagliptin Phosphate Hydrate",
        "Metformin Hydrochloride",
    ]
    assert rows["Forxiga Tablets 5 mg, 10 mg"]["active_ingredients"] == [
        "Dapagliflozin Propylene Glycolate Hydrate",
        "Empagliflozin",
    ]
    assert rows["Ozempic Subcutaneous Injection 2 mg"]["active_ingredients"] == [
        "Semaglutide (genetical recombination) 10 mg/mL"
    ]
    # page 2 has no header: the last layout (and category) carries on
    tamiflu = rows["Tamiflu Capsule 75"]
    assert (tamiflu["page"], tamiflu["review_category"], tamiflu["active_ingredients"]) == (
        2,
        "Antiviral and anti-infective drugs",
        ["Oseltamivir Phosphate"],
    )
    assert rows["Opdivo Intravenous Infusion 20 mg / 100 mg"]["approval_type"] == "APPROVAL"


def test_evidence_finds_diseases_in_notes(sample_pdf: Path) -> None:
    frame, _ = read_pmda(sample_pdf)
    with collecting() as figures:
        evidence = approval_evidence(frame, disease_lookup(disease_index()))
    pairs = set(evidence.select("drug_name", "disease_id").rows())
    assert ("Lenvatinib Mesilate", "EFO_0000182") in pairs  # longest match: not just "carcinoma"
    assert {("Pembrolizumab", "EFO_0003060"), ("Pembrolizumab", "EFO_0000756")} <= pairs
    assert {("Empagliflozin", "EFO_0003884"), ("Empagliflozin", "EFO_0003144")} <= pairs
    assert ("Remdesivir", "MONDO_0100096") in pairs
    assert ("Semaglutide 10 mg/mL", "EFO_0001073") in pairs
    assert ("Sorafenib Tosilate", None) in pairs  # "thyroid tumour" is not in the vocabulary: kept, counted
    assert figures["rows_without_disease"] == 2 and figures["rows_without_ingredient"] == 1
    assert set(evidence["clinical_stage"].cast(pl.String)) == {"APPROVAL"}
    ids = evidence["studyId"].unique()
    assert "PMDA/2024-09-24/Lenvima Capsules 4 mg, 10 mg/PARTIAL_CHANGE" in ids.to_list()
    again = approval_evidence(read_pmda(sample_pdf)[0], disease_lookup(disease_index()))
    assert again["studyId"].to_list() == evidence["studyId"].to_list()  # stable across runs


def test_long_pdf_parsed_in_parallel_gives_the_same_rows(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    write_pmda_pdf(path, scaled_blocks(300))
    serial, _ = extract_tables(path, processes=1)
    parallel, failed = extract_tables(path, processes=2)
    assert failed == {} and len(serial) >= 16
    assert parallel == serial
    frame, details = read_pmda(path)
    assert frame.height == 300 and details["pages"] == len(serial)
    assert frame["review_category"].null_count() == 0


def test_tables_match_pdfplumbers_own_extraction_of_the_deduplicated_page(tmp_path: Path) -> None:
    """The fast path (lean chars, Polars cell assignment) must give exactly what pdfplumber gives."""
    path = tmp_path / "long.pdf"
    write_pmda_pdf(path, scaled_blocks(300))
    ours, _ = extract_tables(path, processes=1)
    with pdfplumber.open(path) as pdf:
        theirs = [(page.page_number, page.dedupe_chars().extract_tables()) for page in pdf.pages]
    assert ours == theirs
    assert sum(len(table) for _, tables in ours for table in tables) > 300  # product rows plus headers


def test_a_helper_process_that_dies_fails_its_pages_with_the_reason(tmp_path: Path) -> None:
    """A helper writing more to stderr than a pipe holds runs on before anyone collects it, and its last error
    line becomes the reason its pages failed."""
    marker = tmp_path / "went_on"
    noisy_then_dead = (
        "import pathlib, sys; sys.stderr.write('warning\\n' * 20000); sys.stderr.flush();"
        f" pathlib.Path({str(marker)!r}).touch(); sys.exit('MemoryError: out of memory')"
    )
    helper = _Helper.start([sys.executable, "-c", noisy_then_dead], 5, 6)
    deadline = time.monotonic() + 20
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.exists()  # 160 kB of stderr did not stop it
    assert helper.results() == [
        (5, [], "the parsing process exited with status 1: MemoryError: out of memory"),
        (6, [], "the parsing process exited with status 1: MemoryError: out of memory"),
    ]


def test_rows_before_any_header_are_counted_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "headless.pdf"
    product = Product("May 7, 2020", "Brand X", "Y Co.", "Approval", "Aspirin", "For pain.")
    write_pmda_pdf(path, [Block(None, None, (product,)), Block("Analgesics", "2020s", (product,))])
    frame, details = read_pmda(path)
    assert frame.height == 1 and details["rows_without_header"] == 1
    assert frame.row(0, named=True)["review_category"] == "Analgesics"
    only_headless = tmp_path / "only_headless.pdf"
    write_pmda_pdf(only_headless, [Block(None, None, (product,))])
    with pytest.raises(PmdaError, match=r"holds no recognisable table: no header row naming the approval date"):
        read_pmda(only_headless)


def test_bad_files_name_the_file(tmp_path: Path, write_config: Callable[..., Path]) -> None:
    text = tmp_path / "list.pdf"
    text.write_text("Approval Date, Brand Name\n")
    with pytest.raises(PmdaError, match=rf"PMDA file {text} is not a PDF"):
        read_pmda(text)
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 200)
    with pytest.raises(PmdaError, match=rf"PMDA file {damaged} cannot be opened as a PDF"):
        read_pmda(damaged)
    locked = tmp_path / "locked.pdf"
    write_pmda_pdf(locked, SAMPLE_BLOCKS, user_password="secret")
    with pytest.raises(PmdaError, match=rf"PMDA file {locked} cannot be opened as a PDF: it is encrypted"):
        read_pmda(locked)
    plain = tmp_path / "plain.pdf"
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(text="Approved products will be listed here.")
    pdf.output(str(plain))
    with pytest.raises(PmdaError, match=rf"PMDA file {plain} holds no recognisable table"):
        read_pmda(plain)
    with pytest.raises(PmdaError, match=r"does not exist \(config key sources.pmda.path\)"):
        read_pmda(tmp_path / "absent.pdf")

    step = {
        "name": "final_df",
        "function": "clinical_mining_tests.step_functions.passthrough",
        "parameters": {"frame": "$pmda"},
    }
    failed = run_config(write_config({"process": [step]}, sources={"pmda": {"path": str(text)}}))
    assert "is not a PDF" in failed.get_step_failure_events()[0].step_failure_data.error.message
    empty = write_config({"process": [step]}, sources={"pmda": {}})
    assert run_config(empty).success
    assert output(empty, "pmda").height == 0


def test_a_malformed_page_is_reported_and_the_rest_parsed(tmp_path: Path) -> None:
    intact = tmp_path / "intact.pdf"
    write_pmda_pdf(intact, scaled_blocks(40))
    data = intact.read_bytes()
    contents = data.index(b"/Contents 6 0 R")  # page 2's dictionary
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(data[:contents] + b"/MediaBox [0 a]" + data[contents + 15 :])  # same length: xref intact
    whole, _ = read_pmda(intact)
    frame, details = read_pmda(broken)
    assert details["failed_pages"].startswith("2 (MalformedPDFException: Bounding box contains non-number")
    assert details["pages"] == 3
    assert set(frame["page"]) == {1, 3}
    assert frame.height == whole.filter(pl.col("page") != 2).height
    # a parse that lost a page is not kept as if it were the list: the next read parses the file again
    resource = PmdaResource(path=str(broken), cache_dir=str(tmp_path / "cache"), processes=1)
    for _ in range(2):
        again, details = resource.read(broken)
        assert (details["cache"], again.height) == ("not stored: pages failed", frame.height)
    assert not list((tmp_path / "cache").rglob("*.parquet"))


def test_an_unchanged_pdf_is_parsed_once(tmp_path: Path, write_config: Callable[..., Path], sample_pdf: Path) -> None:
    pdf = tmp_path / "list.pdf"
    pdf.write_bytes(sample_pdf.read_bytes())
    step = {
        "name": "final_df",
        "function": "clinical_mining_tests.step_functions.passthrough",
        "parameters": {"frame": "$pmda"},
    }
    config = write_config({"process": [step]}, sources={"pmda": {"path": str(pdf)}})
    runs = [run_config(config) for _ in range(2)]
    caches = [run.asset_materializations_for_node("pmda")[0].metadata["cache"].value for run in runs]
    assert caches == ["miss", "hit"]
    assert output(config, "pmda").height == 12
    write_pmda_pdf(pdf, SAMPLE_BLOCKS[:1])
    third = run_config(config)
    assert third.asset_materializations_for_node("pmda")[0].metadata["cache"].value == "miss"
    assert output(config, "pmda").height == 5


def test_the_parse_starts_with_the_run_and_a_failed_run_stops_it(tmp_path: Path) -> None:
    """PmdaResource starts the helpers when set up (a cache miss) and the asset's read collects them; a run
    that ends before the read leaves no helper parsing."""
    path = tmp_path / "long.pdf"
    write_pmda_pdf(path, scaled_blocks(300))
    expected, _ = read_pmda(path, processes=1)
    resource = PmdaResource(path=str(path), cache_dir=str(tmp_path / "cache"), processes=2)
    resource.setup_for_execution(build_init_resource_context())
    started = resource._started
    assert started is not None and len(started._helpers) == 2  # both ranges in helpers, none in the run's process
    frame, details = resource.read(path)
    assert details["cache"] == "miss" and all(helper.process.returncode == 0 for helper in started._helpers)
    assert_frame_equal(frame, expected)

    again = PmdaResource(path=str(path), cache_dir=str(tmp_path / "cache"), processes=2)
    again.setup_for_execution(build_init_resource_context())
    assert again._started is None  # cached: nothing to start
    assert again.read(path)[1]["cache"] == "hit"

    failed_run = PmdaResource(path=str(path), cache_dir=str(tmp_path / "other_cache"), processes=2)
    failed_run.setup_for_execution(build_init_resource_context())
    helpers = [helper.process for helper in failed_run._started._helpers]
    failed_run.teardown_after_execution(build_init_resource_context())
    assert [helper.poll() for helper in helpers] == [-9, -9]
