"""The CAMEO verb dictionary as triggers: verb forms found by one automaton, patterns read on a window."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Final, NamedTuple

import ahocorasick
import orjson

from stream.extract.lexicon import Trigger
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
]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# A word as the matcher reads it ("russia's", "re-admit", "5,000" is three); a mark ends a window.
_TOKEN: Final = re.compile(r"\w+(?:['-]\w+)*|[,;:()\"!?]")
_WORD_CHAR: Final = re.compile(r"\w")
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


def _match_words(alternatives: tuple[tuple[str, ...], ...], tokens: Sequence[str], at: int) -> int:
    for words in alternatives:
        end = at + len(words)
        if end <= len(tokens) and tuple(tokens[at:end]) == words:
            return end
    return -1


def _match_element(element: _Element, tokens: Sequence[str], at: int) -> int:
    """The token index after the element matched at `at`, or -1."""
    if element.kind == "w":
        return _match_words(element.alternatives, tokens, at)
    if element.kind == "np":
        return _match_sequence(element.parts, tokens, at, 1, anchored=True)
    if element.kind == "pp":
        end = _match_words(element.alternatives, tokens, at)
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


@dataclass(frozen=True, slots=True)
class _Rule:
    """A pattern of a verb block (or the verb's own code, with no elements), ready for the window."""

    pre: tuple[_Element, ...]
    post: tuple[_Element, ...]
    active: str
    passive: str
    specificity: int
    anchors: frozenset[str]  # the first words of the post elements: one must be in the window
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
    content = [e for e in post if e.kind != "mark"]
    anchors = frozenset().union(*(_first_words(e) for e in content)) if content else frozenset()
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
        # form -> (verb, kind): the verbs a form may be, and how it is read (see _Form).
        self.forms: dict[str, list[tuple[Verb, _Form]]] = {}
        for verb in verbs:
            self.report["verb's own code (excluded: a verb alone does not say its sense)"] += 1
            rules = sorted(by_block.get(verb.block, ()), key=lambda r: -r.specificity)
            if not any(_emitted(r.active) or _emitted(r.passive) for r in rules):
                continue  # nothing this verb can say is an event the coder emits
            self.rules[verb.line] = tuple(rules)
            lemma = verb.lemma.lower()
            for form in _forms(verb):
                head = form.split(" ")[verb.head] if " " in form else form
                self.forms.setdefault(form, []).append((verb, _kind(form, head, lemma, nouns)))
        self.max_words = max((form.count(" ") + 1 for form in self.forms), default=1)
        self.automaton = ahocorasick.Automaton()
        for form in self.forms:
            self.automaton.add_word(form, form)
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


def _token_start(lowered: str, at: int) -> bool:
    if at == 0:
        return True
    before = lowered[at - 1]
    if _WORD_CHAR.match(before):
        return False
    return not (before in "'-" and at >= 2 and _WORD_CHAR.match(lowered[at - 2]) is not None)


def _token_end(lowered: str, end: int) -> bool:
    if end >= len(lowered):
        return True
    after = lowered[end]
    if _WORD_CHAR.match(after):
        return False
    return not (after in "'-" and end + 1 < len(lowered) and _WORD_CHAR.match(lowered[end + 1]) is not None)


def find_verb_forms(lowered: str, verbs: VerbDictionary | None = None) -> list[Candidate]:
    """Dictionary verb forms at word boundaries, by the automaton: (start, end, form), by start and
    longest first."""
    verbs = verbs or dictionary()
    found = [
        Candidate(end + 1 - len(form), end + 1, form)
        for end, form in verbs.automaton.iter(lowered)
        if _token_start(lowered, end + 1 - len(form)) and _token_end(lowered, end + 1)
    ]
    found.sort(key=lambda c: (c.start, -c.end))
    return found


def find_verb_forms_pure(lowered: str, verbs: VerbDictionary | None = None) -> list[Candidate]:
    """The same candidates by a scan of the words and a dict of forms (no compiled matcher)."""
    verbs = verbs or dictionary()
    words = [(m.start(), m.end()) for m in re.finditer(r"\w+(?:['-]\w+)*", lowered)]
    found: list[Candidate] = []
    for i, (start, _) in enumerate(words):
        for n in range(min(verbs.max_words, len(words) - i), 0, -1):
            text = lowered[start : words[i + n - 1][1]]
            if text in verbs.forms:
                found.append(Candidate(start, words[i + n - 1][1], text))
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


def _window(tokens: list[str], after: int) -> list[str]:
    window: list[str] = []
    for token in tokens[after : after + _POST_WINDOW]:
        if token in _MARKS:
            break
        window.append(token)
    return window


def _pre_window(tokens: list[str], before: int) -> list[str]:
    window: list[str] = []
    for token in reversed(tokens[max(0, before - _PRE_WINDOW) : before]):
        if token in _MARKS:
            break
        window.append(token)
    window.reverse()
    return window


def _pre_matches(pre: tuple[_Element, ...], window: list[str]) -> bool:
    for start in range(len(window)):
        end = _match_sequence(pre, window, start, 1, anchored=True)
        if end >= len(window) - 1:
            return True
    return False


def _read_rules(
    rules: tuple[_Rule, ...], window: list[str], pre: list[str], passive: bool
) -> tuple[_Rule, int] | None:
    """The most specific rule whose elements are found (and the window index after them)."""
    present = frozenset(window)
    for rule in rules:
        if rule.anchors and not (rule.anchors & present):
            continue
        end = _match_sequence(rule.post, window, 0, _GAP, anchored=False) if rule.post else 0
        if end < 0 or (rule.pre and not _pre_matches(rule.pre, pre)):
            continue
        return rule, end
    return None


def dictionary_hits(sentence: str, lowered: str, verbs: VerbDictionary | None = None) -> list[DictionaryHit]:
    """The dictionary's verbs in a sentence (and its lowered copy) whose best pattern codes an emitted
    event type."""
    verbs = verbs or dictionary()
    candidates = find_verb_forms(lowered, verbs)
    if not candidates:
        return []
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(lowered)]
    tokens = [lowered[a:b] for a, b in spans]
    index = {start: i for i, (start, _) in enumerate(spans)}
    hits: list[DictionaryHit] = []
    done = -1
    for candidate in candidates:
        if candidate.start <= done:
            continue  # a longer form at this word (a phrasal verb) was read
        at = index.get(candidate.start)
        if at is None:
            continue
        done = candidate.start
        previous = tokens[at - 1] if at else ""
        if (
            previous in _NOUN_BEFORE
            or previous.endswith(("'s", "s'"))
            or (at and sentence[candidate.start].isupper())
        ):
            continue  # a noun ("the attack", "Russia's support") or a name ("the Song Contest")
        after = at + candidate.form.count(" ") + 1
        hit = _best(verbs, candidate, tokens, spans, at, after)
        if hit is not None:
            hits.append(hit._replace(complement=previous == "to"))
    return hits


def _verbal(kind: _Form, tokens: list[str], at: int) -> bool:
    """Whether the form reads as a verb where it stands (see _VERB_CONTEXT)."""
    if not (kind.gerund or kind.noun):
        return True
    before = at - 1
    if before >= 0 and tokens[before].endswith("ly"):
        before -= 1
    previous = tokens[before] if before >= 0 else ""
    return previous in (_PROGRESSIVE if kind.gerund else _VERB_CONTEXT)


def _passive_at(tokens: list[str], at: int) -> bool:
    before = at - 1
    if before >= 0 and tokens[before].endswith("ly"):
        before -= 1
    return before >= 0 and tokens[before] in _BE


def _best(
    verbs: VerbDictionary,
    candidate: Candidate,
    tokens: list[str],
    spans: list[tuple[int, int]],
    at: int,
    after: int,
) -> DictionaryHit | None:
    window = _window(tokens, after)
    pre = _pre_window(tokens, at)
    best: tuple[int, str, _Rule, int] | None = None
    for verb, kind in verbs.forms[candidate.form]:
        if not _verbal(kind, tokens, at):
            continue
        passive = kind.participle and _passive_at(tokens, at)
        found = _read_rules(verbs.rules[verb.line], window, pre, passive)
        if found is None:
            continue
        rule, end = found
        code = rule.passive if passive else rule.active
        if best is None or rule.specificity > best[0]:
            best = (rule.specificity, code, rule, end)
    if best is None:
        return None
    _, code, rule, end = best
    event_type = _emitted(code)
    if event_type is None:
        return None  # the most specific reading is no event ("demanded a divorce")
    phrase_end = spans[after + end - 1][1] if end else candidate.end
    return DictionaryHit(
        _trigger(event_type, code, rule.line), candidate.start, phrase_end, candidate.end, False
    )
