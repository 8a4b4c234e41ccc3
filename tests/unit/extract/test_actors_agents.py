"""Sector nouns from the field's agents dictionary, under the project's own nouns."""

from __future__ import annotations

import pytest

from stream.extract.actors import find_actors
from stream.extract.gazetteer import sector_nouns


@pytest.mark.parametrize(
    ("noun", "sector"),
    [
        ("herdsmen", "AGR"),
        ("clergyman", "REL"),
        ("frigate", "MIL"),
        ("columnist", "JRN"),
        ("educators", "EDU"),
    ],
)
def test_the_agents_dictionary_gives_sectors_the_project_did_not_list(noun: str, sector: str) -> None:
    assert sector_nouns()[noun] == sector


def test_the_projects_own_nouns_win_for_every_form_of_a_shared_row() -> None:
    assert sector_nouns()["teachers"] == "LAB"  # the dictionary says EDU
    assert sector_nouns()["demonstrators"] == sector_nouns()["demonstrator"] == "CVL"  # it says OPP


@pytest.mark.parametrize("noun", ["airline", "carmaker", "captain", "farm workers"])
def test_business_titles_and_phrases_on_the_projects_head_nouns_are_left_out(noun: str) -> None:
    # Companies code no political event; a title is read before a name; "farm workers" is read by the
    # modifier rule on the project's "workers" (LAB).
    assert noun not in sector_nouns()


def test_a_nationality_with_an_agent_noun_is_a_party_of_that_sector() -> None:
    mentions = find_actors("Pakistani herdsmen blocked the road.")
    assert [(m.text, m.country, m.sector) for m in mentions] == [("Pakistani herdsmen", "PAK", "AGR")]
