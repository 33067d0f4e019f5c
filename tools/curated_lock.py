"""A lock built from hand-checked metadata instead of Crossref answers (provenance ``curated``).

The bundled corpus ships such a lock, made from ``../shared/corpus-metadata.json``:
published facts checked by hand against public pages, each field with its
sources. Every reference of the corpus gets an entry: the works the metadata
confirms carry their record and the verdict acurefs's own validation gives;
the others stay ``unresolved``.

    python tools/curated_lock.py ../shared/corpus-metadata.json -o refs/acurefs.lock.json
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from acurefs.document.corpus import bundled_refs_dir, load_corpus
from acurefs.export.citations import citation_keys
from acurefs.models import (
    Corpus,
    Finding,
    Person,
    Provenance,
    Record,
    Reference,
    Resolution,
    Severity,
    Verdict,
)
from acurefs.resolve.checks import check_record, verdict_for
from acurefs.resolve.lock import Lock, lock_from_references
from acurefs.text import without_group_prefix

NOTE = (
    "Curated: built from hand-checked published metadata (../shared/corpus-metadata.json), "
    "not from Crossref answers. Run `acurefs resolve --update-lock` to replace it with Crossref's."
)
_SEED_ROW = re.compile(r"^\|\s*`(?P<file>[^`]+)`\s*\|\s*`(?P<seed>[^`]+)`\s*\|", re.M)


def seed_names(readme: str) -> dict[str, str]:
    """Seed file name -> bundled file name, from the table in ``refs/README.md``."""
    return {m.group("seed"): m.group("file") for m in _SEED_ROW.finditer(readme)}


def record_from_metadata(work: Mapping[str, Any]) -> Record | None:
    """A Record from one ``works`` entry of the metadata file (None when it has no DOI)."""
    doi = work.get("doi")
    if not doi:
        return None
    given = work.get("given_names") or {}
    authors = []
    seen: set[str] = set()
    for name in work.get("authors") or ():
        if name.lower().startswith(("for the ", "on behalf of ")):
            group = without_group_prefix(name)
            authors.append(Person(family=group, collective=True))
            continue
        family, _, initials = name.rpartition(" ")
        # Two authors printed alike ("Lee H", "Lee H"): the given name is known for the first only.
        first_of_its_name = name not in seen
        seen.add(name)
        known = given.get(name, "") if first_of_its_name else ""
        authors.append(Person(family=family or name, given=known, initials=initials))
    return Record(
        doi=str(doi).lower(),
        title=work.get("title"),
        authors=tuple(authors),
        journal=work.get("journal"),
        journal_abbrev=work.get("journal_abbrev"),
        year=work.get("year"),
        volume=work.get("volume"),
        issue=work.get("issue"),
        pages=work.get("pages"),
        article_number=work.get("article_number"),
        type="journal-article",
    )


def curated_resolutions(
    references: Sequence[Reference], metadata: Mapping[str, Any], names: Mapping[str, str]
) -> list[Reference]:
    """The references with a resolution from the metadata (``unresolved`` where it has none)."""
    by_place: dict[tuple[str, int], Mapping[str, Any]] = {}
    for work in metadata.get("works") or ():
        cited = work.get("cited_in") or {}
        document = names.get(str(cited.get("document")), str(cited.get("document")))
        if cited.get("number") is not None:
            by_place[(document, int(cited["number"]))] = work
    out = []
    for ref in references:
        work = by_place.get((ref.document or "", ref.number or -1))
        out.append(dataclasses.replace(ref, resolution=_resolution(ref, work)))
    return out


def _resolution(ref: Reference, work: Mapping[str, Any] | None) -> Resolution:
    if work is None:
        return _unresolved(
            ref,
            "not identified when the metadata was checked by hand",
            Provenance(source="curated", note=NOTE),
        )
    sources = tuple(f"{k}: {v}" for k, v in (work.get("sources") or {}).items())
    provenance = Provenance(source="curated", sources=sources, note=NOTE)
    record = record_from_metadata(work)
    if record is None:
        return _unresolved(
            ref, "the work is identified, but no DOI could be confirmed for it", provenance
        )
    findings = check_record(ref, record)
    return Resolution(
        verdict=verdict_for(findings),
        doi=record.doi,
        record=record,
        findings=tuple(findings),
        provenance=provenance,
    )


def _unresolved(ref: Reference, reason: str, provenance: Provenance) -> Resolution:
    finding = Finding.about(
        ref, "unresolved", Severity.WARNING, f"Not resolved to a published work: {reason}"
    )
    return Resolution(Verdict.UNRESOLVED, reason=reason, findings=(finding,), provenance=provenance)


def curated_lock(corpus: Corpus, metadata: Mapping[str, Any], names: Mapping[str, str]) -> Lock:
    """The lock for ``corpus`` from hand-checked ``metadata`` (``names``: seed -> bundled file)."""
    resolved = curated_resolutions(corpus.references, metadata, names)
    keys = citation_keys(resolved)
    return lock_from_references(resolved, keys=keys, note=NOTE, generated="curated")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python tools/curated_lock.py", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("metadata", help="the hand-checked metadata file (corpus-metadata.json)")
    parser.add_argument("-o", "--output", help="where to write the lock (default: stdout)")
    args = parser.parse_args(argv)
    metadata = json.loads(Path(args.metadata).read_text(encoding="utf-8"))
    names = seed_names((bundled_refs_dir() / "README.md").read_text(encoding="utf-8"))
    lock = curated_lock(load_corpus(), metadata, names)
    if args.output:
        lock.write(args.output)
    else:
        sys.stdout.write(json.dumps(lock.to_json(), indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
