"""The `newsevents` command line: dev, broker, worker, produce, tail, extract, schemas."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from stream.config.settings import LOG_LEVELS, ConfigError, Settings, unknown_variables
from stream.records.codec import dumps, dumps_model, loads

if TYPE_CHECKING:
    from stream.records.models import Article

__all__ = ["main"]


def _err(message: str) -> None:
    click.echo(f"newsevents: {message}", err=True)


def _usage_error(message: str) -> None:
    """A mistake in how a command was called: one line, exit 2."""
    _err(message)
    sys.exit(2)


def _user_failure(exc: Exception) -> tuple[int, str] | None:
    """(exit code, message) for an error the user can act on; None for anything else (a bug keeps its
    traceback). Exit 2 for configuration, 1 for a broker or file that is not there."""
    from aiokafka.errors import KafkaError

    from stream.config.reach import BrokerUnreachable
    from stream.devtools.broker import BrokerStartError

    if isinstance(exc, ConfigError):
        return 2, str(exc)
    if isinstance(exc, BrokerUnreachable | BrokerStartError):
        return 1, str(exc)
    if isinstance(exc, KafkaError):
        return 1, f"Kafka: {exc} (--debug for the traceback)"
    if isinstance(exc, OSError) and exc.filename:
        return 1, f"{exc.filename}: {exc.strerror or exc}"
    return None


class _Main(click.Group):
    """The command group: an error the user can act on is one or two lines, the traceback only with
    --debug."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except Exception as exc:
            failure = _user_failure(exc)
            if failure is None or ctx.params.get("debug"):
                raise
            code, message = failure
            for line in message.splitlines():
                _err(line)
            ctx.exit(code)


def _load(bootstrap_servers: str | None = None) -> Settings:
    """Settings from the environment (options win), with a warning for each variable nothing reads."""
    for warning in unknown_variables(os.environ):  # first: a misspelt name may explain an error below
        _err(f"warning: {warning}")
    config = Settings.load(bootstrap_servers=bootstrap_servers)
    for warning in config.unused_settings():
        _err(f"warning: {warning}")
    return config


async def _check_reachable(config: Settings, bootstrap_servers: str | None) -> None:
    from stream.config.reach import check_reachable

    source = "--bootstrap-servers" if bootstrap_servers else "NEWSEVENTS_BOOTSTRAP_SERVERS"
    await check_reachable(config, source=source)


def _bootstrap_option(command: Any) -> Any:
    return click.option(
        "--bootstrap-servers",
        default=None,
        metavar="HOST:PORT[,...]",
        help="Kafka brokers to talk to (overrides NEWSEVENTS_BOOTSTRAP_SERVERS).",
    )(command)


def _input_paths(paths: tuple[str, ...], command: str) -> list[str]:
    """The input paths, each there (else one line, exit 2); none given on a terminal: a hint, exit 2."""
    if not paths and sys.stdin.isatty():
        _usage_error(
            f"no input: give files or directories (`newsevents {command} seeds/`), or '-' to read stdin"
        )
    for path in paths:
        if path != "-" and not os.path.exists(path):
            _usage_error(f"{path}: no such file or directory")
    if "-" in paths and sys.stdin.isatty():
        _err("reading raw messages from the terminal: a 'date YYYY-MM-DD' line starts each; Ctrl-D ends")
    return list(paths)


def _need_embedded_broker() -> None:
    """`broker`, `dev` and `bench pipeline` run the embedded broker: without the `local` extra, one line."""
    from stream.devtools.broker import EmbeddedBrokerMissing, broker_binary

    try:
        broker_binary()
    except EmbeddedBrokerMissing as exc:
        _err(str(exc))
        sys.exit(2)


def _emitter(as_json: bool) -> object:
    from stream.devtools.render import render_record

    def emit(topic: str, value: bytes) -> None:
        if as_json:
            click.echo(value.decode("utf-8", errors="replace"))
            return
        try:
            click.echo(render_record(topic, loads(value)))
        except ValueError:
            click.echo(f"[{topic}] {value[:200]!r}")

    return emit


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show the traceback of an error.")
@click.version_option(package_name="newsevents")
def main(debug: bool) -> None:
    """Raw news in Kafka -> deduplicated PLOVER/CAMEO diplomatic-event records.

    Configuration comes from NEWSEVENTS_* environment variables (see `newsevents settings`). Every
    command prints text; with --json, JSON lines.
    """


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print them as one JSON object.")
def settings(as_json: bool) -> None:
    """Print the effective settings, one NEWSEVENTS_...=value line each, secrets masked."""
    config = _load()
    if as_json:
        click.echo(dumps(config.masked_dump()).decode())
        return
    for name, value in config.as_variables():
        click.echo(f"{name}={value}")


@main.command()
@click.option(
    "--produce", "produce", multiple=True, type=click.Path(exists=True), help="File or directory to feed."
)
@click.option("--json", "as_json", is_flag=True, help="Print records as JSON lines.")
@click.option("--exit-when-done", is_flag=True, help="Stop once everything produced has been processed.")
@click.option("--partitions", default=4, show_default=True, help="Partitions of each topic.")
def dev(produce: tuple[str, ...], as_json: bool, exit_when_done: bool, partitions: int) -> None:
    """Embedded broker + one worker; optionally feed files and print enriched events as they arrive."""
    _need_embedded_broker()
    from stream.devtools.devrun import run_dev

    code = run_dev(list(produce), _emitter(as_json), exit_when_done, partitions, _err)  # type: ignore[arg-type]
    sys.exit(code)


@main.command()
@click.option("--port", type=int, default=None, help="Port to listen on (default: a free one).")
@click.option("--json", "as_json", is_flag=True, help="Print the address and log path as JSON.")
def broker(port: int | None, as_json: bool) -> None:
    """Run the embedded (memory-only) Kafka broker alone and print its bootstrap address."""
    _need_embedded_broker()
    from stream.devtools.broker import EmbeddedBroker

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with EmbeddedBroker(port) as running:
        if as_json:
            click.echo(dumps({"bootstrap_servers": running.bootstrap, "log": str(running.log_path)}).decode())
        else:
            click.echo(running.bootstrap)
        sys.stdout.flush()
        _err(f"broker log: {running.log_path}; Ctrl-C to stop")
        try:
            while not stop.wait(0.5):
                if running.process is None or running.process.poll() is not None:
                    _err("broker exited")
                    sys.exit(1)
        except KeyboardInterrupt:
            pass


@main.command()
@_bootstrap_option
@click.option(
    "--loglevel",
    type=click.Choice(LOG_LEVELS, case_sensitive=False),
    default=None,
    help="Log level (default: NEWSEVENTS_LOG_LEVEL).",
)
@click.option(
    "--forwarder", is_flag=True, hidden=True, help="Benchmark baseline: only forward the raw topic."
)
@click.option("--fanout", default=1, hidden=True, help="With --forwarder: records sent per message.")
def worker(bootstrap_servers: str | None, loglevel: str | None, forwarder: bool, fanout: int) -> None:
    """Run the Faust worker against NEWSEVENTS_BOOTSTRAP_SERVERS."""
    import faust

    from stream.bench.forwarder import create_forwarder_app
    from stream.config.brokers import adapt_to_broker
    from stream.config.logs import install_producer_buffer_notices
    from stream.config.topics import ensure_topics
    from stream.worker.app import create_app

    config = _load(bootstrap_servers)
    level = (loglevel or config.log_level).lower()
    logging.basicConfig(level=level.upper())
    install_producer_buffer_notices(level)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    loop.run_until_complete(_check_reachable(config, bootstrap_servers))
    # The embedded broker's needs are picked here, not left to the user (stream/config/brokers.py).
    config = loop.run_until_complete(adapt_to_broker(config))
    loop.run_until_complete(ensure_topics(config))
    app = create_forwarder_app(config, fanout) if forwarder else create_app(config)
    process = faust.Worker(app, loop=loop, loglevel=level)
    # At WARN and above Faust's terminal spinner sets the root logger to DEBUG: every debug record
    # of every send would be built and then dropped.
    process.spinner = None
    process.execute_from_commandline()


@main.command()
@click.argument("paths", nargs=-1)
@_bootstrap_option
@click.option("--topic", default=None, help="Target topic (default: the raw topic).")
@click.option("--json", "as_json", is_flag=True, help="Print the count as JSON.")
def produce(paths: tuple[str, ...], bootstrap_servers: str | None, topic: str | None, as_json: bool) -> None:
    """Produce files, directories, JSONL or stdin ('-') to the raw topic, with a progress bar."""
    from stream.devtools.client import produce_messages
    from stream.devtools.inputs import read_inputs

    inputs = _input_paths(paths, "produce")
    config = _load(bootstrap_servers)
    target = topic or config.topics.raw
    messages = list(read_inputs(inputs))
    asyncio.run(_check_reachable(config, bootstrap_servers))
    with click.progressbar(length=len(messages), label="producing", file=sys.stderr) as bar:
        sent = asyncio.run(produce_messages(config, target, messages, on_sent=lambda _l: bar.update(1)))
    if as_json:
        click.echo(dumps({"topic": target, "produced": sent}).decode())
    else:
        _err(f"produced {sent} message(s) to {target}")


@main.command()
@click.argument("topics", nargs=-1, required=True)
@_bootstrap_option
@click.option("--live", is_flag=True, help="Only new records (default: from the start).")
@click.option("--json", "as_json", is_flag=True, help="Print raw JSON values.")
@click.option("--max-records", type=int, default=None, help="Stop after this many records.")
@click.option("--timeout", type=float, default=None, help="Stop after this many idle seconds.")
def tail(
    topics: tuple[str, ...],
    bootstrap_servers: str | None,
    live: bool,
    as_json: bool,
    max_records: int | None,
    timeout: float | None,
) -> None:
    """Print the records of one or more topics; waits for topics that do not exist yet."""
    from stream.devtools.client import missing_topics_notice, tail_topics

    emit = _emitter(as_json)
    config = _load(bootstrap_servers)

    async def run() -> None:
        await _check_reachable(config, bootstrap_servers)
        count = 0
        stream = tail_topics(
            config,
            list(topics),
            from_beginning=not live,
            on_wait=lambda missing, existing: _err(missing_topics_notice(missing, existing)),
        ).__aiter__()
        while max_records is None or count < max_records:
            try:
                topic, _key, value = await asyncio.wait_for(stream.__anext__(), timeout)
            except (TimeoutError, StopAsyncIteration):
                break
            emit(topic, value or b"")  # type: ignore[operator]
            count += 1
        await stream.aclose()  # type: ignore[attr-defined]

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run())


def json_lines(as_json: bool, as_text: bool, terminal: bool) -> bool:
    """`extract` writes JSON lines when asked, or unless asked for text when its output is no terminal."""
    return as_json or (not as_text and not terminal)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="JSON lines (the default into a pipe or a file).")
@click.option("--text", "as_text", is_flag=True, help="Text lines (the default on a terminal).")
# The text lines' old name, kept so that old invocations still run.
@click.option("--pretty", "as_text", is_flag=True, hidden=True)
def extract(paths: tuple[str, ...], as_json: bool, as_text: bool) -> None:
    """Offline coding: raw messages (files, JSONL, '-') in, one line per event out. No Kafka.

    Into a pipe or a file each event is a JSON line, as scripts and other tools read it; on a terminal a
    text line."""
    from stream.devtools.inputs import read_dated_inputs
    from stream.devtools.render import render_record
    from stream.extract import extract_events
    from stream.ingest.raw import FallbackDate, ParseFailure, fallback_date, parse_raw
    from stream.ingest.stage import skip_reason
    from stream.records.models import PUBLISHED_FORMS

    failures = 0
    for label, value, modified in read_dated_inputs(_input_paths(paths, "extract")):
        # Offline, the file's time stands in for the Kafka record's timestamp (stdin: today).
        fallback = FallbackDate(modified.date(), "file") if modified else fallback_date(None)
        article = parse_raw(value, fallback=fallback)
        if isinstance(article, ParseFailure):
            failures += 1
            _err(f"{label}: {article.reason}: {article.detail}")
            continue
        if article.published_unread is not None:
            _err(
                f"{label}: published {article.published_unread!r} not read (the forms read: "
                f"{PUBLISHED_FORMS}); dated {article.published} ({article.date_source})"
            )
        skipped = skip_reason(article)
        if skipped is not None:  # as the worker notes it on the skipped topic: never coded to nothing
            _err(f"{label}: skipped, {skipped.reason}: {skipped.language} ({skipped.detail})")
            continue
        for event in extract_events(article):
            if json_lines(as_json, as_text, sys.stdout.isatty()):
                click.echo(dumps_model(event).decode())
            else:
                click.echo(render_record("extract", loads(dumps_model(event))))
    sys.exit(1 if failures else 0)


@main.command()
@click.option(
    "--gold", "gold", required=True, type=click.Path(exists=True, dir_okay=False), help="Gold JSONL."
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--misses", is_flag=True, help="Also list sentences whose gold type was not coded.")
def evaluate(gold: str, as_json: bool, misses: bool) -> None:
    """Score the coder on gold sentences: type accuracy, actor-country P/R/F1, sectors, spurious events."""
    from stream.extract.evaluate import score_gold

    rows = [loads(line) for line in Path(gold).read_bytes().splitlines() if line.strip()]
    score = score_gold(rows)
    if as_json:
        click.echo(dumps(score.summary()).decode())
        return
    click.echo(f"sentences                 {score.sentences}")
    click.echo(f"event-type accuracy       {score.type_accuracy:.3f}")
    click.echo(
        f"actor-country P / R / F1  {score.country_precision:.3f} / {score.country_recall:.3f} / "
        f"{score.country_f1:.3f}"
    )
    click.echo(
        f"sector accuracy           {score.sector_accuracy:.3f} (on {score.sector_pairs} matched countries)"
    )
    click.echo(f"spurious events/sentence  {score.spurious_per_sentence:.3f}")
    for event_type, counts in sorted(score.per_type.items()):
        click.echo(f"  {event_type:<10} {counts['hits']:>3}/{counts['sentences']:<3}")
    if misses:
        for result in score.results:
            if not result.type_hit:
                click.echo(f"MISS {result.id}: gold {result.gold_type}, coded {result.predicted_types}")


@main.group()
def bench() -> None:
    """Benchmarks (numbers are ratios and rates on this machine, never pass/fail)."""


@bench.command("extract")
@click.option("--articles", default=5000, show_default=True, help="Number of generated articles.")
@click.option("--size", default=2700, show_default=True, help="Approximate bytes per article.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option(
    "--against-pure",
    is_flag=True,
    help="Also time the pure-Python coder on the same corpus (in a subprocess) and report the ratio.",
)
@click.option(
    "--real",
    "real_paths",
    multiple=True,
    type=click.Path(exists=True, dir_okay=True, path_type=Path),
    help="Also code these raw messages (files, or directories of them, e.g. seeds/), repeated to "
    "--articles, and report their rate beside the generated corpus's.",
)
def bench_extract(
    articles: int, size: int, as_json: bool, against_pure: bool, real_paths: tuple[Path, ...]
) -> None:
    """Throughput of the event coder alone (one core, no Kafka) on realistic generated articles."""
    import datetime as dt

    from stream.bench.extract import generate_articles, run_extract_bench
    from stream.extract.native import compiled_modules

    corpus = generate_articles(articles, size)
    with click.progressbar(length=len(corpus), label="coding", file=sys.stderr) as bar:
        result = run_extract_bench(corpus, dt.date(2022, 2, 28), on_progress=bar.update)
    summary: dict[str, object] = {
        "coder": "compiled" if compiled_modules() else "pure Python",
        "articles": result.articles,
        "corpus_bytes": result.corpus_bytes,
        "mean_article_bytes": round(result.corpus_bytes / result.articles),
        "events": result.events,
        "seconds": round(result.seconds, 3),
        "articles_per_second": round(result.articles_per_second, 1),
        "megabytes_per_second": round(result.megabytes_per_second, 3),
    }
    if real_paths:
        real = _real_articles(real_paths)
        texts = [real[k % len(real)].text for k in range(articles)]
        dates = [real[k % len(real)].published for k in range(articles)]
        with click.progressbar(length=len(texts), label="coding real", file=sys.stderr) as bar:
            measured = run_extract_bench(texts, dates, on_progress=bar.update)
        summary["real_messages"] = len(real)
        summary["real_mean_article_bytes"] = round(measured.corpus_bytes / measured.articles)
        summary["real_articles_per_second"] = round(measured.articles_per_second, 1)
        summary["real_vs_generated"] = round(measured.articles_per_second / result.articles_per_second, 2)
    if against_pure:
        pure = _pure_extract_bench(articles, size)
        summary["pure_articles_per_second"] = pure["articles_per_second"]
        summary["speedup_over_pure"] = round(
            result.articles_per_second / float(pure["articles_per_second"]), 2
        )
        if pure["events"] != result.events:
            _err(f"pure-Python coder found {pure['events']} events, this one {result.events}")
            sys.exit(1)
    if as_json:
        click.echo(dumps(summary).decode())
        return
    for key, value in summary.items():
        click.echo(f"{key:<26} {value}")


def _real_articles(paths: tuple[Path, ...]) -> list[Article]:
    """Raw messages read from files (directories: every file under them but hidden ones, sorted), parsed as
    the worker does."""
    from stream.devtools.inputs import visible_files
    from stream.ingest.raw import ParseFailure, parse_raw

    files = [f for p in paths for f in (visible_files(p) if p.is_dir() else [p])]
    articles: list[Article] = []
    for f in files:
        article = parse_raw(f.read_bytes())
        if isinstance(article, ParseFailure):
            raise click.BadParameter(f"{f}: {article.reason}: {article.detail}", param_hint="--real")
        articles.append(article)
    return articles


def _pure_extract_bench(articles: int, size: int) -> dict[str, Any]:
    """`bench extract` in a subprocess that imports only the package's .py files."""
    import os
    import tempfile

    from stream.extract.native import pure_copy

    with tempfile.TemporaryDirectory(prefix="newsevents-pure-") as tmp:
        env = {**os.environ, "PYTHONPATH": str(pure_copy(Path(tmp)))}
        command = [sys.executable, "-m", "stream", "bench", "extract", "--json", "--articles", str(articles)]
        # cwd too: `-m` puts the working directory first on sys.path, before PYTHONPATH.
        done = subprocess.run(
            [*command, "--size", str(size)], env=env, cwd=tmp, capture_output=True, check=True
        )
    result: dict[str, Any] = loads(done.stdout)
    if result["coder"] != "pure Python":
        raise RuntimeError(f"the pure-Python run loaded compiled modules: {result}")
    return result


@bench.command("pipeline")
@click.option("--articles", default=3000, show_default=True, help="Articles in each full-speed run.")
@click.option("--size", default=2700, show_default=True, help="Approximate bytes per article body.")
@click.option("--partitions", default=4, show_default=True, help="Partitions of every topic.")
@click.option(
    "--batch-bytes",
    default=16384,
    show_default=True,
    help="Worker producer batch size in bytes (1: one record per batch, as `dev` and the restart tests "
    "run on the embedded broker).",
)
@click.option("--half-rate-seconds", default=20.0, show_default=True, help="Length of the paced runs.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def bench_pipeline(
    articles: int, size: int, partitions: int, batch_bytes: int, half_rate_seconds: float, as_json: bool
) -> None:
    """End-to-end throughput and produce->publish latency of one worker on the embedded broker, next to
    a Faust agent that only forwards the same messages, and that agent again sending two records (an
    event and a mention) per coded event of each article; a fresh broker for each of the five runs."""
    _need_embedded_broker()
    from stream.bench.pipeline import RunResult, run_pipeline_bench

    def progress(result: RunResult) -> None:
        _err(f"{result.kind} run done: {dumps(result.summary()).decode()}")

    outcome = run_pipeline_bench(
        articles, size, partitions, batch_bytes, half_rate_seconds, on_run=progress, on_progress=_err
    )
    summary = outcome.summary()
    if as_json:
        click.echo(dumps(summary).decode())
        return
    click.echo(f"mean article bytes   {summary['mean_article_bytes']}")
    click.echo(
        f"{'run':<20} {'articles':>8} {'offered/s':>10} {'articles/s':>11} {'p50 ms':>8} {'p99 ms':>8}"
    )
    runs = (outcome.forwarder_max, outcome.pipeline_max, outcome.forwarder_half, outcome.pipeline_half)
    for run in (*runs, outcome.pipeline_two_workers, outcome.fanout_max):
        row = run.summary()
        label = f"{run.kind} {'max' if run.offered_rate is None else 'half'}"
        if run is outcome.fanout_max:
            label = f"forwarder x{outcome.fanout_records} max"
        elif run is outcome.pipeline_two_workers:
            label = "pipeline 2 workers"
        offered = "-" if run.offered_rate is None else f"{run.offered_rate:.0f}"
        click.echo(
            f"{label:<20} {run.articles:>8} {offered:>10} {row['articles_per_second']:>11} "
            f"{row['latency_p50_ms']:>8} {row['latency_p99_ms']:>8}"
        )
    click.echo("CPU ms per article while timed (all processes of each role):")
    for label, run in (
        ("pipeline max", outcome.pipeline_max),
        ("pipeline 2 workers", outcome.pipeline_two_workers),
    ):
        used = run.cpu_ms_per_article()
        click.echo(f"  {label:<19} " + "  ".join(f"{role} {ms}" for role, ms in used.items()))
    click.echo(
        f"coder alone          {outcome.coder_alone_per_second:.1f} articles/s (same articles, no Kafka)"
    )
    click.echo(f"pipeline / coder alone  {outcome.coder_ratio:.3f}")
    click.echo(f"two workers / one       {outcome.two_worker_speedup:.3f}")
    click.echo(f"throughput ratio (pipeline / forwarder)  {outcome.throughput_ratio:.3f}")
    click.echo(
        f"ceiling of any design sending one record per event and per mention through Faust "
        f"(forwarder x{outcome.fanout_records} / forwarder)  {outcome.fanout_ratio:.3f}"
    )


@main.command()
@click.option("--check", is_flag=True, help="Fail if schemas/ differs from the models.")
@click.option("--dir", "directory", default="schemas", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print each file written as a JSON line.")
def schemas(check: bool, directory: Path, as_json: bool) -> None:
    """Write (or check) the JSON Schema files generated from the pydantic models."""
    from stream.records.schemagen import render_schemas, write_schemas

    if check:
        stale = [
            n
            for n, text in render_schemas().items()
            if not (directory / n).is_file() or (directory / n).read_bytes() != text
        ]
        if stale:
            _err(f"out of date: {', '.join(stale)}; run `newsevents schemas`")
            sys.exit(1)
        return
    for path in write_schemas(directory):
        click.echo(dumps({"written": str(path)}).decode() if as_json else str(path))
