"""Finding actor and place mentions in a sentence: countries, demonyms, metonyms, bodies, titled people."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final, NamedTuple

from stream.extract.gazetteer import (
    MISSPELT_WORD_MIN,
    ActorEntry,
    PlaceEntry,
    actor_lexicon,
    country_place,
    misspelt_actor,
    name_kind,
    person_titles,
    place_alternatives,
    place_lexicon,
    sector_nouns,
)
from stream.extract.lexicon import anchored_trigger_pattern, trie_alternation
from stream.extract.people import Named, find_named, named_on
from stream.extract.places import (
    continues_name,
    is_calendar_word,
    is_world_region,
    place_folded,
    qualifier_at,
    region_names,
    subdivision_countries,
    town_qualified,
    towns_named,
)
from stream.extract.text import WordStartScan
from stream.extract.wordforms import irregular_past_forms

__all__ = [
    "ActorMention",
    "ArticleMemory",
    "PlaceMention",
    "find_actors",
    "find_places",
    "has_title",
    "remember_people",
]

# Possessive 's is its own token so "Ukraine's" still looks up "Ukraine".
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|\w+(?:-\w+)*(?:'(?!s\b)\w+)*")
# The same words as one capturing group: `split` gives them between the text around them.
_TOKEN_SPLIT = re.compile("(" + _TOKEN.pattern + ")")
_MAX_NGRAM: Final = 4
# Words after which a country names a place rather than an actor ("in Ukraine", "the border with Iraq"),
# then "the" and a direction may follow ("in the north-eastern ...").
_LOCATIVE_CUES: Final = (
    "in", "at", "into", "inside", "near", "across", "toward", "towards", "outside", "within", "throughout",
    "through", "over", "border with", "border between", "arrived in", "travelled to", "traveled to",
    "flew to", "visit to", "out of",
)  # fmt: skip
# Nouns of a place's part or people before "of", in the singular or the plural ("city of", "districts of").
_PLACE_NOUNS_OF: Final = (
    "border", "region", "province", "city", "cities", "town", "village", "port", "enclave", "outskirts",
    "suburb", "district", "capital", "population", "minority", "minorities", "north", "south", "east", "west",
    "coast", "part", "area", "neighbourhood", "neighborhood", "street",
)  # fmt: skip
_DIRECTIONS: Final = (
    "north", "south", "east", "west", "central", "northeast", "north-east", "northwest", "north-west",
    "southeast", "south-east", "southwest", "south-west",
)  # fmt: skip
_LOCATIVE_WINDOW: Final = 40
# Parties with no territory of their own: international bodies, NGOs, transnational armed groups (IMG).
_NON_STATES: Final = ("IGO", "NGO", "IMG")


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


# The cue read backwards from the name: one anchored match instead of a search over the text before it.
_LOCATIVE_REVERSED = re.compile(
    rf"\s+(?:(?:nre)?(?:{_alternation(tuple(d[::-1] for d in _DIRECTIONS))})\s+)?(?:eht\s+)?"
    rf"(?:(?:{_alternation(tuple(c[::-1] for c in _LOCATIVE_CUES))})"
    rf"|fo s?(?:{_alternation(tuple(n[::-1] for n in _PLACE_NOUNS_OF))})|dna \w+ neewteb redrob)\b",
    re.IGNORECASE,
)


# "the Gulf of Oman", "the Sea of Japan": a country named in a sea's name is neither a party nor a place.
_SEA_OF = re.compile(r"\b(?:Gulf|Sea|Bay|Strait|Straits) of (?:the )?$")


def _names_a_sea(text: str, start: int) -> bool:
    return (
        text.endswith(("of ", "of the "), 0, start)
        and _SEA_OF.search(text, max(0, start - 16), start) is not None
    )


def _after_locative(text: str, start: int) -> bool:
    """Whether the text before `start` ends with a locative cue ("in", "near the", "region of")."""
    window = text[max(0, start - _LOCATIVE_WINDOW) : start]
    return window[-1:].isspace() and _LOCATIVE_REVERSED.match(window[::-1]) is not None


_NAME = re.compile(
    r"(?:[A-Z][a-z'-]+(?:[A-Z][a-z'-]+)*|[A-Z]\.(?:[A-Z]\.)?)(?:\s+(?:[A-Z][a-z'-]+(?:[A-Z][a-z'-]+)*|[A-Z]\.|(?:al|el)-[A-Z][a-z]+|(?:al|el|bin|de|van|von|den|da|di)\b)){0,3}"
)
# A bare international body name: "International Labor Office", "European Community", "World Bank".
_BODY_LEADS: Final = (
    "International", "World", "European", "African", "Asian", "Arab", "Islamic", "Inter-American",
    "Asia-Pacific", "United Nations",
)  # fmt: skip
_BODY_NAME = WordStartScan(rf"(?:{'|'.join(_BODY_LEADS)})(?: (?:[A-Z][\w-]+|of|for|and|the)){{1,5}}")
# Words that may stand before a title: "Vice Foreign Minister", "former Prime Minister".
_TITLE_MODIFIER = re.compile(
    r"(?:(?:Vice|Deputy|Acting|Interim|Former|former|new|then|Chief|Senior|senior|top)[\s-]+)*"
)
_SECTOR_WORD = re.compile(r"(?:'s\s+)?([A-Za-z][\w-]*)")
_LEAD = re.compile(r"\s*(?:'s\s+)?")
_TITLE_WORD = re.compile(r"[\w.-]+")
# Tried at word starts only (the lookbehind): from inside a word the rest would read the same text again.
_NOUN_OF = re.compile(r"(?<![A-Za-z])([A-Za-z]+)(?: (\w+))? (?:of|from) (?:the )?$")
_TITLE_OF = re.compile(r"([A-Z][a-z]+(?: [A-Z][a-z]+)?) of (?:the )?$")
# Both hold at most four spaces, so a match ending at a mention starts after the fifth space before it:
# searching from there finds the same leftmost match as searching the whole sentence, in constant time.
_TAIL_SPACES: Final = 5
# How text before a mention must end for either to match at all ($ also matches before a final newline).
_OF_ENDS: Final = (" of ", " of the ", " of \n", " of the \n")
_OF_FROM_ENDS: Final = (*_OF_ENDS, " from ", " from the ", " from \n", " from the \n")


def _ending_before(
    pattern: re.Pattern[str], endings: tuple[str, ...], text: str, end: int
) -> re.Match[str] | None:
    """`pattern.search(text, 0, end)` for _NOUN_OF and _TITLE_OF, reading only the last few words."""
    if not text.endswith(endings, 0, end):
        return None
    return pattern.search(text, _tail_start(text, end, _TAIL_SPACES), end)


def _tail_start(text: str, end: int, spaces: int) -> int:
    """Where the shortest stretch of text[:end] holding `spaces` spaces starts (0 with fewer)."""
    pos = end
    for _ in range(spaces):
        pos = text.rfind(" ", 0, pos)
        if pos < 0:
            return 0
    return pos


# Possessive: a word read in two pieces that could be cut anywhere took time in the square of its length.
_AND_NATIONALITY = re.compile(r"\s+and\s+[A-Z][a-z]++[\w-]*+(?=\s)")
# "former Prime Minister Tony Blair", "ex-President Zuma": out of office (PLOVER sector ELI).
_FORMER = re.compile(r"\b(?:[Ff]ormer|[Ee]x-)")
_FORMER_BEFORE = re.compile(r"\b(?:[Ff]ormer|[Ee]x-)\s*(?:[\w.-]+\s+){0,3}$")


def _former(text: str, start: int, end: int) -> bool:
    """Whether a person's mention, or the few words before it, says they no longer hold office."""
    return (
        _FORMER.search(text, start, end) is not None
        or _FORMER_BEFORE.search(text, max(0, start - 40), start) is not None
    )


# Spaces, a comma and spaces read in one pass (two runs of spaces could split a gap in as many ways as it
# is long).
_COORDINATED = re.compile(r"\s*,\s+(?:the\s+)?|\s*+(?:,\s*+)?and\s+(?:the\s+)?(?:[a-z-]+\s+)?")
_LOWER_NEXT = re.compile(r"\s+[a-z]")
# "The British agreed", "the Chinese say": a people named by its demonym, before its verb.
_VERB_NEXT = re.compile(
    r" (?:[a-z]+ed|said|say|says|have|has|had|will|would|could|should|must|may|might|are|were|do|did"
    r"|want|wanted)\b"
)
_COORDINATED_NEXT = re.compile(r"\s+(?:and|or)\b")
# "Iranian and Saudi security chiefs", "Ghanaian and Nigerian agencies": the second of two nationalities
# before a plural noun of up to two words names its own people, as the first does.
_AFTER_NATIONALITY_AND = re.compile(r"([A-Z][a-z]+) and $")
_PLURAL_NEXT = re.compile(r" (?:[a-z]+ )?([a-z]*[a-rt-z]s)\b")
# The capital first, then the word boundary before it: a pattern that opens with a class of capitals
# lets the regex engine skip every other character (`\b` first would try the pattern at each one).
_CAPITALISED = re.compile(r"[A-Z](?<!\w[A-Z])[\w'-]+(?: [A-Z][\w'-]+){0,2}")
_PLACE_CUE = re.compile(r"\s+(?:region|province|district|oblast|city|area)\b")


class ActorMention(NamedTuple):
    """A party named in a sentence (a tuple: built by the thousand per second, on the hot path)."""

    start: int
    end: int
    text: str
    country: str
    sector: str | None
    locative: bool = False
    person: bool = False
    adjective: bool = False  # "a Senegalese plan": names a party only as the object of an action


class PlaceMention(NamedTuple):
    """A place named in a sentence; `settled` when the text says which of the towns of that name it is
    (a state or country after it, or the country of one namesake named in the sentence)."""

    start: int
    end: int
    text: str
    place: PlaceEntry
    settled: bool = False


def _no_home_country() -> str | None:
    return None


@dataclass(slots=True)
class ArticleMemory:
    """People met earlier in the article, by surname and full name, and bodies by the acronym it defines
    for them ("the Nigeria Labour Congress (NLC)") -> (country, sector); and the
    article's own country (its dateline's or main city's, looked up on first use): where crowds and
    police that no sentence places are; and its date, against which a person's dated roles are read."""

    people: dict[str, tuple[str | None, str]] = field(default_factory=dict)
    home_country: Callable[[], str | None] = _no_home_country
    date: dt.date | None = None


def _word_parts(tokens: list[tuple[int, int, str]]) -> set[str]:
    """The tokens' words, a hyphenated or apostrophe-joined word also as its parts ("pro", "democracy")."""
    words: set[str] = set()
    for _start, _end, word in tokens:
        if "-" in word or "'" in word:
            words.update(word.replace("'", "-").split("-"))
        words.add(word)
    return words


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of the sentence's words: one split in the regex engine, offsets added up from
    the pieces' lengths (no match object and no method call per word)."""
    pieces: list[str] = _TOKEN_SPLIT.split(text)
    tokens: list[tuple[int, int, str]] = []
    pos = len(pieces[0])
    for i in range(1, len(pieces), 2):
        word = pieces[i]
        end = pos + len(word)
        tokens.append((pos, end, word))
        pos = end + len(pieces[i + 1])
    return tokens


# Combining forms of nationalities that only occur in compounds ("Sino-Japanese", "Franco-German").
_COMBINING_FORMS: Final = {
    "Sino": "CHN", "Franco": "FRA", "Anglo": "GBR", "Russo": "RUS", "Indo": "IND", "Austro": "AUT",
    "Greco": "GRC", "Turco": "TUR", "Italo": "ITA", "Irano": "IRN",
}  # fmt: skip
_PARTY_KINDS: Final = ("country", "demonym", "body", "organisation", "seat", "capital")


def _compound_parties(text: str, token: tuple[int, int, str]) -> list[ActorMention]:
    """The parties of a hyphenated word made only of them ("Russia-Ukraine", "Sino-US") or of one party
    and "led" ("Saudi-led coalition warplanes": SAU with the noun's sector, MIL); none for other
    compounds ("Iranian-backed", "pro-Russian", "US-made")."""
    start, end, word = token
    parts = word.split("-")
    if len(parts) == 2 and parts[1] in _HOME_COMPOUNDS:
        return _home_party(text, token, parts[0])
    if parts[-1] == "led" and len(parts) == 2:
        parts = parts[:1]
    found: list[ActorMention] = []
    offset = start
    for part in parts:
        entry = actor_lexicon().get(part)
        if entry is not None and entry.kind in _PARTY_KINDS:
            found.append(ActorMention(offset, offset + len(part), part, entry.country, entry.sector))
        elif part in _COMBINING_FORMS:
            found.append(ActorMention(offset, offset + len(part), part, _COMBINING_FORMS[part], None))
        else:
            return []
        offset += len(part) + 1
    if len(found) == 1 and word.endswith("-led"):
        led = found[0]
        noun = _sector_after(text, end)
        return [led._replace(sector=noun[1]) if noun is not None and led.sector is None else led]
    return found if len(found) >= 2 else []


# "Pakistan-based militants", "a British-flagged tanker": the noun's home country.
_HOME_COMPOUNDS: Final = frozenset(("based", "flagged", "registered"))


def _home_party(text: str, token: tuple[int, int, str], home: str) -> list[ActorMention]:
    """The country a "-based" or "-flagged" compound names: with the sector of the noun after it as one
    mention ("Pakistan-based militant groups", REB), else as a nationality adjective ("a British-flagged
    oil tanker"). A town or a body makes none ("London-based bank": a company's seat)."""
    start, end, _word = token
    entry = actor_lexicon().get(home)
    if entry is None or entry.kind not in ("country", "demonym"):
        return []
    noun = _sector_after(text, end)
    if noun is not None:
        return [ActorMention(start, noun[0], text[start : noun[0]], entry.country, noun[1])]
    return [ActorMention(start, start + len(home), home, entry.country, None, adjective=True)]


def _misspelling(tokens: list[tuple[int, int, str]], i: int) -> ActorEntry | None:
    """A misspelt country name or demonym at token i ("Ethopia has agreed"); not inside a run of
    capitalised words, where a near-miss is more likely a person's name ("General Franco")."""
    if len(tokens[i][2]) < MISSPELT_WORD_MIN:  # most capitalised words: no lookups at all
        return None
    for k in (i - 1, i + 1):
        if 0 <= k < len(tokens) and tokens[k][2][:1].isupper() and tokens[k][2] not in ("The", "A", "An"):
            return None
    return misspelt_actor(tokens[i][2])


def _lookup(tokens: list[tuple[int, int, str]], i: int, text: str) -> tuple[int, ActorEntry] | None:
    """Longest lexicon entry starting at token i: (tokens used, entry)."""
    lexicon = actor_lexicon()
    available = len(tokens) - i
    for n in _lexicon_lengths().get(tokens[i][2], ()):
        if n > available:
            continue
        surface = text[tokens[i][0] : tokens[i + n - 1][1]]
        surface = " ".join(surface.split())
        entry = lexicon.get(surface)
        if entry is not None:
            return n, entry
    return None


_NEXT_TWO_WORDS = re.compile(r"(?:'s\s+|\s)?([A-Za-z][\w-]*)(?:\s+([A-Za-z][\w-]*))?")


@functools.cache
def _sector_first_words() -> frozenset[str]:
    return frozenset(phrase.split()[0] for phrase in sector_nouns())


_MAX_SECTOR_WORDS: Final = 4


def _sector_after(text: str, pos: int) -> tuple[int, str] | None:
    """A sector noun phrase right after pos ("delegation", "government spokesman"): (end, sector)."""
    nouns = sector_nouns()
    # Cheap exit for the common case ("Russia said"): no sector phrase can start in the next two words.
    ahead = _NEXT_TWO_WORDS.match(text, pos)
    if ahead is None or (
        ahead.group(1).lower() not in _sector_first_words()
        and (ahead.group(2) is None or ahead.group(2).lower() not in nouns)
    ):
        return None
    tail = text[pos : pos + 60]
    words = list(itertools.islice(_SECTOR_WORD.finditer(tail), _MAX_SECTOR_WORDS))
    best: tuple[int, str] | None = None
    for n in range(1, len(words) + 1):
        if words[0].start() > 1 or (n > 1 and not tail[words[n - 2].end() : words[n - 1].start()].isspace()):
            break
        phrase = " ".join(w.group(1) for w in words[:n]).lower()
        sector = nouns.get(phrase)
        if sector is None and n == 2:
            # "paper workers", "suicide bombers", "Sandinista government": a modifier before the sector noun.
            head, modifier = nouns.get(words[1].group(1).lower()), words[0].group(1)
            if head is not None and (_is_modifier(modifier) or _is_proper_modifier(modifier)):
                sector = head
        if sector is not None:
            best = (pos + words[n - 1].end(), sector)
    return best


_FUNCTION_WORDS: Final = frozenset(
    [
        "a",
        "an",
        "the",
        "its",
        "their",
        "his",
        "her",
        "our",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "that",
        "which",
        "who",
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "will",
        "would",
        "said",
        "says",
        # Prepositions and conjunctions: "Guyana after voters" is no kind of voters.
        "after",
        "before",
        "against",
        "into",
        "over",
        "under",
        "about",
        "between",
        "during",
        "without",
        "as",
        "than",
        "while",
        "when",
        "where",
        "if",
        "not",
        "also",
    ]
)


def _is_proper_modifier(word: str) -> bool:
    """A capitalised word that is no actor of its own ("Sandinista", "Likud"): it can qualify a noun."""
    return (
        word[:1].isupper()
        and word[1:].islower()
        and word not in actor_lexicon()
        and word not in person_titles()
        and word.lower() not in sector_nouns()
    )


def _is_modifier(word: str) -> bool:
    """A lower-case word that can modify a sector noun ("paper workers"): not a function word or verb."""
    return (
        word.islower()
        and word not in _FUNCTION_WORDS
        and not word.endswith("ed")
        and word not in irregular_past_forms()
        and anchored_trigger_pattern().fullmatch(word) is None
    )


@functools.cache
def _titles_by_first_word() -> dict[str, tuple[str, ...]]:
    """Titles grouped by their first word, longest first, so a position is checked against few."""
    grouped: dict[str, list[str]] = {}
    for title in person_titles():
        grouped.setdefault(title.split()[0], []).append(title)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in grouped.items()}


@functools.cache
def _lexicon_lengths() -> dict[str, tuple[int, ...]]:
    """First token -> the token counts (longest first, at most _MAX_NGRAM) of lexicon names starting
    with it, so a lookup tries only lengths that can exist."""
    lengths: dict[str, set[int]] = {}
    for name in actor_lexicon():
        tokens = _TOKEN.findall(name)
        if tokens and len(tokens) <= _MAX_NGRAM:
            lengths.setdefault(tokens[0], set()).add(len(tokens))
    return {first: tuple(sorted(counts, reverse=True)) for first, counts in lengths.items()}


@functools.cache
def _lexicon_first_tokens() -> frozenset[str]:
    return frozenset(_TOKEN.match(name).group() for name in actor_lexicon() if _TOKEN.match(name))  # type: ignore[union-attr]


def _title_person(text: str, pos: int) -> tuple[int, str, str] | None:
    """Title then a capitalised name starting at pos: (end, sector, full name)."""
    titles = person_titles()
    segment = text[pos : pos + 120]
    lead = _LEAD.match(segment)
    offset = lead.end() if lead else 0
    modifier = _TITLE_MODIFIER.match(segment, offset)
    offset = modifier.end() if modifier else offset
    word = _TITLE_WORD.match(segment, offset)
    for title in _titles_by_first_word().get(word.group() if word else "", ()):
        if (
            segment.startswith(title, offset)
            and segment[offset + len(title) : offset + len(title) + 1] == " "
        ):
            name = _NAME.match(segment, offset + len(title) + 1)
            if name and name.group().split()[0] not in titles:
                return pos + name.end(), titles[title], name.group()
            return pos + offset + len(title), titles[title], ""
    return None


def remember_people(mentions: list[ActorMention], memory: ArticleMemory) -> None:
    """Titled people with a nationality, so their surnames resolve in later sentences."""
    for mention in mentions:
        words = mention.text.split()
        if len(words) >= 2 and words[-1][:1].isupper() and mention.sector is not None and mention.country:
            surname = words[-1]
            if surname not in actor_lexicon() and surname not in person_titles():
                memory.people.setdefault(surname, (mention.country, mention.sector))


def find_actors(text: str, memory: ArticleMemory | None = None) -> list[ActorMention]:
    """Actor mentions in one sentence, left to right, non-overlapping."""
    tokens = _tokens(text)
    mentions: list[ActorMention] = []
    i = 0
    first_tokens = _lexicon_first_tokens()
    named = find_named(text, memory.date if memory is not None else None)
    while i < len(tokens):
        token = tokens[i][2]
        if (
            token not in first_tokens
            and tokens[i][0] not in named
            and not token[:1].isupper()
            and "-" not in token
        ):
            i += 1  # most words: no lexicon entry, name, compound, misspelling or person starts here
            continue
        hit = _lookup(tokens, i, text) if token in first_tokens else None
        if hit is not None and i > 0 and _in_world_region(text, tokens, i, hit[0]):
            # "all of Latin America", "South American leaders": a region of the world, not a state.
            i += hit[0]
            continue
        if hit is None and tokens[i][0] in named:
            # A person, body or armed group of the field's dictionaries, as it is on the article's day.
            end, meaning = named[tokens[i][0]]
            i = _entry_at(text, tokens, i, end, _named_entry(meaning), mentions)
            _own_body(text, meaning, mentions)
            continue
        if hit is None and "-" in token and (parts := _compound_parties(text, tokens[i])):
            # "Israeli-Palestinian talks", "the US-led coalition": the parties inside one hyphenated word.
            mentions.extend(parts)
            i += 1
            continue
        if (
            hit is None
            and token in _DIRECTION_WORDS
            and (elided := _elided_name(tokens, i, text)) is not None
        ):
            hit = (1, elided)  # "North and South Korea": the North's name is the South's, elided
        if hit is None and token[:1].isupper() and (misspelt := _misspelling(tokens, i)) is not None:
            hit = (1, misspelt)
        if hit is None:
            i = _person_at(text, tokens, i, memory, mentions, named)
        else:
            i = _entry_at(text, tokens, i, tokens[i + hit[0] - 1][1], hit[1], mentions)
    words = _word_parts(tokens)
    if not words.isdisjoint(_BODY_FIRST_WORDS):
        mentions = _add_bodies(text, mentions)
    if not words.isdisjoint(_GROUP_FIRST_WORDS):
        mentions = _add_groups(text, mentions)
    defined = _defined_acronyms(text) if "(" in text else ()
    if defined:
        mentions = _acronym_parties(text, mentions, defined, memory)
    mentions = _ethnic_residence(text, mentions)
    if any(m.text in _SHARED_LEGISLATURES for m in mentions):
        mentions = _home_legislature(text, mentions, memory)
    mentions = _settle_unknown_nationality(text, _propagate_sector(text, mentions), memory)
    if defined and memory is not None:
        _remember_acronyms(mentions, defined, memory)
    return mentions


# "the Nigeria Labour Congress (NLC)": an acronym the article defines in brackets after a body's name.
_ACRONYM = re.compile(r" \(([A-Z][A-Za-z]{1,9})\)")
# Words a body's name may hold that its acronym may skip ("Union of Universities", "Cosatu"'s "of").
_NAME_JOINERS: Final = frozenset(("of", "and", "for", "on", "the", "The", "&"))


@functools.lru_cache(maxsize=256)
def _defined_acronyms(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end) of each name the sentence defines an acronym for, and the acronym: the longest run of
    capitalised words and joiners before the brackets whose initials spell it ("Academic Staff Union of
    Universities (ASUU)", "Congress of South African Trade Unions (Cosatu)")."""
    found: list[tuple[int, int, str]] = []
    for match in _ACRONYM.finditer(text):
        start = _spelt_from(text, match.start(), match.group(1).upper())
        if start is not None:
            found.append((start, match.start(), match.group(1)))
    return tuple(found)


def _spelt_from(text: str, end: int, acronym: str) -> int | None:
    """Where the name that ends at `end` and whose initials spell `acronym` starts, if one does."""
    words = text[max(0, end - 160) : end].split(" ")
    whole = len(words) if end <= 160 else len(words) - 1  # the window's first word may be cut
    run = 0
    while run < whole and (words[-1 - run][:1].isupper() or words[-1 - run] in _NAME_JOINERS):
        if not words[-1 - run].replace("-", "").replace("'", "").isalpha():
            break  # "Nairobi," or "9": the name ends there
        run += 1
    offset = end
    starts: list[tuple[int, int]] = []
    for k in range(1, run + 1):
        offset -= len(words[-k]) + (1 if k > 1 else 0)
        if words[-k] not in _NAME_JOINERS:
            starts.append((len(words) - k, offset))
    for index, start in reversed(starts):
        if _spells(acronym, _initials(words[index:])):
            return start
    return None


def _initials(words: list[str]) -> tuple[tuple[str, bool], ...]:
    """Each word's initial and whether an acronym must spell it: a joiner's and a hyphenated word's later
    parts' ("Anti-Corruption") may be left out."""
    out: list[tuple[str, bool]] = []
    for word in words:
        first, *rest = word.split("-")
        out.append((first[:1].upper(), word not in _NAME_JOINERS))
        out.extend((part[:1], False) for part in rest if part[:1].isupper())
    return tuple(out)


def _spells(acronym: str, initials: tuple[tuple[str, bool], ...]) -> bool:
    """Whether the initials, each required one used and optional ones used or left out, spell the acronym
    (the acronym's letters reachable after each initial: linear in their product, never exponential)."""
    reached = {0}
    for letter, required in initials:
        step = {k + 1 for k in reached if k < len(acronym) and acronym[k] == letter}
        reached = step if required else reached | step
        if not reached:
            return False
    return len(acronym) in reached


def _acronym_parties(
    text: str,
    mentions: list[ActorMention],
    defined: tuple[tuple[int, int, str], ...],
    memory: ArticleMemory | None,
) -> list[ActorMention]:
    """Each body named with an acronym as one party, in place of the mentions inside its name and its
    brackets: the sector of its head noun, the country named in it, else the
    article's (a home body: "the Academic Staff Union of Universities (ASUU)" filed from Lagos)."""
    for start, end, acronym in defined:
        if any(m.start <= start and m.end >= end for m in mentions):
            continue  # a name read whole ("the New People's Army (NPA)", "Kenya's Directorate of ...")
        sector = _name_sector(text[start:end])
        if sector is None:
            continue  # "the Gross Domestic Product (GDP)", "the National Unity Platform (NUP)": unknown
        # A body's name naming a body of states ("International Federation of Journalists (IFJ)") is none.
        inside = (
            m.country for m in mentions if start <= m.start and m.end <= end and m.country in _NON_STATES
        )
        country = _named_state(text[start:end]) or next(inside, None)
        if country is None:
            country = (memory.home_country() if memory is not None else None) or ""
        close = end + len(acronym) + 3
        kept = [m for m in mentions if m.end <= start or m.start >= close]
        owner = kept[-1] if kept and kept[-1].end <= start else None
        if owner is not None and _owns(text, owner, start):
            # "Kenya's Directorate of Criminal Investigations (DCI)": the state whose body it is.
            kept.remove(owner)
            start, country = owner.start, owner.country
        mentions = sorted([*kept, ActorMention(start, end, text[start:end], country, sector)])
    return mentions


def _owns(text: str, owner: ActorMention, start: int) -> bool:
    """Whether a bare country or nationality stands right before a body's name, as its owner."""
    return (
        owner.sector is None
        and text[owner.end : start] in (" ", "'s ", "’s ")
        and name_kind(owner.text) in ("country", "demonym")
        and owner.country not in _NON_STATES
    )


def _named_state(name: str) -> str | None:
    """The country a body's name names by a word or two ("Nigeria Labour Congress", "Congress of South
    African Trade Unions"), not by a seat or a body inside it ("Department of State Services")."""
    words = name.split()
    for k in range(len(words)):
        for n in (2, 1):
            entry = actor_lexicon().get(" ".join(words[k : k + n]))
            if entry is not None and entry.kind in ("country", "demonym") and entry.country:
                return entry.country
    return None


def _name_sector(name: str) -> str | None:
    """A body's sector from its name's head noun as the sector tables know it: the longest ending of the
    name before "of" ("Academic Staff Union of Universities": union, LAB), or of the whole name ("National
    Bureau of Investigation"); the name after "of" where the head is none or a legislature's word
    ("Congress of South African Trade Unions": trade unions, LAB)."""
    words = name.lower().split()
    if "of" not in words:
        return _ending_sector(words)
    of = words.index("of")
    phrase = next((s for k in range(of) if (s := sector_nouns().get(" ".join(words[k:])))), None)
    if phrase is not None:
        return phrase
    head, members = _ending_sector(words[:of]), _ending_sector(words[of + 1 :])
    return members if members is not None and head in (None, "LEG") else head


def _ending_sector(words: list[str]) -> str | None:
    nouns = sector_nouns()
    return next((s for k in range(len(words)) if (s := nouns.get(" ".join(words[k:]))) is not None), None)


def _remember_acronyms(
    mentions: list[ActorMention], defined: tuple[tuple[int, int, str], ...], memory: ArticleMemory
) -> None:
    """The bodies named with an acronym, by the acronym, for the sentences after."""
    for start, end, acronym in defined:
        body = next((m for m in mentions if m.start <= start and m.end >= end and not m.person), None)
        if body is not None and body.country and body.sector is not None:
            memory.people.setdefault(acronym, (body.country, body.sector))


_DIRECTION_WORDS: Final = frozenset(("North", "South", "East", "West"))

# Legislatures many states call by the US one's name: the gazetteer's US seat, unless the article is filed
# in another country and the sentence names nothing American ("ABUJA - The Senate rejected the loan").
_SHARED_LEGISLATURES: Final = frozenset(("Senate", "Congress"))
_AMERICAN = re.compile(
    r"\b(?:U\.S\.|US|USA|American|Americans|Washington|United States|Democrats?|Republicans?)\b"
)


def _home_legislature(
    text: str, mentions: list[ActorMention], memory: ArticleMemory | None
) -> list[ActorMention]:
    out: list[ActorMention] = []
    for m in mentions:
        if m.text in _SHARED_LEGISLATURES and m.country == "USA":
            if text.startswith(" of ", m.end):
                continue  # "the Congress of South African Trade Unions": a body's name, read on
            home = None if memory is None or _AMERICAN.search(text) else memory.home_country()
            if home is not None and home != "USA":
                m = m._replace(country=home)
        out.append(m)
    return out


def _elided_name(tokens: list[tuple[int, int, str]], i: int, text: str) -> ActorEntry | None:
    """The state a direction word names with the rest of the next name ("North" in "North and South
    Korea", "East" in "East and West Germany")."""
    if i + 2 >= len(tokens) or tokens[i + 1][2] != "and" or tokens[i + 2][2] not in _DIRECTION_WORDS:
        return None
    other = _lookup(tokens, i + 2, text)
    if other is None or other[0] < 2:
        return None
    rest = text[tokens[i + 3][0] : tokens[i + 1 + other[0]][1]]
    entry = actor_lexicon().get(f"{tokens[i][2]} {rest}")
    return entry if entry is not None and entry.kind in ("country", "demonym") else None


def _in_world_region(text: str, tokens: list[tuple[int, int, str]], i: int, n: int) -> bool:
    """Whether the name at token i (n tokens) ends a world region's name with the word before it."""
    name = text[tokens[i][0] : tokens[i + n - 1][1]].removesuffix("s").removesuffix("n")
    return is_world_region(f"{tokens[i - 1][2]} {name}")


def _past(tokens: list[tuple[int, int, str]], i: int, end: int) -> int:
    """The first token from i on that starts at or after `end`."""
    while i < len(tokens) and tokens[i][0] < end:
        i += 1
    return i


def _person_at(
    text: str,
    tokens: list[tuple[int, int, str]],
    i: int,
    memory: ArticleMemory | None,
    mentions: list[ActorMention],
    named: dict[int, tuple[int, Named]],
) -> int:
    """A person no lexicon names at token i, added to `mentions`; the next token to read."""
    person = _person_without_country(text, tokens, i, memory, named) if tokens[i][2][:1].isupper() else None
    if person is None:
        return i + 1
    mentions.append(person)
    return _past(tokens, i, person.end)


def _own_body(text: str, meaning: Named, mentions: list[ActorMention]) -> None:
    """ "South Korea's Joint Chiefs of Staff", "Afghan Border Police": a national body the dictionary knows
    under one country's name, named as another's, is that other's (one mention, the body's sector)."""
    if meaning.kind != "organisation" or len(mentions) < 2:
        return
    owner, body = mentions[-2], mentions[-1]
    between = text[owner.end : body.start]
    if (
        between in ("'s ", " ")
        and name_kind(owner.text) in ("country", "demonym")
        and owner.country not in _NON_STATES
        and owner.sector is None
    ):
        mentions[-2:] = [
            ActorMention(owner.start, body.end, text[owner.start : body.end], owner.country, body.sector)
        ]


def _named_entry(meaning: Named) -> ActorEntry:
    sector = meaning.sector
    if sector is None and meaning.kind == "person" and meaning.country == "IGO":
        sector = "GOV"  # a body's own official ("Secretary-General Antonio Guterres")
    return ActorEntry(meaning.country, sector, meaning.kind)


def _entry_at(
    text: str,
    tokens: list[tuple[int, int, str]],
    i: int,
    name_end: int,
    entry: ActorEntry,
    mentions: list[ActorMention],
) -> int:
    """The mention of a lexicon entry whose name spans token i to `name_end`, added to `mentions`; the
    next token to read."""
    start = tokens[i][0]
    end, sector, is_person = _extent(text, entry, name_end)
    noun_start, noun_sector = _noun_before(text, entry, start, sector)
    if not (mentions and mentions[-1].end > noun_start):
        # "Syrian troops from Lebanon": a noun an earlier mention holds is that mention's people.
        start, sector = noun_start, noun_sector
    name_start = start
    if sector in (None, "GOV") and entry.kind in ("country", "capital") and text.endswith(" in ", 0, start):
        start, sector = _people_in(text, start, sector, mentions)
    country = entry.country
    if _is_adjective(text, entry, sector, start, end):
        mentions.append(ActorMention(start, end, text[start:end], country, None, adjective=True))
        return _past(tokens, i, name_end)
    if entry.kind == "country" and _names_a_sea(text, start):
        return _past(tokens, i, name_end)
    if entry.kind == "capital" and (namesake := _named_namesake(text[name_start:end], text)) is not None:
        keep = namesake.country == country or start != name_start  # "Officials in Tripoli": their own sector
        country, sector = namesake.country, (sector if keep else None)
    # "fired at protesters in Nairobi": a place's people are no place, whatever cue comes before them.
    locative = entry.kind in ("country", "capital") and start == name_start and _after_locative(text, start)
    if entry.kind == "capital" and start == name_start and _names_a_venue(text, start, end):
        locative = True  # "the Doha talks", "the Rome peace accord": where it was held, not a party
    if text.endswith(" in ", 0, start) and text.endswith(_JAILS, start, end):
        locative = True  # "prisoners in Israeli jails": where they are held, by whom (roles.py)
    if is_person and _former(text, start, end):
        sector = "ELI"
    mentions.append(ActorMention(start, end, text[start:end], country, sector, locative, is_person))
    return _past(tokens, i, end)


_JAILS: Final = (" jails", " jail", " prisons", " prison", " custody")
_VENUE_NEXT = re.compile(r" ([a-z][a-z-]+)\b")


def _names_a_venue(text: str, start: int, end: int) -> bool:
    """A capital after "the" before a common noun that names no people ("the Cairo negotiations"; not
    "the Kabul government", "the Moscow and Kyiv delegations")."""
    venue = _VENUE_NEXT.match(text, end) if text.endswith(("the ", "The "), 0, start) else None
    return (
        venue is not None and venue.group(1) not in sector_nouns() and venue.group(1) not in _FUNCTION_WORDS
    )


def _extent(text: str, entry: ActorEntry, end: int) -> tuple[int, str | None, bool]:
    """What follows an entry's name that belongs to its mention (a titled person, a sector noun):
    (end, sector, whether it names a person)."""
    sector = entry.sector
    titled = _title_person(text, end)
    is_person = entry.kind == "person"
    if titled is not None and entry.kind in ("country", "demonym", "body"):
        return titled[0], titled[1], bool(titled[2])
    if titled is not None and titled[2] and entry.kind == "organisation":
        # "Hamas leader Ismail Haniyeh": the person acts for the organisation, in its sector.
        return titled[0], sector, True
    noun = _sector_after(text, end)
    if noun is not None and entry.kind in ("country", "demonym", "body"):
        named = _named_after_office(text, noun[0])
        if named is not None:
            # "Bangladesh's interim leader Muhammad Yunus": the office's holder, named after it.
            return named, noun[1], True
        return noun[0], noun[1], is_person
    if entry.kind == "demonym" and (other := _AND_NATIONALITY.match(text, end)) is not None:
        # "Iranian and European negotiators": the noun after the other nationality is this one's.
        shared = _sector_after(text, other.end())
        return end, (shared[1] if shared is not None else None), is_person
    if noun is not None and entry.kind == "organisation":
        # "FARC rebels", "Hamas militants": the noun describes the organisation's own people.
        return noun[0], sector, is_person
    return end, sector, is_person


_POSSESSIVES: Final = frozenset(("its", "their", "his", "her", "our"))
# The last word of an office that a holder's name may follow ("interim leader Muhammad Yunus").
_OFFICE_HEADS: Final = frozenset(
    ("leader", "minister", "president", "premier", "chairman", "chief", "secretary", "spokesman",
     "spokeswoman", "commander", "envoy", "governor", "ambassador", "negotiator", "adviser", "general")
)  # fmt: skip


def _named_after_office(text: str, end: int) -> int | None:
    """Where the capitalised name of an office's holder right after a sector noun ends, if one follows."""
    head = text[text.rfind(" ", 0, end) + 1 : end]
    if head.lower() not in _OFFICE_HEADS or not text.startswith(" ", end):
        return None
    name = _NAME.match(text, end + 1)
    if name is None:
        return None
    first = name.group().split()[0]
    if first in actor_lexicon() or first in person_titles() or is_calendar_word(first):
        return None
    return name.end()


def _noun_before(text: str, entry: ActorEntry, start: int, sector: str | None) -> tuple[int, str | None]:
    """A sector noun or title that names a country's people before it: (start, sector)."""
    # "representatives of Ukraine", "Entourages from Ukraine": the sector noun comes first.
    before = _ending_before(_NOUN_OF, _OF_FROM_ENDS, text, start)
    if before and before.group(1).lower() in _POSSESSIVES and text.endswith(("from ", "from the "), 0, start):
        # "withdrew its troops from Somalia", "recalled their ambassador from Cairo": the owner's people,
        # leaving the place they are named with.
        before = None
    if before and sector is None and entry.kind == "country":
        noun_sector = sector_nouns().get(before.group(1).lower())
        if noun_sector is not None:
            start, sector = before.start(), noun_sector
        elif before.group(2) is not None and (noun_sector := sector_nouns().get(before.group(2).lower())):
            # "the president of Ghana", "the army of Mali": the noun after a determiner.
            start, sector = before.start(2), noun_sector
    # "President of Ukraine"
    of_title = _ending_before(_TITLE_OF, _OF_ENDS, text, start)
    if of_title and of_title.group(1) in person_titles() and entry.kind == "country":
        start, sector = of_title.start(), person_titles()[of_title.group(1)]
    return start, sector


# "Officials in Kabul", "residents in Gaza": a place's own people; not its armed forces ("troops in Syria"
# are as often foreign ones) and not a noun a nationality already claims ("Russian officials in Kyiv").
_NOT_PEOPLE_IN: Final = frozenset(("MIL", "REB", "UAF"))
_PLURALS: Final = frozenset(("police", "people", "clergy"))


def _people_in(
    text: str, start: int, sector: str | None, mentions: list[ActorMention]
) -> tuple[int, str | None]:
    # The word before " in " by slicing, not a regex search: most places after "in" follow no people noun.
    end = start - len(" in ")
    first = text.rfind(" ", 0, end) + 1
    word = text[first:end].lower()
    noun_sector = sector_nouns().get(word)
    # People, named in the plural ("parliament in Tbilisi" is the building a rally stands outside).
    if (
        noun_sector is None
        or noun_sector in _NOT_PEOPLE_IN
        or not (word.endswith("s") or word in _PLURALS)
        or not word.isalpha()
        or (mentions and mentions[-1].end > first)
    ):
        return start, sector
    # "opposition leaders in Lusaka": a two-word noun names them more closely than its head.
    before = text.rfind(" ", 0, first - 1) + 1
    # Not a trigger's word ("riot police in Seoul": the riot is an event of its own).
    modifier = text[before : first - 1] if first > 1 else ""
    phrase_sector = sector_nouns().get(text[before:end].lower()) if _is_modifier(modifier) else None
    if (
        phrase_sector is not None
        and phrase_sector not in _NOT_PEOPLE_IN
        and not (mentions and mentions[-1].end > before)
    ):
        return before, phrase_sector
    return first, noun_sector


def _is_adjective(text: str, entry: ActorEntry, sector: str | None, start: int, end: int) -> bool:
    """A bare singular demonym before a common noun is an adjective ("Russian aggression")."""
    return bool(
        entry.kind == "demonym"
        and sector is None
        and not (text[start:end].endswith("s") and not text[start:end].endswith("ss"))  # "Swiss bank"
        and _LOWER_NEXT.match(text, end, end + 2)
        and not _COORDINATED_NEXT.match(text, end, end + 5)
        and not (text.endswith(("the ", "The ", " of "), 0, start) and _VERB_NEXT.match(text, end))
        and not _second_nationality(text, start, end)
        and not (_of_two_peoples(text[start:end]) and _plural_next(text, end))  # "Bosnian Serb gunners"
    )


def _of_two_peoples(name: str) -> bool:
    """A demonym of a people where it lives ("Bosnian Serb", "Greek Cypriot"; not "South Korean")."""
    first, _, rest = name.partition(" ")
    return bool(rest) and name_kind(first) == "demonym"


def _second_nationality(text: str, start: int, end: int) -> bool:
    """Whether a demonym is the second of two before a plural noun ("Iranian and Saudi security chiefs")."""
    if not text.endswith(" and ", 0, start):
        return False
    first = _AFTER_NATIONALITY_AND.search(text, max(0, start - 30), start)
    if first is None or name_kind(first.group(1)) != "demonym":
        return False
    return _plural_next(text, end)


def _plural_next(text: str, end: int) -> bool:
    """Whether a plural noun of up to two words follows ("security chiefs", "gunners")."""
    plural = _PLURAL_NEXT.match(text, end)
    return plural is not None and plural.group(1) not in _FUNCTION_WORDS and plural.group(1) != "says"


_ETHNIC = re.compile(r"\bethnic\s+$", re.IGNORECASE)
_ETHNIC_ANYWHERE = re.compile(r"ethnic\s", re.IGNORECASE)
# "the Albanian population of the province": a national group named as a population lives elsewhere.
_MINORITY_NOUNS = (" population", " minority", " minorities", " community")


def _ethnic_residence(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "Ethnic Albanians in Macedonia": an ethnic group is coded with the country it lives in (CAMEO
    practice), the sentence's first place, else its first other country; unknown ("") if none."""
    anywhere = _ETHNIC_ANYWHERE.search(text) is not None  # one search for the sentence, not one per mention
    ethnic = [
        m
        for m in mentions
        if (anywhere and _ETHNIC.search(text[max(0, m.start - 8) : m.start]))
        or m.text.endswith(_MINORITY_NOUNS)
    ]
    if not ethnic:
        return mentions
    others = [
        m for m in mentions if m not in ethnic and m.country and m.country not in _NON_STATES and not m.person
    ]
    located = [m.country for m in others if m.locative] + [p.place.country for p in find_places(text)]
    residence = (located or [m.country for m in others] or [""])[0]
    return [
        ActorMention(m.start, m.end, m.text, residence, m.sector or "CVL") if m in ethnic else m
        for m in mentions
    ]


# Collective actors named without nationality ("students throughout Indonesia", "security forces in Guinea");
# the first ones only before "in", "from" or "of". Matched as tries: a word start costs one test, not one per
# word. (No alternative is a prefix of another that could also end at a word boundary, so the longest match
# a trie finds is the one a list in this order finds.)
_GROUP_BEFORE_PLACE: Final = (
    "Students", "Workers", "Refugees", "Settlers", "Villagers", "Peasants", "Authorities", "Prosecutors",
    "Kidnappers", "Captors", "Pirates", "Teachers",
)  # fmt: skip
_GROUP_NAMES: Final = (
    "Rebels", "Militants", "Gunmen", "Armed men", "Insurgents", "Guerrillas", "Protesters", "Demonstrators",
    "Security forces", "Police", "Policemen", "Soldiers", "Troops",
    "people", "students", "protesters", "demonstrators", "workers", "refugees", "settlers", "villagers",
    "civilians", "residents", "peasants", "pupils", "schoolchildren", "schoolgirls", "government",
    "authorities", "police", "policemen", "armed forces", "soldiers", "troops", "security forces",
    "rebels", "militants", "gunmen", "armed men", "insurgents", "guerrillas",
    "activists", "landowners", "farmers", "militiamen", "fundamentalists",
    "opposition coalition", "opposition party", "opposition leader", "opposition leaders",
    "opposition figure", "opposition figures", "opposition politician", "opposition politicians",
    "dissident", "dissidents", "journalist", "journalists", "party", "junta", "military junta", "regime",
    "prosecutors", "kidnappers", "captors", "hijackers", "abductors", "pirates", "teachers",
    # Crowds, armed groups and officers that act unnamed; their country is the sentence's or the article's.
    "doctors", "nurses", "miners", "dockworkers", "strikers", "rioters", "trade unions", "unions",
    "lawmakers", "legislators", "judges", "fighters", "militias", "separatists", "extremists", "jihadists",
    "paramilitaries", "peacekeepers", "marines", "paratroopers", "border guards", "gendarmes", "hackers",
    "smugglers", "traffickers", "pilgrims", "migrants", "asylum seekers", "prisoners", "detainees",
    "youths", "lawyers", "traders", "truckers", "pensioners", "tribesmen", "unionists", "trade unionists",
    "opposition parties", "opposition supporters", "opposition activists",
    # A state's own bodies named without it: of the place the sentence or the article is in (below).
    "Federal Government", "federal government", "State Government", "state government",
    "provincial government", "Provincial Government", "National Assembly",
    # A state's institutions named by their common noun: the article's state's ("LAHORE - Imran Khan accused
    # the army chief"; "Odinga demanded that the electoral commission ...").
    "army", "army chief", "electoral commission", "election commission", "Electoral Commission",
    "Election Commission", "political parties", "factory owners",
)  # fmt: skip
# The bodies above that are where the article is rather than of another state the sentence names ("ABUJA -
# The Federal Government accused Ghana ..."): a place in the sentence, else the article's country.
_HOME_GROUPS: Final = frozenset(
    ("Federal Government", "federal government", "State Government", "state government",
     "provincial government", "Provincial Government", "National Assembly")
)  # fmt: skip
_NAME_WORD_BEFORE = re.compile(r"[A-Z][\w'-]* $")
_STATE_GROUPS: Final = frozenset(
    ("army", "Army", "army chief", "Army chief", "electoral commission", "election commission",
     "Electoral commission", "Election commission", "Electoral Commission", "Election Commission",
     "political parties", "Political parties", "factory owners", "Factory owners")
)  # fmt: skip
# The same names opening a sentence ("Opposition leaders demanded ..."), but not those that open names
# of their own ("Government House", "Party Congress") or that need a place after them (above).
_GROUP_NAMES_OPENING: Final = tuple(
    name[0].upper() + name[1:]
    for name in _GROUP_NAMES
    if name[0].islower()
    and name not in ("government", "authorities", "party")
    and name[0].upper() + name[1:] not in _GROUP_NAMES + _GROUP_BEFORE_PLACE
)
_GROUP = WordStartScan(
    # "Students in Jakarta", "Students rioted", "Prosecutors have charged": before a place, a verb in the
    # past or an auxiliary, not in a name ("Workers Party").
    rf"(?:(?:{trie_alternation(_GROUP_BEFORE_PLACE)})"
    r"(?=\s+(?:in|from|of|who|have|has|had|will|would|are|were|[a-z]+ed)\b)"
    rf"|{trie_alternation((*_GROUP_NAMES, *_GROUP_NAMES_OPENING))})\b"
)
# The first word of every name the two scans can find: a sentence none of whose words is one needs no scan
# (a scan's match starts where a word or a hyphenated word's part starts, with these letters).
_BODY_FIRST_WORDS: Final = frozenset(re.split(r"\W", name, maxsplit=1)[0] for name in _BODY_LEADS)
_GROUP_FIRST_WORDS: Final = frozenset(
    re.split(r"\W", name, maxsplit=1)[0]
    for name in (*_GROUP_BEFORE_PLACE, *_GROUP_NAMES, *_GROUP_NAMES_OPENING)
)
# The words between may not hold a verb: "guerrillas signed a ceasefire in Oslo" does not make them Norwegian.
_GROUP_PLACE = re.compile(
    r"\s+(?:(?![\w'-]*ed\s)[\w'-]+\s+){0,4}?(?:in|throughout|across|of|from)\s+(?:the\s+)?$"
)


# A group right after a party, joined by a comma or "and", one modifier between ("and leftist").
_ALLIED = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?:[A-Za-z-]+\s+)?")


def _add_groups(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    extra: list[ActorMention] = []
    places: list[PlaceMention] | None = None  # looked up at the first group named
    for match in _GROUP.finditer(text):
        start, end = match.span(1)
        if text.endswith("-", 0, start) or any(
            o.start <= start < o.end or start <= o.start < end for o in mentions
        ):
            continue  # "anti-government slogans", "pro-government media": a word of a compound
        name = match.group(1)
        if name in _HOME_GROUPS and (_after_locative(text, start) or text.startswith(" building", end)):
            continue  # "rallied outside the National Assembly": the building, no party
        if name.startswith("Army") and _NAME_WORD_BEFORE.search(text, max(0, start - 30), start):
            continue  # "the National Liberation Army": the end of a name, whose party is the name's
        sector = sector_nouns().get(name.lower(), "CVL")
        # A state the group is coordinated with is its own ("Sudan, southern rebels agree to talks in
        # Nairobi", "the Philippine government and Muslim rebels"); else the nearest following place within
        # a few words gives the nationality ("people ... in Hong Kong").
        ally = next((m for m in reversed(mentions) if m.end <= start), None)
        country = ""
        if ally is not None and not ally.locative and ally.country not in _NON_STATES and ally.country:
            country = ally.country if _ALLIED.fullmatch(text, ally.end, start) else ""
        if places is None and not country:
            places = find_places(text)
        for place in places or () if not country else ():
            if place.start > end and _GROUP_PLACE.match(text[end : place.start] + " "):
                country = place.place.country
                break
        if not country and sector in OFFICIAL_BODY_SECTORS:
            country = _region_owner(text, start)
        extra.append(ActorMention(start, end, name, country, sector))
    return sorted([*mentions, *extra], key=lambda m: m.start) if extra else mentions


OFFICIAL_BODY_SECTORS: Final = frozenset(("GOV", "COP", "LEG", "MIL", "JUD"))
# A region or a large town named right before a state body ("the Kaduna State Government", "the Sindh
# government", "the Rivers State Police Command"): the body is that region's state's.
_REGION_WORDS: Final = frozenset(("State", "Province", "Provincial", "Regional"))
_REGION_TOWN_PEOPLE: Final = 100_000


def _region_owner(text: str, start: int) -> str:
    """The state of the region or town named before a body starting at `start`, or ""."""
    # The words before, read without a pattern: this runs for every state body of unknown country.
    words = text[max(0, start - 40) : start].split()
    if words and words[-1] in _REGION_WORDS:
        words.pop()
    if not words or not words[-1][:1].isupper():
        return ""
    names = (
        [words[-1]] if len(words) < 2 or not words[-2][:1].isupper() else [" ".join(words[-2:]), words[-1]]
    )
    for name in names:
        codes = subdivision_countries(name)
        if len(codes) == 1:
            return codes[0]
        town = place_folded(name) if not codes else None
        if town is not None and town.feature == "city" and town.population >= _REGION_TOWN_PEOPLE:
            return town.country
    return ""


_NOT_BODY_HEADS: Final = frozenset(
    (
        "Center", "Centre", "Cup", "Series", "Championship", "Championships", "Games", "War", "Wars", "Day",
        "Airport", "Airlines", "Airways", "Hotel", "Stadium", "Museum", "Tour", "Open", "Heritage", "Expo",
    )
)  # fmt: skip


def _add_bodies(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """International bodies named in full but missing from the gazetteer -> IGO."""
    extra: list[ActorMention] = []
    for match in _BODY_NAME.finditer(text):
        start, end = match.span(1)
        name = match.group(1)
        if name.rsplit(" ", 1)[-1] in _NOT_BODY_HEADS:
            continue  # "the World Trade Center", "the African Cup": a building or a contest
        if len(name.split()) >= 2 and not any(o.start < end and start < o.end for o in mentions):
            extra.append(ActorMention(start, end, name, "IGO", None))
    return sorted([*mentions, *extra], key=lambda m: m.start) if extra else mentions


def _settle_unknown_nationality(
    text: str, mentions: list[ActorMention], memory: ArticleMemory | None = None
) -> list[ActorMention]:
    """A titled person or a crowd of unknown nationality takes the sentence's only other country
    (domestic news), including a place ("in Algiers"); a crowd, failing that, the only place named,
    then the article's own country; a person with none or several candidates is dropped."""
    unknown = [m for m in mentions if m.country == ""]
    if not unknown:
        return mentions
    countries = {m.country for m in mentions if m.country and not m.person and m.country not in _NON_STATES}
    places = {p.place.country for p in find_places(text)}
    countries |= places
    settled = next(iter(countries)) if len(countries) == 1 else None
    # A crowd is where it gathers: with several countries named, the only place named decides.
    located = places | {m.country for m in mentions if m.locative}
    local = next(iter(located)) if len(located) == 1 else None
    officials = {m.country for m in mentions if m.person and m.country and m.country not in _NON_STATES}
    out: list[ActorMention] = []
    for m in mentions:
        if m.country == "":
            # "the Guatemalan army and leftist guerrillas": a group coordinated with a party shares its
            # country.
            ally = (
                out[-1]
                if out and not m.person and _COORDINATED.fullmatch(text, out[-1].end, m.start)
                else None
            )
            country = ally.country if ally is not None and ally.country not in _NON_STATES else None
            # "Sharif said his government ...": a body a possessive pronoun opens is its possessor's.
            country = country or _possessor_country(text, m, out)
            if _stateless(m.text):
                # "Kurdish prisoners in Turkish jails", "Rohingya refugees in Bangladesh": a people with no
                # state is where it lives or is held, not of any other country the sentence names.
                country = country or local or _held_in(text, mentions)
                if country is None and memory is not None:
                    country = memory.home_country()  # where the article is ("MOSCOW - Chechen gunmen")
                if country is None:
                    continue
            if m.text in _HOME_GROUPS:
                country = country or local or (memory.home_country() if memory is not None else None)
            elif m.text in _STATE_GROUPS:
                # An institution is its state's wherever it acts: not the place the sentence names.
                country = country or (memory.home_country() if memory is not None else None) or settled
            country = country or (settled if m.person or m.text in _STATE_GROUPS else settled or local)
            if country is None and not m.person and memory is not None:
                # "Police fired tear gas at the crowd": no country in the sentence (or several); a
                # crowd or the police are where the article is.
                country = memory.home_country()
            if country is None and not m.person and len(officials) == 1:
                # "Fundamentalists demanded the resignation of Algerian President X": with no place
                # and no other party, the crowd is of the country whose leader it addresses.
                country = next(iter(officials))
            if country is None:
                continue
            m = ActorMention(m.start, m.end, m.text, country, m.sector, m.locative)
        out.append(m)
    return out


_POSSESSIVE_OPENERS: Final = tuple(
    f"{word} {own}" for word in (" his", " her", " its", " their") for own in ("", "own ")
)


def _possessor_country(text: str, mention: ActorMention, before: list[ActorMention]) -> str | None:
    """The country of the nearest party before a body named after "his", "her", "its" or "their"."""
    if mention.person or not text.endswith(_POSSESSIVE_OPENERS, 0, mention.start):
        return None
    owner = next((m for m in reversed(before) if not m.locative and m.country), None)
    return owner.country if owner is not None and owner.country not in _NON_STATES else None


def _stateless(name: str) -> bool:
    entry = actor_lexicon().get(name.split(" ", 1)[0])
    return entry is not None and entry.country == "" and entry.kind == "demonym"


def _held_in(text: str, mentions: list[ActorMention]) -> str | None:
    """The country whose jails or custody a sentence names ("held in Chinese custody")."""
    return next(
        (
            m.country
            for m in mentions
            if m.country
            and text.endswith(" in ", 0, m.start)
            and (text.endswith(_JAILS, m.start, m.end) or text.startswith(_JAILS, m.end))
        ),
        None,
    )


# "President Tshisekedi of Congo": a person's country named after the name.
_OF_COUNTRY = re.compile(r",? (?:of|from) (?:the )?([A-Z][\w ]{2,30}?)\b(?=[,.;]|\s[a-z]|$)")


def _person_without_country(
    text: str,
    tokens: list[tuple[int, int, str]],
    i: int,
    memory: ArticleMemory | None,
    named: dict[int, tuple[int, Named]],
) -> ActorMention | None:
    start = tokens[i][0]
    titled = _title_person(text, start) if text[start : start + 1].isupper() else None
    if titled is not None and titled[2]:
        end, sector, name = titled
        spanned = named.get(end - len(name))
        if spanned is not None and (spanned[0] > end or text[spanned[0] : end] in ("'s", "’s")):
            # "President George H.W. Bush": the dictionary's name runs on past what the name pattern reads;
            # "President Biden's": the possessive is not part of the name.
            end, name = spanned[0], text[end - len(name) : spanned[0]]
        country = memory.people.get(name.split()[-1], (None, sector))[0] if memory else None
        if country is None:
            # "President Bush", "Archbishop Desmond Tutu": a known person's country on the article's day.
            date = memory.date if memory is not None else None
            known = (spanned[1] if spanned is not None else None) or named_on(name, date)
            known = known or named_on(name.split()[-1], date)
            country = known.country if known is not None else None
        of_country = _OF_COUNTRY.match(text, end)
        if country is None and of_country:
            entry = actor_lexicon().get(of_country.group(1))
            if entry is not None:
                country = entry.country
        # Nationality unknown: marked "" and settled from the sentence's other mentions afterwards.
        sector = "ELI" if _former(text, start, end) else sector
        return ActorMention(start, end, text[start:end], country or "", sector, person=True)
    if memory is not None:
        word = tokens[i][2]
        met = memory.people.get(word)
        if met is not None and word[:1].isupper():
            return ActorMention(start, tokens[i][1], word, met[0] or "", met[1]) if met[0] else None
    return None


_COORDINATORS: Final = ("and", ",", ", and")


def _propagate_sector(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """ "Entourages from Ukraine and Russia": a sector stated once applies to the coordinated names."""
    out = list(mentions)
    for k in range(1, len(out)):
        prev, cur = out[k - 1], out[k]
        if prev.adjective or cur.adjective or text[prev.end : cur.start].strip() not in _COORDINATORS:
            continue
        if cur.sector is None and prev.sector is not None:
            out[k] = ActorMention(cur.start, cur.end, cur.text, cur.country, prev.sector, prev.locative)
        if prev.locative and not cur.locative and cur.sector is None:
            # "in France, Germany and Italy" are all places; "Speaking in Berlin, German Chancellor
            # Olaf Scholz" is not: a party with a stated role is not one of the places.
            out[k] = ActorMention(cur.start, cur.end, cur.text, cur.country, out[k].sector, True)
    # "French and Egyptian warships": a bare nationality shares the noun of the one coordinated after it.
    for k in range(len(out) - 2, -1, -1):
        prev, cur = out[k], out[k + 1]
        if (
            name_kind(prev.text) == "demonym"
            and prev.sector is None
            and cur.sector is not None
            and not cur.person
            and text[prev.end : cur.start].strip() in _COORDINATORS
        ):
            out[k] = ActorMention(prev.start, prev.end, prev.text, prev.country, cur.sector, prev.locative)
    return out


@functools.lru_cache(maxsize=1024)
def has_title(text: str) -> bool:
    """Whether a sentence may introduce a titled person, or a body by an acronym (cheap pre-check)."""
    if "(" in text and _defined_acronyms(text):
        return True
    return any(word in _titles_by_first_word() for word in _TITLE_WORD.findall(text))


def find_places(text: str) -> list[PlaceMention]:
    return list(_find_places(text))


@functools.lru_cache(maxsize=1024)
def _find_places(text: str) -> tuple[PlaceMention, ...]:
    """Cities after a locative cue or before a region word, and countries used as places."""
    places = place_lexicon()
    found: list[PlaceMention] = []
    for match in _CAPITALISED.finditer(text):
        words = match.group().split()
        cue: bool | None = None  # whether a locative cue precedes: looked up once a name needs it
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n])
            end = match.start() + len(name)
            if is_world_region(name) or is_calendar_word(name):
                break  # "in Asia", "in March": neither a town nor a country
            # A country outranks a town of the same name ("Liberia" the country, not the Costa Rican town).
            actor = actor_lexicon().get(name)
            country_named = actor is not None and actor.kind == "country"
            # Names of more than one word also as written without accents ("Sao Paulo").
            entry = places.get(name) or (place_folded(name) if n > 1 else None)
            # A town too small for the lexicon, named with its state or country ("Hazard, Ky.").
            qualified = entry is None and n == len(words) and not country_named and text.startswith(",", end)
            if country_named and _names_a_sea(text, match.start()):
                break
            if cue is None and (country_named or entry is not None or qualified):
                cue = _after_locative(text, match.start())
            if actor is not None and country_named and cue:
                country = country_place(actor.country)
                if country is not None:
                    found.append(PlaceMention(match.start(), end, name, country))
                break
            if (entry is not None or qualified) and (cue or _PLACE_CUE.match(text, end)):
                town = _town_at(name, entry, text, end, words[n] if n < len(words) else None)
                if town is not None:
                    found.append(PlaceMention(match.start(), end, name, town[0], town[1]))
                    break
                if entry is not None:
                    break
            if entry is None and actor is None and (region := _region_place(text, match.start(), end, name)):
                found.append(region)  # "in Khyber Pakhtunkhwa", "Borno State": its state, as a place
                break
    return tuple(found)


def _region_place(text: str, start: int, end: int, name: str) -> PlaceMention | None:
    """A state's first-level region named as a place (after a locative cue, or before "State",
    "province" or "region"): the state, as a place; of two states with a region of that name, the one
    the sentence names ("Indian troops ... in Punjab")."""
    codes = subdivision_countries(name)
    if not codes or not (_after_locative(text, start) or _REGION_CUE.match(text, end)):
        return None
    if len(codes) > 1:
        named = {
            found.country
            for token in _TOKEN.findall(text)
            if (found := actor_lexicon().get(token)) is not None and found.kind in ("country", "demonym")
        }
        codes = tuple(c for c in codes if c in named)
    country = country_place(codes[0]) if len(codes) == 1 else None
    return PlaceMention(start, end, name, country) if country is not None else None


_REGION_CUE = re.compile(r"\s+(?:State|state|Province|province|Region|region)\b")


def _town_at(
    name: str, entry: PlaceEntry | None, text: str, end: int, next_word: str | None
) -> tuple[PlaceEntry, bool] | None:
    """The town a name denotes, and whether the sentence says which of its namesakes: the one in the
    state, province or country after a comma ("London, Ky.", "Perth, Scotland"), else the one whose
    country the sentence names. None when it is no town: part of a longer name ("Victoria Park", "Paris
    Hilton", "Manchester United") or a state's or province's name ("in Florida"), unless a town of that
    name lies in it ("New York")."""
    if next_word is not None and continues_name(next_word):
        return None
    qualifier = qualifier_at(text, end) if next_word is None else None
    if qualifier is not None:
        town = town_qualified(name, *qualifier)
        # Said to be in a state or country where no town of the name is known: not the namesake elsewhere.
        return (town, True) if town is not None else None
    if entry is None:
        return None
    region = region_names().get(name)
    if region is not None:
        if (entry.country, entry.admin1) == (region.country, region.admin1):
            return entry, True  # "New York"
        own = town_qualified(name, region, None)
        return (own, True) if own is not None else None
    namesake = _named_namesake(name, text, entry)
    return (namesake, True) if namesake is not None else (entry, False)


_NAMESAKE: Final = 50_000  # people a namesake needs to be named by its country (place_alternatives' bar)


def _named_namesake(name: str, text: str, town: PlaceEntry | None = None) -> PlaceEntry | None:
    """Of the towns sharing a name, the one whose country the sentence names ("Tripoli ... the north
    Lebanese port"); None when the name is not shared or no candidate's country is named. A town found
    by its name (`town`) also has the namesakes spelt with accents ("the Chilean port of Valparaiso":
    Valparaíso, Chile, not Valparaiso, Indiana)."""
    others = place_alternatives().get(name, ())
    if town is not None:
        others += tuple(
            t for t in towns_named(name) if t.country != town.country and t.population >= _NAMESAKE
        )
    first = town or place_lexicon().get(name)
    if not others or first is None:
        return None
    named = {
        found.country
        for token in _TOKEN.findall(text)
        if (found := actor_lexicon().get(token)) is not None and found.kind in ("country", "demonym")
    }
    return next((c for c in (first, *others) if c.country in named), None)
