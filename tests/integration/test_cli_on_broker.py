"""The CLI's Kafka clients on the real embedded broker: waiting for topics, and clear connection errors."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from confluent_kafka import Producer
from confluent_kafka.admin import AdminClient
from confluent_kafka.cimpl import NewTopic  # defined here; confluent_kafka.admin does not re-export it

from stream.devtools.broker import EmbeddedBroker
from tests.paths import ROOT

pytestmark = pytest.mark.integration


def _newsevents(
    broker: EmbeddedBroker, *args: str, env: dict[str, str] | None = None
) -> subprocess.Popen[str]:
    environ = {**os.environ, "NEWSEVENTS_BOOTSTRAP_SERVERS": broker.bootstrap, **(env or {})}
    return subprocess.Popen(
        [sys.executable, "-m", "stream", *args],
        cwd=ROOT,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _topics(admin: AdminClient) -> dict[str, int]:
    return {name: len(meta.partitions) for name, meta in admin.list_topics(timeout=10).topics.items()}


def test_tail_waits_for_a_missing_topic_without_creating_it(broker: EmbeddedBroker) -> None:
    admin = AdminClient({"bootstrap.servers": broker.bootstrap})
    topic = "tail.later"
    tail = _newsevents(broker, "tail", topic, "--json", "--max-records", "1", "--timeout", "60")
    try:
        assert tail.stderr is not None
        notice = tail.stderr.readline()
        assert f"waiting for topic '{topic}' to be created" in notice, notice
        time.sleep(1.5)  # several metadata polls while the topic is missing
        assert topic not in _topics(admin)  # asking about it did not auto-create it
        for future in admin.create_topics([NewTopic(topic, 3, 1)]).values():
            future.result(timeout=10)
        producer = Producer({"bootstrap.servers": broker.bootstrap})
        producer.produce(topic, value=b'{"after": "created"}', partition=2)
        assert producer.flush(10) == 0
        out, err = tail.communicate(timeout=60)
    finally:
        tail.kill()
    assert tail.returncode == 0, err
    assert out.splitlines() == ['{"after": "created"}']
    assert "Traceback" not in err
    assert _topics(admin)[topic] == 3
