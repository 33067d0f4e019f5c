"""Project configuration: ``[tool.acurefs]`` in ``pyproject.toml``, or an ``acurefs.toml``.

Today it holds suppressions: one finding silenced for one reference, or for one
claim, with a reason and an optional expiry date. An expired suppression silences
nothing and becomes a finding of its own; a suppression that matches nothing is
reported too, so stale entries do not pile up. ::

    [[tool.acurefs.suppress]]            # in acurefs.toml: [[suppress]]
    reference = "kim2016safety"          # a citation key, or "file.txt#8"
    code = "pages-missing"
    reason = "Medicine's print edition has no article numbers"
    expires = 2027-06-30

    [[tool.acurefs.suppress]]
    claim = "More effective than morphine"   # words of the claim, as printed
    document = "acupuncture-sleep.txt"       # optional: only in this article
    code = "uncited-claim"
    reason = "the clinic's own audit, linked below the article"
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..models import Finding, Reference, Severity
from ..text import words_folded

if sys.version_info >= (3, 11):  # pragma: no cover - depends on the interpreter
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAMES = ("acurefs.toml", "pyproject.toml")


@dataclass(frozen=True, slots=True)
class Suppression:
    """One finding code silenced for one reference."""

    reference: str
    """A citation key (``kim2016safety``) or ``document#number`` (``article.txt#8``)."""
    code: str
    reason: str
    expires: dt.date | None = None
    source: str | None = None
    """The file the suppression was read from."""
    claim: str | None = None
    """Words of a claim (``reference`` is then empty): silences that claim's findings
    (``uncited-claim``, ``claim-year-mismatch``...) wherever it stands in the article."""
    document: str | None = None
    """With ``claim``: only in this article (its name or path)."""

    @property
    def target(self) -> str:
        """What the suppression names, as messages show it."""
        if self.claim is None:
            return self.reference
        where = f" in {self.document}" if self.document else ""
        return f"the claim {self.claim!r}{where}"

    def named(self) -> dict[str, str]:
        """What the suppression names, for a finding's detail."""
        if self.claim is None:
            return {"reference": self.reference, "code": self.code}
        return {
            "claim": self.claim,
            **({"document": self.document} if self.document else {}),
            "code": self.code,
        }

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and today > self.expires

    def covers(self, reference: Reference | None, key: str | None, finding: Finding) -> bool:
        """Whether this silences ``finding`` (about ``reference``, or structural when None)."""
        if finding.code != self.code and self.code != "*":
            return False
        if self.claim is not None:
            return self._covers_claim(finding)
        if key is not None and self.reference == key:
            return True
        document = reference.document if reference is not None else finding.document
        number = reference.number if reference is not None else finding.number
        return document is not None and self.reference in (
            f"{document}#{number}",
            f"{Path(document).name}#{number}",
        )

    def _covers_claim(self, finding: Finding) -> bool:
        """The finding is about a claim holding these words (case and spacing aside)."""
        claim = finding.detail.get("claim")
        if not claim or not self.claim or words_folded(self.claim) not in words_folded(claim):
            return False
        if self.document is None:
            return True
        document = finding.document or ""
        return self.document in (document, Path(document).name)


@dataclass(frozen=True, slots=True)
class Config:
    """What the configuration file says (empty when there is none)."""

    suppressions: tuple[Suppression, ...] = ()
    path: str | None = None


def find_config(start: Path) -> Path | None:
    """The nearest ``acurefs.toml``, or ``pyproject.toml`` with a ``[tool.acurefs]`` table, upwards."""
    directory = start if start.is_dir() else start.parent
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name == "acurefs.toml" or "[tool.acurefs" in candidate.read_text(
                encoding="utf-8", errors="replace"
            ):
                return candidate
    return None


def load_config(path: str | Path | None) -> Config:
    """Read a configuration file; every problem in it is reported at once as one ConfigError."""
    if path is None:
        return Config()
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"No configuration file at {str(path)!r}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Cannot read {str(path)!r}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{str(path)!r} is not valid TOML: {exc}") from exc
    table = data.get("tool", {}).get("acurefs", {}) if p.name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise ConfigError(f"{str(path)!r}: [tool.acurefs] must be a table")
    suppressions, problems = _suppressions(table.get("suppress", []), str(p))
    unknown = sorted(set(table) - {"suppress"})
    if unknown:
        problems.append(f"unknown settings: {', '.join(unknown)} (acurefs reads only 'suppress')")
    if problems:
        raise ConfigError(f"{str(path)!r}: " + "; ".join(problems))
    return Config(tuple(suppressions), str(p))


def _suppressions(rows: Any, source: str) -> tuple[list[Suppression], list[str]]:
    if not isinstance(rows, list):
        return [], ["'suppress' must be a list of tables ([[tool.acurefs.suppress]])"]
    out, problems = [], []
    for n, row in enumerate(rows, start=1):
        where = f"suppression {n}"
        if not isinstance(row, dict):
            problems.append(f"{where} is not a table")
            continue
        named = [k for k in ("reference", "claim") if str(row.get(k) or "").strip()]
        missing = [k for k in ("code", "reason") if not str(row.get(k) or "").strip()]
        if not named:
            missing.insert(0, "reference (or claim)")
        if missing:
            problems.append(f"{where} has no {', '.join(missing)}")
            continue
        if len(named) == 2:
            problems.append(f"{where} names both a reference and a claim: give one")
            continue
        unknown = sorted(set(row) - {"reference", "claim", "document", "code", "reason", "expires"})
        if unknown:
            problems.append(f"{where} has unknown keys: {', '.join(unknown)}")
            continue
        if "document" in row and "claim" not in row:
            problems.append(f"{where} has a document but no claim (a reference names its own)")
            continue
        expires = row.get("expires")
        if isinstance(expires, dt.datetime):
            expires = expires.date()
        elif isinstance(expires, str):
            try:
                expires = dt.date.fromisoformat(expires)
            except ValueError:
                problems.append(f"{where} expires on {expires!r}, not a date (YYYY-MM-DD)")
                continue
        elif expires is not None and not isinstance(expires, dt.date):
            problems.append(f"{where} expires on {expires!r}, not a date (YYYY-MM-DD)")
            continue
        claim = str(row["claim"]).strip() if "claim" in row else None
        out.append(
            Suppression(
                str(row.get("reference") or ""),
                str(row["code"]),
                str(row["reason"]),
                expires,
                source,
                claim=claim,
                document=str(row["document"]) if row.get("document") else None,
            )
        )
    return out, problems


@dataclass(frozen=True, slots=True)
class Suppressible:
    """A finding, the reference it is about (None for an article's own) and that one's key."""

    reference: Reference | None
    key: str | None
    finding: Finding


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A finding a suppression silenced."""

    finding: Finding
    suppression: Suppression


def apply_suppressions(
    items: Sequence[Suppressible],
    suppressions: Iterable[Suppression],
    *,
    today: dt.date,
) -> tuple[list[Finding], list[Suppressed], list[Finding]]:
    """Split findings into (kept, silenced) and report expired or unused suppressions as findings."""
    rules = list(suppressions)
    used: set[int] = set()
    kept: list[Finding] = []
    silenced: list[Suppressed] = []
    for item in items:
        reference, key, finding = item.reference, item.key, item.finding
        match = None
        for i, rule in enumerate(rules):
            if rule.covers(reference, key, finding):
                used.add(i)
                match = rule
                break
        if match is not None and not match.expired(today):
            silenced.append(Suppressed(finding, match))
        else:
            kept.append(finding)
    notes = []
    for i, rule in enumerate(rules):
        if rule.expired(today):
            notes.append(
                Finding(
                    code="suppression-expired",
                    severity=Severity.WARNING,
                    message=f"The suppression of {rule.code} for {rule.target} expired on "
                    f"{rule.expires}: the finding is reported again ({rule.reason})",
                    document=rule.source,
                    detail=rule.named(),
                )
            )
        elif i not in used:
            notes.append(
                Finding(
                    code="suppression-unused",
                    severity=Severity.INFO,
                    message=f"The suppression of {rule.code} for {rule.target} matches no finding",
                    document=rule.source,
                    detail=rule.named(),
                )
            )
    return kept, silenced, notes
