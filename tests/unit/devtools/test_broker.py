"""`newsevents broker` on a taken port: one line saying so, a non-zero exit, and no address printed."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator

import pytest

from stream.devtools.broker import BrokerStartError, EmbeddedBroker, port_taken
from tests.paths import ROOT


@pytest.fixture
def taken_port() -> Iterator[int]:
    with socket.create_server(("127.0.0.1", 0)) as sock:
        yield sock.getsockname()[1]


def test_a_port_someone_listens_on_is_taken_and_a_closed_one_is_not(taken_port: int) -> None:
    assert port_taken(taken_port)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        unused = sock.getsockname()[1]
    assert not port_taken(unused)


def test_the_broker_refuses_a_taken_port_before_starting(taken_port: int) -> None:
    broker = EmbeddedBroker(taken_port)
    with pytest.raises(BrokerStartError, match=rf"^port {taken_port} is taken: something already listens"):
        broker.start()
    assert broker.process is None


def test_broker_command_on_a_taken_port_says_so_in_one_line_and_prints_no_address(taken_port: int) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "stream", "broker", "--port", str(taken_port)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == (
        f"newsevents: port {taken_port} is taken: something already listens on 127.0.0.1:{taken_port}\n"
    )
