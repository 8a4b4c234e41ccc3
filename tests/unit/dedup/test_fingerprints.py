"""Article-level duplicate detection: boilerplate, SimHash distances, the bounded band index."""

from __future__ import annotations

import random

from stream.bench.extract import generate_articles
from stream.dedup.fingerprints import (
    NEAR_DUPLICATE_BITS,
    BandIndex,
    Fingerprint,
    MappingBandIndex,
    content_key,
    fingerprint,
)
from stream.ingest.raw import parse_raw
from stream.records.models import Article

SEED_PARAGRAPHS = [
    "Entourages from Ukraine and Russia meet this Monday to negotiate an interruption of the fighting.",
    "It is the first time representatives of the two countries have met since the invasion began.",
    "The Ukrainian delegation arrived at the border with Belarus, the presidency said.",
    "Belarus President Alexander Lukashenko contacted Zelensky before the talks.",
    "Russian negotiator Vladimir Medinsky said talks should start at noon local time.",
    "Officials of the two governments are expected to meet near the border.",
]
STORY = "\n\n".join(SEED_PARAGRAPHS)


def test_boilerplate_does_not_change_the_content_key() -> None:
    for dressed in (
        "By Maria Silva, Reuters\n\n" + STORY,
        "KYIV, Feb 28 (Reuters) - " + STORY,
        STORY + "\n\nRead more: live coverage of the war",
        STORY + "\n\nCopyright 2022 Example News. All rights reserved.",
        "2 of 2\n" + STORY,
    ):
        assert content_key(dressed) == content_key(STORY)
    assert content_key(STORY + " Extra.") != content_key(STORY)


def test_syndicated_variants_of_a_real_article_are_within_the_threshold(seed_bytes: bytes) -> None:
    article = parse_raw(seed_bytes)
    assert isinstance(article, Article)
    text = article.text
    paragraphs = text.split("\n\n")
    base = fingerprint(text)
    variants = {
        "new headline": "Ukraine and Russia hold first talks\n\n" + text,
        "extra sentence": text + "\n\nThe talks were expected to last several hours, officials said.",
        "reordered": "\n\n".join(paragraphs[1:3] + paragraphs[:1] + paragraphs[3:]),
        "dropped paragraph": "\n\n".join(paragraphs[:5] + paragraphs[6:]),
        "byline and read more": "By Ana Lima\n\n" + text + "\n\nRead more: Ukraine latest",
    }
    distances = {name: base.distance(fingerprint(v)) for name, v in variants.items()}
    assert all(d <= NEAR_DUPLICATE_BITS for d in distances.values()), distances
    assert distances["reordered"] == 0  # shingles never cross a paragraph boundary


def test_false_merge_rate_on_distinct_articles_is_zero_in_two_million_pairs() -> None:
    """Generated articles share templates, so they are closer than real distinct news: a hard case."""
    prints = [fingerprint(text) for text in generate_articles(2000, seed=11)]
    index = BandIndex(max_entries=10_000)
    merges = 0
    for i, print_ in enumerate(prints):
        merges += index.find(print_) is not None
        index.add(print_, str(i))
    assert merges == 0  # 1,999,000 pairs compared through the index, none merged


def _random_print(rng: random.Random) -> Fingerprint:
    return Fingerprint(rng.getrandbits(64), rng.getrandbits(64))


def test_band_index_finds_within_threshold_and_stays_bounded() -> None:
    rng = random.Random(5)
    index = BandIndex(max_entries=100)
    base = _random_print(rng)
    index.add(base, "original")
    near = Fingerprint(base.first ^ (1 << 3) ^ (1 << 40) ^ (1 << 63), base.second ^ 1)
    match = index.find(near)
    assert match is not None and (match.article_id, match.distance) == ("original", 3)
    assert index.find(Fingerprint(base.first ^ 0b111111, base.second)) is None  # six bits: too far
    assert index.find(Fingerprint(base.first, base.second ^ 0b111111)) is None  # far in the second hash
    evicted = sum(index.add(_random_print(rng), f"a{i}") for i in range(500))
    assert len(index) == 100 and evicted == 401
    assert index.find(base) is None  # the oldest entry was evicted first


def test_mapping_band_index_works_over_any_mapping() -> None:
    table: dict[bytes, bytes] = {}
    index = MappingBandIndex(table, per_bucket=4)
    print_ = Fingerprint(0xDEADBEEF12345678, 0x0123456789ABCDEF)
    index.add(print_, "first")
    match = index.find(Fingerprint(print_.first ^ 1, print_.second))
    assert match is not None and (match.article_id, match.distance) == ("first", 1)
    assert len(table) == NEAR_DUPLICATE_BITS + 1  # one bucket per band
    assert Fingerprint.from_hex(print_.hex()) == print_


def test_planned_bucket_writes_are_what_adding_each_article_in_turn_writes() -> None:
    rng = random.Random(3)
    before = {f"b{i}": _random_print(rng) for i in range(30)}
    base: dict[bytes, bytes] = {}
    for article_id, print_ in before.items():
        MappingBandIndex(base, per_bucket=4).add(print_, article_id)
    shared = _random_print(rng)
    # Near copies of one print share buckets: each later article must see the earlier ones' writes.
    batch = [(shared, "n0"), (Fingerprint(shared.first ^ 1, shared.second), "n1"), (_random_print(rng), "n2")]
    batch += [(print_, f"c{i}") for i, print_ in enumerate(_random_print(rng) for _ in range(10))]
    untouched = dict(base)
    planned = MappingBandIndex(base, per_bucket=4).planned(batch)
    assert base == untouched
    added = dict(base)
    index = MappingBandIndex(added, per_bucket=4)
    for print_, article_id in batch:
        index.add(print_, article_id)
    assert {key: value for key, value in added.items() if untouched.get(key) != value} == planned
