"""The studies of a ClinicalTrials.gov API v2 download, one parsed study at a time, whatever its packaging.

ClinicalTrials.gov hands out the same study objects in four forms: the search download `ctg-studies.json` (a
JSON array, often zipped), one `NCT*.json` file per study, and the API's pages (`{"studies": [...],
"nextPageToken": ...}`). The whole registry as one array is about 10 GB, so no file is ever read whole: the
text is decoded in chunks and each study is parsed on its own with the standard library's decoder (the C
scanner, about 290 MB/s here), which also tells a study cut off by the end of a chunk from a malformed one.

Every error names the file (and the zip member) and the study's position in it, so a bad download can be found.
"""

import codecs
import json
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from clinical_mining.errors import InputError

CHUNK_CHARACTERS = 8 << 20
MAX_STUDY_CHARACTERS = 256 << 20  # the registry's largest records are a few MB: beyond this a file is damaged
STUDY_KEYS = frozenset(
    {"protocolSection", "resultsSection", "derivedSection", "documentSection", "annotationSection", "hasResults"}
)
_WHITESPACE = re.compile(r"[ \t\n\r]*")
# The decoder's messages when the text ends inside a value: more text may complete it.
_CUT_OFF = (
    "Unterminated string",
    "Expecting value",
    "Expecting ',' delimiter",
    "Expecting ':' delimiter",
    "Expecting property name enclosed in double quotes",
    "Invalid \\uXXXX escape",  # "\u00e9" cut after "\u00"
    "Invalid \\escape",
)


class CtgovError(InputError):
    """ClinicalTrials.gov JSON that cannot be read: not JSON, not studies, a study without an NCT id, cut off."""


@dataclass(frozen=True)
class Study:
    """One study object and where it came from (for error messages and duplicate reports)."""

    nct_id: str
    data: dict[str, Any]
    where: str


class _Text:
    """A file's text in chunks: `text[pos:]` is what is not yet parsed; earlier text is dropped as it is read."""

    def __init__(self, stream: IO[bytes], where: str) -> None:
        self.stream = stream
        self.where = where
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.text = ""
        self.pos = 0
        self.dropped = 0  # characters before `text[0]`, for positions in messages
        self.eof = False
        self.json = json.JSONDecoder()

    def more(self) -> bool:
        """Append the next chunk; False at the end of the file."""
        if self.eof:
            return False
        try:
            raw = self.stream.read(CHUNK_CHARACTERS)
            chunk = self.decoder.decode(raw, final=not raw)
        except UnicodeDecodeError as exc:
            raise CtgovError(f"{self.where} is not UTF-8 text ({exc.reason} near character {self.at()})") from None
        except (OSError, EOFError, zipfile.BadZipFile, zlib.error) as exc:
            raise CtgovError(f"{self.where} cannot be read (a damaged or cut-off file?): {exc}") from None
        self.eof = not raw
        self.dropped += self.pos
        self.text = self.text[self.pos :] + chunk
        self.pos = 0
        return bool(chunk) or not self.eof

    def at(self, pos: int | None = None) -> int:
        return self.dropped + (self.pos if pos is None else pos)

    def peek(self) -> str:
        """The next character that is not white space ('' at the end of the file)."""
        while True:
            self.pos = _WHITESPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.more():
                return ""

    def expect(self, characters: str, what: str) -> str:
        found = self.peek()
        if not found or found not in characters:
            if not found:
                raise CtgovError(f"{self.where} is truncated: it ends where {what} should follow")
            raise CtgovError(
                f"{self.where} is not valid JSON: expected {what} at character {self.at()}, found {found!r}"
            )
        self.pos += 1
        return found

    def value(self, what: str) -> Any:
        """Parse the JSON value that starts here (reading more text while it is cut off by the chunk's end)."""
        self.peek()
        while True:
            try:
                value, end = self.json.raw_decode(self.text, self.pos)
            except RecursionError:
                raise CtgovError(f"{self.where}: {what} is nested too deeply to be a study") from None
            except json.JSONDecodeError as exc:
                cut_off = exc.msg.startswith("Unterminated string") or (
                    exc.msg.startswith(_CUT_OFF) and exc.pos >= len(self.text) - 8
                )
                if cut_off:
                    if len(self.text) - self.pos > MAX_STUDY_CHARACTERS:
                        raise CtgovError(
                            f"{self.where} is not valid JSON: {what} runs on for more than"
                            f" {MAX_STUDY_CHARACTERS >> 20} M characters from character {self.at()} (a damaged file?)"
                        ) from None
                    if self.more():
                        continue
                    raise CtgovError(f"{self.where} is truncated: {what} is cut off by the end of the file") from None
                raise CtgovError(
                    f"{self.where} is not valid JSON: {what}: {exc.msg} at character {self.at(exc.pos)}"
                ) from None
            if end == len(self.text) and not isinstance(value, dict | list | str) and self.more():
                continue  # a number or literal at the chunk's end may go on in the next chunk
            self.pos = end
            return value


def _study(item: Any, where: str, what: str) -> Study:
    if not isinstance(item, dict) or not STUDY_KEYS.intersection(item):
        kind = type(item).__name__ if not isinstance(item, dict) else f"object with keys {sorted(item)[:5]}"
        raise CtgovError(f"{where}: {what} is not a study object (it is a {kind}; a study has a protocolSection)")
    identification = (item.get("protocolSection") or {}).get("identificationModule") or {}
    nct_id = identification.get("nctId") if isinstance(identification, dict) else None
    if not isinstance(nct_id, str) or not nct_id.strip():
        raise CtgovError(f"{where}: {what} has no NCT id (protocolSection.identificationModule.nctId)")
    return Study(nct_id, item, f"{where} {what} ({nct_id})")


def _array(text: _Text, label: str) -> Iterator[Study]:
    """The studies of the array that starts here; `label` names it in messages (`[i]` or `studies[i]`)."""
    text.expect("[", "'['")
    index = 0
    if text.peek() == "]":
        text.pos += 1
        return
    while True:
        what = f"{label}[{index}]"
        yield _study(text.value(what), text.where, what)
        index += 1
        if text.expect(",]", f"',' or ']' after {what}") == "]":
            return


def _object(text: _Text) -> Iterator[Study]:
    """A page (`{"studies": [...], ...}`) or a single study: the first key tells which."""
    start = text.pos
    text.expect("{", "'{'")
    key = text.value("the first key") if text.peek() != "}" else None
    if key != "studies":  # a study, or a page whose first key is another (small: parse it again, whole)
        text.pos = start
        whole = text.value("the study")
        if isinstance(whole, dict) and isinstance(whole.get("studies"), list) and not STUDY_KEYS.intersection(whole):
            for index, item in enumerate(whole["studies"]):
                yield _study(item, text.where, f"studies[{index}]")
        else:
            yield _study(whole, text.where, "the study")
        return
    text.expect(":", "':'")
    yield from _array(text, "studies")
    while text.expect(",}", "',' or '}' after the studies") == ",":
        name = text.value("a key of the page")
        text.expect(":", "':'")
        text.value(f"the page's {name!r}")


def studies_in_stream(stream: IO[bytes], where: str) -> Iterator[Study]:
    """Every study in one JSON text: an array of studies, an API page, or one study object."""
    text = _Text(stream, where)
    first = text.peek()
    if first == "[":
        yield from _array(text, "")
    elif first == "{":
        yield from _object(text)
    elif not first:
        raise CtgovError(f"{where} is empty (expected a JSON array of studies, an API page or a study)")
    else:
        raise CtgovError(f"{where} is not JSON: it starts with {text.text[text.pos : text.pos + 20]!r}")
    if text.peek():
        raise CtgovError(f"{where} is not valid JSON: unexpected text after the end at character {text.at()}")


def _zip_members(archive: zipfile.ZipFile) -> list[str]:
    return sorted(
        name
        for name in archive.namelist()
        if name.lower().endswith(".json") and not name.endswith("/") and "__MACOSX/" not in name
    )


def _is_zip(path: Path) -> bool:
    """A zip by its name or its first bytes (a zip cut off before its directory is still one, and damaged)."""
    with open(path, "rb") as handle:
        return path.suffix.lower() == ".zip" or handle.read(4) == b"PK\x03\x04"


def iter_studies(path: Path) -> Iterator[Study]:
    """Every study of a download: a JSON file, a zip of JSON files, or a folder of them (read in name order)."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".json" and p.is_file())
        if not files:
            raise CtgovError(f"ClinicalTrials.gov folder {path} has no .json files")
        for file in files:
            with open(file, "rb") as stream:
                yield from studies_in_stream(stream, str(file))
        return
    if not path.is_file():
        raise CtgovError(f"ClinicalTrials.gov download {path} does not exist (config key sources.aact.path)")
    if not _is_zip(path):
        with open(path, "rb") as stream:
            yield from studies_in_stream(stream, str(path))
        return
    try:
        with zipfile.ZipFile(path) as archive:
            members = _zip_members(archive)
            if not members:
                raise CtgovError(f"ClinicalTrials.gov zip {path} holds no .json file")
            for member in members:
                with archive.open(member) as stream:
                    yield from studies_in_stream(stream, f"{path} (member {member})")
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
        raise CtgovError(f"ClinicalTrials.gov zip {path} cannot be read (a damaged or cut-off file?): {exc}") from None
