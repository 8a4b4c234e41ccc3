"""The bootstrap check before a Kafka client starts: which address, and why, in bounded time."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from stream.config.reach import BrokerUnreachable, bootstrap_addresses, check_reachable
from stream.config.settings import Settings
from stream.devtools.broker import free_port


def test_bootstrap_addresses_default_to_kafkas_port_and_read_ipv6_brackets() -> None:
    assert bootstrap_addresses("k1:9093, k2 ,[::1]:9094,[::1]") == [
        ("k1", 9093),
        ("k2", 9092),
        ("::1", 9094),
        ("::1", 9092),
    ]


def _refusal(settings: Settings, **kwargs: object) -> str:
    with pytest.raises(BrokerUnreachable) as refused:
        asyncio.run(check_reachable(settings, **kwargs))  # type: ignore[arg-type]
    return str(refused.value)


def test_nobody_listening_names_the_variable_the_address_and_the_reason() -> None:
    port = free_port()
    message = _refusal(Settings(bootstrap_servers=f"127.0.0.1:{port}"))
    address = f"127.0.0.1:{port}"
    assert (
        message
        == f"no Kafka broker at NEWSEVENTS_BOOTSTRAP_SERVERS={address} ({address}: connection refused)"
    )


def test_the_option_the_addresses_came_from_is_named() -> None:
    port = free_port()
    message = _refusal(Settings(bootstrap_servers=f"127.0.0.1:{port}"), source="--bootstrap-servers")
    assert message.startswith(f"no Kafka broker at --bootstrap-servers=127.0.0.1:{port} (")


def test_one_answering_address_is_enough() -> None:
    with _SilentListener() as port:
        asyncio.run(check_reachable(Settings(bootstrap_servers=f"127.0.0.1:{free_port()},127.0.0.1:{port}")))


@pytest.fixture
def silent_listener() -> Iterator[int]:
    with _SilentListener() as port:
        yield port


class _SilentListener:
    """A TCP listener that accepts and never answers: what a plaintext Kafka port is to a TLS client."""

    def __enter__(self) -> int:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.accepted: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()
        port: int = self.sock.getsockname()[1]
        return port

    def _accept(self) -> None:
        try:
            while True:
                self.accepted.append(self.sock.accept()[0])
        except OSError:
            return

    def __exit__(self, *_: object) -> None:
        # Shut down first: that wakes the accept thread (a close alone may not), which then ends; only
        # after it has ended is the list of accepted connections complete (else one may stay unclosed).
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()
        self.thread.join(timeout=5)
        for conn in self.accepted:
            conn.close()


def test_tls_to_a_plaintext_listener_fails_within_the_wait_with_a_reason(silent_listener: int) -> None:
    settings = Settings(bootstrap_servers=f"127.0.0.1:{silent_listener}", security_protocol="SSL")
    message = _refusal(settings, wait_seconds=0.3)
    assert message.endswith(
        f"(127.0.0.1:{silent_listener}: no TLS handshake within 0.3 s (NEWSEVENTS_SECURITY_PROTOCOL=SSL): "
        "is it a plaintext listener?)"
    )


@pytest.fixture
def self_signed(tmp_path: Path) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    request = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost"]
    subprocess.run(
        [
            "openssl",
            *request,
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def _tls_reachable(cert: Path, key: Path, settings: Settings) -> None:
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_context.load_cert_chain(cert, key)

    async def run() -> None:
        async def serve(_r: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            writer.close()

        server = await asyncio.start_server(serve, "127.0.0.1", 0, ssl=server_context)
        port = server.sockets[0].getsockname()[1]
        try:
            await check_reachable(settings.model_copy(update={"bootstrap_servers": f"127.0.0.1:{port}"}))
        finally:
            server.close()

    asyncio.run(run())


def test_an_untrusted_certificate_is_named_as_the_reason(self_signed: tuple[Path, Path]) -> None:
    with pytest.raises(
        BrokerUnreachable, match=r"its TLS certificate is not trusted: .* NEWSEVENTS_SSL_CAFILE"
    ):
        _tls_reachable(*self_signed, Settings(security_protocol="SSL"))


def test_the_ca_file_makes_the_certificate_trusted(self_signed: tuple[Path, Path]) -> None:
    cert, key = self_signed
    _tls_reachable(cert, key, Settings(security_protocol="SSL", ssl_cafile=cert))
