"""robots.txt, fetched once per host per run and obeyed (RFC 9309 as urllib reads it)."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from urllib.robotparser import RobotFileParser


@dataclass
class Robots:
    """A host's rules. `unreachable`: robots.txt could not be fetched (5xx, network), so the
    host is left alone this run, as RFC 9309 asks."""

    parser: RobotFileParser | None = None
    unreachable: str | None = None

    def allows(self, agent: str, url: str) -> bool:
        if self.unreachable:
            return False
        return self.parser is None or self.parser.can_fetch(agent, url)

    def crawl_delay(self, agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(agent)
        return float(delay) if delay is not None else None


def from_response(status: int | None, body: bytes, error: str | None) -> Robots:
    """Rules from the answer to GET /robots.txt: 2xx is parsed, any other 4xx means no rules,
    5xx or no answer means the host is not to be crawled now."""
    if status is not None and 200 <= status < 300:
        parser = RobotFileParser()
        parser.parse([_whole_delay(line) for line in body.decode("utf-8", errors="replace").splitlines()])
        return Robots(parser)
    if status is not None and 400 <= status < 500:
        return Robots()
    return Robots(unreachable=error or f"HTTP {status}")



_DELAY = re.compile(r"^(\s*crawl-delay\s*:\s*)(\d*\.\d+)(.*)$", re.IGNORECASE)


def _whole_delay(line: str) -> str:
    """"Crawl-delay: 0.5" as "Crawl-delay: 1": urllib reads whole seconds only and would drop it."""
    m = _DELAY.match(line)
    return f"{m.group(1)}{math.ceil(float(m.group(2)))}{m.group(3)}" if m else line
