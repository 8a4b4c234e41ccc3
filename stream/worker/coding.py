"""Coding off the event loop: a child process codes one article at a time, each within a time budget."""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import logging
import os
import signal
import struct
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from typing import BinaryIO, Final

from stream.config.settings import TopicNames
from stream.dedup.events import code_candidates
from stream.records.codec import dumps
from stream.records.models import Article

__all__ = [
    "Coded",
    "CoderCrashed",
    "CodingError",
    "CodingFailed",
    "CodingTimeout",
    "ProcessCoder",
    "child_main",
    "pack_parts",
    "unpack_parts",
]

log = logging.getLogger(__name__)

_LENGTH = struct.Struct(">I")
_READY: Final = b"ready"
_OK: Final = b"+"
_ERROR: Final = b"!"
_PR_SET_PDEATHSIG: Final = 1
# Coded before the child says it is ready, so that the lexicons, gazetteer and patterns the coder loads
# on first use (seconds) are loaded then, not within the first article's budget.
_WARM_UP_TEXT: Final = (
    "MOSCOW, March 1 (Reuters) - Russian President Vladimir Putin met Ukrainian and French officials in "
    'Gomel on Monday, the Kremlin said. "We demand a ceasefire," Foreign Minister Sergei Lavrov told '
    "reporters in Geneva. The United Nations and NATO condemned the attack on Kyiv, while China called "
    "for talks. Police arrested 20 protesters in Minsk on Tuesday. The Ukrainian delegation arrived at "
    "the border, the presidency's office said, and a Russian government spokesman said the army would "
    "withdraw troops. Egyptian security forces and the Israeli defense ministry signed an agreement."
)


class CodingError(Exception):
    """Coding an article did not give its events; `reason` is the dead letter's reason. `answered`: the
    answers of the articles before it in the same call (a replaced child gave them first)."""

    reason = "processing_error"

    def __init__(self, message: str = "", answered: Sequence[Coded] = ()) -> None:
        super().__init__(message)
        self.answered = list(answered)


class CodingTimeout(CodingError):
    reason = "coding_timeout"


class CodingFailed(CodingError):
    """The coder raised (in the child): the message is its repr."""


class CoderCrashed(CodingError):
    """The child died while coding the article (killed from outside, out of memory, a crash)."""

    reason = "coding_crashed"


#: One article's answer: its candidates' (key, value), or why it has none.
Coded = list[tuple[bytes, bytes]] | CodingError


def _decoded(reply: bytes) -> Coded:
    if reply[:1] == _ERROR:
        return CodingFailed(reply[1:].decode(errors="replace"))
    parts = unpack_parts(reply[1:])
    return list(zip(parts[::2], parts[1::2], strict=True))


def pack_parts(parts: Iterable[bytes]) -> bytes:
    """Byte strings, each prefixed by its length."""
    return b"".join(_LENGTH.pack(len(part)) + part for part in parts)


def unpack_parts(data: bytes) -> list[bytes]:
    out, at = [], 0
    while at < len(data):
        (size,) = _LENGTH.unpack_from(data, at)
        at += _LENGTH.size
        out.append(data[at : at + size])
        at += size
    return out


# ---------------------------------------------------------------------------------------------- the child


def _read_frame(stream: BinaryIO) -> bytes | None:
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None  # the worker closed the pipe (or died): nothing more to code
    (size,) = _LENGTH.unpack(head)
    return stream.read(size)


def _write_frame(stream: BinaryIO, body: bytes) -> None:
    stream.write(_LENGTH.pack(len(body)) + body)
    stream.flush()


def _die_with_parent(parent: int) -> None:
    """Linux kills this process when the worker dies, also in the middle of a long article."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(0)  # the worker died before the call above


def _answer(request: bytes) -> bytes:
    try:
        _events, outbound = code_candidates(TopicNames(), Article.model_validate_json(request))
    except Exception as exc:  # the worker dead-letters the article with this
        return _ERROR + repr(exc)[:2000].encode()
    return _OK + pack_parts(part for out in outbound for part in (out.key, out.value))


def _warm_up() -> None:
    article = {"article_id": "warm-up", "content_hash": "0", "published": "2026-12-01", "text": _WARM_UP_TEXT}
    _answer(dumps(article))


def child_main(argv: list[str]) -> None:
    _die_with_parent(int(argv[0]))
    # A Ctrl-C or a SIGTERM to the process group is the worker's to handle: it stops this child when done
    # (killing the child first would dead-letter the article being coded as a crash).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything printed goes to the worker's log, never into the answers
    requests = sys.stdin.buffer
    _warm_up()
    _write_frame(replies, _READY)
    while (request := _read_frame(requests)) is not None:
        _write_frame(replies, _answer(request))


# --------------------------------------------------------------------------------------------- the worker


class _Child:
    """One running child and its pipes."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        assert process.stdin is not None and process.stdout is not None
        self._stdin = process.stdin
        self._stdout = process.stdout

    async def read_frame(self) -> bytes:
        (size,) = _LENGTH.unpack(await self._stdout.readexactly(_LENGTH.size))
        return await self._stdout.readexactly(size)

    def write(self, request: bytes) -> None:
        self._stdin.write(_LENGTH.pack(len(request)) + request)

    async def drain_and_read(self) -> bytes:
        """Hand the child what was written, then read its next answer."""
        await self._stdin.drain()
        return await self.read_frame()

    async def end(self) -> None:
        """Kill and reap the child."""
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()
        await self.process.wait()


class ProcessCoder:
    """Codes articles in one child process, one at a time, each within `budget_seconds` (from the request
    to the answer; starting a child is not counted). An article over the budget kills the child and raises
    CodingTimeout. A spare child, started and warmed once the first is ready, takes over at once (a cold
    one needs about 2 s to load the coder's lexicons and gazetteer: the articles behind a poison would
    wait for it), and a new spare starts behind it. The spare costs about 150 MB of memory.

    A thread would not do: one regular-expression search holds the GIL from start to end (a quadratic
    one on 20 KB of dots held it 6.7 s, and the loop ticked once), and mypyc-compiled code does not hand
    it over either. A process can be killed, and the event loop (health pages, heartbeats, the other
    agents) runs on meanwhile.

    The child is `python -m stream.worker.coding PARENT_PID`: it reads length-prefixed Article records
    on stdin and answers each on its original stdout with the candidates' (key, value) of
    code_candidates, or the coder's error."""

    def __init__(
        self,
        budget_seconds: float,
        on_restart: Callable[[], None] = lambda: None,
        start_timeout: float = 120.0,
    ) -> None:
        self.budget_seconds = budget_seconds
        #: Articles in the child's pipe at once (the budget of each runs from the answer before it).
        self.window = 4
        self._on_restart = on_restart
        self._start_timeout = start_timeout
        self._lock = asyncio.Lock()
        self._child: asyncio.Task[_Child] | None = None
        self._spare: asyncio.Task[_Child] | None = None
        self._ending: set[asyncio.Task[None]] = set()
        self._stopped = False

    def start(self) -> None:
        """Start the child in the background (the first article also starts it); the spare follows once
        the child is ready, so that the two do not warm up on the same cores at once."""
        if self._child is not None or self._stopped:
            return
        self._child, self._spare = self._spare, None
        if self._child is None:
            self._child = asyncio.ensure_future(self._spawn())
        self._child.add_done_callback(self._start_spare)

    def _start_spare(self, child: asyncio.Task[_Child]) -> None:
        started = not child.cancelled() and child.exception() is None
        if started and self._spare is None and not self._stopped and child is self._child:
            self._spare = asyncio.ensure_future(self._spawn())

    async def _spawn(self) -> _Child:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "stream.worker.coding",
            str(os.getpid()),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        child = _Child(process)
        try:
            ready = await asyncio.wait_for(child.read_frame(), self._start_timeout)
        except BaseException:
            await child.end()
            raise
        if ready != _READY:
            await child.end()
            raise RuntimeError(f"the coding process answered {ready[:80]!r} instead of ready")
        log.info("coding process %d ready", process.pid)
        return child

    async def _ready_child(self) -> _Child:
        """The running child; one that failed to start is started again, with back-off, until it runs."""
        delay = 1.0
        while True:
            self.start()
            assert self._child is not None
            try:
                return await asyncio.shield(self._child)
            except (OSError, RuntimeError, TimeoutError, asyncio.IncompleteReadError) as exc:
                log.error("the coding process did not start (%r); trying again in %.0f s", exc, delay)
                self._child = None
                await asyncio.sleep(delay)
                delay = min(delay * 2, 30.0)

    def _replace(self, child: _Child) -> None:
        """End this child; the spare takes over (a new spare starts once it is ready)."""
        ending = asyncio.ensure_future(child.end())
        self._ending.add(ending)
        ending.add_done_callback(self._ending.discard)
        self._child = None
        self._on_restart()
        self.start()

    async def code(self, article_record: bytes) -> list[tuple[bytes, bytes]]:
        """(key, value) of every event candidate of the article (an Article record, JSON), or raises the
        article's CodingError."""
        [result] = await self.code_many([article_record])
        if isinstance(result, CodingError):
            raise result
        return result

    async def code_many(self, article_records: Sequence[bytes]) -> list[Coded]:
        """Each article's candidates, or its CodingError, in order. Up to `window` articles are in the
        child's pipe at once, so it never waits for the worker between two articles; each article's
        budget runs from when the child could start it (the answer before it came, or it was sent) to
        its answer. A child that dies under an article gets one more try on a fresh child (it may have
        died of something else: an outside kill, memory taken by another process); dying twice on it
        is the article's doing. After a timeout or a crash, the articles behind go to the new child."""
        results: list[Coded] = []
        async with self._lock:
            tried: set[int] = set()
            while len(results) < len(article_records):
                at = len(results)
                try:
                    results += await self._ask_from(article_records, at)
                except CoderCrashed as crash:
                    if at + len(crash.answered) in tried:
                        results += [*crash.answered, crash]
                    else:
                        results += crash.answered
                        tried.add(len(results))
                        log.warning("%s; coding the article again in a new one", crash)
                except CodingTimeout as timeout:
                    results += [*timeout.answered, timeout]
        return results

    async def _ask_from(self, records: Sequence[bytes], start: int) -> list[Coded]:
        """Answers from one child for records[start:], until the end or the child is replaced (then the
        answers so far travel on the exception)."""
        child = await self._ready_child()
        while child.process.returncode is not None:  # died while idle: not this article's doing
            self._replace(child)
            child = await self._ready_child()
        answered: list[Coded] = []
        sent = start
        try:
            while start + len(answered) < len(records):
                head = start + len(answered)
                started = time.perf_counter()
                try:
                    while sent < len(records) and sent - head < self.window:
                        child.write(records[sent])
                        sent += 1
                    # Within the budget: a full pipe drains only as the child gets to read it.
                    reply = await asyncio.wait_for(child.drain_and_read(), self.budget_seconds)
                except TimeoutError:
                    self._replace(child)
                    raise CodingTimeout(
                        f"coding took over {self.budget_seconds:g} s (NEWSEVENTS_CODING_BUDGET_SECONDS); "
                        "the coding process was replaced",
                        answered,
                    ) from None
                except (asyncio.IncompleteReadError, ConnectionError) as exc:
                    await child.process.wait()
                    code = child.process.returncode
                    self._replace(child)
                    raise CoderCrashed(
                        f"the coding process ended after {time.perf_counter() - started:.1f} s (exit {code})",
                        answered,
                    ) from exc
                answered.append(_decoded(reply))
        except asyncio.CancelledError:
            self._replace(child)  # its answers would be taken for the next articles'
            raise
        return answered

    async def stop(self) -> None:
        """End the child, the spare and any child being replaced."""
        self._stopped = True
        tasks = [task for task in (self._child, self._spare) if task is not None]
        self._child = self._spare = None
        for task in tasks:
            if task.done() and not task.cancelled() and task.exception() is None:
                await task.result().end()
            else:
                task.cancel()
                with contextlib.suppress(BaseException):
                    await task
        if self._ending:
            await asyncio.gather(*self._ending, return_exceptions=True)


if __name__ == "__main__":
    child_main(sys.argv[1:])
