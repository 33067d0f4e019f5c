"""Resolving and validating on a Dask cluster: a real scheduler and real workers on loopback.

The results must be the one-process results, reference by reference; a worker that dies has
its articles run again elsewhere; a worker that cannot open the index stops the run with
one line of error.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import acurefs
from acurefs import ConfigError, Corpus, Lock
from acurefs.report.distributed import validate_on_cluster
from acurefs.resolve.distributed import Answers, ArticleJob, resolve_article, resolve_on_cluster
from acurefs.sources.index import LocalIndex, build_index
from tests.fake_crossref import fixture_records

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[2]
DIE_ONCE = "ACUREFS_TEST_DIE_ONCE"
"""The file whose creation marks that a worker was killed (the environment tells workers)."""


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cluster-index")
    source = folder / "works.jsonl"
    source.write_text("".join(json.dumps(w) + "\n" for w in fixture_records()), encoding="utf-8")
    build_index(folder / "works.sqlite3", [source])
    return folder / "works.sqlite3"


def _vancouver(record: acurefs.Record) -> str:
    names = ", ".join(f"{p.family} {p.initials}".strip() for p in record.authors[:3]) or "Anon"
    pages = record.pages or record.article_number or ""
    return (
        f"{names}. {record.title}. {record.journal_abbrev or record.journal}. "
        f"{record.year};{record.volume}({record.issue}):{pages}."
    )


@pytest.fixture(scope="module")
def corpus(index: Path) -> Corpus:
    """The bundled corpus and eight articles citing the fixture works (and one unknown work)."""
    held = LocalIndex(index).works(w["DOI"] for w in fixture_records())
    records = [w.record for w in held.values() if w.record is not None and w.record.title]
    articles = []
    for n in range(8):
        cited = records[n * 3 : n * 3 + 5] or records[:5]
        body = " ".join(f"Finding {i + 1} holds.{i + 1}" for i in range(len(cited) + 1))
        refs = [_vancouver(r) for r in cited] + [
            "Nobody A. A study nobody wrote. J Nowhere. 2001;1:1-9."
        ]
        text = body + "\n\nReferences\n\n" + "".join(f"{i + 1}. {r}\n" for i, r in enumerate(refs))
        articles.append(acurefs.parse_document(text, name=f"article-{n}.txt"))
    return Corpus(documents=(*acurefs.load_corpus().documents, *articles))


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """Two in-process workers on loopback, one thread each."""
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=False,
            protocol="tcp",
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",  # a free port on loopback: 8787 may be taken
        ) as local,
        distributed.Client(local, set_as_default=False) as client,
    ):
        yield client


def test_results_are_the_one_process_results(index: Path, corpus: Corpus, cluster: Any) -> None:
    lock = Lock.load(ROOT / "refs" / "acurefs.lock.json")
    seen: list[tuple[int, int]] = []
    run = resolve_on_cluster(
        corpus, index=index, scheduler=cluster, lock=lock, progress=lambda d, t: seen.append((d, t))
    )
    alone = acurefs.resolve(corpus, source=LocalIndex(index), lock=lock)
    assert len(run.corpus.references) == len(alone.references) > 40
    for mine, theirs in zip(run.corpus.references, alone.references, strict=True):
        assert mine.resolution == theirs.resolution, mine.label
    assert run.corpus == alone
    assert run.workers == 2
    total = len(corpus.references)
    assert seen[0] == (0, total)
    assert seen[-1] == (total, total)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert not run.answers.searches  # not asked for
    recorded = resolve_on_cluster(corpus, index=index, scheduler=cluster, lock=lock, answers=True)
    assert recorded.corpus == alone
    assert recorded.answers.searches


def test_validation_on_the_cluster_writes_the_one_process_report(
    index: Path, corpus: Corpus, cluster: Any
) -> None:
    lock = ROOT / "refs" / "acurefs.lock.json"
    mine = validate_on_cluster(corpus, index=index, scheduler=cluster, lock=lock).to_dict()
    alone = acurefs.validate(corpus, source=LocalIndex(index), lock=lock).to_dict()
    for report in (mine, alone):
        for moment in ("started", "finished"):
            report["run"].pop(moment)
    assert mine == alone


def test_a_worker_that_cannot_open_the_index_stops_the_run(
    corpus: Corpus, cluster: Any, tmp_path: Path
) -> None:
    with pytest.raises(ConfigError, match="A Dask worker could not open the index: No index at"):
        resolve_on_cluster(corpus, index=tmp_path / "nowhere.sqlite3", scheduler=cluster)


def test_a_scheduler_nobody_runs_is_one_config_error(corpus: Corpus, index: Path) -> None:
    with pytest.raises(ConfigError, match="Cannot reach the Dask scheduler"):
        resolve_on_cluster(corpus, index=index, scheduler="tcp://127.0.0.1:9", timeout=1.0)


def die_once(document: acurefs.Document, job: ArticleJob) -> tuple[acurefs.Document, Answers]:
    """The first article any worker starts kills that worker's process; the rest run normally."""
    try:
        marker = os.open(os.environ[DIE_ONCE], os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        return resolve_article(document, job)
    os.close(marker)
    os._exit(1)


def _start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT, start_new_session=True
        )


def test_a_worker_that_dies_has_its_articles_run_elsewhere(
    index: Path, corpus: Corpus, tmp_path: Path
) -> None:
    """A real ``dask scheduler`` and two ``dask worker`` processes (under nannies) on loopback."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), DIE_ONCE: str(tmp_path / "died")}
    address_file = tmp_path / "scheduler.json"
    dask = [sys.executable, "-c", "from distributed.cli.dask_scheduler import main; main()"]
    processes = [
        _start(
            [
                *dask,
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
                "--scheduler-file",
                str(address_file),
            ],
            env,
            tmp_path / "scheduler.log",
        )
    ]
    try:
        deadline = time.monotonic() + 60
        while not address_file.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        worker = [sys.executable, "-c", "from distributed.cli.dask_worker import main; main()"]
        processes.append(
            _start(
                [
                    *worker,
                    "--scheduler-file",
                    str(address_file),
                    "--nworkers",
                    "2",
                    "--nthreads",
                    "1",
                    "--no-dashboard",
                    "--host",
                    "127.0.0.1",
                ],
                env,
                tmp_path / "workers.log",
            )
        )
        with distributed.Client(scheduler_file=str(address_file), set_as_default=False) as client:
            client.wait_for_workers(2, timeout=60)
            run = resolve_on_cluster(corpus, index=index, scheduler=client, task=die_once)
    finally:
        for process in processes:  # each in its own session: the nannies' workers go too
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert (tmp_path / "died").exists()  # a worker did die
    alone = acurefs.resolve(corpus, source=LocalIndex(index), lock=Lock(()))
    assert run.corpus == alone
