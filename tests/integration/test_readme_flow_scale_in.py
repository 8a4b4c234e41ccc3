"""The README's flow with no extra variables: `newsevents broker`, a worker, a second one joining and
leaving with SIGTERM mid-stream; every article is coded and the first worker survives."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from confluent_kafka import Consumer, TopicPartition

from stream.devtools.broker import free_port, wait_for_port

pytestmark = [pytest.mark.integration, pytest.mark.slow]

NEWSEVENTS = [sys.executable, "-m", "stream"]
COUNTRIES = ("France", "Germany", "Japan", "Brazil", "India", "Kenya", "Canada", "Egypt", "Mexico", "Norway")


def _user_env(**variables: str) -> dict[str, str]:
    """Only what a user sets (the bootstrap address, a web port, a data directory), nothing the embedded
    broker needs: the worker picks that itself."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSEVENTS_")}
    return {**env, **variables}


def _ready(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as answer:
            return bool(answer.status == 200)
    except OSError:
        return False


def _write_articles(folder: Path, first: int, last: int) -> Path:
    """One short article a file, each with a meeting between two countries' officials."""
    folder.mkdir()
    for i in range(first, last):
        a, b = COUNTRIES[i % 10], COUNTRIES[(i * 7 + 3) % 10]
        if a == b:
            b = COUNTRIES[(i + 1) % 10]
        (folder / f"{i:04d}.txt").write_text(
            f"date 2026-11-{1 + i % 28:02d}\nThe foreign minister of {a} met the ambassador of {b} in the "
            f"capital on Monday to discuss trade agreement number {i}.\n"
        )
    return folder


class Flow:
    """Processes started the way the README starts them, stopped at the end whatever happens."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.processes: list[subprocess.Popen[bytes]] = []
        self.port = free_port()
        self.bootstrap = f"127.0.0.1:{self.port}"

    def start_broker(self) -> None:
        broker = self._spawn([*NEWSEVENTS, "broker", "--port", str(self.port)], _user_env(), "broker.log")
        wait_for_port("127.0.0.1", self.port, 30, broker)

    def start_worker(self, name: str) -> tuple[subprocess.Popen[bytes], int]:
        web_port = free_port()
        env = _user_env(
            NEWSEVENTS_BOOTSTRAP_SERVERS=self.bootstrap,
            NEWSEVENTS_WEB_PORT=str(web_port),
            NEWSEVENTS_DATA_DIR=str(self.work / name),
        )
        process = self._spawn([*NEWSEVENTS, "worker"], env, f"{name}.log")
        deadline = time.monotonic() + 120
        while not _ready(web_port):
            assert process.poll() is None, f"{name} exited: {self.log(name)[-2000:]}"
            assert time.monotonic() < deadline, f"{name} not ready"
            time.sleep(1)
        return process, web_port

    def produce(self, folder: Path) -> None:
        env = _user_env(NEWSEVENTS_BOOTSTRAP_SERVERS=self.bootstrap)
        subprocess.run([*NEWSEVENTS, "produce", str(folder)], env=env, check=True, capture_output=True)

    def log(self, name: str) -> str:
        return (self.work / f"{name}.log").read_text(errors="replace")

    def _spawn(self, command: list[str], env: dict[str, str], log_name: str) -> subprocess.Popen[bytes]:
        with open(self.work / log_name, "ab") as log:
            process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        self.processes.append(process)
        return process

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


@pytest.fixture
def flow(tmp_path: Path) -> Iterator[Flow]:
    started = Flow(tmp_path)
    try:
        yield started
    finally:
        started.stop()


def _articles_with_mentions(bootstrap: str, partitions: int, expected: int, timeout: float) -> set[str]:
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "check", "enable.auto.commit": False})
    consumer.assign([TopicPartition("events.mentions", p, 0) for p in range(partitions)])
    seen: set[str] = set()
    deadline = time.monotonic() + timeout
    try:
        while len(seen) < expected and time.monotonic() < deadline:
            message = consumer.poll(0.5)
            value = message.value() if message is not None and not message.error() else None
            if value is not None:
                seen.add(orjson.loads(value)["article_id"])
    finally:
        consumer.close()
    return seen


def test_a_worker_joining_and_leaving_mid_stream_loses_no_article_without_extra_variables(
    flow: Flow, tmp_path: Path
) -> None:
    flow.start_broker()
    first, _ = flow.start_worker("w0")
    flow.produce(_write_articles(tmp_path / "first", 0, 1500))
    second, _ = flow.start_worker("w1")  # joins mid-stream: a rebalance
    time.sleep(3)
    second.send_signal(signal.SIGTERM)  # and leaves mid-stream: another one
    second.wait(60)
    flow.produce(_write_articles(tmp_path / "second", 1500, 1800))

    seen = _articles_with_mentions(flow.bootstrap, 8, 1800, timeout=300)
    assert first.poll() is None, "the first worker died"
    assert len(seen) == 1800
    log = flow.log("w0")
    assert "Crashed" not in log and "Traceback" not in log
    # The worker found the embedded broker and picked its settings by itself.
    assert "embedded broker (cluster id tansu_cluster)" in log
