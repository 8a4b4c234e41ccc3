"""The dictionary's people and bodies as actors: titles, possessives, owners; the hand list gone."""

from __future__ import annotations

import datetime as dt

from stream.extract.actors import ArticleMemory, find_actors
from stream.extract.gazetteer import actor_lexicon

DAY = ArticleMemory(date=dt.date(1991, 6, 1))


def _parties(text: str, memory: ArticleMemory = DAY) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.country, m.sector) for m in find_actors(text, memory)]


def test_a_title_takes_the_dictionarys_whole_name() -> None:
    # The name pattern stops at "H."; the dictionary's name runs on to "Bush".
    assert _parties("Officials said President George H.W. Bush would visit.")[0] == (
        "President George H.W. Bush",
        "USA",
        "GOV",
    )


def test_a_possessive_is_not_part_of_a_titled_name() -> None:
    found = _parties("Aides to President Mikhail Gorbachev's office said so.")
    assert found[0][0] == "President Mikhail Gorbachev"


def test_a_national_body_named_as_another_countrys_is_that_countrys() -> None:
    # The dictionary knows the Joint Chiefs of Staff as American.
    assert _parties("Japan's Joint Chiefs of Staff said so.") == [
        ("Japan's Joint Chiefs of Staff", "JPN", "MIL")
    ]
    assert _parties("The Joint Chiefs of Staff said so.") == [("Joint Chiefs of Staff", "USA", "MIL")]


def test_the_hand_typed_leaders_list_is_gone_from_the_gazetteer() -> None:
    assert not [name for name, entry in actor_lexicon().items() if entry.kind == "person"]
    # Its people are read from the dictionary and the people table instead.
    assert _parties("Yeltsin spoke.", ArticleMemory(date=dt.date(1995, 1, 1))) == [("Yeltsin", "RUS", "GOV")]
    assert _parties("Zelensky spoke.", ArticleMemory(date=dt.date(2023, 1, 1))) == [
        ("Zelensky", "UKR", "GOV")
    ]
