"""Databases read through connectorx (PostgreSQL, Oracle, ...), with errors that never carry credentials.

A target knows how to connect and how to describe itself for messages (host and database only): every
error raised from a read is rewritten with the password removed in each spelling it could take.
"""

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit, urlunsplit

import connectorx as cx
import polars as pl
import psycopg

from clinical_mining.config import IDENTIFIER
from clinical_mining.errors import InputError

_PERMANENT_DB_ERRORS = re.compile(
    r"password authentication failed|no password supplied|role .* does not exist|database .* does not exist"
    r"|permission denied|invalid username/password|ORA-01017|(relation|column|table) .* does not exist"
    r"|ORA-00942|ORA-00904",
    re.IGNORECASE,
)


class DatabaseConnectionError(RuntimeError):
    """The database could not be reached or stopped answering; worth retrying."""


def quote_identifier(name: str) -> str:
    """A double-quoted SQL identifier; only plain identifiers are accepted, so nothing can escape the quotes."""
    if not IDENTIFIER.match(name):
        raise InputError(f"{name!r} is not a valid SQL identifier")
    return f'"{name}"'


@dataclass(frozen=True)
class DatabaseTarget:
    """A database and its credentials; the credentials are used to connect and never shown."""

    uri: str
    user: str | None = None
    password: str | None = None
    connect_timeout: int = 10
    label: str = "AACT database"
    statement_timeout_seconds: int | None = None

    def _uri(self, host_fallback: bool) -> str:
        parts = urlsplit(self.uri)
        if self.statement_timeout_seconds and parts.scheme.startswith("postgres"):
            # a read that stops progressing (a lock, a stalled server) ends instead of hanging the run
            timeout = {"options": f"-c statement_timeout={self.statement_timeout_seconds * 1000}"}
            setting = urlencode(timeout, quote_via=quote)  # %20, not "+": libpq does not read "+" as a space
            parts = parts._replace(query=f"{parts.query}&{setting}" if parts.query else setting)
        # a user or password written into the URI is percent-encoded there: decoded first, so it is encoded once
        user = self.user or (unquote(parts.username) if parts.username else None)
        password = self.password or (unquote(parts.password) if parts.password else None)
        host = parts.hostname or ("localhost" if host_fallback else "")  # connectorx needs a host with ?host=
        netloc = quote(user, safe="") if user else ""
        if password:
            netloc += ":" + quote(password, safe="")
        netloc += ("@" if netloc else "") + host + (f":{parts.port}" if parts.port else "")
        return urlunsplit(parts._replace(netloc=netloc))

    @property
    def folds_to_lower_case(self) -> bool:
        """Whether the server stores unquoted names in lower case (PostgreSQL) rather than upper (Oracle): a quoted
        name must then be written in that case."""
        return urlsplit(self.uri).scheme.startswith(("postgres", "redshift"))

    @property
    def display(self) -> str:
        """Host and database, for messages: never the user's password."""
        parts = urlsplit(self.uri)
        host = parts.hostname or parse_qs(parts.query).get("host", ["local socket"])[0]
        port = f":{parts.port}" if parts.port else ""
        return f"{host}{port}/{parts.path.lstrip('/') or '?'}"

    def scrub(self, text: str) -> str:
        """The text with the password removed in every spelling it could take."""
        written = urlsplit(self.uri).password
        password = self.password or (unquote(written) if written else None)
        for secret in filter(None, {password, written, quote(password or "", safe="")}):
            text = text.replace(secret, "***")
        return text

    def _failure(self, exc: BaseException) -> Exception:
        message = " ".join(self.scrub(str(exc)).split()) or type(exc).__name__
        if "statement timeout" in message:
            message = f"the read took longer than {self.statement_timeout_seconds} s and was cancelled ({message})"
        if _PERMANENT_DB_ERRORS.search(message):
            return InputError(f"{self.label} {self.display}: {message}")
        return DatabaseConnectionError(f"{self.label} {self.display} is unreachable or failed: {message}")

    def columns(self, schema: str, table: str) -> list[str]:
        """A PostgreSQL table's columns, asked through psycopg: it fails fast and says why, where connectorx's
        connection pool retries a refused connection or a wrong password for 30 seconds."""
        query = (
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = %s AND table_name = %s ORDER BY ordinal_position"
        )
        try:
            with psycopg.connect(self._uri(False), connect_timeout=self.connect_timeout) as connection:
                return [row[0] for row in connection.execute(query, (schema, table)).fetchall()]
        except psycopg.Error as exc:
            raise self._failure(exc) from None

    def read(self, query: str, partition_on: str | None = None, partitions: int = 1) -> pl.DataFrame:
        """Run a query through connectorx, in parallel range partitions when asked."""
        kwargs: dict[str, Any] = {}
        if partition_on and partitions > 1:
            kwargs = {"partition_on": partition_on, "partition_num": partitions}
        try:
            return cx.read_sql(self._uri(True), query, return_type="polars", **kwargs)
        except Exception as exc:  # connectorx raises bare RuntimeErrors that quote the connection string
            raise self._failure(exc) from None
