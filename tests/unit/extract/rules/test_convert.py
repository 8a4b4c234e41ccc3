"""The converter: committed rule data equals its output, vendored sources are unchanged, and each
dictionary format is read as PETRARCH documents it."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import pytest

from stream.extract.rules import convert
from stream.extract.rules.models import Element

# Every file the converter writes, built once for the tests that compare with data/.
_BUILT: dict[str, bytes] = {}


def _built() -> dict[str, bytes]:
    if not _BUILT:
        _BUILT.update(convert.build())
    return _BUILT


def test_committed_data_equals_the_converters_output() -> None:
    built = _built()
    on_disk = {path.name: path.read_bytes() for path in convert.DATA.iterdir() if path.is_file()}
    assert sorted(on_disk) == sorted(built), "data/ holds exactly the converter's files"
    stale = [name for name, content in built.items() if on_disk[name] != content]
    assert stale == [], f"run `make rules`: {stale} differ from the converter's output"


def test_check_mode_reports_the_data_current() -> None:
    assert convert.main(["--check"]) == 0


def test_vendored_dictionaries_match_the_digests_their_readme_records() -> None:
    readme = (convert.SOURCE / "README.md").read_text("utf-8")
    recorded = dict(re.findall(r"^\| `([^`]+)` \| `([0-9a-f]{64})` \|", readme, flags=re.M))
    assert set(recorded) == set(convert.DATA_FILES.values()) | {"LICENSE"}
    for name, digest in recorded.items():
        assert hashlib.sha256((convert.SOURCE / name).read_bytes()).hexdigest() == digest, name


def test_notice_carries_the_mit_license_of_the_sources() -> None:
    notice = _built()["NOTICE"].decode()
    assert (convert.SOURCE / "LICENSE").read_text("utf-8") in notice
    assert "676801cd9cb2924bbbad09f86d15c9323e7097bf" in notice


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("450703", dt.date(1945, 7, 3)),  # 31-99: 19YY
        ("011222", dt.date(2001, 12, 22)),  # 00-30: 20YY
        ("300101", dt.date(2030, 1, 1)),  # the pivot itself
        ("310101", dt.date(1931, 1, 1)),
        ("19270101", dt.date(1927, 1, 1)),  # four-digit years as written
        ("1920030320", dt.date(2003, 3, 20)),  # a doubled century read once
    ],
)
def test_dates_resolve_their_century(token: str, expected: dt.date) -> None:
    assert convert.parse_date(token) == expected


@pytest.mark.parametrize(
    ("token", "reason"),
    [("2004017", "not a date"), ("abc", "not a date"), ("990231", "day"), ("20101301", "month")],
)
def test_unreadable_dates_are_refused(token: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        convert.parse_date(token)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("042:043", ("042", "043")),
        ("0871", ("0871", "0871")),
        (":173", ("---", "173")),
        ("---", ("---", "---")),
        ("080!", ("080", "080")),  # a listed repair
    ],
)
def test_event_codes_give_the_active_and_passive_voice(text: str, expected: tuple[str, str]) -> None:
    assert convert.parse_event_code(text) == expected


def test_a_malformed_event_code_is_refused() -> None:
    with pytest.raises(ValueError, match="not a CAMEO event code"):
        convert.parse_event_code("04x")


def test_roles_read_their_code_and_dates() -> None:
    ranged = convert.parse_role("USAGOV 450703-470121")
    assert ranged is not None
    assert (ranged.country, ranged.sectors, ranged.since, ranged.until) == (
        "USA",
        ("GOV",),
        dt.date(1945, 7, 3),
        dt.date(1947, 1, 21),
    )
    since = convert.parse_role("EGYGOV > 140608")
    until = convert.parse_role("USRARM <900823")
    bare = convert.parse_role("MNEGOV 20121204")
    assert since is not None and (since.since, since.until) == (dt.date(2014, 6, 8), None)
    assert until is not None and (until.country, until.until) == ("ARM", dt.date(1990, 8, 23))
    assert bare is not None and bare.since == dt.date(2012, 12, 4)
    assert convert.parse_role("---") is None
    repaired = convert.parse_role("KORGOVBUS 2004017-20061201")
    assert repaired is not None and repaired.since == dt.date(2004, 1, 17)


def test_a_role_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="starts after it ends"):
        convert.parse_role("EGYGOV 120101-110101")


_ACTORS = """# comment
AFGHANISTAN_  [AFG]
+AFGHAN_
+KABUL_ # the capital

HAMID_KARZAI_  # CountryInfo.txt
+PRESIDENT_KARZAI_
\t[AFGELI 750101-000101]
\t[AFGGOV >011222]
\t[AFGELI]
NO_CODE_HERE_
ANN_VENEMAN_\t[USAGOV 010120-050120] [IGOUNOKID >050501]
JOHN_J MCCLOY_
\tJOHN_MCCLOY_\t[IGOUNODEVWBK 470301-490630]
"""


def test_actor_records_gather_names_and_roles() -> None:
    actors, issues = convert.parse_actor_dictionary(_ACTORS)
    assert [a.names for a in actors] == [
        ("AFGHANISTAN", "AFGHAN", "KABUL"),
        ("HAMID KARZAI", "PRESIDENT KARZAI"),
        ("ANN VENEMAN",),
        ("JOHN J MCCLOY", "JOHN MCCLOY"),
    ]
    assert [r.code for r in actors[1].roles] == ["AFGELI", "AFGGOV", "AFGELI"]
    assert actors[1].roles[1].since == dt.date(2001, 12, 22)
    assert [(r.code, r.group) for r in actors[2].roles] == [("USAGOV", None), ("IGOUNOKID", "IGO")]
    assert [a.line for a in actors] == [2, 6, 12, 13]
    assert issues.found == {
        "actor without a code dropped (PETRARCH codes it null)": [11],
        "indented name read as a synonym": [14],
    }


_BARE_NAMES = """MIKHAIL_GORBACHEV_
+GORBACHEV
EX-SOVIET_PRESIDENT_MIKHAIL_GORBACHEV
GENERAL_SECRETARY_GORBACHEV
\t[RUSGOV 850311-910824]
U.N._

UN_SECRETARY_GENERAL
\t[IGOUNO]
"""


def test_bare_name_lines_right_above_a_name_are_one_actor() -> None:
    actors, issues = convert.parse_actor_dictionary(_BARE_NAMES)
    assert [a.names for a in actors] == [
        (
            "MIKHAIL GORBACHEV",
            "GORBACHEV",
            "EX-SOVIET PRESIDENT MIKHAIL GORBACHEV",
            "GENERAL SECRETARY GORBACHEV",
        ),
        ("UN SECRETARY GENERAL",),  # U.N. stands apart after a blank line: no code, dropped
    ]
    assert issues.found["name line without '+' joined to the bare names above it"] == [3, 4]
    assert issues.found["actor without a code dropped (PETRARCH codes it null)"] == [6]


_AGENTS = """!PERSON! = MAN, MEN, WOMAN
CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]
POLICE {} [~COP]
FOREIGN_MINISTER [~GOV]
CHIEF EXECUTIVE [~GOV]
ATTORNEY [~JUD]
HUMAN_RIGHTS_BODY  [NGO~]
CONGRESS!PERSON! [~LEG]
MINISTRY_OF_DEFENSE [~GOVMIL]
NO_CODE
"""


def test_agents_read_plurals_codes_and_composition() -> None:
    found = convert.parse_agent_dictionary(_AGENTS)
    rows = {a.phrase: a for a in found.agents}
    assert rows["CHAMBER OF COMMERCE"].plurals == ("CHAMBERS OF COMMERCE",)
    assert rows["POLICE"].plurals == ()
    assert rows["FOREIGN MINISTER"].plurals == ("FOREIGN MINISTERS",)
    assert rows["ATTORNEY"].plurals == ("ATTORNEYS",)  # not PETRARCH's ATTORNIES
    assert rows["MINISTRY OF DEFENSE"].plurals == ("MINISTRIES OF DEFENSE",)
    assert rows["MINISTRY OF DEFENSE"].codes == ("GOV", "MIL")
    assert (rows["HUMAN RIGHTS BODY"].codes, rows["HUMAN RIGHTS BODY"].attach) == (("NGO",), "prefix")
    assert rows["FOREIGN MINISTER"].attach == "suffix"
    assert rows["CHIEF EXECUTIVE"].gaps == (0,)
    assert rows["FOREIGN MINISTER"].gaps == ()
    expanded = [a for a in found.agents if a.phrase.startswith("CONGRESS")]
    assert [(a.phrase, a.plurals) for a in expanded] == [
        ("CONGRESSMAN", ()),
        ("CONGRESSMEN", ()),
        ("CONGRESSWOMAN", ()),
    ]
    assert found.issues.found == {"agent line without a code dropped (PETRARCH skips it)": [10]}


_VERBS = """&MILITARY
+TROOP
+ARMY_

&AUXVERB_
+HAS

####### VERB PATTERNS #######

---  VISIT   [042:043]  ---
VISIT
TOUR {TOURS TOURED TOURING} [042]
+CALL_ON {+CALLED_ON +CALLS_ON +CALLING_ON}
- * (TO {PEACE TALKS})                        [046]   # VISIT
- &MILITARY * (INTO $)                         [:154]
- * (BY/WITH +)                               [041]
- * &UNDEFINED                                [010]

---  SAY   [010]  ---
SAY {SAID}
~ a (b . ATTACK) SAY = a b 112
"""


def test_verb_dictionary_reads_synsets_verbs_patterns_and_transformations() -> None:
    found = convert.parse_verb_dictionary(_VERBS)
    assert [(s.name, [(m.phrase, m.plurals) for m in s.members]) for s in found.synsets] == [
        ("MILITARY", [("TROOP", ("TROOPS",)), ("ARMY", ())]),
        ("AUXVERB", [("HAS", ())]),
    ]
    verbs = {v.lemma: v for v in found.verbs}
    assert (verbs["VISIT"].active, verbs["VISIT"].passive) == ("042", "043")
    assert verbs["VISIT"].forms == ("VISITED", "VISITING", "VISITS")
    assert (verbs["TOUR"].active, verbs["TOUR"].given) == ("042", ("TOURS", "TOURED", "TOURING"))
    assert (verbs["CALL ON"].head, verbs["CALL ON"].forms) == (0, ("CALLED ON", "CALLING ON", "CALLS ON"))
    assert verbs["SAY"].forms == ("SAID", "SAYING", "SAYS")  # lemminflect completes SAY {SAID}
    first, second, *alternatives = found.patterns
    assert first.post == (Element(pp="TO", of=(Element(np=(Element(w="PEACE"), Element(w="TALKS"))),)),)
    assert (second.pre, second.active, second.passive) == ((Element(syn="MILITARY"),), "---", "154")
    assert second.post == (Element(pp="INTO", of=(Element(mark="$"),)),)
    assert [p.post[0].pp for p in alternatives] == ["BY", "WITH"]
    assert found.issues.found["pattern dropped: undefined synset &UNDEFINED"] == [17]
    assert [(t.pattern, t.result) for t in found.transformations] == [
        (("a", "(", "b", ".", "ATTACK", ")", "SAY"), ("a", "b", "112"))
    ]


def test_report_counts_every_file_and_the_inflection_measurement() -> None:
    report = _built()["REPORT.txt"].decode()
    for name in convert.DATA_FILES:
        assert re.search(rf"^\s+\d+\s+{re.escape(name)}$", report, flags=re.M), name
    assert "lemminflect" in report and "Agent plurals" in report
