"""Word forms for the lexicon's lemmas: every inflection of a verb, the plural of a noun, by English
spelling rules and a table of irregular verbs (measured against lemminflect and the CAMEO dictionary's
listed forms: tests/unit/extract/test_wordforms.py)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any, Final

__all__ = ["expand_lemmas", "irregular_past_forms", "noun_forms", "trie_alternation", "verb_forms"]

_VOWELS: Final = frozenset("aeiou")
# Irregular verbs: lemma, past, past participle ("|" between variants). Verbs built on one ("withdraw",
# "overrun", "uphold") inflect as it does (see _irregular).
_IRREGULAR_TABLE: Final = """
arise arose arisen; awake awoke awoken; be was|were been; bear bore borne|born; beat beat beaten; become
became become; begin began begun; bend bent bent; bet bet bet; bid bid bid; bind bound bound; bite bit
bitten; bleed bled bled; blow blew blown; break broke broken; breed bred bred; bring brought brought;
broadcast broadcast broadcast; build built built; burn burned|burnt burned|burnt; burst burst burst; buy
bought bought; cast cast cast; catch caught caught; choose chose chosen; cling clung clung; come came come;
cost cost cost; creep crept crept; cut cut cut; deal dealt dealt; dig dug dug; do did done; draw drew drawn;
dream dreamed|dreamt dreamed|dreamt; drink drank drunk; drive drove driven; eat ate eaten; fall fell fallen;
feed fed fed; feel felt felt; fight fought fought; find found found; flee fled fled; fling flung flung; fly
flew flown; forbid forbade|forbid forbidden; forecast forecast forecast; forget forgot forgotten; forgive
forgave forgiven; forsake forsook forsaken; freeze froze frozen; get got got|gotten; give gave given; go
went gone; grind ground ground; grow grew grown; hang hung|hanged hung|hanged; have had had; hear heard
heard; hide hid hidden; hit hit hit; hold held held; hurt hurt hurt; keep kept kept; kneel knelt|kneeled
knelt|kneeled; know knew known; lay laid laid; lead led led; lean leaned|leant leaned|leant; leap
leaped|leapt leaped|leapt; learn learned|learnt learned|learnt; leave left left; lend lent lent; let let
let; lie lay lain; light lit|lighted lit|lighted; lose lost lost; make made made; mean meant meant; meet met
met; pay paid paid; plead pleaded|pled pleaded|pled; prove proved proved|proven; put put put; quit
quit|quitted quit|quitted; read read read; rid rid rid; ride rode ridden; ring rang rung; rise rose risen;
repay repaid repaid; run ran run; say said said; see saw seen; seek sought sought; sell sold sold; send sent
sent; set set set; sew sewed sewn|sewed; shake shook shaken; shed shed shed; shine shone shone; shoot shot
shot; show showed shown|showed; shrink shrank shrunk; shut shut shut; sing sang sung; sink sank sunk; sit
sat sat; slay slew slain; sleep slept slept; slide slid slid; sling slung slung; slit slit slit; speak spoke
spoken; speed sped|speeded sped|speeded; spend spent spent; spill spilled|spilt spilled|spilt; spin spun
spun; spit spat|spit spat|spit; split split split; spoil spoiled|spoilt spoiled|spoilt; spread spread
spread; spring sprang sprung; stand stood stood; steal stole stolen; stick stuck stuck; sting stung stung;
stink stank stunk; strike struck struck|stricken; string strung strung; strive strove|strived
striven|strived; swear swore sworn; sweep swept swept; swell swelled swollen|swelled; swim swam swum; swing
swung swung; take took taken; teach taught taught; tear tore torn; tell told told; think thought thought;
throw threw thrown; thrust thrust thrust; tread trod trodden; wake woke woken; wear wore worn; weave wove
woven; weep wept wept; win won won; wind wound wound; wring wrung wrung; write wrote written
"""
# Prefixes of verbs built on an irregular one: "withdraw" inflects as "draw", "overrun" as "run".
_IRREGULAR_PREFIXES: Final = ("with", "over", "under", "up", "out", "mis", "fore", "re", "un", "be")
# Verbs of two or more syllables stressed on the last, whose final consonant doubles ("expelled",
# "permitted"): stress is not written, so they are listed. A final vowel + "l" doubles in British
# spelling and not in American ("cancelled", "canceled"): both forms are made.
_DOUBLING: Final = frozenset(
    {
        "abet", "abhor", "acquit", "admit", "allot", "annul", "aver", "begin", "commit", "compel", "confer",
        "control", "concur", "defer", "deter", "dispel", "eavesdrop", "embed", "emit", "enrol", "entrap",
        "enthral", "equip", "excel", "expel", "extol", "forbid", "format", "impel", "imbed", "incur",
        "infer", "kidnap", "omit", "outfit", "outstrip", "outwit", "patrol", "permit", "prefer", "propel",
        "readmit", "rebel", "recur", "refer", "regret", "remit", "repel", "sidestep", "transfer", "transmit",
        "upset", "worship", "handicap", "submit",
    }
)  # fmt: skip
_NOUN_IRREGULAR: Final = {
    "man": "men", "woman": "women", "child": "children", "person": "people", "crisis": "crises",
    "analysis": "analyses", "thesis": "theses", "foot": "feet", "mouse": "mice", "thief": "thieves",
    "life": "lives", "wife": "wives", "knife": "knives", "leaf": "leaves", "half": "halves",
    "shelf": "shelves", "wolf": "wolves", "criterion": "criteria", "phenomenon": "phenomena",
    "aircraft": "aircraft", "sheep": "sheep", "series": "series", "species": "species",
    "headquarters": "headquarters", "police": "police", "personnel": "personnel", "ammunition": "ammunition",
}  # fmt: skip


# Words ending in -man that are no compound of "man" and take -s ("humans", "Germans").
_MAN_NOT_COMPOUND: Final = frozenset(
    ("human", "german", "roman", "shaman", "talisman", "caiman", "ottoman", "oman", "doberman", "walkman")
)


@functools.cache
def _irregulars() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    table: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for row in _IRREGULAR_TABLE.replace("\n", " ").split(";"):
        if row.strip():
            lemma, past, participle = row.split()
            table[lemma] = (tuple(past.split("|")), tuple(participle.split("|")))
    return table


def _irregular(lemma: str) -> tuple[str, tuple[tuple[str, ...], tuple[str, ...]]] | None:
    """(prefix, (pasts, participles)) of an irregular verb or one built on it ("withdraw": "with")."""
    table = _irregulars()
    if lemma in table:
        return "", table[lemma]
    for prefix in _IRREGULAR_PREFIXES:
        base = lemma[len(prefix) :]
        # "re" or "be" + a verb of three letters is often a word of its own ("relay", "belay").
        if lemma.startswith(prefix) and base in table and len(base) >= (4 if prefix in ("re", "be") else 2):
            return prefix, table[base]
    return None


def _syllables(word: str) -> int:
    """Vowel groups ("qu" is a consonant; a final silent "e" is no syllable): a spelling estimate."""
    core = re.sub(r"qu", "q", word)
    core = core[:-1] if core.endswith("e") and not core.endswith(("ee", "ie", "le")) else core
    return len(re.findall(r"[aeiouy]+", core)) or 1


def _doubles(word: str) -> bool:
    """Whether a suffix that begins with a vowel doubles the last consonant ("stop" -> "stopped")."""
    if word in _DOUBLING:
        return True
    core = re.sub(r"^qu", "q", word)
    return (
        _syllables(word) == 1
        and len(core) >= 3
        and core[-1] not in _VOWELS
        and core[-1] not in "wxy"
        and core[-2] in _VOWELS
        and core[-3] not in _VOWELS
    )


def _with_vowel_suffix(word: str, suffix: str) -> tuple[str, ...]:
    """The word + "ed" or "ing" by the spelling rules (the "y" of "ied" is the caller's)."""
    if suffix == "ing" and word.endswith("ie"):
        return (word[:-2] + "ying",)
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        return (word[:-1] + suffix,)
    if word.endswith("e"):
        return (word + ("d" if suffix == "ed" else "ing"),)
    if word.endswith("c") and _syllables(word) > 1:
        return (word + "k" + suffix,)  # "panicked", "trafficking"
    if _doubles(word):
        return (word + word[-1] + suffix,)
    vowel_l = word.endswith("l") and len(word) > 3 and word[-2] in _VOWELS
    if vowel_l and ((_syllables(word) > 1 and word[-3] not in _VOWELS) or word.endswith("uel")):
        return (word + suffix, word + "l" + suffix)  # "canceled", "cancelled"
    return (word + suffix,)


def _third_person(word: str) -> str:
    if word.endswith("have"):
        return word[:-4] + "has"
    if word.endswith(("s", "x", "z", "ch", "sh")) or (word.endswith("o") and word[-2:-1] not in _VOWELS):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


@functools.cache
def verb_forms(lemma: str) -> tuple[str, ...]:
    """The lemma and its -s, past, past participle and -ing forms ("strike": strikes, struck,
    stricken, striking), sorted."""
    if lemma == "be":
        return ("am", "are", "be", "been", "being", "is", "was", "were")
    if lemma.endswith(("ize", "yze")):
        # British spelling beside American: "apologise", "mobilise", "paralyse".
        return tuple(sorted({*verb_forms(lemma[:-2] + "se"), *_regular_forms(lemma)}))
    return _regular_forms(lemma)


def _regular_forms(lemma: str) -> tuple[str, ...]:
    forms = {lemma, _third_person(lemma), *_with_vowel_suffix(lemma, "ing")}
    irregular = _irregular(lemma)
    if irregular is not None:
        prefix, (pasts, participles) = irregular
        # A compound inflects on its base: "overrunning" doubles as "running" does.
        base = lemma[len(prefix) :]
        forms = {lemma, prefix + _third_person(base), *(prefix + f for f in _with_vowel_suffix(base, "ing"))}
        forms |= {prefix + form for form in (*pasts, *participles)}
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        forms.add(lemma[:-1] + "ied")
    else:
        forms |= set(_with_vowel_suffix(lemma, "ed"))
    return tuple(sorted(forms))


# Irregular pasts that are also adjectives or nouns before a noun ("ground forces", "fallen soldiers").
_PAST_MODIFIERS: Final = frozenset(("ground", "left", "fallen", "born", "sworn", "bound", "found", "lay"))


@functools.cache
def irregular_past_forms() -> frozenset[str]:
    """Past tenses and participles of the irregular verbs unlike their lemma ("sent", "struck",
    "fought"): verbs, not modifiers, when they stand before a noun ("China sent warships")."""
    forms = {form for pasts, participles in _irregulars().values() for form in (*pasts, *participles)}
    return frozenset(forms - set(_irregulars()) - _PAST_MODIFIERS)


@functools.cache
def noun_forms(lemma: str) -> tuple[str, ...]:
    """A noun and its plural, on the last word of a phrase ("hunger strike": "hunger strikes")."""
    head, _, last = lemma.rpartition(" ")
    lead = head + " " if head else ""
    if last in _NOUN_IRREGULAR:
        plural = _NOUN_IRREGULAR[last]
    elif last.endswith("man") and last not in _MAN_NOT_COMPOUND:
        plural = last[:-3] + "men"  # "fishermen", "policewomen", "gunmen"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        plural = last + "es"
    elif last.endswith("o") and last[-2:-1] not in _VOWELS:
        # "embargoes" and "vetoes" beside "photos": both spellings.
        return tuple(sorted({lemma, lead + last + "s", lead + last + "es"}))
    elif last.endswith("y") and last[-2:-1] not in _VOWELS:
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return tuple(sorted({lemma, lead + plural}))


# "<lemma>" is a verb in all its forms, "<lemma/n>" a noun and its plural; "(?<", "(?P<" are regex.
_LEMMA: Final = re.compile(r"(?<![?P])<([a-z]+(?:[ -][a-z]+)*)(/n)?>")
_UNREAD: Final = re.compile(r"(?<![?P])<[^=!]")


def expand_lemmas(pattern: str) -> str:
    """A trigger pattern with each "<lemma>" replaced by the alternation of its forms."""

    def forms(match: re.Match[str]) -> str:
        words = noun_forms(match.group(1)) if match.group(2) else verb_forms(match.group(1))
        # As a trie: each character is tested once ("arrest(?:ed|ing|s)?"), the longer form first.
        return "(?:" + trie_alternation(words) + ")"

    expanded = _LEMMA.sub(forms, pattern)
    if (left := _UNREAD.search(expanded)) is not None:
        raise ValueError(f"{left.group()!r} in {pattern[:40]!r} is no lemma: a lower-case word or phrase")
    return expanded


def trie_alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words shaped as a trie ("a(?:b|c)" for "ab", "ac"): the engine
    then tests each character once per position instead of once per word."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return f"(?:{body})?" if len(branches) == 1 else body + "?"

    return emit(root)
