"""Keeping dedup state bounded: a recency index that says which keys leave by age or by count."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

__all__ = ["RecencyIndex"]


class RecencyIndex:
    """Key -> last write time, oldest first. `overflow()` names the keys beyond `max_entries`,
    `expired(now)` those older than `window_seconds`; both remove what they return."""

    def __init__(self, window_seconds: float, max_entries: int) -> None:
        self.window_seconds = window_seconds
        self.max_entries = max_entries
        self._times: OrderedDict[Hashable, float] = OrderedDict()

    def touch(self, key: Hashable, now: float) -> None:
        self._times[key] = now
        self._times.move_to_end(key)

    def adopt(self, keys: list[Hashable], now: float) -> None:
        """Keys found in a store restored from its changelog, oldest first; their age is unknown, so
        they count as written now (they leave a window later at most, and by count at once)."""
        for key in reversed(keys):
            if key not in self._times:
                self._times[key] = now
                self._times.move_to_end(key, last=False)

    def retain(self, present: set[Hashable]) -> int:
        """Forget keys the store no longer holds (their partitions moved to another worker)."""
        gone = [key for key in self._times if key not in present]
        for key in gone:
            del self._times[key]
        return len(gone)

    def overflow(self) -> list[Hashable]:
        out = []
        while len(self._times) > self.max_entries:
            key, _ = self._times.popitem(last=False)
            out.append(key)
        return out

    def expired(self, now: float) -> list[Hashable]:
        out = []
        horizon = now - self.window_seconds
        while self._times:
            key, stamp = next(iter(self._times.items()))
            if stamp >= horizon:
                break
            self._times.popitem(last=False)
            out.append(key)
        return out

    def __contains__(self, key: Hashable) -> bool:
        return key in self._times

    def __len__(self) -> int:
        return len(self._times)
