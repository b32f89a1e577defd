"""Free text as registries store it, made fit to match: the one cleaning every reader of free text uses."""

import polars as pl

# C0 and C1 control characters and DEL: exports carry them as stray bytes, tabs and line breaks inside fields
CONTROL_CHARACTERS = r"[\x00-\x1f\x7f-\x9f]"
# HTML remnants web exports leave in cells (EMA's list): entities for what the text means, tags for nothing
HTML_ENTITIES = {"&nbsp;": " ", "&#160;": " ", "\u00a0": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"'}
HTML_TAGS = r"</?(?:br|p|div|span|b|i|em|strong|sup|sub|li|ul)\b[^>]*>"
# an escaped punctuation mark, as markdown exports write it ("Non\-small", "\(NSCLC\)")
MARKDOWN_ESCAPE = r"\\([\\`*_{}\[\]()#+\-.!|~<>])"
# accented letters written as escapes: a literal \u00e9 (JSON text exported twice) or a NUL byte and the code's
# two hex digits (a UTF-16 unit read byte-wise), for the Latin-1 Supplement and Latin Extended-A letters
_ACCENTED = range(0xC0, 0x180)
ESCAPED_ACCENTS = {
    **{f"\\u{code:04x}": chr(code) for code in _ACCENTED},
    **{f"\\u{code:04X}": chr(code) for code in _ACCENTED},
    **{f"\x00{code:02x}": chr(code) for code in _ACCENTED if code < 0x100},
    **{f"\x00{code:02X}": chr(code) for code in _ACCENTED if code < 0x100},
}


def clean_text(text: pl.Expr) -> pl.Expr:
    """Escaped accents to their letters, markdown escapes to the mark, control characters, HTML tags and
    non-breaking spaces to spaces, HTML entities to their characters, runs of white space to one, no space at
    either end; null stays null. Every reader of free text and the mapping's comparison form use it.

    A control character or a tag is never part of what the text says, but removing it outright would join the
    words on either side of a line break, so it becomes a space. Accents are decoded first, before their NUL
    byte would become a space."""
    decoded = text.str.replace_many(list(ESCAPED_ACCENTS), list(ESCAPED_ACCENTS.values()))
    cleaned = decoded.str.replace_all(MARKDOWN_ESCAPE, "$1")
    cleaned = cleaned.str.replace_all(CONTROL_CHARACTERS, " ").str.replace_all(HTML_TAGS, " ")
    cleaned = cleaned.str.replace_many(list(HTML_ENTITIES), list(HTML_ENTITIES.values()))
    return cleaned.str.replace_all(r"\s+", " ").str.strip_chars()


def has_control_characters(text: pl.Expr) -> pl.Expr:
    """Whether a text holds a character `clean_text` replaces; tabs and line breaks count, as they do there."""
    return text.str.contains(CONTROL_CHARACTERS)
