"""Wire datelines in the forms agencies print, read apart from sentence openers; dedup strips them."""

from __future__ import annotations

import re

import pytest

from stream.dedup.fingerprints import content_key, strip_boilerplate
from stream.ingest.dateline import DATELINE, read_dateline


@pytest.mark.parametrize(
    ("text", "city", "region"),
    [
        ("JAKARTA, June 18 - Indonesia rejected a demand", "JAKARTA", ""),  # Reuters, no agency tag
        ("MANILA, March 1 - Police arrested", "MANILA", ""),
        ("JOHANNESBURG, March 17 - Miners struck", "JOHANNESBURG", ""),
        ("LONDON, Ky. (WKYT) - Police in London", "LONDON", "Ky."),  # a station's call letters
        ("WASHINGTON (RNS) - Religious leaders met", "WASHINGTON", ""),
        ("KYIV, Feb 28 (AP) — Russian forces shelled", "KYIV", ""),
        ("Paris (AFP) - French police clashed", "Paris", ""),  # mixed case with an agency
        ("Nairobi, Kenya — Kenyan police fired", "Nairobi", "Kenya"),  # mixed case, country, em dash
        ("LONDON, Ont. - Thousands of nurses marched", "LONDON", "Ont."),
        ("VICTORIA, B.C. (CP) - Indigenous leaders met", "VICTORIA", "B.C."),
        ("SAN FRANCISCO, Calif. - A judge ruled", "SAN FRANCISCO", "Calif."),
        ("BIRMINGHAM, Ala. (AP) — Marchers filled", "BIRMINGHAM", "Ala."),
        ("GENEVA, Switzerland, March 3 (AP) — Talks began", "GENEVA", "Switzerland"),
        ("PORT-AU-PRINCE, Haiti — Gangs attacked", "PORT-AU-PRINCE", "Haiti"),
        ("LA PAZ, Bolivia (AP) — Bolivia expelled", "LA PAZ", "Bolivia"),
        ("ST. LOUIS (AP) — A jury found", "ST. LOUIS", ""),
        ("MEXICO CITY, May 5 (Reuters) - Soldiers clashed", "MEXICO CITY", ""),
        ("BEIJING, Dec. 1 (Xinhua) -- China said", "BEIJING", ""),
        ("WASHINGTON, Dec. 1, 2026 /PRNewswire/ -- Acme said", "WASHINGTON", ""),
        ("NEW DELHI: India said on Monday", "NEW DELHI", ""),
        ("LONDON, 3 March - Britain said", "LONDON", ""),  # day before month
        ("PERTH, Western Australia — Police arrested", "PERTH", "Western Australia"),
        ("Washington, D.C. — Lawmakers met", "Washington", "D.C."),
        ("JAKARTA - Indonesia rejected", "JAKARTA", ""),
    ],
)
def test_wire_datelines_are_read_with_their_city_and_region(text: str, city: str, region: str) -> None:
    found = read_dateline(text)
    assert found is not None
    assert (found.city, found.region) == (city, region)
    assert text[found.end :][:1].isupper()  # the story starts where the dateline ends


@pytest.mark.parametrize(
    "text",
    [
        "However, Smith - the minister - said no.",
        "Meanwhile, Officials - who declined to be named - said.",
        "BREAKING - Indonesia rejects the demand",
        "UPDATE 2-Indonesia rejects the demand",
        "EXCLUSIVE-Russia plans talks",
        "Russia said on June 18 that talks would resume.",
        "The U.S. - China talks resumed.",
        "In Paris, talks - long delayed - began.",
        "Paris, France is a city.",
        "Nairobi, Kenya's capital, was calm.",
        "Q: What happens next?",
        "UN: Russia must withdraw",
        "JOHN SMITH - a reporter",
        "Trump, Biden - both said so",
        "Paris Hilton - the heiress - said.",
        "Monday, March 3 - Officials said",
        "ISTANBUL is a city - and a big one.",
    ],
)
def test_sentence_openers_are_no_datelines(text: str) -> None:
    assert read_dateline(text) is None


# The pattern dedup stripped before the wire forms were added: what it stripped, it still strips.
_BEFORE = re.compile(
    r"\A\s*(?P<city>[A-Z][A-Z .'-]{2,40})(?:,\s*[\w .]{3,20})?\s*\([\w .&-]{2,30}\)\s*[-—–:]\s*"
)
_STORY = "Indonesia rejected a demand by the Netherlands on Tuesday.\n\nProtesters gathered outside."


@pytest.mark.parametrize(
    "text",
    [
        "MOSCOW (Reuters) - " + _STORY,
        "KYIV, Feb 28 (AP) — " + _STORY,
        "LONDON, Ky. (WKYT) - " + _STORY,
        "NATO (the alliance) - which met on Monday, agreed.",  # stripped before: keys of stored articles
        _STORY,
        "However, Smith - the minister - said no.",
        "BREAKING - " + _STORY,
        "By Ana Lima\n\n" + _STORY,
    ],
)
def test_what_dedup_stripped_before_it_strips_the_same(text: str) -> None:
    assert strip_boilerplate(text) == strip_boilerplate(_BEFORE.sub("", text, count=1))


def test_datelines_read_now_give_syndicated_copies_one_content_key() -> None:
    plain = content_key(_STORY)
    for dressed in ("JAKARTA, June 18 - ", "Jakarta, Indonesia — ", "JAKARTA: ", "Jakarta (AFP) - "):
        assert _BEFORE.match(dressed + _STORY) is None  # not stripped before: these keys change
        assert content_key(dressed + _STORY) == plain
    # Stripped but for its second dash before.
    assert content_key("BEIJING, Dec. 1 (Xinhua) -- " + _STORY) == plain


def test_the_dateline_pattern_is_anchored_at_the_start() -> None:
    assert DATELINE.match("Indonesia said. JAKARTA, June 18 - More") is None
