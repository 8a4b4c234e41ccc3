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
    clean = {k: v for k, v in os.environ.items() if not k.upper().startswith("NEWSEVENTS_")}
    environ = {**clean, "NEWSEVENTS_BOOTSTRAP_SERVERS": broker.bootstrap, **(env or {})}
    return subprocess.Popen(
        [sys.executable, "-m", "stream", *args],
        cwd=ROOT,
        env=environ,
        stdin=subprocess.PIPE,
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


def test_ssl_against_the_plaintext_broker_fails_in_bounded_time_with_a_reason(broker: EmbeddedBroker) -> None:
    tail = _newsevents(broker, "tail", "news.raw", env={"NEWSEVENTS_SECURITY_PROTOCOL": "SSL"})
    out, err = tail.communicate(timeout=60)  # the check waits 10 s for the handshake, aiokafka 40 s
    assert tail.returncode == 1
    assert out == ""
    address = broker.bootstrap
    assert err == (
        f"newsevents: no Kafka broker at NEWSEVENTS_BOOTSTRAP_SERVERS={address} ({address}: no TLS handshake "
        "within 10 s (NEWSEVENTS_SECURITY_PROTOCOL=SSL): is it a plaintext listener?)\n"
    )


def test_produce_reads_several_articles_from_stdin_and_counts_them_in_json(broker: EmbeddedBroker) -> None:
    articles = (
        b"date 2022-03-01\nGermany sent aid to Ukraine.\ndate 2022-03-02\nFrance condemned the attack.\n"
    )
    produce = _newsevents(broker, "produce", "-", "--topic", "stdin.raw", "--json")
    out, err = produce.communicate(articles.decode(), timeout=60)
    assert produce.returncode == 0, err
    assert out == '{"topic":"stdin.raw","produced":2}\n'
