"""The PETRARCH2/Phoenix dictionaries (source/) converted to the coder's rule data (data/*.jsonl).

Rebuild with `make rules` (or `python -m stream.extract.rules.convert`); `--check` only compares. One
pure function per dictionary format; every repair or dropped line is counted in data/REPORT.txt.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import orjson
from pydantic import BaseModel, ValidationError

from stream.extract.rules import inflect
from stream.extract.rules.codes import parse_actor_code
from stream.extract.rules.models import (
    CAMEO_SECTORS,
    Actor,
    Agent,
    Element,
    Pattern,
    Role,
    Synset,
    SynsetMember,
    Transformation,
    Verb,
)

__all__ = [
    "DATA_FILES",
    "AgentDictionary",
    "Issues",
    "VerbDictionary",
    "build",
    "main",
    "parse_actor_dictionary",
    "parse_agent_dictionary",
    "parse_date",
    "parse_event_code",
    "parse_role",
    "parse_verb_dictionary",
]

PACKAGE: Final = Path(__file__).parent
SOURCE: Final = PACKAGE / "source"
DATA: Final = PACKAGE / "data"

# Output file -> the source file it is derived from.
DATA_FILES: Final = {
    "agents.jsonl": "Phoenix.agents.txt",
    "countries.jsonl": "Phoenix.Countries.actors.txt",
    "international.jsonl": "Phoenix.International.actors.txt",
    "nonstate.jsonl": "Phoenix.MilNonState.actors.txt",
    "verbs.jsonl": "CAMEO.2.0.txt",
    "patterns.jsonl": "CAMEO.2.0.txt",
    "synsets.jsonl": "CAMEO.2.0.txt",
    "transformations.jsonl": "CAMEO.2.0.txt",
}

# Typing slips in the source fixed here, each by the exact text of its brackets (everything else is
# parsed by rule; what cannot be is dropped and counted in data/REPORT.txt).
_REPAIRS: Final = {
    "080!": "080",  # CAMEO.2.0.txt, BACK: "- * DOWN (FROM) [080!]"
    # Ban Ki-moon, foreign minister from 17 Jan 2004: a digit short.
    "KORGOVBUS 2004017-20061201": "KORGOVBUS 20040117-20061201",
    # Armenia's declaration of sovereignty, 23 Aug 1990, where USRARM ends: a digit doubled.
    "ARMUNR 9008223-911221": "ARMUNR 900823-911221",
    # David Cameron, prime minister from 11 May 2010: a digit doubled.
    "GBRGOV >201005011": "GBRGOV >20100511",
    # Kamal Ganzouri's second term as prime minister, 7 Dec 2011 to 2 Aug 2012: the year slipped.
    "EGYGOV 20121207-20120802": "EGYGOV 20111207-20120802",
}
# Two-digit years up to this are 20YY, later ones 19YY (PETRARCH's and TABARI's rule). The files use
# 00-14 and 31-99 only and write earlier centuries in full (19270101), so no date is ambiguous.
_PIVOT: Final = 30


@dataclass
class Issues:
    """What the conversion repaired or dropped: reason -> source line numbers."""

    found: dict[str, list[int]] = field(default_factory=dict)

    def add(self, reason: str, line: int) -> None:
        self.found.setdefault(reason, []).append(line)

    def lines(self) -> list[str]:
        out = []
        for reason, where in sorted(self.found.items()):
            shown = ", ".join(map(str, where[:5])) + (", ..." if len(where) > 5 else "")
            out.append(f"  {len(where):5d}  {reason} (lines {shown})")
        return out


def _content(raw: str) -> str:
    """A line without its comment: '#' anywhere, or the legacy ';'."""
    return raw.split("#", 1)[0].split(";", 1)[0].rstrip()


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, content) of the lines that hold anything."""
    for number, raw in enumerate(text.splitlines(), start=1):
        content = _content(raw)
        if content.strip():
            yield number, content


def _phrase(text: str) -> str:
    """Dictionary words ("FOREIGN_MINISTER_", "CARLOS SANTOS_CRUZ") as one upper-case phrase."""
    return " ".join(text.replace("_", " ").split()).upper()


# ---- codes and dates ----


def parse_event_code(text: str) -> tuple[str, str]:
    """A verb or pattern code "[a:b]" as (active, passive); a side left empty is the null code "---"."""
    text = _REPAIRS.get(text.strip(), text.strip())
    active, colon, passive = text.partition(":")
    active, passive = active.strip() or "---", (passive.strip() if colon else active.strip()) or "---"
    for code in (active, passive):
        if not re.fullmatch(r"\d{3,4}|---", code):
            raise ValueError(f"not a CAMEO event code: {text!r}")
    return active, passive


def parse_date(token: str) -> dt.date:
    """YYMMDD (the century by the pivot) or YYYYMMDD; a doubled century (1920030320) is read once."""
    if len(token) == 10 and token[:2] in ("19", "20") and token[2:4] in ("19", "20"):
        token = token[2:]
    if len(token) == 6:
        year = int(token[:2])
        token = f"{2000 + year if year <= _PIVOT else 1900 + year}{token[2:]}"
    if not re.fullmatch(r"\d{8}", token):
        raise ValueError("not a date")
    return dt.date(int(token[:4]), int(token[4:6]), int(token[6:8]))


def parse_role(text: str) -> Role | None:
    """One bracketed restriction, "USAGOV 450703-470121", "AFGGOV >011222", "ELI": None for "---"."""
    text = " ".join(text.split())
    code, _, dates = _REPAIRS.get(text, text).partition(" ")
    if code == "---":
        return None
    dates = "".join(dates.split())
    since = until = None
    if dates.startswith("<"):
        until = parse_date(dates[1:])
    elif dates.startswith(">"):
        since = parse_date(dates[1:])
    elif "-" in dates:
        start, end = dates.split("-")
        since, until = parse_date(start), parse_date(end)
    elif dates:  # a bare date: from then on ("[MNEGOV 20121204]")
        since = parse_date(dates)
    if since is not None and until is not None and since > until:
        raise ValueError("a role that starts after it ends")
    parsed = parse_actor_code(code)
    return Role(
        code=code,
        country=parsed.country,
        group=parsed.group,
        sectors=parsed.sectors,
        other=parsed.other,
        since=since,
        until=until,
    )


# ---- actors ----


@dataclass
class _Record:
    line: int
    last: int = 0  # the record's last line so far
    names: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    null_default: bool = False
    coded: bool = False  # any bracketed code, kept or dropped


def _continues(record: _Record, line: int, text: str) -> bool:
    """A record of bare names (no code, not even [---]) goes on when the very next line is a name
    without a code of its own (its codes follow on indented lines, as people's do)."""
    return not record.coded and line == record.last + 1 and "[" not in text


_BRACKETS: Final = re.compile(r"\[([^\]]*)\]")


def _add_roles(record: _Record, text: str, line: int, issues: Issues) -> None:
    for group in _BRACKETS.findall(text):
        record.coded = True
        try:
            role = parse_role(group)
        except ValueError as error:
            issues.add(f"role dropped, {error}", line)
            continue
        if role is None:
            record.null_default = True
        else:
            record.roles.append(role)


def _add_names(record: _Record, text: str) -> None:
    # A '+' inside a name separates two synonyms ("...AL_ISLAMI+_ISLAMIC_ADEN_ARMY_").
    for part in text.split("+"):
        name = _phrase(part)
        if name and name not in record.names:
            record.names.append(name)


def _actor(record: _Record, issues: Issues) -> Actor | None:
    if not record.roles:
        issues.add("actor without a code dropped (PETRARCH codes it null)", record.line)
        return None
    if record.null_default:
        issues.add("undated [---] dropped: the same as no default", record.line)
    try:
        return Actor(names=tuple(record.names), roles=tuple(record.roles), line=record.line)
    except ValidationError as error:
        issues.add(f"actor dropped, {error.errors()[0]['msg']}", record.line)
        return None


def parse_actor_dictionary(text: str) -> tuple[list[Actor], Issues]:
    """An actors file: a primary name (optionally with codes), '+' synonyms, then tab-indented
    bracketed codes with optional dates, as PETRARCH reads them; codes on the name lines too."""
    issues = Issues()
    actors: list[Actor] = []
    record: _Record | None = None
    for line, content in _lines(text):
        stripped = content.strip()
        # An indented name continues the actor like a '+' synonym ("\tJOHN_MCCLOY_\t[IGO...]").
        indented = content[:1].isspace() and not stripped.startswith("[")
        if stripped.startswith(("[", "+")) or indented:
            if record is None:
                issues.add("code or synonym before any actor dropped", line)
                continue
            if not stripped.startswith("["):
                _add_names(record, _BRACKETS.split(stripped.lstrip("+"))[0])
            if indented:
                issues.add("indented name read as a synonym", line)
            _add_roles(record, stripped, line, issues)
            record.last = line
            continue
        if record is not None and _continues(record, line, stripped):
            # Name lines with no '+' and no code right above a name: one actor (GORBACHEV's synonyms).
            issues.add("name line without '+' joined to the bare names above it", line)
            _add_names(record, stripped.split("[", 1)[0])
            _add_roles(record, stripped, line, issues)
            record.last = line
            continue
        if record is not None and (actor := _actor(record, issues)) is not None:
            actors.append(actor)
        record = _Record(line, last=line)
        _add_names(record, stripped.split("[", 1)[0])
        _add_roles(record, stripped, line, issues)
    if record is not None and (actor := _actor(record, issues)) is not None:
        actors.append(actor)
    return actors, issues


# ---- agents ----


def _connected(text: str) -> tuple[str, tuple[int, ...]]:
    """Agent words and the word positions followed by a blank (other words may come between)."""
    words: list[str] = []
    gaps: list[int] = []
    for chunk in text.strip().split():
        parts = [p for p in chunk.split("_") if p]
        if words and parts:
            gaps.append(len(words) - 1)
        words.extend(part.upper() for part in parts)
    return " ".join(words), tuple(gaps)


def _agent_code(code: str) -> tuple[tuple[str, ...], str] | None:
    """ "~GOVMED" -> ((GOV, MED), suffix); "NGO~" -> ((NGO,), prefix); None if not well formed."""
    attach = "suffix" if code.startswith("~") else "prefix" if code.endswith("~") else ""
    letters = code.strip("~")
    blocks = tuple(letters[i : i + 3] for i in range(0, len(letters), 3))
    if not attach or not letters or len(letters) % 3 or any(b not in CAMEO_SECTORS for b in blocks):
        return None
    return blocks, attach


def _agent_rows(phrase_text: str, plural_text: str | None, code: str, line: int) -> list[Agent]:
    parsed = _agent_code(code)
    if parsed is None:
        raise ValueError(f"agent code {code!r}")
    codes, attach = parsed
    phrase, gaps = _connected(phrase_text)
    if plural_text is None:
        made = inflect.noun_plural(phrase)
        plurals: tuple[str, ...] = (made,) if made else ()
    else:
        plurals = tuple(p for p in [_connected(plural_text)[0]] if p)
    row = {"phrase": phrase, "plurals": plurals, "codes": codes, "attach": attach, "gaps": gaps, "line": line}
    return [Agent.model_validate(row)]


@dataclass
class AgentDictionary:
    agents: list[Agent] = field(default_factory=list)
    issues: Issues = field(default_factory=Issues)
    listed: dict[str, str] = field(default_factory=dict)  # plurals written out, for the measurement


def parse_agent_dictionary(text: str) -> AgentDictionary:
    """The agents file: "PHRASE {plural} [~CODE]"; "!SET! = A, B" substitution sets, each member put
    in the phrase's place as a phrase of its own, with no plural formed (PETRARCH's rule)."""
    found = AgentDictionary()
    agents, issues = found.agents, found.issues
    markers: dict[str, list[str]] = {}
    for line, content in _lines(text):
        if (definition := re.fullmatch(r"\s*!(\w+)!\s*=(.*)", content)) is not None:
            markers[definition.group(1)] = [m.strip() for m in definition.group(2).split(",") if m.strip()]
            continue
        entry = re.fullmatch(r"([^\[{]*?)\s*(?:\{([^}]*)\})?\s*\[([^\]]*)\]\s*", content)
        if entry is None:
            issues.add("agent line without a code dropped (PETRARCH skips it)", line)
            continue
        phrase, plural, code = entry.group(1), entry.group(2), entry.group(3).strip()
        marker = re.search(r"!(\w+)!", phrase)
        try:
            if marker is None:
                agents.extend(_agent_rows(phrase, plural, code, line))
                if plural and plural.strip():
                    found.listed[_connected(phrase)[0]] = _connected(plural)[0]
                continue
            for member in markers[marker.group(1)]:
                agents.extend(_agent_rows(phrase.replace(marker.group(0), member), "", code, line))
        except (KeyError, ValueError, ValidationError) as error:
            issues.add(f"agent dropped: {type(error).__name__} {str(error).splitlines()[0][:60]}", line)
    return found


# ---- verbs ----

_MARKS: Final = frozenset("$+%^")


def _tokens(text: str) -> list[str]:
    """Pattern tokens with brackets split off: "(FOR {FINANCIAL AID})" -> ( FOR { FINANCIAL AID } )."""
    out: list[str] = []
    for chunk in text.split():
        head = re.match(r"[({]*", chunk)
        tail = re.search(r"[)}]*$", chunk)
        assert head is not None and tail is not None
        core = chunk[head.end() : tail.start()] if tail.start() >= head.end() else ""
        out.extend([*head.group(0), *([core] if core else []), *tail.group(0)])
    return out


def _word_elements(token: str, synsets: set[str]) -> list[Element]:
    if token in _MARKS:
        return [Element.model_validate({"mark": token})]
    if token.startswith("&"):  # a synset name, underscores and all ("&FIGHT_OF_WORDS")
        name = token[1:].rstrip("_")
        if name not in synsets:
            raise ValueError(f"undefined synset &{name}")
        return [Element(syn=name)]
    parts = [p for p in token.split("_") if p]
    if all(not p.startswith("&") and p not in _MARKS for p in parts):
        return [Element(w=" ".join(parts))]  # words joined by "_" must be consecutive
    out: list[Element] = []
    for part in parts:
        if part.startswith("&"):
            name = part[1:].rstrip("_")
            if name not in synsets:
                raise ValueError(f"undefined synset &{name}")
            out.append(Element(syn=name))
        else:
            out.extend(_word_elements(part, synsets))
    return out


def _elements(tokens: list[str], synsets: set[str], close: str = "") -> list[Element]:
    """Parse tokens (consumed from the front) up to the closing bracket `close`."""
    out: list[Element] = []
    while tokens:
        token = tokens.pop(0)
        if token == close:
            return out
        if token in ")}":
            raise ValueError(f"unbalanced {token}")
        if token == "{":
            out.append(Element(np=tuple(_elements(tokens, synsets, "}"))))
        elif token == "(":
            if not tokens or tokens[0] in "(){}":
                raise ValueError("a prepositional phrase without its preposition")
            prep = tokens.pop(0)
            out.append(Element(pp=_phrase(prep), of=tuple(_elements(tokens, synsets, ")"))))
        else:
            out.extend(_word_elements(token, synsets))
    if close:
        raise ValueError(f"unclosed {'(' if close == ')' else '{'}")
    return out


def _alternatives(body: str) -> list[str]:
    """A pattern with "A/B" words as the patterns it stands for (PETRARCH skips such legacy lines)."""
    tokens = _tokens(body)
    choices = [token.split("/") if "/" in token else [token] for token in tokens]
    return [" ".join(choice) for choice in itertools.product(*choices)]


def _patterns(block: str, content: str, line: int, synsets: set[str], issues: Issues) -> list[Pattern]:
    found = re.fullmatch(r"-(.*)\[([^\]]*)\]\s*", content)
    if found is None:
        issues.add("pattern without a code dropped", line)
        return []
    active, passive = parse_event_code(found.group(2))
    body = re.sub(r"_?\*_?", " * ", found.group(1))
    if body != found.group(1).replace("*", " * "):
        issues.add("pattern word joined to the verb by '_' read as separate", line)
    out = []
    variants = _alternatives(body)
    if len(variants) > 1:
        issues.add("pattern with A/B alternatives expanded into one pattern each", line)
    for variant in variants:
        pre, star, post = variant.partition("*")
        if not star or "*" in post:
            issues.add("pattern without exactly one verb '*' dropped", line)
            return []
        try:
            before, after = _elements(_tokens(pre), synsets), _elements(_tokens(post), synsets)
        except ValueError as error:
            issues.add(f"pattern dropped: {error}", line)
            return []
        row = Pattern(
            block=block, pre=tuple(before), post=tuple(after), active=active, passive=passive, line=line
        )
        out.append(row)
    return out


@dataclass
class VerbDictionary:
    synsets: list[Synset] = field(default_factory=list)
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)
    transformations: list[Transformation] = field(default_factory=list)
    issues: Issues = field(default_factory=Issues)
    # The forms the dictionary lists, for the inflection measurement: single-word verb -> forms.
    listed: dict[str, frozenset[str]] = field(default_factory=dict)
    regular: list[str] = field(default_factory=list)


def _synset_member(text: str, plurals: bool) -> SynsetMember:
    """A synset member; a member or label ending in '_' forms no plural (PETRARCH's rule)."""
    phrase = _phrase(text)
    made = inflect.noun_plural(phrase) if plurals and not text.rstrip().endswith("_") else None
    return SynsetMember(phrase=phrase, plurals=(made,) if made else ())


def _inflected_word(words: list[str], given: list[str]) -> int | None:
    """The one word position at which every listed form of a multi-word verb differs from it."""
    if len(words) < 2:
        return None
    differing = {
        i
        for form in given
        if len(parts := form.split(" ")) == len(words)
        for i, w in enumerate(words)
        if parts[i] != w
    }
    return differing.pop() if len(differing) == 1 else None


def _verb(block: str, code: tuple[str, str], content: str, line: int, found: VerbDictionary) -> Verb:
    """A verb line: LEMMA (or multi-word "+ASK_FOR", "WIRE_+TAP") {given forms} [code]."""
    own = re.search(r"\[([^\]]*)\]", content)
    active, passive = parse_event_code(own.group(1)) if own else code
    braces = re.search(r"\{([^}]*)\}", content)
    lemma_text = re.sub(r"\[[^\]]*\]|\{[^}]*\}", " ", content).split()[0]
    words = [w for w in lemma_text.replace("+", "+_").split("_") if w]
    head = words.index("+") if "+" in words else 0
    words = [w for w in words if w != "+"]
    given = [_phrase(f.replace("+", "")) for f in braces.group(1).replace(",", " ").split()] if braces else []
    inflected = _inflected_word(words, given)
    if inflected is not None and inflected != head:
        found.issues.add("multi-word verb inflected where its listed forms do, not at its '+'", line)
        head = inflected
    if braces is None:
        made = inflect.verb_forms(words[head])
        found.regular.extend([words[head]] if len(words) == 1 else [])
    elif given:
        made = inflect.verb_forms(words[head])
        if len(words) == 1:
            found.listed[words[0]] = found.listed.get(words[0], frozenset()) | frozenset(given)
    else:
        made = ()  # "{}": the entry is already the only form ("+ANGERED_BY {}")
    lemma = " ".join(words)
    forms = sorted((set(given) | set(inflect.phrase_forms(words, head, made))) - {lemma})
    return Verb(
        lemma=lemma, head=head, block=block, active=active, passive=passive,
        forms=tuple(forms), given=tuple(given), line=line,
    )  # fmt: skip


def _transformation(content: str, line: int) -> Transformation:
    pattern, _, result = content[1:].partition("=")
    tokens = _tokens(pattern)
    return Transformation(pattern=tuple(tokens), result=tuple(result.split()), line=line)


def parse_verb_dictionary(text: str) -> VerbDictionary:
    """The verb dictionary: &SYNSET with '+' members, '--- NAME [code] ---' blocks of verbs and
    '- pre * post [code]' patterns, '~' transformations."""
    found = VerbDictionary()
    synset: tuple[str, int, list[str]] | None = None
    block, code = "", ("---", "---")
    for line, content in [*_lines(text), (0, "")]:
        if synset is not None and content.startswith("+"):
            synset[2].append(content[1:])
            continue
        if synset is not None:
            name, start, members = synset
            plurals = not name.endswith("_")
            rows = tuple(_synset_member(m, plurals) for m in members)
            found.synsets.append(Synset(name=name.rstrip("_"), members=rows, line=start))
            synset = None
        if not content:
            continue
        if content.startswith("&"):
            synset = (content[1:].strip(), line, [])
        elif header := re.match(r"---\s+(\S+)\s+\[([^\]]*)\]", content):
            block, code = header.group(1), parse_event_code(header.group(2))
        elif content.startswith("-"):
            names = {s.name for s in found.synsets}
            found.patterns.extend(_patterns(block, content, line, names, found.issues))
        elif content.startswith("~"):
            found.transformations.append(_transformation(content, line))
        else:
            found.verbs.append(_verb(block, code, content, line, found))
    return found


# ---- the whole conversion ----


def _jsonl(rows: Sequence[BaseModel]) -> bytes:
    return b"".join(orjson.dumps(row.model_dump(mode="json", exclude_defaults=True)) + b"\n" for row in rows)


def _report(
    counts: dict[str, int], issues: dict[str, Issues], verbs: VerbDictionary, agents: AgentDictionary
) -> bytes:
    out = ["Conversion report: rows written, and what was repaired or dropped (source line numbers).", ""]
    out += [f"  {rows:6d}  {name}" for name, rows in counts.items()]
    for name, found in issues.items():
        out += ["", f"{name}:", *(found.lines() or ["  nothing repaired or dropped"])]
    measured = inflect.measure_verbs(verbs.listed, verbs.regular)
    out += [
        "",
        "Verb forms: each method against the forms the dictionary lists in {...} (single-word verbs):",
    ]
    for score in measured.scores:
        out.append(
            f"  {score.method:12s} {score.covered}/{score.listed} forms ({score.coverage:.1%}),"
            f" all listed forms for {score.verbs_complete}/{score.verbs} verbs"
        )
    out += [
        f"  on the {measured.regular_verbs} verbs listed without forms, the same forms as lemminflect:"
        f" rules {measured.rules_agree}, PETRARCH's rule {measured.petrarch_agrees}",
        f"  forms lemminflect adds to the listed ones: {measured.added_to_listed}",
    ]
    nouns = inflect.measure_nouns(agents.listed)
    out += [
        "",
        f"Agent plurals: of the {nouns.listed} the dictionary writes out, lemminflect on the head word makes"
        f" {nouns.lemminflect}, PETRARCH's rule {nouns.petrarch}",
    ]
    return ("\n".join(out) + "\n").encode()


def read_license(source: Path) -> str:
    return (source / "LICENSE").read_text("utf-8")


def _notice(license_text: str) -> bytes:
    files = "\n".join(f"  {out:22s} from {name}" for out, name in DATA_FILES.items())
    text = f"""The files in this directory are derived from the PETRARCH2 / Phoenix coding dictionaries
(openeventdata/petrarch2, commit 676801cd9cb2924bbbad09f86d15c9323e7097bf, petrarch2/data/dictionaries/),
vendored unchanged in ../source/ and distributed under the MIT license below.

Derived by stream/extract/rules/convert.py (`make rules`): each dictionary entry parsed into one JSON row
validated by stream/extract/rules/models.py; names and words upper-cased, "_" and blanks both separating
words (an agent keeps where a blank lets other words come between); two-digit years up to 30 read as 20YY,
later ones as 19YY; verb forms and noun plurals added with lemminflect 0.2.3
beside the forms the dictionaries list; a few typing slips repaired and unreadable lines dropped, each
counted in REPORT.txt. The CAMEO-to-PLOVER table and the code tables in ../tables/ are the project's own.

{files}

{license_text}"""
    return text.encode()


def build(source: Path = SOURCE) -> dict[str, bytes]:
    """Every data file's content, converted from the source dictionaries."""
    read = {name: (source / name).read_text("utf-8") for name in set(DATA_FILES.values())}
    verbs = parse_verb_dictionary(read["CAMEO.2.0.txt"])
    agents = parse_agent_dictionary(read["Phoenix.agents.txt"])
    actors = {
        out: parse_actor_dictionary(read[DATA_FILES[out]])
        for out in ("countries.jsonl", "international.jsonl", "nonstate.jsonl")
    }
    rows: dict[str, Sequence[BaseModel]] = {
        "agents.jsonl": agents.agents,
        **{out: found for out, (found, _issues) in actors.items()},
        "verbs.jsonl": verbs.verbs,
        "patterns.jsonl": verbs.patterns,
        "synsets.jsonl": verbs.synsets,
        "transformations.jsonl": verbs.transformations,
    }
    issues = {
        "CAMEO.2.0.txt": verbs.issues,
        "Phoenix.agents.txt": agents.issues,
        **{DATA_FILES[out]: found for out, (_rows, found) in actors.items()},
    }
    outputs = {name: _jsonl(found) for name, found in rows.items()}
    counts = {name: len(found) for name, found in rows.items()}
    outputs["REPORT.txt"] = _report(counts, issues, verbs, agents)
    outputs["NOTICE"] = _notice(read_license(source))
    return outputs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m stream.extract.rules.convert", description=__doc__)
    parser.add_argument("--check", action="store_true", help="compare with data/ instead of writing it")
    args = parser.parse_args(argv)
    outputs = build()
    if args.check:
        stale = [name for name, content in outputs.items() if _read(DATA / name) != content]
        for name in stale:
            print(f"{DATA / name} differs from the converter's output: run `make rules`", file=sys.stderr)
        return 1 if stale else 0
    DATA.mkdir(exist_ok=True)
    for name, content in outputs.items():
        (DATA / name).write_bytes(content)
    print((DATA / "REPORT.txt").read_text("utf-8"), end="")
    return 0


def _read(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


if __name__ == "__main__":
    sys.exit(main())
