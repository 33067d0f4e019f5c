"""The environment, read in one place: every ``ACUREFS_*`` variable acurefs itself uses.

:meth:`Settings.from_env` is the only reader; :meth:`acurefs.Crossref.from_env` and
:func:`acurefs.sources.cache.default_cache_dir` take their values from it. An empty
value counts as unset. A boolean accepts ``1``, ``0``, ``true``, ``false``, ``yes`` and
``no`` in any case; anything else is a :class:`~acurefs.errors.ConfigError` naming the
variable and the value, never a silent "no".
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError

MAILTO = "ACUREFS_MAILTO"
TOKEN = "ACUREFS_CROSSREF_TOKEN"
CROSSREF_URL = "ACUREFS_CROSSREF_URL"
CACHE_DIR = "ACUREFS_CACHE_DIR"
OFFLINE = "ACUREFS_OFFLINE"
SOURCES = "ACUREFS_SOURCES"
PUBMED_URL = "ACUREFS_PUBMED_URL"
NCBI_API_KEY = "ACUREFS_NCBI_API_KEY"
NCBI_EMAIL = "ACUREFS_NCBI_EMAIL"
VARIABLES = (
    MAILTO,
    TOKEN,
    CROSSREF_URL,
    CACHE_DIR,
    OFFLINE,
    SOURCES,
    PUBMED_URL,
    NCBI_API_KEY,
    NCBI_EMAIL,
)
"""Every variable :meth:`Settings.from_env` reads."""

SOURCE_NAMES = ("crossref", "pubmed")
"""The metadata sources ``ACUREFS_SOURCES`` may list."""
DEFAULT_SOURCES = ("crossref", "pubmed")
TRUE_WORDS = ("1", "true", "yes")
FALSE_WORDS = ("0", "false", "no")


@dataclass(frozen=True, slots=True)
class Settings:
    """What the environment asks of acurefs; ``None`` (or ``False``) where it says nothing."""

    mailto: str | None = None
    token: str | None = field(default=None, repr=False)
    """A Crossref Plus token: kept out of ``repr``."""
    crossref_url: str | None = None
    cache_dir: Path | None = None
    """The directory of the answer cache, ``~`` expanded."""
    offline: bool = False
    sources: tuple[str, ...] = DEFAULT_SOURCES
    """Which metadata sources a run asks, in order (``crossref,pubmed`` by default)."""
    pubmed_url: str | None = None
    ncbi_api_key: str | None = field(default=None, repr=False)
    """An NCBI API key (10 requests a second instead of 3): kept out of ``repr``."""
    ncbi_email: str | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings ``environ`` (default ``os.environ``) gives; every bad value reported at once."""
        env = os.environ if environ is None else environ
        problems: list[str] = []
        offline = _boolean(env, OFFLINE, problems)
        sources = read_sources(env.get(SOURCES, ""), SOURCES, problems)
        if problems:
            raise ConfigError("; ".join(problems))
        cache_dir = _text(env, CACHE_DIR)
        return cls(
            mailto=_text(env, MAILTO),
            token=_text(env, TOKEN),
            crossref_url=_text(env, CROSSREF_URL),
            cache_dir=Path(cache_dir).expanduser() if cache_dir else None,
            offline=bool(offline),
            sources=sources,
            pubmed_url=_text(env, PUBMED_URL),
            ncbi_api_key=_text(env, NCBI_API_KEY),
            ncbi_email=_text(env, NCBI_EMAIL),
        )


def read_sources(raw: str, what: str, problems: list[str]) -> tuple[str, ...]:
    """``crossref,pubmed`` as a tuple of known source names; an unknown one goes to ``problems``.

    Empty means the default; Crossref resolves, so a list without it is refused."""
    names = tuple(dict.fromkeys(n.strip().lower() for n in raw.split(",") if n.strip()))
    if not names:
        return DEFAULT_SOURCES
    unknown = [n for n in names if n not in SOURCE_NAMES]
    if unknown:
        problems.append(
            f"{what}={raw!r} names no known source ({', '.join(unknown)}): use "
            f"{', '.join(SOURCE_NAMES)}"
        )
    elif "crossref" not in names:
        problems.append(f"{what}={raw!r} leaves out crossref, which resolves DOIs: keep it")
    return names


def _text(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip()
    return value or None


def _boolean(env: Mapping[str, str], name: str, problems: list[str]) -> bool | None:
    """The variable as a boolean, None when unset; a bad value goes to ``problems``."""
    raw = env.get(name, "")
    value = raw.strip().lower()
    if not value:
        return None
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    words = ", ".join([*TRUE_WORDS, *FALSE_WORDS])
    problems.append(f"{name}={raw!r} is not a boolean: use one of {words} (any case)")
    return None
