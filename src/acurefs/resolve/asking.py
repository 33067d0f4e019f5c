"""How a run asks a metadata source: the query string, and the views of a source a run uses
(one a stop silences, one answering from its cache alone)."""

from __future__ import annotations

import inspect
import threading

from ..identifiers import MARKDOWN_LINK, without_addresses
from ..models import Reference
from ..reference.cleaning import clean
from ..sources.base import MetadataSource, RefreshableSource, StoppableSource


def search_query(ref: Reference) -> str:
    """What to ask Crossref for: the printed reference, without link syntax and addresses."""
    text = clean(ref.raw)
    text = MARKDOWN_LINK.sub(lambda m: m.group("text") + " ", text, count=1)
    text = without_addresses(text)
    text = " ".join(text.split())
    if len(text) < 10 and ref.title:
        text = ref.title
    return text


def takes_parsed(source: MetadataSource) -> bool:
    """Whether a source's search takes the reference already parsed (the local index: it
    saves parsing the string a second time)."""
    try:
        return "reference" in inspect.signature(source.search).parameters
    except (TypeError, ValueError):
        return False


def stoppable(source: MetadataSource, stop: threading.Event) -> MetadataSource:
    """The source as a run asks it: silenced by ``stop`` when it can be."""
    return source.with_stop(stop) if isinstance(source, StoppableSource) else source


def cached_only(source: MetadataSource | None) -> MetadataSource | None:
    """A failed source's cache-only view; None for a source without one (the lock alone)."""
    return source.cached_only() if isinstance(source, RefreshableSource) else None
