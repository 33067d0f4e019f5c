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
VARIABLES = (MAILTO, TOKEN, CROSSREF_URL, CACHE_DIR, OFFLINE)
"""Every variable :meth:`Settings.from_env` reads."""

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

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings ``environ`` (default ``os.environ``) gives; every bad value reported at once."""
        env = os.environ if environ is None else environ
        problems: list[str] = []
        offline = _boolean(env, OFFLINE, problems)
        if problems:
            raise ConfigError("; ".join(problems))
        cache_dir = _text(env, CACHE_DIR)
        return cls(
            mailto=_text(env, MAILTO),
            token=_text(env, TOKEN),
            crossref_url=_text(env, CROSSREF_URL),
            cache_dir=Path(cache_dir).expanduser() if cache_dir else None,
            offline=bool(offline),
        )


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
