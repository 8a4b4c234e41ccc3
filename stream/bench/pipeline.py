"""`newsevents bench pipeline`: end-to-end throughput and latency next to a forwarding-only agent."""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import math
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from stream.bench import cpu
from stream.bench.extract import generate_articles
from stream.bench.forwarder import FORWARDED_TOPIC
from stream.config.kafka import client_options
from stream.config.settings import Settings
from stream.config.topics import ensure_topics
from stream.devtools.broker import EMBEDDED_FETCH_WAIT_SECONDS, EmbeddedBroker, free_port
from stream.devtools.devrun import WorkerProcess, pipeline_drained, read_counters
from stream.extract import extract_events
from stream.ingest.raw import parse_raw
from stream.records.codec import dumps, loads
from stream.records.models import Article

__all__ = [
    "FANOUT",
    "FORWARDER",
    "PIPELINE",
    "BenchMessage",
    "PipelineBench",
    "Progress",
    "RunResult",
    "bench_messages",
    "percentile",
    "run_pipeline_bench",
]

FORWARDER = "forwarder"
PIPELINE = "pipeline"
# The forwarder sending, per article, one record per coded event and one per mention: what publishing
# the pipeline's output contract costs in Faust with no work to make the records.
FANOUT = "fanout"


@dataclass(frozen=True, slots=True)
class BenchMessage:
    article_id: str
    value: bytes


def bench_messages(count: int, size: int, seed: int, prefix: str) -> list[BenchMessage]:
    """Generated seed-sized articles as raw JSON messages, each with its own id."""
    published = dt.date(2022, 2, 28).isoformat()
    out = []
    for index, body in enumerate(generate_articles(count, size, seed)):
        article_id = f"{prefix}-{index}"
        value = dumps(
            {
                "id": article_id,
                "url": f"https://news.example/{article_id}",
                "source": "bench",
                "published": published,
                "title": f"Bench article {index}",
                "body": body,
            }
        )
        out.append(BenchMessage(article_id, value))
    return out


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True, slots=True)
class RunResult:
    """One run: `articles` produced at `offered_rate` (None: all at once), timed by record timestamps."""

    kind: str
    articles: int
    offered_rate: float | None
    seconds: float  # first produce -> last output record
    latencies: list[float] = field(repr=False)  # produce -> last output of that article, seconds
    unanswered: int  # articles with no output record (the pipeline coded no event for them)
    output_records: int = 0  # records on the output topics that answer one of the articles
    workers: int = 1
    #: CPU seconds by role (worker, coding, broker: all processes of that role) while the run was timed
    cpu_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds

    def summary(self) -> dict[str, object]:
        lat = self.latencies or [math.nan]
        return {
            "kind": self.kind,
            "articles": self.articles,
            "offered_rate": None if self.offered_rate is None else round(self.offered_rate, 1),
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.articles_per_second, 1),
            "latency_p50_ms": round(percentile(lat, 50) * 1000, 1),
            "latency_p99_ms": round(percentile(lat, 99) * 1000, 1),
            "latency_max_ms": round(max(lat) * 1000, 1),
            "unanswered": self.unanswered,
            "output_records": self.output_records,
            "workers": self.workers,
            "cpu_ms_per_article": self.cpu_ms_per_article(),
        }

    def cpu_ms_per_article(self) -> dict[str, float]:
        """Each role's CPU milliseconds per article while the run was timed, by role name."""
        return {
            role: round(seconds / self.articles * 1000, 3)
            for role, seconds in sorted(self.cpu_seconds.items())
        }


@dataclass(frozen=True, slots=True)
class PipelineBench:
    forwarder_max: RunResult
    pipeline_max: RunResult
    forwarder_half: RunResult
    pipeline_half: RunResult
    fanout_max: RunResult
    fanout_records: int  # records per article the fan-out run sent: 2 x mean coded events per article
    coded_events: int  # events the coder finds in the full-speed runs' articles (offline, same coder)
    article_bytes: int
    coder_alone_per_second: float  # the same articles parsed and coded in this process, no Kafka
    pipeline_two_workers: RunResult

    @property
    def coder_ratio(self) -> float:
        """What the worker keeps of the coder's own rate: the stream layer's cost, as a ratio."""
        return self.pipeline_max.articles_per_second / self.coder_alone_per_second

    @property
    def two_worker_speedup(self) -> float:
        return self.pipeline_two_workers.articles_per_second / self.pipeline_max.articles_per_second

    @property
    def throughput_ratio(self) -> float:
        return self.pipeline_max.articles_per_second / self.forwarder_max.articles_per_second

    @property
    def fanout_ratio(self) -> float:
        """The most any design publishing one record per event and per mention through Faust can reach."""
        return self.fanout_max.articles_per_second / self.forwarder_max.articles_per_second

    def summary(self) -> dict[str, object]:
        runs = (
            self.forwarder_max,
            self.pipeline_max,
            self.forwarder_half,
            self.pipeline_half,
            self.fanout_max,
            self.pipeline_two_workers,
        )
        return {
            "mean_article_bytes": self.article_bytes,
            "coder_alone_articles_per_second": round(self.coder_alone_per_second, 1),
            "coder_ratio": round(self.coder_ratio, 3),
            "two_worker_speedup": round(self.two_worker_speedup, 3),
            "throughput_ratio": round(self.throughput_ratio, 3),
            "coded_events": self.coded_events,
            "fanout_records_per_article": self.fanout_records,
            "fanout_ratio": round(self.fanout_ratio, 3),
            "runs": [r.summary() for r in runs],
        }


def _output_topics(kind: str, settings: Settings) -> list[str]:
    if kind != PIPELINE:
        return [FORWARDED_TOPIC]
    return [settings.topics.mentions, settings.topics.duplicates, settings.topics.dlq]


def _answered_id(kind: str, key: bytes | None, value: bytes | None) -> str | None:
    """The article an output record answers: the key for the forwarder; `article_id` (mentions,
    duplicate notices) or the original key (dead letters) for the pipeline."""
    if kind != PIPELINE:
        return key.decode() if key else None
    if value is None:
        return None
    record = loads(value)
    if "article_id" in record:
        return str(record["article_id"])
    key_b64 = record.get("key_b64")
    return base64.b64decode(key_b64).decode(errors="replace") if key_b64 else None


class _OutputReader:
    """Reads the output topics from the start by direct assignment; keeps the last timestamp per article."""

    def __init__(self, kind: str, settings: Settings) -> None:
        self.kind = kind
        self.settings = settings
        self.last_ms: dict[str, int] = {}
        self.records: Counter[str] = Counter()
        self.last_arrival = time.monotonic()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        consumer = AIOKafkaConsumer(**client_options(self.settings), enable_auto_commit=False)
        await consumer.start()
        partitions = [
            TopicPartition(t, p)
            for t in _output_topics(self.kind, self.settings)
            for p in range(self.settings.partitions)
        ]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        self._task = asyncio.create_task(self._run(consumer))

    async def _run(self, consumer: AIOKafkaConsumer) -> None:
        try:
            while True:
                batches = await consumer.getmany(timeout_ms=200)
                for records in batches.values():
                    for record in records:
                        self.last_arrival = time.monotonic()
                        article_id = _answered_id(self.kind, record.key, record.value)
                        if article_id is not None:
                            previous = self.last_ms.get(article_id, 0)
                            self.last_ms[article_id] = max(previous, record.timestamp)
                            self.records[article_id] += 1
        finally:
            await consumer.stop()

    async def settle(self, quiet_seconds: float = 1.5) -> None:
        """Wait until no record has arrived for `quiet_seconds`."""
        # Quiet time is measured, not signalled: polling the arrival clock is the point.
        while (remaining := self.last_arrival + quiet_seconds - time.monotonic()) > 0:  # noqa: ASYNC110
            await asyncio.sleep(remaining)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)


async def _produce(settings: Settings, messages: list[BenchMessage], rate: float | None) -> dict[str, int]:
    """Send every message (paced at `rate` per second when given); returns id -> timestamp ms."""
    producer = AIOKafkaProducer(**client_options(settings), acks=1, max_request_size=2_097_152)
    await producer.start()
    sent_ms: dict[str, int] = {}
    pending = []
    try:
        started = time.monotonic()
        for index, message in enumerate(messages):
            if rate is not None:
                delay = started + index / rate - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
            now_ms = int(time.time() * 1000)
            sent_ms[message.article_id] = now_ms
            pending.append(
                await producer.send(
                    settings.topics.raw,
                    value=message.value,
                    key=message.article_id.encode(),
                    timestamp_ms=now_ms,
                )
            )
        await asyncio.gather(*pending)
    finally:
        await producer.stop()
    return sent_ms


Progress = Callable[[str], None]
PROGRESS_EVERY_SECONDS = 5.0
#: Input topics of the pipeline: raw, articles, candidates.
_INPUT_TOPICS = 3


def _assigned(workers: list[WorkerProcess]) -> list[float]:
    """Input partitions each worker reports assigned (0 for one that does not answer yet)."""
    out = []
    for worker in workers:
        try:
            samples = read_counters(worker.metrics_url)
        except OSError:
            out.append(0.0)
            continue
        out.append(
            sum(v for (name, _labels), v in samples.items() if name == "newsevents_partitions_assigned")
        )
    return out


async def _wait_balanced(workers: list[WorkerProcess], partitions: int, budget: float) -> None:
    """Until every worker of the group holds input partitions and together they hold all of them: a
    worker that joins during the timed run would stop the group for a rebalance (about 8 s per join on
    the embedded broker) and the run would time that instead of two workers working."""
    deadline = time.monotonic() + budget
    while True:
        held = await asyncio.to_thread(_assigned, workers)
        if all(held) and sum(held) == _INPUT_TOPICS * partitions:
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"the workers hold {held} input partitions after {budget} s")
        await asyncio.sleep(0.5)


async def _wait_done(
    kind: str,
    workers: list[WorkerProcess],
    reader: _OutputReader,
    ids: list[str],
    produced: int,
    budget: float,
    progress: Progress | None = None,
) -> None:
    started = time.monotonic()
    deadline = started + budget
    next_report = started + PROGRESS_EVERY_SECONDS
    while True:
        for worker in workers:
            if worker.process.poll() is not None:
                raise RuntimeError(
                    f"{kind} worker exited with {worker.process.returncode}; see {worker.log_path}"
                )
        if kind != PIPELINE:
            done = all(i in reader.last_ms for i in ids)
        else:
            urls = [w.metrics_url for w in workers]
            done = await asyncio.to_thread(
                pipeline_drained, urls, produced, workers[0].settings.topics.candidates
            )
        if done:
            await reader.settle()
            return
        now = time.monotonic()
        if now > deadline:
            raise TimeoutError(f"{kind} did not finish {len(ids)} articles in {budget}s")
        if progress is not None and now >= next_report:
            answered = sum(1 for i in ids if i in reader.last_ms)
            progress(f"{kind}: {answered}/{len(ids)} articles answered after {now - started:.0f} s")
            next_report = now + PROGRESS_EVERY_SECONDS
        # Each check renders every worker's /metrics page (milliseconds of the worker's CPU): not often.
        # The run is timed by record timestamps, not by this check.
        await asyncio.sleep(1.0)


@contextmanager
def _cluster(
    kind: str, partitions: int, batch_bytes: int, workdir: Path, fanout: int, workers: int = 1
) -> Iterator[list[WorkerProcess]]:
    """A fresh broker (memory is never freed, so every run gets its own) and its workers, one group."""
    with EmbeddedBroker() as broker:
        settings = Settings(
            bootstrap_servers=broker.bootstrap,
            web_port=free_port(),
            partitions=partitions,
            session_timeout_seconds=10,
            data_dir=workdir / "data",
            producer_max_batch_bytes=batch_bytes,
            fetch_max_wait_seconds=EMBEDDED_FETCH_WAIT_SECONDS,
            # The forwarder's sends are Faust's attached messages, published at each commit: commit
            # often so its latency is not the commit interval. (The pipeline publishes at once.)
            commit_interval_seconds=0.1,
            log_level="warning",
        )

        async def topics() -> None:
            await ensure_topics(settings)
            admin = AIOKafkaAdminClient(**client_options(settings))
            await admin.start()
            try:
                await admin.create_topics([NewTopic(FORWARDED_TOPIC, partitions, 1)])
            finally:
                await admin.close()

        asyncio.run(topics())
        args = () if kind == PIPELINE else ("--forwarder", "--fanout", str(fanout))
        group = [
            WorkerProcess(
                settings.model_copy(
                    update={"web_port": free_port(), "data_dir": workdir / f"data-{i}"} if i else {}
                ),
                workdir / f"{kind}-{i}.log",
                args=args,
            )
            for i in range(workers)
        ]
        try:
            for worker in group:
                worker.wait_web(60)
            yield group
        finally:
            for worker in group:
                worker.stop()


def _one_run(
    kind: str,
    warmup: list[BenchMessage],
    messages: list[BenchMessage],
    rate: float | None,
    partitions: int,
    batch_bytes: int,
    timeout: float,
    fanout: int = 1,
    progress: Progress | None = None,
    workers: int = 1,
) -> RunResult:
    label = f"{kind} {'max' if rate is None else 'half rate'}" + (
        f" x{workers} workers" if workers > 1 else ""
    )
    if progress is not None:
        progress(f"{label}: starting a broker and a worker")
    with (
        tempfile.TemporaryDirectory(prefix=f"newsevents-bench-{kind}-") as tmp,
        _cluster(kind, partitions, batch_bytes, Path(tmp), fanout, workers) as group,
    ):

        async def run() -> RunResult:
            reader = _OutputReader(kind, group[0].settings)
            await reader.start()
            try:
                # Warm-up: the group is joined, partitions assigned and every code path loaded.
                await _produce(group[0].settings, warmup, None)
                await _wait_done(kind, group, reader, [m.article_id for m in warmup], len(warmup), timeout)
                if kind == PIPELINE and workers > 1:
                    await _wait_balanced(group, partitions, timeout)
                if progress is not None:
                    progress(f"{label}: warmed up; producing {len(messages)} articles")
                cpu_before = cpu.snapshot()
                sent_ms = await _produce(group[0].settings, messages, rate)
                ids = [m.article_id for m in messages]
                produced = len(warmup) + len(messages)
                await _wait_done(kind, group, reader, ids, produced, timeout, progress)
                used = cpu.cpu_by_role(cpu_before, cpu.snapshot())
            finally:
                await reader.stop()
            answered = [i for i in ids if i in reader.last_ms]
            latencies = [max(0, reader.last_ms[i] - sent_ms[i]) / 1000 for i in answered]
            last = max(reader.last_ms[i] for i in answered)
            seconds = max(0.001, (last - min(sent_ms.values())) / 1000)
            records = sum(reader.records[i] for i in ids)
            unanswered = len(ids) - len(answered)
            return RunResult(
                kind, len(messages), rate, seconds, latencies, unanswered, records, workers, used
            )

        return asyncio.run(run())


def _coder_alone(messages: list[BenchMessage], warmup: list[BenchMessage]) -> tuple[int, float]:
    """The events the worker's coder finds in the messages and its rate in articles/s, parsed and coded
    here as the worker does, on one core and without Kafka: the baseline of the pipeline's rate. The
    warm-up articles are coded first, untimed, as the worker's coding process codes one before it is
    ready: the lexicons and gazetteer load on first use (seconds), in neither rate."""

    def code(batch: list[BenchMessage]) -> int:
        articles = (parse_raw(m.value) for m in batch)
        return sum(len(extract_events(a)) for a in articles if isinstance(a, Article))

    code(warmup)
    started = time.perf_counter()
    events = code(messages)
    return events, len(messages) / max(1e-9, time.perf_counter() - started)


def run_pipeline_bench(
    articles: int = 3000,
    size: int = 2700,
    partitions: int = 4,
    batch_bytes: int = 16384,
    half_rate_seconds: float = 20.0,
    timeout: float = 600.0,
    on_run: Callable[[RunResult], None] | None = None,
    on_progress: Progress | None = None,
) -> PipelineBench:
    """Six runs, each on a fresh broker: forwarder and pipeline at full speed, then each paced at half
    of its own measured maximum for about `half_rate_seconds`, the pipeline with two workers at full
    speed, then the forwarder sending two records per coded event of each article (one event, one
    mention) at full speed; and the coder alone over the same articles, in this process."""
    warmup = bench_messages(50, size, seed=11, prefix="warmup")
    messages = bench_messages(articles, size, seed=7, prefix="bench")
    results: dict[tuple[str, str], RunResult] = {}
    for kind in (FORWARDER, PIPELINE):
        result = _one_run(
            kind, warmup, messages, None, partitions, batch_bytes, timeout, progress=on_progress
        )
        results[(kind, "max")] = result
        if on_run is not None:
            on_run(result)
    for kind in (FORWARDER, PIPELINE):
        rate = results[(kind, "max")].articles_per_second / 2
        paced = messages[: max(1, min(len(messages), int(rate * half_rate_seconds)))]
        result = _one_run(kind, warmup, paced, rate, partitions, batch_bytes, timeout, progress=on_progress)
        results[(kind, "half")] = result
        if on_run is not None:
            on_run(result)
    events, coder_rate = _coder_alone(messages, warmup)
    two = _one_run(PIPELINE, warmup, messages, None, partitions, batch_bytes, timeout, 1, on_progress, 2)
    if on_run is not None:
        on_run(two)
    fanout = max(1, round(2 * events / articles))
    results[(FANOUT, "max")] = _one_run(
        FANOUT, warmup, messages, None, partitions, batch_bytes, timeout, fanout, on_progress
    )
    if on_run is not None:
        on_run(results[(FANOUT, "max")])
    return PipelineBench(
        forwarder_max=results[(FORWARDER, "max")],
        pipeline_max=results[(PIPELINE, "max")],
        forwarder_half=results[(FORWARDER, "half")],
        pipeline_half=results[(PIPELINE, "half")],
        fanout_max=results[(FANOUT, "max")],
        fanout_records=fanout,
        coded_events=events,
        article_bytes=round(sum(len(m.value) for m in messages) / len(messages)),
        coder_alone_per_second=coder_rate,
        pipeline_two_workers=two,
    )
