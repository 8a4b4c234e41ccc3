"""The CAMEO verb dictionary as triggers: verb forms found by one automaton, patterns read on a window."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Final, NamedTuple

import ahocorasick
import orjson

from stream.extract.lexicon import Trigger, trigger_start_pattern, trigger_start_prefixes
from stream.extract.rules.codes import plover_for
from stream.extract.rules.models import Element, Pattern, Synset, Verb
from stream.extract.wordforms import noun_forms, verb_forms

__all__ = [
    "Candidate",
    "DictionaryHit",
    "VerbDictionary",
    "dictionary",
    "dictionary_hits",
    "find_verb_forms",
    "find_verb_forms_pure",
    "noun_readings",
    "noun_table",
    "scan",
]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_MARKS: Final = frozenset(',;:()"!?')
# How far the words after a verb are read (PETRARCH reads the verb phrase of a parse; this is its
# bounded surface stand-in): a few words may stand before each element ("imposed new economic sanctions").
_POST_WINDOW: Final = 10
_GAP: Final = 3
_PRE_WINDOW: Final = 5
# A verb form right after these is a noun ("the attack", "its support", "of protest") or a modifier.
_NOUN_BEFORE: Final = _set(
    "the a an this that these those its their his her our my your any no every each such another "
    "of for in on at by with from into about against over after before during amid without under "
    "between among through toward towards upon via despite than"
)
# A passive auxiliary before a participle ("was expelled by"): the pattern's passive code applies.
_BE: Final = frozenset(("was", "were", "been", "being", "is", "are", "be", "get", "got", "gets", "getting"))
# A form that may be a noun ("attack", "supplies") or a gerund ("clearing") is read as a verb only after
# a subject pronoun, an auxiliary, a modal or "to"; an "-ing" form only after a form of "be".
_VERB_CONTEXT: Final = _set(
    "he she it they we i you who which that will would shall should can could may might must do "
    "does did to has have had is are was were be been not never also"
)
_PROGRESSIVE: Final = frozenset(("is", "are", "was", "were", "be", "been", "am", "not"))
# Codes read as mutual doing, as the hand triggers mark them (roles: both parties act together).
_RECIPROCAL: Final = ("040", "041", "046", "06")
# Types whose verbs take an action as complement ("demanded that troops withdraw"): it folds in (hits).
_GOVERNING: Final = frozenset(("REQUEST", "AGREE", "REJECT", "THREATEN"))


class Candidate(NamedTuple):
    """A verb form found in the lowered sentence: its span and the form."""

    start: int
    end: int
    form: str


class DictionaryHit(NamedTuple):
    """A verb of the dictionary whose pattern matched: the verb's span, the matched phrase's end."""

    trigger: Trigger
    start: int
    end: int
    verb_end: int
    complement: bool  # after "to": a complement or a purpose, coded only inside a governing trigger


# ---- patterns compiled for the token window ----


@dataclass(frozen=True, slots=True)
class _Element:
    """One pattern element, read on tokens: `kind` w (words), syn (any of `alternatives`), np (the
    `parts` in order, one word between), pp (the preposition, then `parts` a few words on), mark."""

    kind: str
    alternatives: tuple[tuple[str, ...], ...] = ()
    parts: tuple[_Element, ...] = ()
    # first word -> the alternatives beginning with it (a synset has up to 115 members)
    by_first: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        grouped: dict[str, list[tuple[str, ...]]] = {}
        for words in self.alternatives:
            grouped.setdefault(words[0], []).append(words)
        self.by_first.update({first: tuple(found) for first, found in grouped.items()})


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().split(" "))


def _word_alternatives(phrase: str) -> tuple[tuple[str, ...], ...]:
    """A word as written and, for a noun of one word, its plural (item 2: lemmas, not spellings)."""
    words = _words(phrase)
    if len(words) == 1 and words[0].isalpha() and len(words[0]) > 3:
        return tuple(dict.fromkeys((words, *((form,) for form in noun_forms(words[0])))))
    return (words,)


def _compile(element: Element, synsets: dict[str, tuple[tuple[str, ...], ...]]) -> _Element:
    if element.w is not None:
        return _Element("w", _word_alternatives(element.w))
    if element.syn is not None:
        return _Element("w", synsets[element.syn])
    if element.np is not None:
        return _Element("np", parts=tuple(_compile(part, synsets) for part in element.np))
    if element.pp is not None:
        return _Element("pp", (_words(element.pp),), tuple(_compile(part, synsets) for part in element.of))
    return _Element("mark")


def _match_words(element: _Element, tokens: Sequence[str], at: int) -> int:
    if at >= len(tokens):
        return -1
    for words in element.by_first.get(tokens[at], ()):
        end = at + len(words)
        if end <= len(tokens) and (len(words) == 1 or tuple(tokens[at:end]) == words):
            return end
    return -1


def _match_element(element: _Element, tokens: Sequence[str], at: int) -> int:
    """The token index after the element matched at `at`, or -1."""
    if element.kind == "w":
        return _match_words(element, tokens, at)
    if element.kind == "np":
        return _match_sequence(element.parts, tokens, at, 1, anchored=True)
    if element.kind == "pp":
        end = _match_words(element, tokens, at)
        if end < 0 or not element.parts:
            return end
        return _match_sequence(element.parts, tokens, end, _GAP, anchored=False)
    return at


def _match_sequence(
    elements: Sequence[_Element], tokens: Sequence[str], at: int, gap: int, anchored: bool
) -> int:
    """The elements in order from `at`, up to `gap` words before each (none before the first if
    anchored); the index after the last, or -1. Greedy: the nearest match of each element."""
    position = at
    for index, element in enumerate(elements):
        if element.kind == "mark":
            continue
        reach = 0 if anchored and index == 0 else gap
        for start in range(position, min(position + reach, len(tokens) - 1) + 1):
            end = _match_element(element, tokens, start)
            if end >= 0:
                position = end
                break
        else:
            return -1
    return position


def _first_words(element: _Element) -> frozenset[str]:
    """Every word a match of the element can begin with (a quick filter before the ordered match)."""
    if element.kind == "np" and element.parts:
        return _first_words(element.parts[0])
    return frozenset(words[0] for words in element.alternatives)


def _required_words(element: _Element) -> frozenset[str]:
    """Words one of which a match of the element holds: a phrase's object rather than its preposition."""
    if element.kind == "pp":
        objects = [part for part in element.parts if part.kind != "mark"]
        return _required_words(objects[0]) if objects else _first_words(element)
    if element.kind == "np":
        parts = [part for part in element.parts if part.kind != "mark"]
        return _required_words(parts[-1]) if parts else frozenset()
    return _first_words(element)


def _anchors(post: Sequence[_Element]) -> frozenset[str]:
    """The words that index a rule: those of its most telling element (all its elements must be found,
    so any one of them will do); words like "to" begin too many windows to say anything."""
    options = [_required_words(e) for e in post if e.kind != "mark"]
    options = [words for words in options if words]
    if not options:
        return frozenset()
    telling = [words for words in options if words.isdisjoint(_FUNCTION_WORDS)]
    return min(telling or options, key=len)


@dataclass(frozen=True, slots=True)
class _Rule:
    """A pattern of a verb block (or the verb's own code, with no elements), ready for the window."""

    pre: tuple[_Element, ...]
    post: tuple[_Element, ...]
    active: str
    passive: str
    specificity: int
    # Words of one post element (see _anchors): one must be in the window; for a rule with no words
    # after the verb, of one pre element, in the words before it.
    anchors: frozenset[str]
    line: int


def _specificity(elements: Iterable[_Element]) -> int:
    total = 0
    for element in elements:
        if element.kind == "w":
            total += 1 + min(len(words) for words in element.alternatives)
        elif element.kind in ("np", "pp"):
            total += 1 + _specificity(element.parts) + (1 if element.kind == "pp" else 0)
    return total


def _rule(pattern: Pattern, synsets: dict[str, tuple[tuple[str, ...], ...]]) -> _Rule:
    pre = tuple(_compile(e, synsets) for e in pattern.pre)
    post = tuple(_compile(e, synsets) for e in pattern.post)
    anchors = _anchors(post) or _anchors(pre)
    return _Rule(
        pre,
        post,
        pattern.active,
        pattern.passive,
        _specificity(pre) + _specificity(post),
        anchors,
        pattern.line,
    )


# ---- the dictionary ----

# Words that name no sense of a verb on their own: a pattern made of these only ("GO FOR", "RETREAT
# FROM +") relied on PETRARCH's parse to find its target; on surface text it fires on every use.
_FUNCTION_WORDS: Final = _set(
    "to for from of in on at by with into onto over under up down out off away back about against "
    "through toward towards upon as around after before between among across along"
)
# Verbs that cancel or put off an act: CAMEO codes some of their patterns as the act itself ("CANCEL
# TOUR": 042 visit); an act called off did not happen.
_CANCELLING: Final = frozenset(("CANCEL", "DELAY"))
_CANCELLED_TYPES: Final = frozenset(("CONSULT", "AGREE", "COOPERATE", "AID", "SUPPORT"))
_BLOCKING: Final = ("no event", "cancelled", "business")


def _content_words(elements: Iterable[Element]) -> list[str]:
    words: list[str] = []
    for element in elements:
        if element.w is not None:
            words += element.w.lower().split(" ")
        elif element.syn is not None:
            words.append(element.syn)
        elif element.np is not None:
            words += _content_words(element.np)
        elif element.pp is not None:
            words += [*element.pp.lower().split(" "), *_content_words(element.of)]
    return words


def _excluded(pattern: Pattern) -> str | None:
    """Why a pattern codes nothing here (a class of the report), or None: kept."""
    types = {_emitted(pattern.active), _emitted(pattern.passive)} - {None}
    if not types:
        return "no event: its code maps to no PLOVER type (kept as a blocker)"
    if all(word in _FUNCTION_WORDS for word in _content_words((*pattern.pre, *pattern.post))):
        return "function words only (excluded: no sense without the parse's target)"
    if pattern.block in _CANCELLING and types & _CANCELLED_TYPES:
        return "cancelled: an act called off coded as the act (kept as a blocker)"
    if types == {"COOPERATE"}:
        return "business: material cooperation read from everyday trade verbs (kept as a blocker)"
    return None


def _read(name: str) -> list[bytes]:
    text = resources.files("stream.extract.rules").joinpath("data", name).read_bytes()
    return [line for line in text.splitlines() if line.strip()]


def _emitted(code: str) -> str | None:
    """The PLOVER type a CAMEO code gives, or None (the null code, statements, codes without type)."""
    if code == "---":
        return None
    row = plover_for(code)
    return row.plover if row is not None else None


def _forms(verb: Verb) -> set[str]:
    """Every spelling of a verb: the lemma, the dictionary's forms (its own and lemminflect's, built by
    `make rules`) and wordforms' (the coder's one inflector: British -ise spellings beside -ize)."""
    words = verb.lemma.lower().split(" ")
    found = {verb.lemma.lower(), *(form.lower() for form in verb.forms)}
    head = words[verb.head]
    if head.isalpha():
        found |= {" ".join([*words[: verb.head], form, *words[verb.head + 1 :]]) for form in verb_forms(head)}
    return found


class VerbDictionary:
    """The dictionary's verbs whose block can code an event the coder emits, found by one automaton."""

    def __init__(
        self,
        verbs: Iterable[Verb],
        patterns: Iterable[Pattern],
        synsets: Iterable[Synset],
        nouns: frozenset[str] = frozenset(),
        starts: Iterable[str] | None = None,
    ) -> None:
        members = {
            synset.name: tuple(
                dict.fromkeys(_words(p) for m in synset.members for p in (m.phrase, *m.plurals))
            )
            for synset in synsets
        }
        self.report: Counter[str] = Counter()
        by_block: dict[str, list[_Rule]] = {}
        for pattern in patterns:
            excluded = _excluded(pattern)
            self.report[excluded or "kept"] += 1
            if excluded is None or excluded.startswith(_BLOCKING):
                # An excluded reading still blocks less specific ones ("cancelled its tour" is no visit).
                row = (
                    pattern
                    if excluded is None
                    else pattern.model_copy(update={"active": "---", "passive": "---"})
                )
                by_block.setdefault(pattern.block, []).append(_rule(row, members))
        self.rules: dict[int, tuple[_Rule, ...]] = {}
        # verb line -> (anchor word -> the rules it may begin, the rules without anchors): the rules tried
        # for a window are those its words can begin, so cost follows the text, not the vocabulary.
        self.index: dict[int, tuple[dict[str, tuple[int, ...]], tuple[int, ...]]] = {}
        self.with_pre: set[int] = set()  # the verbs with a pattern that reads words before them
        # form -> (verb, kind): the verbs a form may be, and how it is read (see _Form).
        self.forms: dict[str, list[tuple[Verb, _Form]]] = {}
        for verb in verbs:
            self.report["verb's own code (excluded: a verb alone does not say its sense)"] += 1
            rules = sorted(by_block.get(verb.block, ()), key=lambda r: -r.specificity)
            if not any(_emitted(r.active) or _emitted(r.passive) for r in rules):
                continue  # nothing this verb can say is an event the coder emits
            self.rules[verb.line] = tuple(rules)
            self.index[verb.line] = _index(rules)
            if any(rule.pre for rule in rules):
                self.with_pre.add(verb.line)
            lemma = verb.lemma.lower()
            for form in _forms(verb):
                head = form.split(" ")[verb.head] if " " in form else form
                self.forms.setdefault(form, []).append((verb, _kind(form, head, lemma, nouns)))
        self.max_words = max((form.count(" ") + 1 for form in self.forms), default=1)
        # form -> every word its verbs' patterns can begin with, None where some pattern has no such word:
        # a sentence holding none of them needs no window for that form.
        self.anchors: dict[str, frozenset[str] | None] = {}
        for form, readings in self.forms.items():
            rules = [rule for line in {verb.line for verb, _ in readings} for rule in self.rules[line]]
            free = any(not rule.anchors for rule in rules)
            self.anchors[form] = None if free else frozenset().union(*(rule.anchors for rule in rules))
        # Keys padded with spaces, searched in a copy of the text whose marks are spaces (_spaced): every
        # match is a whole run of words, with no per-match boundary check.
        # It also finds the words rules are indexed by (value: (form or "", anchor word or "")), so one
        # pass says which of them a sentence holds.
        # And the hand triggers' start prefixes (lexicon), after a space or an apostrophe: the same pass
        # says where a hand trigger may begin (value: the prefixes as written, checked on the text).
        words = set().union(*(a for a in self.anchors.values() if a is not None))
        keys: dict[str, tuple[str, str, tuple[str, ...]]] = {
            f" {key} ": (key if key in self.forms else "", key if key in words else "", ())
            for key in set(self.forms) | words
        }
        for prefix in sorted(trigger_start_prefixes() if starts is None else starts):
            for lead in (" ", "'"):
                key = lead + prefix.translate(_SPACING)
                form, anchor, prefixes = keys.get(key, ("", "", ()))
                keys[key] = (form, anchor, (*prefixes, prefix))
        self.automaton = ahocorasick.Automaton()
        for key, value in keys.items():
            self.automaton.add_word(key, value)
        self.automaton.make_automaton()

    @classmethod
    def load(cls) -> VerbDictionary:
        return cls(
            cls.verbs(),
            (Pattern.model_validate(orjson.loads(line)) for line in _read("patterns.jsonl")),
            (Synset.model_validate(orjson.loads(line)) for line in _read("synsets.jsonl")),
            noun_table(),
        )

    @staticmethod
    def verbs() -> list[Verb]:
        return [Verb.model_validate(orjson.loads(line)) for line in _read("verbs.jsonl")]


def _index(rules: Sequence[_Rule]) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """(anchor -> rules, rules read before the verb): the second are tried when a word before it is
    one of their anchors."""
    by_anchor: dict[str, list[int]] = {}
    for i, rule in enumerate(rules):
        if _reads_post(rule):
            for anchor in rule.anchors:
                by_anchor.setdefault(anchor, []).append(i)
    before = tuple(i for i, rule in enumerate(rules) if not _reads_post(rule))
    return {anchor: tuple(found) for anchor, found in by_anchor.items()}, before


def _reads_post(rule: _Rule) -> bool:
    return any(e.kind != "mark" for e in rule.post)


class _Form(NamedTuple):
    participle: bool  # a past form: after "was", "were"... the passive code applies
    gerund: bool  # an "-ing" form: a verb only after a form of "be"
    noun: bool  # a base or "-s" form that is also a noun: a verb only in a verb's context


def _kind(form: str, head: str, lemma: str, nouns: frozenset[str]) -> _Form:
    gerund = head.endswith("ing") and form != lemma
    participle = form != lemma and not gerund and form not in _third(lemma)
    return _Form(participle, gerund, not participle and not gerund and head in nouns)


_NOUN_TABLE: Final = "verb_nouns.jsonl"
_NOUN_ROW: Final = re.compile(r"^[a-z]+(?:['-][a-z]+)*$")


def noun_table() -> frozenset[str]:
    """The verb forms that are also nouns (tables/verb_nouns.jsonl, one {"form": ...} a line)."""
    text = resources.files("stream.extract.rules").joinpath("tables", _NOUN_TABLE).read_text("utf-8")
    forms = [str(orjson.loads(line)["form"]) for line in text.splitlines() if line.strip()]
    bad = [form for form in forms if not _NOUN_ROW.match(form)]
    if bad:
        raise ValueError(f"tables/{_NOUN_TABLE}: not a lower-case word: {bad[:3]}")
    return frozenset(forms)


def noun_readings(verbs: Iterable[Verb]) -> list[str]:
    """The table's rows, rebuilt: every base or "-s" head form of a dictionary verb that lemminflect's
    lexicon (the `dev` extra) also lists as a noun ("attack", "supplies"), sorted."""
    # A build step's dependency (the dev extra), not the coder's: imported here only.
    from lemminflect import getAllLemmas

    found: set[str] = set()
    for verb in verbs:
        lemma = verb.lemma.lower()
        for form in _forms(verb):
            head = form.split(" ")[verb.head] if " " in form else form
            kind = _kind(form, head, lemma, frozenset())
            if (
                not (kind.participle or kind.gerund)
                and _NOUN_ROW.match(head)
                and getAllLemmas(head, upos="NOUN")
            ):
                found.add(head)
    return sorted(found)


def _third(lemma: str) -> set[str]:
    words = lemma.split(" ")
    return (
        {" ".join([w + "s", *words[1:]]) for w in words[:1]}
        | {" ".join([w[:-1] + "ies", *words[1:]]) for w in words[:1] if w.endswith("y")}
        | {" ".join([w + "es", *words[1:]]) for w in words[:1]}
    )


@functools.cache
def dictionary() -> VerbDictionary:
    return VerbDictionary.load()


# ---- finding forms: the automaton and the pure-Python scan give the same candidates ----

# A word for the automaton is a run of letters, digits, "_", "'" and "-"; other ASCII characters part words.
_SPACING: Final = str.maketrans({c: " " for c in map(chr, range(128)) if not (c.isalnum() or c in "_'-")})


# The same table for ASCII text as bytes: bytes.translate reads a table, str.translate a dict per call.
_ASCII_SPACING: Final = bytes(ord(_SPACING.get(b, chr(b))) if b < 128 else b for b in range(256))


def _spaced(lowered: str) -> str:
    """The text with a space for every mark and around it (offsets one more than the text's)."""
    if lowered.isascii():
        return " " + lowered.encode("ascii").translate(_ASCII_SPACING).decode("ascii") + " "
    return " " + lowered.translate(_SPACING) + " "


def find_verb_forms(lowered: str, verbs: VerbDictionary | None = None) -> list[Candidate]:
    """Dictionary verb forms that are whole words of the lowered text, by the automaton: (start, end,
    form), by start and longest first."""
    found, _ = _matches(lowered, verbs)
    return [Candidate(start, -negative_end, form) for start, negative_end, form in found]


def _matches(
    lowered: str, verbs: VerbDictionary | None = None
) -> tuple[list[tuple[int, int, str]], set[str]]:
    """(start, -end, form) of the automaton's verb forms, sorted: by start, longest first (plain tuples:
    this runs on every sentence); and the rules' index words the sentence holds."""
    found, present, _ = scan(lowered, verbs)
    return found, present


def scan(
    lowered: str, verbs: VerbDictionary | None = None
) -> tuple[list[tuple[int, int, str]], set[str], list[int]]:
    """One automaton pass: the verb forms and index words as _matches gives them, and the offsets where
    a hand trigger may begin, sorted: those of `trigger_start_pattern().finditer(lowered)`."""
    found: list[tuple[int, int, str]] = []
    present: set[str] = set()
    starts: list[int] = []
    for end, (form, anchor, prefixes) in (verbs or dictionary()).automaton.iter(_spaced(lowered)):
        if anchor:
            present.add(anchor)
        if form:
            found.append((end - len(form) - 1, 1 - end, form))
        if prefixes:
            # The key is the lead and the translated prefix: the text there must hold the prefix itself.
            start = end - len(prefixes[0])
            for prefix in prefixes:
                if lowered.startswith(prefix, start):
                    starts.append(start)
                    break
    if len(found) > 1:
        found.sort()
    if not lowered.isascii():
        # A word may start after a mark outside ASCII (kept in the spaced copy): the regex decides.
        starts = [m.start() for m in trigger_start_pattern().finditer(lowered)]
    elif len(starts) > 1:
        starts = sorted(set(starts))
    return found, present, starts


def find_verb_forms_pure(lowered: str, verbs: VerbDictionary | None = None) -> list[Candidate]:
    """The same candidates by a scan of the words and a dict of forms (no compiled matcher)."""
    verbs = verbs or dictionary()
    spaced = _spaced(lowered)
    words = [(m.start(), m.end()) for m in re.finditer(r"[^ ]+", spaced)]
    found: list[Candidate] = []
    for i, (start, _) in enumerate(words):
        for n in range(min(verbs.max_words, len(words) - i), 0, -1):
            end = words[i + n - 1][1]
            if spaced[start:end] in verbs.forms:
                found.append(Candidate(start - 1, end - 1, spaced[start:end]))
    return found


# ---- reading the patterns ----


@functools.cache
def _trigger(event_type: str, cameo: str, line: int) -> Trigger:
    """One trigger per pattern row and code, built once."""
    row = plover_for(cameo)
    mode = row.mode if row is not None else None
    reciprocal = event_type in ("CONSULT", "COOPERATE") and cameo.startswith(_RECIPROCAL)
    return Trigger(
        event_type,
        cameo,
        mode,
        f"dictionary line {line}",
        governs=event_type in _GOVERNING,
        reciprocal=reciprocal,
        dictionary=True,
    )


# The words of a window: a number with its separators is one ("5,000"); a mark ends the window.
_WINDOW_TOKEN: Final = re.compile(r"\d[\d.,]*\d|[\w'-]+|[,;:()\"!?]")
# A verb's complements stay in its clause: a new clause or a modal starts another predication ("announced
# that it will withdraw" is no withdrawal, "said they would boycott" no boycott by "said").
_CLAUSE_WORDS: Final = _set(
    "that which who whom whose whether if unless because while when where but will would shall may might "
    "could can must should"
)
_REACH: Final = 160  # characters read after a verb for its window (_POST_WINDOW words at most)
_BACK: Final = 60  # and before it


def _window(lowered: str, end: int) -> tuple[list[str], list[int]]:
    """The words after a verb up to a mark (at most _POST_WINDOW), and where each ends."""
    words: list[str] = []
    ends: list[int] = []
    for match in _WINDOW_TOKEN.finditer(lowered, end, end + _REACH):
        word = match.group()
        if word in _MARKS or word in _CLAUSE_WORDS or len(words) == _POST_WINDOW:
            break
        words.append(word)
        ends.append(match.end())
    return words, ends


def _pre_window(lowered: str, start: int) -> list[str]:
    """The words before a verb back to a mark (at most _PRE_WINDOW); a mark itself is the last word."""
    words = [m.group() for m in _WINDOW_TOKEN.finditer(lowered, max(0, start - _BACK), start)]
    for i in range(len(words) - 1, -1, -1):
        if words[i] in _MARKS:
            return words[i + 1 :][-_PRE_WINDOW:] if i < len(words) - 1 else words[i:]
    return words[-_PRE_WINDOW:]


def _pre_matches(pre: tuple[_Element, ...], window: list[str]) -> bool:
    for start in range(len(window)):
        end = _match_sequence(pre, window, start, 1, anchored=True)
        if end >= len(window) - 1:
            return True
    return False


def _read_rules(
    verbs: VerbDictionary, line: int, window: list[str], pre: list[str]
) -> tuple[_Rule, int] | None:
    """The most specific rule whose elements are found (and the window index after them)."""
    by_anchor, before = verbs.index[line]
    rules = verbs.rules[line]
    tried = {i for i in before if not rules[i].anchors or not rules[i].anchors.isdisjoint(pre)}
    for word in window:
        found = by_anchor.get(word)
        if found:
            tried.update(found)
    if not tried:
        return None
    for i in sorted(tried):
        rule = rules[i]
        end = _match_sequence(rule.post, window, 0, _GAP, anchored=False) if rule.post else 0
        if end < 0 or (rule.pre and not _pre_matches(rule.pre, pre)):
            continue
        return rule, end
    return None


def dictionary_hits(
    sentence: str,
    lowered: str,
    covered: Sequence[tuple[int, int]] = (),
    verbs: VerbDictionary | None = None,
    matches: tuple[list[tuple[int, int, str]], set[str]] | None = None,
) -> list[DictionaryHit]:
    """The dictionary's verbs in a sentence (and its lowered copy) whose best pattern codes an emitted
    event type; verbs inside `covered` spans (the hand triggers') are not read. `matches`: what
    _matches gives for the lowered sentence, where the caller's `scan` has it already."""
    verbs = verbs or dictionary()
    hits: list[DictionaryHit] = []
    done = -1
    found, words = _matches(lowered, verbs) if matches is None else matches
    for begin, negative_end, form in found:
        if begin <= done:
            continue  # a longer form at this word (a phrasal verb) was read
        done = begin
        finish = -negative_end
        read = False
        for start, end in covered:  # a loop, not any(): this runs for every candidate
            if start < finish and begin < end:
                read = True
                break
        if read:
            continue  # a hand trigger reads this verb
        anchors = verbs.anchors[form]
        if anchors is not None and anchors.isdisjoint(words):
            continue  # no pattern of this verb can begin anywhere in the sentence
        if begin and sentence[begin].isupper():
            continue  # a name ("the Song Contest")
        candidate = Candidate(begin, finish, form)
        before, previous = _previous_words(lowered, begin)
        if previous in _NOUN_BEFORE or previous.endswith(("'s", "s'")):
            continue  # a noun ("the attack", "Russia's support")
        hit = _best(verbs, candidate, lowered, (before, previous))
        if hit is not None:
            hits.append(hit._replace(complement=previous == "to"))
    return hits


def _previous_words(lowered: str, start: int) -> tuple[str, str]:
    """The two words (or marks) before a verb, nearest last ("" where there is none)."""
    words = _WINDOW_TOKEN.findall(lowered, max(0, start - 40), start)
    return (words[-2] if len(words) > 1 else ""), (words[-1] if words else "")


def _auxiliary(words: tuple[str, str]) -> str:
    """The word before a verb, past one adverb ("was strongly condemned")."""
    before, previous = words
    return before if previous.endswith("ly") else previous


def _verbal(kind: _Form, words: tuple[str, str]) -> bool:
    """Whether the form reads as a verb where it stands (see _VERB_CONTEXT)."""
    if not (kind.gerund or kind.noun):
        return True
    return _auxiliary(words) in (_PROGRESSIVE if kind.gerund else _VERB_CONTEXT)


def _best(
    verbs: VerbDictionary, candidate: Candidate, lowered: str, words: tuple[str, str]
) -> DictionaryHit | None:
    window: list[str] | None = None
    pre: list[str] | None = None
    ends: list[int] = []
    best: tuple[int, str, _Rule, int] | None = None
    for verb, kind in verbs.forms[candidate.form]:
        if not _verbal(kind, words):
            continue
        if window is None:
            window, ends = _window(lowered, candidate.end)
        if pre is None and verb.line in verbs.with_pre:
            pre = _pre_window(lowered, candidate.start)
        found = _read_rules(verbs, verb.line, window, pre or [])
        if found is None:
            continue
        rule, end = found
        code = rule.passive if kind.participle and _auxiliary(words) in _BE else rule.active
        if best is None or rule.specificity > best[0]:
            best = (rule.specificity, code, rule, end)
    if best is None:
        return None
    _, code, rule, end = best
    event_type = _emitted(code)
    if event_type is None:
        return None  # the most specific reading is no event ("demanded a divorce")
    phrase_end = ends[end - 1] if end else candidate.end
    return DictionaryHit(
        _trigger(event_type, code, rule.line), candidate.start, phrase_end, candidate.end, False
    )
