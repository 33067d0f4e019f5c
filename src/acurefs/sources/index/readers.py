"""Crossref work records read from files, one at a time, with where each one sits.

Three shapes, compressed with gzip or not:

* the Crossref public data file: a directory of ``.json.gz`` files, each ``{"items": [...]}``;
* JSON Lines (``.jsonl``, ``.ndjson``): one work per line;
* JSON (``.json``): a list of works, ``{"items": [...]}``, an API answer
  (``{"message": {"items": [...]}}``), or one work.

JSON documents are read incrementally (:class:`_JSONStream`), so memory stays bounded by
the largest single record, whatever the size of the file. Every item comes out as an
:class:`Item` with its file, line and position; whatever cannot be read comes out as a
:class:`Skip` with the same, and reading goes on where it can: a bad line of JSON Lines
is skipped, a document that stops making sense (or a truncated ``.gz``) ends that file.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

LINES_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
JSON_SUFFIXES = (".json", ".json.gz")
SUFFIXES = LINES_SUFFIXES + JSON_SUFFIXES
READ_SIZE = 1 << 20
"""Characters read at a time from a JSON document."""
MAX_RECORD = 64 << 20
"""A single JSON value larger than this is taken for a broken file rather than read on."""


@dataclass(frozen=True, slots=True)
class Where:
    """Where an item sits: the file, its line (1-based) and its position among the file's items."""

    path: str
    line: int
    position: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True, slots=True)
class Item:
    """One work as read (any JSON value: the caller decides whether it is a work)."""

    value: Any
    where: Where


@dataclass(frozen=True, slots=True)
class Skip:
    """Something that could not be read or used, and why (one line)."""

    where: Where
    reason: str
    ends_file: bool = False
    """True when the rest of the file could not be read (missing, broken, truncated)."""

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


class _Position:
    """Counts the bytes read from the file on disk (for progress), under any decompression."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw

    @property
    def done(self) -> int:
        return self.raw.tell()


def source_files(path: Path) -> list[Path]:
    """The files a source path names: itself, or a directory's readable files, sorted."""
    if path.is_dir():
        return sorted(
            p
            for p in path.rglob("*")
            if p.is_file() and p.name.lower().endswith(SUFFIXES) and not p.name.startswith(".")
        )
    return [path]


def read_file(
    path: Path, *, on_bytes: Callable[[int], None] | None = None, chunk: int = READ_SIZE
) -> Iterator[Item | Skip]:
    """Every item of one source file, then a :class:`Skip` if the file ended badly.

    ``on_bytes`` is told how many bytes of the file (as stored) have been read; ``chunk``
    is how many characters a JSON document is read at a time.
    """
    name = str(path)
    lower = path.name.lower()
    if not lower.endswith(SUFFIXES):
        expected = ", ".join(SUFFIXES)
        yield Skip(Where(name, 0, 0), f"not a source file: expected {expected}", ends_file=True)
        return
    try:
        raw = path.open("rb")
    except OSError as exc:
        yield Skip(Where(name, 0, 0), f"cannot read: {exc.strerror or exc}", ends_file=True)
        return
    with raw:
        binary: IO[bytes] = (
            cast(IO[bytes], gzip.GzipFile(fileobj=raw)) if lower.endswith(".gz") else raw
        )
        text = io.TextIOWrapper(binary, encoding="utf-8", errors="strict")
        position = _Position(raw)
        if lower.endswith(LINES_SUFFIXES):
            items = _lines(text, name, position, on_bytes)
        else:
            items = _document(_JSONStream(text, name, position, on_bytes, chunk))
        yield from _guarded(items, name)


def _guarded(items: Iterator[Item | Skip], name: str) -> Iterator[Item | Skip]:
    """The items, and a :class:`Skip` instead of an exception when the file breaks off."""
    last, read = Where(name, 1, 0), 0
    try:
        for item in items:
            last, read = item.where, read + isinstance(item, Item)
            yield item
    except (EOFError, OSError, zlib.error) as exc:  # truncated or corrupt .gz
        yield Skip(last, f"the file breaks off after {read} items: {exc}", ends_file=True)
    except UnicodeDecodeError as exc:
        yield Skip(last, f"not UTF-8 after {read} items: {exc.reason}", ends_file=True)


def _lines(
    text: IO[str], name: str, position: _Position, on_bytes: Callable[[int], None] | None
) -> Iterator[Item | Skip]:
    count = 0
    for number, line in enumerate(text, start=1):
        if on_bytes is not None and number % 256 == 0:
            on_bytes(position.done)
        if not line.strip():
            continue
        where = Where(name, number, count)
        count += 1
        try:
            yield Item(json.loads(line), where)
        except ValueError as exc:
            yield Skip(where, f"not JSON: {exc}")
    if on_bytes is not None:
        on_bytes(position.done)


def _document(stream: _JSONStream) -> Iterator[Item | Skip]:
    try:
        yield from stream.items()
    except _BrokenError as exc:
        yield Skip(Where(stream.name, stream.line, stream.count), str(exc), ends_file=True)


class _BrokenError(Exception):
    """The document cannot be read on from here."""


class _JSONStream:
    """A JSON document read value by value: the works of a list or of an ``items`` list."""

    def __init__(
        self,
        text: IO[str],
        name: str,
        position: _Position,
        on_bytes: Callable[[int], None] | None,
        chunk: int,
    ) -> None:
        self._text = text
        self.name = name
        self._chunk = chunk
        self._position = position
        self._on_bytes = on_bytes
        self._buffer = ""
        self._at = 0
        self._eof = False
        self._decoder = json.JSONDecoder()
        self.line = 1
        """The line the reader has reached."""
        self.count = 0
        """Items read so far."""

    def items(self) -> Iterator[Item]:
        opening = self._peek()
        if opening == "[":
            yield from self._array()
        elif opening == "{":
            yield from self._object(top=True)
        elif opening == "":
            raise _BrokenError("the file is empty")
        else:
            raise _BrokenError(f"expected a JSON list or object, found {opening!r}")
        if self._peek() != "":
            raise _BrokenError("unexpected text after the JSON document")

    def _array(self) -> Iterator[Item]:
        self._expect("[")
        if self._peek() == "]":
            self._expect("]")
            return
        while True:
            self._peek()
            where = Where(self.name, self.line, self.count)
            value = self._value()
            self.count += 1
            yield Item(value, where)
            if self._expect(",", "]") == "]":
                return

    def _object(self, *, top: bool) -> Iterator[Item]:
        """The works of ``items`` (also under ``message``); a lone work is yielded whole."""
        start = Where(self.name, self.line, self.count)
        self._expect("{")
        kept: dict[str, Any] = {}
        listed = False
        if self._peek() != "}":
            while True:
                key = self._value()
                if not isinstance(key, str):
                    raise _BrokenError("an object key is not a string")
                self._expect(":")
                opening = self._peek()
                if key == "items" and opening == "[":
                    listed = True
                    yield from self._array()
                elif key == "message" and opening == "{":
                    listed = True
                    yield from self._object(top=False)
                else:
                    kept[key] = self._value()
                if self._expect(",", "}") == "}":
                    break
        if not listed and "DOI" in kept:  # one work on its own
            self.count += 1
            yield Item(kept, start)
        elif not listed and top:
            raise _BrokenError("a JSON object without 'items' and without a 'DOI'")

    # --- the buffer ---------------------------------------------------------------------

    def _fill(self) -> bool:
        """Read more text; False at the end of the file."""
        if self._eof:
            return False
        chunk = self._text.read(self._chunk)
        if self._on_bytes is not None:
            self._on_bytes(self._position.done)
        if not chunk:
            self._eof = True
            return False
        self._buffer = self._buffer[self._at :] + chunk
        self._at = 0
        return True

    def _advance(self, end: int) -> None:
        self.line += self._buffer.count("\n", self._at, end)
        self._at = end

    def _peek(self) -> str:
        """The next character that is not white space ('' at the end), not consumed."""
        while True:
            buffer, at = self._buffer, self._at
            while at < len(buffer) and buffer[at] in " \t\r\n":
                at += 1
            self._advance(at)
            if at < len(buffer):
                return buffer[at]
            if not self._fill():
                return ""

    def _expect(self, *choices: str) -> str:
        found = self._peek()
        if found not in choices:
            shown = found or "the end of the file"
            wanted = " or ".join(repr(c) for c in choices)
            raise _BrokenError(f"expected {wanted}, found {shown!r}")
        self._advance(self._at + 1)
        return found

    def _value(self) -> Any:
        """The next JSON value, reading more until it is whole."""
        self._peek()
        while True:
            try:
                value, end = self._decoder.raw_decode(self._buffer, self._at)
            except json.JSONDecodeError as exc:
                # Incomplete or broken: more text decides, unless there is none.
                if len(self._buffer) - self._at > MAX_RECORD or not self._fill():
                    raise _BrokenError(f"not JSON: {exc.msg}") from exc
                continue
            if end == len(self._buffer) and not self._eof and self._fill():
                continue  # a number may go on in the next chunk
            self._advance(end)
            return value
