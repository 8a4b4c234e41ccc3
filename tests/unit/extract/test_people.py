"""The dictionary actor matcher: automaton and pure scan agree, names as written, roles read on the day."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from stream.bench.extract import generate_articles
from stream.extract.actors import ArticleMemory, find_actors
from stream.extract.people import (
    _PARTICLES,
    COMMON_PHRASE_NAMES,
    COMMON_WORD_NAMES,
    GROUP_HEADS,
    Named,
    dictionary_names,
    name_spans,
    named_on,
    people_rows,
)
from stream.extract.places import is_calendar_word
from stream.extract.rules import rows
from stream.extract.text import normalize, split_sentences
from tests.english import english_words
from tests.paths import GOLD

D = dt.date


def _own_sentences() -> list[str]:
    """The generated corpus and the project's own sentence tables (texts only)."""
    texts = [s.text for article in generate_articles(300) for s in split_sentences(normalize(article))]
    texts += [line for line in (GOLD / "negative_sentences.txt").read_text().splitlines() if line.strip()]
    for name in ("wire_sentences.jsonl", "coder_sentences.jsonl"):
        texts += [json.loads(line)["text"] for line in (GOLD / name).read_text().splitlines() if line.strip()]
    return texts


def test_the_automaton_and_the_pure_scan_find_the_same_names() -> None:
    texts = _own_sentences()
    assert len(texts) > 3000
    found = 0
    for text in texts:
        compiled = name_spans(text)
        assert compiled == name_spans(text, compiled=False), text
        found += len(compiled)
    assert found > 100  # the comparison covers real matches, not only empty lists


@pytest.mark.parametrize(
    "text",
    [
        "Leaders of the Chinese Communist Party and the Free Syrian Army, said President Putin's UN envoy.",
        "AL-QAEDA IN THE ISLAMIC MAGHREB and al-Qaeda; Mohammed bin Salman; U.N. SECRETARY GENERAL Ban",
        "Groß- und Außenhandel: Staß met Vladimir Putin.",
    ],
)
def test_both_paths_agree_on_awkward_text(text: str) -> None:
    assert name_spans(text) == name_spans(text, compiled=False)


def _matched(text: str) -> list[str]:
    return [text[span.start : span.end] for span in name_spans(text)]


def test_a_name_counts_only_as_written_capitalised() -> None:
    assert _matched("Prime Minister Theresa May said") == ["Theresa May"]
    assert _matched("theresa may said") == []
    assert _matched("Vladimir Putin and the Free Syrian Army") == ["Vladimir Putin", "Free Syrian Army"]
    assert _matched("the free syrian army") == []


def test_a_one_word_name_that_is_an_english_word_needs_a_capital_inside_the_sentence() -> None:
    assert _matched("Bush said on Monday.") == []
    assert _matched("The youth of the town and zero tigers.") == []
    assert _matched("BUSH SAID") == []
    assert _matched("On Monday, Bush said.") == ["Bush"]


def test_a_short_one_word_name_is_an_acronym_only_in_capitals() -> None:
    assert _matched("Officials of the UN said") == ["UN"]
    assert _matched("Un homme") == []


def test_common_word_names_are_the_dictionary_names_english_has_as_words() -> None:
    words = english_words()
    derived = {name for name in dictionary_names() if " " not in name and name.lower() in words}
    assert derived == COMMON_WORD_NAMES


def test_common_phrase_names_are_the_armed_groups_named_by_english_words_alone() -> None:
    words = english_words()
    names = set(dictionary_names())
    derived = {
        name
        for actor in rows.nonstate_actors()
        for name in actor.names
        if name in names
        and " " in name
        and name.split()[-1] not in GROUP_HEADS
        and not any(w.lower() in _PARTICLES for w in name.split())
        and all(w.lower() in words or is_calendar_word(w.title()) for w in name.split())
    }
    assert derived == COMMON_PHRASE_NAMES


def test_a_common_phrase_names_its_group_only_before_a_noun_that_says_it_is_one() -> None:
    assert _matched("Shoppers queued outside stores on Black Friday.") == []
    assert _matched("Black Friday rebels attacked a police post.") == ["Black Friday"]
    assert _matched("Lawmakers said Moscow had crossed a Red Line.") == []
    assert _matched("Shining Path guerrillas ambushed a patrol.") == ["Shining Path"]
    assert _matched("The Red Brigades claimed the attack.") == ["Red Brigades"]  # a group's noun ends it


def test_bare_surnames_of_us_leaders_are_read_against_the_articles_date() -> None:
    # "Bush": the father (vice-president, then president) to 1993, the son 2001-2009, former leaders after.
    assert named_on("Bush", D(1991, 6, 1)) == Named("USA", "GOV", "person")
    assert named_on("Bush", D(1997, 6, 1)) == Named("USA", "ELI", "person")
    assert named_on("Bush", D(2005, 6, 1)) == Named("USA", "GOV", "person")
    assert named_on("Bush", D(2015, 6, 1)) == Named("USA", "ELI", "person")
    # "Clinton": the president, then the senator and secretary of state, then out of office.
    assert named_on("Clinton", D(1995, 6, 1)) == Named("USA", "GOV", "person")
    assert named_on("Clinton", D(2005, 6, 1)) == Named("USA", "LEG", "person")
    assert named_on("Clinton", D(2011, 6, 1)) == Named("USA", "GOV", "person")
    assert named_on("Clinton", D(2020, 6, 1)) == Named("USA", "ELI", "person")
    assert named_on("Trump", D(2022, 6, 1)) == Named("USA", "ELI", "person")
    assert named_on("Trump", D(2025, 6, 1)) == Named("USA", "GOV", "person")


def test_president_bush_is_read_against_the_articles_date() -> None:
    # George H. W. Bush in office in 1990, George W. Bush in 2005, both out of office in 2022.
    assert named_on("President Bush", D(1990, 6, 1)) == Named("USA", "GOV", "person")
    assert named_on("President Bush", D(2005, 6, 1)) == Named("USA", "GOV", "person")
    assert named_on("President Bush", D(2022, 6, 1)) == Named("USA", "ELI", "person")


def test_a_former_leader_is_eli_and_an_office_begins_on_its_day() -> None:
    assert named_on("Vladimir Putin", D(1990, 1, 1)) == Named("RUS", "ELI", "person")
    assert named_on("Vladimir Putin", D(2005, 1, 1)) == Named("RUS", "GOV", "person")


def test_a_name_whose_best_candidates_disagree_is_left_unresolved() -> None:
    # China's army and a Turkish armed group share the name.
    assert named_on("Peoples Liberation Army", D(2010, 1, 1)) is None


def test_a_table_row_adds_the_office_the_dictionary_lacks() -> None:
    # The dictionary knows Norway's prime minister; NATO's secretary-general from 2014 is the table's.
    assert named_on("Jens Stoltenberg", D(2006, 1, 1)) == Named("NOR", "GOV", "person")
    assert named_on("Jens Stoltenberg", D(2020, 1, 1)) == Named("IGO", None, "person")
    assert named_on("Volodymyr Zelensky", D(2022, 1, 1)) == Named("UKR", "GOV", "person")


def test_companies_and_states_are_no_dictionary_parties() -> None:
    assert named_on("Toyota", D(2020, 1, 1)) is None  # a multinational company
    assert named_on("Gomel", D(2020, 1, 1)) is None  # a town, named in its state's row


def test_people_table_rows_each_add_a_name_or_a_dated_role() -> None:
    known = {name for actor in (*rows.country_actors(), *rows.international_actors()) for name in actor.names}
    table = people_rows()
    assert len(table) > 200
    for actor in table:
        assert any(name not in known for name in actor.names) or all(r.dated for r in actor.roles), actor


def test_find_actors_reads_a_person_on_the_articles_day() -> None:
    text = "President Bush met the Saudi king."
    then = find_actors(text, ArticleMemory(date=D(1990, 6, 1)))
    later = find_actors(text, ArticleMemory(date=D(2022, 6, 1)))
    assert (then[0].text, then[0].country, then[0].sector) == ("President Bush", "USA", "GOV")
    assert (later[0].country, later[0].sector) == ("USA", "ELI")


def test_candidates_with_different_codes_for_one_party_agree() -> None:
    # Three rows of one Hindu NGO leader, coded NGOHIN and NGOHINRAD: the same party for the coder.
    assert named_on("Acharya G Kishore", D(2010, 1, 1)) == Named("NGO", "REL", "body")


def test_a_one_word_name_after_another_first_name_is_a_namesake() -> None:
    assert _matched("Fans cheered as Russia's Anna Putin won the final.") == []
    assert _matched("Fans cheered as Russia's Putin spoke.") == ["Putin"]
    assert _matched("Officials said Ambassador Karzai had left.") == ["Karzai"]
