"""The worker's HTTP pages: /metrics (Prometheus), /healthz (alive), /readyz (ready)."""

from __future__ import annotations

import time
from typing import Any

import faust
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

from stream.records.codec import dumps
from stream.worker.health import Verdict, WorkerState
from stream.worker.transport import crashed_agents

__all__ = ["METRICS_TYPE", "WorkerHealth", "add_pages", "verdict_answer"]

# aiohttp refuses a charset inside content_type; Prometheus accepts the bare exposition type.
METRICS_TYPE = CONTENT_TYPE_LATEST.split(";")[0] + "; version=0.0.4"


def verdict_answer(verdict: Verdict) -> tuple[bytes, int]:
    """A health page's JSON body and HTTP status: 200 when ok, else 503 (load balancers and probes)."""
    return dumps(verdict.body()), 200 if verdict.ok else 503


class WorkerHealth:
    """Alive and ready, now: the monitor's last observations with Faust's recovery and agent state."""

    def __init__(self, app: faust.App, state: WorkerState, max_tick_age: float) -> None:
        self._app = app
        self._state = state
        self._max_tick_age = max_tick_age

    def alive(self) -> Verdict:
        return self._state.liveness(
            max_tick_age=self._max_tick_age, crashed_agents=crashed_agents(self._app), now=time.monotonic()
        )

    def ready(self) -> Verdict:
        return self._state.readiness(
            recovering=bool(self._app.in_recovery),
            crashed_agents=crashed_agents(self._app),
            now=time.monotonic(),
        )


def add_pages(app: faust.App, health: WorkerHealth, registry: CollectorRegistry) -> None:
    @app.page("/metrics")
    async def metrics_page(web: Any, request: Any) -> Any:
        return web.bytes(generate_latest(registry), content_type=METRICS_TYPE)

    @app.page("/healthz")
    async def healthz(web: Any, request: Any) -> Any:
        body, status = verdict_answer(health.alive())
        return web.bytes(body, content_type="application/json", status=status)

    @app.page("/readyz")
    async def readyz(web: Any, request: Any) -> Any:
        body, status = verdict_answer(health.ready())
        return web.bytes(body, content_type="application/json", status=status)
