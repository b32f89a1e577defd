"""Free text as registries store it, made fit to match: the one cleaning every reader of free text uses."""

import polars as pl

# C0 and C1 control characters and DEL: exports carry them as stray bytes, tabs and line breaks inside fields
CONTROL_CHARACTERS = r"[\x00-\x1f\x7f-\x9f]"
# HTML remnants web exports leave in cells (EMA's list): entities for what the text means, tags for nothing
HTML_ENTITIES = {"&nbsp;": " ", "&#160;": " ", "\u00a0": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"'}
HTML_TAGS = r"</?(?:br|p|div|span|b|i|em|strong|sup|sub|li|ul)\b[^>]*>"


def clean_text(text: pl.Expr) -> pl.Expr:
    """Control characters, HTML tags and non-breaking spaces to spaces, HTML entities to their characters, runs
    of white space to one, no space at either end; null stays null.

    A control character or a tag is never part of what the text says, but removing it outright would join the
    words on either side of a line break, so it becomes a space."""
    cleaned = text.str.replace_all(CONTROL_CHARACTERS, " ").str.replace_all(HTML_TAGS, " ")
    cleaned = cleaned.str.replace_many(list(HTML_ENTITIES), list(HTML_ENTITIES.values()))
    return cleaned.str.replace_all(r"\s+", " ").str.strip_chars()


def has_control_characters(text: pl.Expr) -> pl.Expr:
    """Whether a text holds a character `clean_text` replaces; tabs and line breaks count, as they do there."""
    return text.str.contains(CONTROL_CHARACTERS)
