"""Word forms for the dictionaries' verbs and nouns: lemminflect (chosen) and two rule sets it was measured
against (PETRARCH's own and a fuller regular one); the measurement itself."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Final

from lemminflect import getAllInflections, getAllInflectionsOOV, getInflection, getLemma

__all__ = [
    "VERB_TAGS",
    "InflectionScore",
    "NounMeasure",
    "VerbMeasure",
    "measure_nouns",
    "measure_verbs",
    "noun_head",
    "noun_plural",
    "petrarch_noun_plural",
    "petrarch_verb_forms",
    "phrase_forms",
    "rule_verb_forms",
    "verb_forms",
]

# The inflected forms of an English verb: 3rd person singular, past, past participle, gerund.
VERB_TAGS: Final = ("VBZ", "VBD", "VBN", "VBG")
_VOWELS: Final = frozenset("AEIOU")
# A noun phrase inflects on the word before its first preposition ("CHAMBER OF COMMERCE" -> CHAMBERS).
_PREPOSITIONS: Final = frozenset(
    {"OF", "FOR", "IN", "ON", "AT", "TO", "FROM", "WITH", "AGAINST", "BY", "UNDER", "WITHOUT", "WITHIN"}
    | {"OVER", "INTO", "AMONG", "BETWEEN"}
)


@functools.cache
def verb_forms(word: str) -> tuple[str, ...]:
    """lemminflect's forms of one verb (its lexicon; its rule model for the tags the lexicon lacks)."""
    lower = word.lower()
    known: dict[str, tuple[str, ...]] = dict(getAllInflections(lower, upos="VERB"))
    if any(tag not in known for tag in VERB_TAGS):
        for tag, forms in getAllInflectionsOOV(lower, upos="VERB").items():
            known.setdefault(tag, forms)
    found = {form.upper() for tag in VERB_TAGS for form in known.get(tag, ())}
    return tuple(sorted(found - {word}))


def _doubles(word: str) -> bool:
    """Whether a regular ending doubles the final consonant (STOP -> STOPPED): one vowel group ending in
    one vowel and one consonant other than W, X, Y."""
    groups = re.findall(r"[AEIOU]+", word)
    return (
        len(groups) == 1
        and len(word) >= 3
        and word[-1] not in _VOWELS
        and word[-1] not in "WXY"
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    )


def rule_verb_forms(word: str) -> tuple[str, ...]:
    """The regular forms by spelling rules alone: -(E)S, -(E)D and -ING with Y -> I, silent E dropped
    and a final consonant doubled after one short vowel."""
    if word.endswith(("S", "X", "Z", "CH", "SH")) or (word.endswith("O") and word[-2:-1] not in _VOWELS):
        third = word + "ES"
    elif word.endswith("Y") and word[-2:-1] not in _VOWELS:
        third = word[:-1] + "IES"
    else:
        third = word + "S"
    if word.endswith("E"):
        past = word + "D"
    elif word.endswith("Y") and word[-2:-1] not in _VOWELS:
        past = word[:-1] + "IED"
    elif _doubles(word):
        past = word + word[-1] + "ED"
    else:
        past = word + "ED"
    if word.endswith("IE"):
        gerund = word[:-2] + "YING"
    elif word.endswith("E") and not word.endswith(("EE", "YE", "OE")):
        gerund = word[:-1] + "ING"
    elif _doubles(word):
        gerund = word + word[-1] + "ING"
    else:
        gerund = word + "ING"
    return tuple(sorted({third, past, gerund}))


def petrarch_verb_forms(word: str) -> tuple[str, ...]:
    """The forms PETRARCH2 itself generates for a verb without {...} (its reader's rule)."""
    third = (
        word + "ES"
        if word.endswith(("S", "X", "Z"))
        else word[:-1] + "IES"
        if word.endswith("Y")
        else word + "S"
    )
    past = word + "D" if word.endswith("E") else word + "ED"
    gerund = word[:-1] + "ING" if word.endswith("E") and word[-2:-1] not in _VOWELS else word + "ING"
    return tuple(sorted({third, past, gerund}))


def phrase_forms(words: list[str], head: int, forms: Iterable[str]) -> list[str]:
    """Forms of a multi-word phrase: the head word replaced by each of its forms."""
    return [" ".join([*words[:head], form, *words[head + 1 :]]) for form in forms]


def noun_head(words: list[str]) -> int:
    """The word a noun phrase inflects on: the last before its first preposition, else the last."""
    for i, word in enumerate(words[1:], start=1):
        if word in _PREPOSITIONS:
            return i - 1
    return len(words) - 1


def noun_plural(phrase: str) -> str | None:
    """The plural of a noun phrase on its head word (lemminflect), or None where the head is already
    plural or has no other plural form ("POLICE")."""
    words = phrase.split(" ")
    head = noun_head(words)
    word = words[head].lower()
    if not word.isascii() or not re.fullmatch(r"[a-z][a-z'-]*", word):
        return None
    if getLemma(word, upos="NOUN")[0] != word:  # already inflected: "ACTIVISTS"
        return None
    if not getAllInflections(word, upos="NOUN") and word.endswith("man"):
        plural = word[:-3].upper() + "MEN"  # compounds outside its lexicon: LAWMAN, HITMAN
    else:
        plural = (getInflection(word, tag="NNS") or (word,))[0].upper()
    if plural == words[head]:
        return None
    return " ".join([*words[:head], plural, *words[head + 1 :]])


def petrarch_noun_plural(phrase: str) -> str:
    """PETRARCH2's agent plural: Y -> IES, S -> SES, else S, at the end of the phrase."""
    if phrase.endswith("Y"):
        return phrase[:-1] + "IES"
    if phrase.endswith("S"):
        return phrase + "ES"
    return phrase + "S"


@dataclass(frozen=True, slots=True)
class InflectionScore:
    """How well a method's forms cover the forms the dictionary itself lists."""

    method: str
    covered: int
    listed: int
    verbs_complete: int  # verbs all of whose listed forms the method produces
    verbs: int

    @property
    def coverage(self) -> float:
        return self.covered / self.listed if self.listed else 0.0


@dataclass(frozen=True, slots=True)
class VerbMeasure:
    scores: tuple[InflectionScore, ...]
    regular_verbs: int
    rules_agree: int  # regular verbs with the same forms by the rule set as by lemminflect
    petrarch_agrees: int
    added_to_listed: int  # forms lemminflect makes that a verb's {...} does not list


@dataclass(frozen=True, slots=True)
class NounMeasure:
    listed: int  # agents whose plural the dictionary writes out in {...}
    lemminflect: int  # of them, the plural noun_plural makes
    petrarch: int  # the plural PETRARCH's rule makes


def measure_nouns(listed: Mapping[str, str]) -> NounMeasure:
    """Both plural methods against the plurals the agents dictionary writes out."""
    return NounMeasure(
        listed=len(listed),
        lemminflect=sum(noun_plural(phrase) == plural for phrase, plural in listed.items()),
        petrarch=sum(petrarch_noun_plural(phrase) == plural for phrase, plural in listed.items()),
    )


def measure_verbs(listed: Mapping[str, frozenset[str]], regular: Iterable[str]) -> VerbMeasure:
    """Score each method on the verbs whose forms the dictionary lists ({...}), and the agreement of the
    rule set with lemminflect on the verbs it lists none for (the regular ones)."""
    methods: dict[str, Callable[[str], tuple[str, ...]]] = {
        "lemminflect": verb_forms,
        "rules": rule_verb_forms,
        "petrarch": petrarch_verb_forms,
    }
    scores = []
    for name, method in methods.items():
        covered = complete = 0
        for word, forms in listed.items():
            made = {word, *method(word)}  # the lemma itself is always matched
            covered += len(forms & made)
            complete += forms <= made
        scores.append(InflectionScore(name, covered, sum(map(len, listed.values())), complete, len(listed)))
    words = sorted(set(regular))
    return VerbMeasure(
        scores=tuple(scores),
        regular_verbs=len(words),
        rules_agree=sum(set(rule_verb_forms(w)) == set(verb_forms(w)) for w in words),
        petrarch_agrees=sum(set(petrarch_verb_forms(w)) == set(verb_forms(w)) for w in words),
        added_to_listed=sum(len(set(verb_forms(w)) - forms - {w}) for w, forms in listed.items()),
    )
