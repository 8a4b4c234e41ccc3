"""`newsevents dev`: embedded broker + worker subprocess + optional produce and live output, then stop."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

from stream.config.settings import Settings
from stream.config.topics import ensure_topics
from stream.devtools.broker import EMBEDDED_FETCH_WAIT_SECONDS, EmbeddedBroker, free_port, wait_for_port
from stream.devtools.client import produce_messages, tail_topics
from stream.devtools.inputs import read_inputs

__all__ = ["WorkerProcess", "read_counters", "run_dev"]


class WorkerProcess:
    """A `newsevents worker` child process with its own web port and log file."""

    def __init__(
        self,
        settings: Settings,
        log_path: Path,
        extra_env: dict[str, str] | None = None,
        args: tuple[str, ...] = (),
    ) -> None:
        self.settings = settings
        self.log_path = log_path
        env = {
            **os.environ,
            "NEWSEVENTS_BOOTSTRAP_SERVERS": settings.bootstrap_servers,
            "NEWSEVENTS_WEB_PORT": str(settings.web_port),
            "NEWSEVENTS_WEB_HOST": "127.0.0.1",
            "NEWSEVENTS_PARTITIONS": str(settings.partitions),
            "NEWSEVENTS_SESSION_TIMEOUT_SECONDS": str(settings.session_timeout_seconds),
            "NEWSEVENTS_DATA_DIR": str(settings.data_dir),
            "NEWSEVENTS_APP_ID": settings.app_id,
            "NEWSEVENTS_PRODUCER_MAX_BATCH_BYTES": str(settings.producer_max_batch_bytes),
            "NEWSEVENTS_LOG_LEVEL": settings.log_level,
            "NEWSEVENTS_STORE": settings.store,
            "NEWSEVENTS_FETCH_MAX_WAIT_SECONDS": str(settings.fetch_max_wait_seconds),
            "NEWSEVENTS_COMMIT_INTERVAL_SECONDS": str(settings.commit_interval_seconds),
            **(extra_env or {}),
        }
        with open(log_path, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "stream", "worker", *args],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )

    @property
    def metrics_url(self) -> str:
        return f"http://127.0.0.1:{self.settings.web_port}/metrics"

    def wait_web(self, timeout: float = 60.0) -> None:
        wait_for_port("127.0.0.1", self.settings.web_port, timeout, self.process)

    def stop(self, timeout: float = 30.0) -> int:
        """SIGTERM (Faust shuts down cleanly), SIGKILL after `timeout`; returns the exit code."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout)
        return self.process.returncode

    def kill(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)


def read_counters(url: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of a /metrics page: (name, sorted labels) -> value."""
    with urllib.request.urlopen(url, timeout=5) as response:
        text = response.read().decode()
    samples: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def _total(samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str) -> float:
    want = set(labels.items())
    return sum(v for (n, lab), v in samples.items() if n == name and want <= set(lab))


def pipeline_drained(url: str | list[str], produced: int, candidates_topic: str) -> bool:
    """Every produced record has left the ingest stage, every article the article stage and every coded
    event the event stage (which consumes `candidates_topic`), summed over the workers at `url`."""
    del candidates_topic  # kept for the callers: the event stage counts what it applied
    try:
        per_worker = [read_counters(u) for u in ([url] if isinstance(url, str) else url)]
    except OSError:
        return False

    def total(name: str, **labels: str) -> float:
        return sum(_total(samples, name, **labels) for samples in per_worker)

    finished_raw = total("newsevents_raw_messages_total")
    articles_in = total("newsevents_raw_messages_total", outcome="article")
    articles_out = total("newsevents_articles_total")
    coded = total("newsevents_events_extracted_total")
    # Candidates applied, not records consumed: one candidates record carries several.
    settled = total("newsevents_candidates_applied_total")
    return finished_raw >= produced and articles_out >= articles_in and settled >= coded


async def _follow(settings: Settings, emit: Callable[[str, bytes], None]) -> None:
    topics = settings.topics
    async for topic, _key, value in tail_topics(
        settings, [topics.diplomatic, topics.conflict, topics.duplicates, topics.dlq]
    ):
        if value is not None:
            emit(topic, value)


async def _dev(
    settings: Settings,
    produce: list[str],
    emit: Callable[[str, bytes], None],
    exit_when_done: bool,
    idle_seconds: float,
    log: Callable[[str], None],
) -> int:
    await ensure_topics(settings)
    log_path = Path(tempfile.gettempdir()) / f"newsevents-worker-{settings.web_port}.log"
    worker = WorkerProcess(settings, log_path)
    log(f"worker pid {worker.process.pid}, metrics {worker.metrics_url}, log {log_path}")
    follower = asyncio.create_task(_follow(settings, emit))
    try:
        produced = 0
        if produce:
            produced = await produce_messages(settings, settings.topics.raw, read_inputs(produce))
            log(f"produced {produced} message(s) to {settings.topics.raw}")
        if not exit_when_done:
            await asyncio.Event().wait()  # until Ctrl-C
        deadline = time.monotonic() + 180
        while not pipeline_drained(worker.metrics_url, produced, settings.topics.candidates):
            if worker.process.poll() is not None:
                log(f"worker exited early with {worker.process.returncode}; see {log_path}")
                return 1
            if time.monotonic() > deadline:
                log("timed out waiting for the worker to process the input")
                return 1
            await asyncio.sleep(0.5)
        await asyncio.sleep(idle_seconds)  # let the follower print the last records
        return 0
    finally:
        follower.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await follower
        code = await asyncio.to_thread(worker.stop)
        log(f"worker stopped (exit {code})")


def run_dev(
    produce: list[str],
    emit: Callable[[str, bytes], None],
    exit_when_done: bool,
    partitions: int,
    log: Callable[[str], None],
    idle_seconds: float = 2.0,
) -> int:
    """Start everything, run, and stop everything, whatever happens in between."""
    with EmbeddedBroker() as broker:
        log(f"embedded broker on {broker.bootstrap} (log {broker.log_path})")
        settings = Settings(
            bootstrap_servers=broker.bootstrap,
            web_port=free_port(),
            partitions=partitions,
            session_timeout_seconds=10,
            data_dir=Path(tempfile.mkdtemp(prefix="newsevents-dev-")),
            producer_max_batch_bytes=1,  # see Settings.producer_max_batch_bytes
            fetch_max_wait_seconds=EMBEDDED_FETCH_WAIT_SECONDS,
        )
        try:
            return asyncio.run(_dev(settings, produce, emit, exit_when_done, idle_seconds, log))
        except KeyboardInterrupt:
            return 130
