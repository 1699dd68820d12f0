"""Indexes over character spans, so that no stage compares every quotation with every
other (issue 17: work per document at most n·log n in its length)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate
from typing import Generic, TypeVar


T = TypeVar("T")


class Intervals(Generic[T]):
    """Half-open intervals [start, end) sorted by start, each with an item."""

    def __init__(self, spans: Iterable[tuple[int, int, T]]):
        self._spans = sorted(spans, key=lambda s: (s[0], s[1]))
        self.starts = [s for s, _, _ in self._spans]
        self._reach = list(accumulate((e for _, e, _ in self._spans), max))  # furthest end so far

    def __len__(self) -> int:
        return len(self._spans)

    def containing(self, x: int) -> Iterator[tuple[int, int, T]]:
        """Every interval with start <= x < end, nearest start first. Walks back only while an
        earlier interval still reaches past x, so disjoint or shallowly nested spans cost log n."""
        k = bisect_right(self.starts, x) - 1
        while k >= 0 and self._reach[k] > x:
            s, e, item = self._spans[k]
            if e > x:
                yield s, e, item
            k -= 1

    def covers(self, x: int) -> bool:
        k = bisect_right(self.starts, x)
        return k > 0 and self._reach[k - 1] > x


class RangeTable:
    """Sparse table over values keyed by sorted positions: the min (or max) of the values whose
    key lies in [lo, hi], in constant time after an n·log n build."""

    def __init__(self, items: Iterable[tuple[int, int]], op: Callable[[int, int], int]):
        items = sorted(items)
        self.keys = [k for k, _ in items]
        self.op = op
        level = [v for _, v in items]
        self._levels = [level]
        width = 1
        while 2 * width <= len(level):
            prev = self._levels[-1]
            self._levels.append(list(map(op, prev[:-width], prev[width:])))  # op of i and i + width
            width *= 2

    def query(self, lo: int, hi: int) -> int | None:
        i, j = bisect_left(self.keys, lo), bisect_right(self.keys, hi)
        if i >= j:
            return None
        level = (j - i).bit_length() - 1
        row = self._levels[level]
        return self.op(row[i], row[j - (1 << level)])
