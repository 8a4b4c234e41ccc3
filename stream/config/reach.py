"""Checking that the bootstrap servers answer before a Kafka client starts, in bounded time.

aiokafka waits its whole request timeout (40 s) on an address that never answers or a TLS handshake a
plaintext listener never completes, and then reports no reason; this says which address and why.
"""

from __future__ import annotations

import asyncio
import os
import socket
import ssl

from stream.config.kafka import ssl_context
from stream.config.settings import Settings

__all__ = ["PROBE_TIMEOUT_SECONDS", "BrokerUnreachable", "bootstrap_addresses", "check_reachable"]

PROBE_TIMEOUT_SECONDS = 10.0


class BrokerUnreachable(ConnectionError):
    """No bootstrap server answered; the message names the setting, the addresses and the reasons."""


def bootstrap_addresses(servers: str) -> list[tuple[str, int]]:
    """(host, port) of each comma-separated address; Kafka's port 9092 when none is given."""
    out = []
    for address in (a.strip() for a in servers.split(",")):
        if not address:
            continue
        host, _, port = (
            address.rpartition(":") if address.rfind(":") > address.rfind("]") else (address, "", "")
        )
        out.append((host.strip("[]"), int(port) if port else 9092))
    return out


def _reason(exc: OSError) -> str:
    """'connection refused', 'name or service not known': the OS's words, not asyncio's."""
    if isinstance(exc, socket.gaierror) or not exc.errno:
        return str(exc.strerror or exc).lower()
    return os.strerror(exc.errno).lower()


async def _probe(
    host: str, port: int, context: ssl.SSLContext | None, protocol: str, wait_seconds: float
) -> str | None:
    """Why one address cannot serve as a bootstrap server, or None when it can."""
    try:
        _reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), wait_seconds)
    except TimeoutError:
        return f"no answer within {wait_seconds:g} s"
    except OSError as exc:
        return _reason(exc)
    try:
        if context is not None:
            await asyncio.wait_for(writer.start_tls(context, server_hostname=host), wait_seconds)
    except TimeoutError:
        return (
            f"no TLS handshake within {wait_seconds:g} s (NEWSEVENTS_SECURITY_PROTOCOL={protocol}): "
            "is it a plaintext listener?"
        )
    except ssl.SSLCertVerificationError as exc:
        return f"its TLS certificate is not trusted: {exc.verify_message} (see NEWSEVENTS_SSL_CAFILE)"
    except (ssl.SSLError, OSError) as exc:
        return f"TLS handshake failed: {exc}"
    finally:
        # Not close(): a TLS close waits for the peer's shutdown, which a plaintext listener never sends.
        writer.transport.abort()
    return None


async def check_reachable(
    settings: Settings,
    wait_seconds: float = PROBE_TIMEOUT_SECONDS,
    source: str = "NEWSEVENTS_BOOTSTRAP_SERVERS",
) -> None:
    """Return once one bootstrap server accepts a connection (and a TLS handshake with SSL); else raise
    BrokerUnreachable naming `source` (the variable or option the addresses came from)."""
    context = ssl_context(settings)
    problems = []
    for host, port in bootstrap_addresses(settings.bootstrap_servers):
        problem = await _probe(host, port, context, settings.security_protocol, wait_seconds)
        if problem is None:
            return
        problems.append(f"{host}:{port}: {problem}")
    raise BrokerUnreachable(
        f"no Kafka broker at {source}={settings.bootstrap_servers} ({'; '.join(problems)})"
    )
