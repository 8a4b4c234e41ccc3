"""The field's named actors (Phoenix people, bodies, armed groups) found in a sentence, read on its date."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any, Final, NamedTuple, TypeVar

import ahocorasick
import orjson

from stream.extract.gazetteer import person_titles
from stream.extract.rules import codes
from stream.extract.rules.dated import best_roles, name_index
from stream.extract.rules.models import Actor

__all__ = [
    "COMMON_PHRASE_NAMES",
    "COMMON_WORD_NAMES",
    "GROUP_HEADS",
    "NameSpan",
    "Named",
    "dictionary_names",
    "find_named",
    "name_spans",
    "named_on",
    "people_rows",
]


class Named(NamedTuple):
    """What a dictionary name means on a day: the party's country (ISO3, or IGO / NGO / IMG), its PLOVER
    sector (None where the code names none) and kind: person, organisation (national bodies, armed
    groups) or body (international)."""

    country: str
    sector: str | None
    kind: str


class NameSpan(NamedTuple):
    start: int
    end: int
    name: str  # the dictionary's (upper-case) name


# One-word dictionary names that are also English words (lemminflect's lexicon; the test that checks
# this list derives it again): they name the actor only capitalised and not opening the sentence.
COMMON_WORD_NAMES: Final = frozenset(
    {
        "AVENGERS", "BUSH", "CHEVRON", "CORNERSTONE", "FALCON", "FOUNDATION", "GALLANT", "GOOGLE", "GUARDIAN",
        "INEVITABLES", "LIGHTNING", "MAVERICKS", "OLIVE", "ORGANIZATION", "PENTAGON", "SENATE", "THATCHER",
        "TIGERS",
        "TRUMP", "TUSK", "XEROX", "YOUTH", "ZERO",
    }
)  # fmt: skip
# A party's own noun ending a group's name ("Red Brigades", "Islamic Army"): such a name says what it is.
GROUP_HEADS: Final = frozenset(
    {
        "ACTION", "ALLIANCE", "ARMY", "BATTALION", "BATTALIONS", "BRIGADE", "BRIGADES", "CELL", "CELLS",
        "COLLECTIVE", "COMBATANTS", "COMMAND", "COMMITTEE", "COMMITTEES", "CONFERENCE", "CONGRESS",
        "COUNCIL", "DEFENDERS", "FACTION", "FEDERATION", "FIGHTERS", "FORCE", "FORCES", "FRONT", "GROUP",
        "GROUPS", "GUARD", "GUARDS", "GUERRILLAS", "LEAGUE", "LEGION", "MILITIA", "MOVEMENT", "NUCLEI",
        "NUCLEUS", "ORGANIZATION", "PARTY", "PATROL", "REGIMENT", "REGIMENTS", "REVOLUTIONARIES", "SECT",
        "SOCIALISTS", "SOCIETY", "SQUAD", "SQUADS", "TEAM", "TEAMS", "UNION", "UNIONS", "UNIT",
        "VOLUNTEERS", "WARRIORS",
    }
)  # fmt: skip
# Armed groups of the dictionary named by a phrase of common English words without such a noun ("Black
# Friday", "Red Line", "Popular Resistance", "Shining Path"; the test derives this list again): the words
# say something else more often than the group, so they name it only before a noun that says it is one.
COMMON_PHRASE_NAMES: Final = frozenset(
    {
        "ANARCHIST STRUGGLE", "ARMED REVOLUTIONARY LEFT", "AUTONOMOUS DECORATORS", "BLACK DECEMBER",
        "BLACK FRIDAY", "BLACK HAND", "BLACK PANTHERS", "BLACK SEPTEMBER", "BLACK STAR", "BLACK WIDOWS",
        "BURNING PATH", "CLANDESTINE REBELS", "CONSCIOUSLY ENRAGED", "COUNTERREVOLUTIONARY SOLIDARITY",
        "FIGHTING ECOLOGIST ACTIVISM", "FREE LAND", "GROUP REVOLUTIONARY RECONSTRUCTION", "GROUP ZERO",
        "INDOMITABLE MARXISTS", "INTERNATIONAL REVOLUTIONARY STRUGGLE", "INTERNATIONAL SOLIDARITY",
        "INTERNET BLACK TIGERS", "LEFT AUTONOMY BEFORE PARLIAMENTARIAN", "MIDNIGHT SABOTEURS",
        "NATIONAL RESISTANCE", "NATIONALIST YOUTH", "NEW ORDER", "NEW REVOLUTIONARY ALTERNATIVE",
        "NEW REVOLUTIONARY INITIATIVE", "NEW REVOLUTIONARY POPULAR STRUGGLE", "NIGHT AVENGERS",
        "PATRIOTIC YOUTH", "PEACE CONQUERORS", "PEOPLES WAR", "POPULAR JUSTICE", "POPULAR RESISTANCE",
        "POPULAR REVOLUTIONARY VANGUARD", "PROLETARIAN REPRISALS", "PROLETARIAN RESISTANCE",
        "PROLETARIAN SOLIDARITY", "RED BANNER", "RED BILL", "RED EAGLES", "RED GUERRILLA RESISTANCE",
        "RED LINE", "RESISTANCE CONSPIRACY", "REVOLUTIONARY LEFT", "REVOLUTIONARY MEMORY",
        "REVOLUTIONARY PERSPECTIVE", "REVOLUTIONARY POPULAR STRUGGLE", "REVOLUTIONARY STRUGGLE",
        "SECRET BAD MEN", "SECRET ORGANIZATION ZERO", "SHINING PATH", "SOCIAL RESISTANCE",
        "SOLIDARITY GAS CANISTERS", "SQUADRONS DEFENDING HOLY PLACES", "TORRID WINTER",
        "UNCONTROLLED RAGE",
    }
)  # fmt: skip
_GROUP_CUE = re.compile(
    r" (?:rebels?|guerrillas?|militants?|insurgents?|fighters?|gunmen|members?|militias?|movement|group|"
    r"leaders?|commanders?|cells?)\b"
)
# Lower-case particles inside a name ("Mohammed bin Salman", "Ursula von der Leyen"), never its ends.
_PARTICLES: Final = frozenset(
    ("al", "el", "bin", "ibn", "bint", "de", "da", "di", "del", "der", "den", "van", "von", "la", "le", "du",
     "of", "the", "and", "for", "in", "on", "y", "e")
)  # fmt: skip
# A word written capitalised: a capital or digit first, or after a lower-case particle and a hyphen or
# apostrophe ("al-Sisi", "d'Estaing").
_CAPITAL_WORD = re.compile(r"(?:[a-z]{1,4}[-'’])?[A-Z0-9]")
_WORD_RUN = re.compile(r"\w+")
_SHORT: Final = 3  # one-word names this short are acronyms: only as written in capitals ("UN", "PKK")


@functools.cache
def people_rows() -> tuple[Actor, ...]:
    """The people the dictionary lacks (present-day leaders after its era) or knows in an older role."""
    return codes.read_table("people.jsonl", Actor)


class _Role(NamedTuple):
    """A role as the coder keeps it: models.Role's fields the coder reads, in a tuple (the 27,000 actors
    as validated models cost the coding process about 40 MB more)."""

    code: str
    country: str | None
    group: str | None
    sectors: tuple[str, ...]
    since: dt.date | None
    until: dt.date | None

    @property
    def dated(self) -> bool:
        return self.since is not None or self.until is not None


class _Actor(NamedTuple):
    names: tuple[str, ...]
    roles: tuple[_Role, ...]


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _compact(row: dict[str, Any]) -> _Actor:
    return _Actor(
        tuple(row["names"]),
        tuple(
            _Role(
                r["code"], r.get("country"), r.get("group"), tuple(r.get("sectors", ())),
                _date(r.get("since")), _date(r.get("until")),
            )
            for r in row["roles"]
        ),
    )  # fmt: skip


# "FREE ACEH MOVEMENT (GAM)", "NATIONAL LIBERATION ARMY (COLOMBIA)": text never writes the bracket.
_BRACKETED = re.compile(r"(.+?) \(([^()]+)\)")


def _unbracketed(actor: _Actor) -> _Actor:
    """An actor also under its names without their bracket (a name several actors bear resolves as any
    shared name does: to their one party, else to none)."""
    extra = tuple(m.group(1) for name in actor.names if (m := _BRACKETED.fullmatch(name)) is not None)
    return actor._replace(names=actor.names + extra) if extra else actor


def _data_rows(name: str) -> list[_Actor]:
    """data/<name> read straight into tuples: the files are the converter's output, validated row by row
    against models.Actor by the rules' tests (tests/unit/extract/rules)."""
    raw = resources.files("stream.extract.rules").joinpath("data", name).read_bytes()
    return [_unbracketed(_compact(orjson.loads(line))) for line in raw.splitlines() if line]


def _is_state(actor: _Actor) -> bool:
    """A state's own row (its names, towns and regions): some role is the bare state, no sector, no body."""
    return any(not role.sectors and role.group is None for role in actor.roles)


@functools.cache
def _table_rows() -> tuple[_Actor, ...]:
    return tuple(_compact(actor.model_dump(mode="json")) for actor in people_rows())


@functools.cache
def _actors() -> tuple[tuple[_Actor, str], ...]:
    """Every dictionary actor the coder reads, with its kind. States' rows are left out (their names,
    towns and regions are the gazetteer's and the place resolver's work); of the others, rows with dated
    roles are people, the rest national bodies."""
    found: list[tuple[_Actor, str]] = []
    for actor in _data_rows("countries.jsonl"):
        if not _is_state(actor):
            found.append((actor, "person" if any(role.dated for role in actor.roles) else "organisation"))
    found += [(actor, "body") for actor in _data_rows("international.jsonl")]
    found += [(actor, "organisation") for actor in _data_rows("nonstate.jsonl")]
    found += [(actor, "person") for actor in _table_rows()]
    return tuple(found)


_V = TypeVar("_V")


def _without_the(by_name: dict[str, _V]) -> dict[str, _V]:
    """`by_name` with each "THE X" also under "X" where no other entry has that name."""
    for name in list(by_name):
        if name.startswith("THE "):
            by_name.setdefault(name.removeprefix("THE "), by_name[name])
    return by_name


@functools.cache
def _index() -> dict[str, tuple[_Actor, ...]]:
    """Name -> its actors. A table row sharing a name with a dictionary actor adds its roles to it (the
    dictionary's Stoltenberg, Norwegian premier, is NATO's secretary-general from 2014)."""
    index = _without_the(name_index(actor for actor, _kind in _actors()))
    table = {id(actor) for actor in _table_rows()}
    out: dict[str, tuple[_Actor, ...]] = {}
    for name, actors in index.items():
        own = [a for a in actors if id(a) not in table]
        extra = tuple(role for a in actors if id(a) in table for role in a.roles)
        if own and extra:
            out[name] = tuple(a._replace(roles=a.roles + extra) for a in own)
        else:
            out[name] = actors
    return out


@functools.cache
def _kinds() -> dict[str, str]:
    """Name -> kind of the actors bearing it (a person's kind wins)."""
    kinds: dict[str, str] = {}
    for actor, kind in _actors():
        for name in actor.names:
            if kinds.get(name) != "person":
                kinds[name] = kind
    return _without_the(kinds)


def dictionary_names() -> Iterable[str]:
    """The names matched in text: those starting and ending with a word character (or a final full stop),
    without a leading "THE" (the dictionary lists "THE UNITED NATIONS" beside "UNITED NATIONS": "The
    European Union" opening a sentence is the gazetteer's European Union)."""
    return (
        name
        for name in _index()
        if name[:1].isalnum() and (name[-1:].isalnum() or name.endswith(".")) and not name.startswith("THE ")
    )


@functools.cache
def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for name in dictionary_names():
        automaton.add_word(_spelt_one_way(name), name)
    automaton.make_automaton()
    return automaton


@functools.cache
def _names_by_first_run() -> dict[str, tuple[tuple[str, str], ...]]:
    """The pure-Python path's table: a name's first run of word characters -> (its key as matched, the
    name), longest first."""
    grouped: dict[str, dict[str, str]] = {}
    for name in dictionary_names():
        key = _spelt_one_way(name)
        first = _WORD_RUN.match(key)
        if first is not None:
            grouped.setdefault(first.group(), {})[key] = name  # the automaton's: a later name wins a key
    return {
        k: tuple(sorted(v.items(), key=lambda pair: len(pair[0]), reverse=True)) for k, v in grouped.items()
    }


def _spelt_one_way(folded: str) -> str:
    """British and American spellings of a name alike ("ORGANISATION" as "ORGANIZATION"), same length."""
    return folded.replace("ISATION", "IZATION") if "ISATION" in folded else folded


def _fold(text: str) -> str:
    """Upper case, one character for one (a character whose capital is longer is kept as it is), in one
    spelling: "the Organisation of American States" is the dictionary's ORGANIZATION OF AMERICAN STATES."""
    folded = text.upper()
    if len(folded) != len(text):
        folded = "".join(c if len(up := c.upper()) != 1 else up for c in text)
    return _spelt_one_way(folded)


def _is_word_char(text: str, pos: int) -> bool:
    return 0 <= pos < len(text) and (text[pos].isalnum() or text[pos] == "_")


def _written_as_name(text: str, start: int, end: int, name: str) -> bool:
    """Whether text[start:end] is written as a name: every word capitalised but inner lower-case particles;
    a short one-word name in capitals; a one-word name that is an English word capitalised, not in a
    sentence in capitals and not opening the sentence ("May", "Brown", "Chase", "Justice" are words)."""
    written = text[start:end]
    words = written.split()
    for k, word in enumerate(words):
        if _CAPITAL_WORD.match(word) is None and not (0 < k < len(words) - 1 and word in _PARTICLES):
            return False
    if len(words) > 1:
        return True
    if sum(c.isalpha() for c in written) < 2:
        return False
    if len(written) <= _SHORT:
        return written.isupper()
    if name in COMMON_WORD_NAMES and (written.isupper() or text[:start].strip(" \"'“‘([") == ""):
        return False
    return not _other_first_name(text, start, name)


# A capitalised word just before a name, not opening the sentence.
_WORD_BEFORE = re.compile(r"(?<=[\w,;:] )([A-Z][a-z]+) $")


def _other_first_name(text: str, start: int, name: str) -> bool:
    """ "Daniil Medvedev", "Hunter Biden": a person's one-word name after another capitalised word (not a
    title) is a namesake's surname, not the dictionary's person."""
    if _kinds().get(name) != "person":
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return before is not None and before.group(1) not in person_titles()


def _accepted(text: str, folded: str, start: int, name: str) -> bool:
    end = start + len(name)
    return (
        not _is_word_char(folded, start - 1)
        and not _is_word_char(folded, end)
        and _written_as_name(text, start, end, name)
        and (name not in COMMON_PHRASE_NAMES or _GROUP_CUE.match(text, end) is not None)
    )


def _leftmost_longest(candidates: list[NameSpan]) -> list[NameSpan]:
    candidates.sort(key=lambda span: (span.start, -span.end))
    chosen: list[NameSpan] = []
    for span in candidates:
        if not chosen or span.start >= chosen[-1].end:
            chosen.append(span)
    return chosen


def name_spans(text: str, compiled: bool = True) -> list[NameSpan]:
    """The dictionary names in text, left to right, longest first where they overlap: by the automaton
    (cost follows the text), or by the pure-Python scan of word starts (the same matches)."""
    folded = _fold(text)
    if compiled:
        candidates = [
            NameSpan(start, end + 1, name)
            for end, name in _automaton().iter(folded)
            if _accepted(text, folded, (start := end + 1 - len(name)), name)
        ]
        return _leftmost_longest(candidates)
    chosen: list[NameSpan] = []
    table = _names_by_first_run()
    for run in _WORD_RUN.finditer(folded):
        start = run.start()
        if chosen and start < chosen[-1].end:
            continue
        for key, name in table.get(run.group(), ()):
            if folded.startswith(key, start) and _accepted(text, folded, start, name):
                chosen.append(NameSpan(start, start + len(name), name))
                break
    return chosen


@functools.cache
def _plover_sectors() -> dict[str, str | None]:
    return {code: sector.plover for code, sector in codes.sectors().items()}


def _party(role: _Role) -> tuple[str, str | None] | None:
    """A role's country and PLOVER sector: the state, else the body type (IGO, NGO; transnational armed
    groups IMG, sector REB); None for multinational companies (even with a home country) and roles of
    neither."""
    if role.group == "MNC":
        return None  # companies: business news codes no political event
    if role.country is not None:
        country = role.country
    elif role.group in ("IGO", "NGO", "IMG"):
        country = role.group
    else:
        return None
    if role.group == "IMG":
        return country, "REB"
    if "ELI" in role.sectors:
        return country, "ELI"
    plover = _plover_sectors()
    return country, next((s for code in role.sectors if (s := plover.get(code)) is not None), None)


def _nationality(actors: tuple[_Actor, ...], date: dt.date) -> tuple[str, str | None] | None:
    """A person with no role on the day: the country all his roles share, ELI after the last has ended
    (out of office), no sector before the first."""
    parties = {_party(role) for actor in actors for role in actor.roles}
    countries = {party[0] for party in parties if party is not None}
    if len(countries) != 1 or None in parties:
        return None
    ends = [role.until for actor in actors for role in actor.roles]
    after = all(end is not None and end < date for end in ends)
    return next(iter(countries)), ("ELI" if after else None)


@functools.lru_cache(maxsize=4096)
def named_on(name: str, date: dt.date | None) -> Named | None:
    """What a dictionary name means on `date` (None: the present, the open-ended roles): the party of the
    actors whose role that day ranks first (dated.best_roles, as dated.resolve reads them); a former
    leader is ELI; None where the best candidates are different parties or no role says who."""
    index = _index()
    key = name.upper()
    actors = index.get(key)
    if not actors:
        return None
    day = date or dt.date.max
    kind = _kinds()[key]
    top = best_roles(key, day, index)
    if top:
        # Candidates with different codes that say the same party ("NGOHIN", "NGOHINRAD": an NGO, REL)
        # agree for the coder; parties that differ leave the name unresolved.
        parties = {_party(role) for _actor, role in top}
        party = next(iter(parties)) if len(parties) == 1 else None
    else:
        party = _nationality(actors, day)
    return Named(party[0], party[1], kind) if party is not None else None


def find_named(text: str, date: dt.date | None) -> dict[int, tuple[int, Named]]:
    """Start -> (end, meaning) of the dictionary names in a sentence that resolve on `date`."""
    found: dict[int, tuple[int, Named]] = {}
    for span in name_spans(text):
        named = named_on(span.name, date)
        if named is not None:
            found[span.start] = (span.end, named)
    return found
