"""`newsevents bench extract`: coder throughput on generated, realistic seed-sized news articles."""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from stream.extract.coder import code_article

__all__ = ["ExtractBench", "generate_articles", "run_extract_bench"]

# Our own sentence templates: about a third report political events, the rest is the surrounding copy
# (background, quotes, economy, weather) that makes up most of a news article.
_EVENT_TEMPLATES = (
    "{A} and {B} held talks in {CITY} on {DAY} to discuss the border dispute.",
    "{ADJ_A} Foreign Minister {NAME} met his {ADJ_B} counterpart in {CITY} on {DAY}.",
    "{A} accused {B} of violating the ceasefire along the frontier, officials said.",
    "The {ADJ_A} government imposed new sanctions on {B} after the vote.",
    "{ADJ_A} troops shelled positions held by rebels near {CITY}, witnesses said.",
    "{A} refused to meet the {ADJ_B} envoy, the foreign ministry said on {DAY}.",
    "President {NAME} of {A} phoned the {ADJ_B} prime minister to discuss trade.",
    "{A} sent humanitarian aid to {B} after the floods, the embassy said.",
    "Police in {CITY} arrested dozens of opposition activists during the protest.",
    "{A} called on {B} to release the detained journalists.",
    "Thousands of protesters marched through {CITY} to demand the government's resignation.",
    "{A} threatened to expel {ADJ_B} diplomats if the attacks continued.",
    "The {ADJ_A} army withdrew its troops from the disputed villages on {DAY}.",
    "{A} signed a trade agreement with {B} during the visit to {CITY}.",
)
_FILLER_TEMPLATES = (
    "The region has been a source of tension between the two neighbours for decades.",
    "Analysts said the outcome would depend on the economy and on next year's elections.",
    "Prices of bread and fuel rose sharply in {CITY} last month, according to official figures.",
    "The river that marks part of the border flooded several farms in the spring.",
    "Local newspapers devoted their front pages to the story on {DAY}.",
    "Many residents of {CITY} said they were tired of the long dispute and wanted calm.",
    "The ministry did not give further details about the schedule of the meetings.",
    "Heavy snow is expected in the mountains over the weekend, forecasters said.",
    "Trade between the two countries reached about $4 billion last year.",
    "The opposition leader is expected to travel abroad later in the month.",
    "Officials said the next round could take place in the capital before the summer.",
    "Schools and markets in {CITY} reopened after a week of closures.",
    "Television channels showed long queues outside banks in several towns.",
    "The football season was suspended for two weeks because of the unrest.",
)
_COUNTRIES = (
    ("Russia", "Russian"), ("Ukraine", "Ukrainian"), ("France", "French"), ("Germany", "German"),
    ("China", "Chinese"), ("Japan", "Japanese"), ("Iran", "Iranian"), ("Israel", "Israeli"),
    ("Turkey", "Turkish"), ("Egypt", "Egyptian"), ("Brazil", "Brazilian"), ("India", "Indian"),
    ("Pakistan", "Pakistani"), ("Nigeria", "Nigerian"), ("Kenya", "Kenyan"), ("Poland", "Polish"),
)  # fmt: skip
_CITIES = ("Geneva", "Vienna", "Istanbul", "Cairo", "Nairobi", "Warsaw", "Minsk", "Doha", "Lagos", "Delhi")
_NAMES = ("Anna Berg", "Omar Haddad", "Li Wen", "Pedro Alves", "Yuki Sato", "Ivan Petrov", "Amina Bello")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def _fill(template: str, rng: random.Random) -> str:
    (a, adj_a), (b, adj_b) = rng.sample(_COUNTRIES, 2)
    return template.format(
        A=a,
        B=b,
        ADJ_A=adj_a,
        ADJ_B=adj_b,
        CITY=rng.choice(_CITIES),
        NAME=rng.choice(_NAMES),
        DAY=rng.choice(_DAYS),
    )


def generate_articles(count: int, target_bytes: int = 2700, seed: int = 7) -> list[str]:
    """Deterministic articles of about `target_bytes` UTF-8 bytes, paragraphs of one or two sentences."""
    rng = random.Random(seed)
    articles: list[str] = []
    for _ in range(count):
        paragraphs: list[str] = []
        size = 0
        while size < target_bytes:
            pool = _EVENT_TEMPLATES if rng.random() < 0.35 else _FILLER_TEMPLATES
            paragraph = " ".join(_fill(rng.choice(pool), rng) for _ in range(rng.choice((1, 2))))
            paragraphs.append(paragraph)
            size += len(paragraph.encode()) + 2
        articles.append("\n\n".join(paragraphs))
    return articles


@dataclass(frozen=True, slots=True)
class ExtractBench:
    articles: int
    corpus_bytes: int
    events: int
    seconds: float

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds

    @property
    def megabytes_per_second(self) -> float:
        return self.corpus_bytes / 1e6 / self.seconds


def run_extract_bench(
    articles: list[str],
    published: dt.date | list[dt.date | None],
    on_progress: Callable[[int], None] | None = None,
    at_loop_edges: Callable[[], object] | None = None,
) -> ExtractBench:
    """Code every article once (after one warm-up article) and time it on this core; `published` is
    the date of every article, or of each. `at_loop_edges` is called just before and just after the
    timed loop (the instruction count marks its bounds with it)."""
    dates = published if isinstance(published, list) else [published] * len(articles)
    code_article("warm-up", articles[0], dates[0])
    events = 0
    if at_loop_edges is not None:
        at_loop_edges()
    started = time.perf_counter()
    for index, (text, date) in enumerate(zip(articles, dates, strict=True)):
        events += len(code_article(str(index), text, date))
        if on_progress is not None and index % 100 == 99:
            on_progress(100)
    seconds = time.perf_counter() - started
    if at_loop_edges is not None:
        at_loop_edges()
    return ExtractBench(len(articles), sum(len(a.encode()) for a in articles), events, seconds)
