"""Trigger hits in a sentence and what they code after folding, negation and modality."""

from __future__ import annotations

import re
from typing import NamedTuple

from stream.extract.lexicon import PREFIX_LENGTH, Trigger, trigger_dispatch, triggers
from stream.extract.verbs import dictionary_hits, scan

__all__ = ["Hit", "sentence_hits"]

_NEGATION = re.compile(
    r"\b(?:not|never|no longer|without|failed to|fail to|nor)\s+(?:\w+\s+){0,2}$|n't\s+(?:\w+\s+){0,1}$"
)
_NEGATION_AFTER = re.compile(
    r"^\s+(?:\w+\s+){0,1}(?:did|do|does|have|has|had|will|would|could|were|was)\s*(?:not|n't)\b"
)
_DETERMINERS = ("the ", "for its ", "for their ", "for his ", "for her ", "for our ")
_PAST_TENSE = re.compile(r"[a-z]+ed")
_CLAUSE_BREAK = re.compile(r"[;:]|, (?:but|while)\b")
_ONE_WORD_GAP = re.compile(r"\s*(?:[\w'-]+\s+)?")
_GOVERNED_MODE = {
    ("REJECT", "CONSULT"): ("125", "meet"),
    ("REQUEST", "CONSULT"): ("105", "meet"),
    ("REQUEST", "RETREAT"): ("1056", "yield"),
    ("REQUEST", "CONCEDE"): ("1056", "yield"),
    ("REQUEST", "AID"): ("102", "assist"),
    ("REJECT", "AID"): ("122", "assist"),
    ("AGREE", "CONSULT"): ("036", None),
}
_FUTURE = re.compile(
    r"\b(?:will|would|shall|'ll|plans? to|planned to|planning to|intends? to|intended to|is to|are to|"
    r"going to|prepared to|ready to|willing to|expects? to|expected to|set to|aims? to|seeks? to|"
    r"wants? to|hopes? to|considering|committed to)\s+(?:\w+\s+){0,3}$"
)
_ANNOUNCED = re.compile(
    r"\b(?:announc(?:ed|es)|confirm(?:ed|s)|decided)\s+(?:(?:on\s+)?\w+day\s+)?(?:that\s+)?"
    r"(?:it|they|the \w+)\s+(?:will|would)\s+(?:\w+\s+){0,2}$"
)
# "talks with Russia would begin on Monday": an event noun whose own verb is still to come.
_FUTURE_AFTER = re.compile(
    r"\s+(?:[\w,'-]+\s+){0,5}?(?:will|would|are to|is to|(?:are|is) (?:expected|scheduled|due|set) to)\s+"
    r"(?:begin|start|open|resume|take place|be held|continue)\b"
)
_UNLESS = re.compile(r"\b(?:unless|if)\b")
# "ordered residents to evacuate ahead of an offensive": an event named as expected has not happened.
_AHEAD_OF = re.compile(
    r"\b(?:ahead of|in preparation for|in anticipation of)\s+(?:a|an|the|any)\s+(?:[\w-]+\s+){0,2}$"
)
# "to discuss the fight against al-Shabaab", "thanked Kenya for its support", "to protest cross-border
# attacks", "efforts to end the fighting": an event noun named as a topic or a reason is no new event.
_TOPIC = re.compile(
    r"\b(?:discuss(?:es|ed|ing)?|about|regarding|concerning|to protest|protesting|against|"
    r"for (?:its|their|his|her)|to (?:end|stop|halt)(?: the)?|"
    r"(?:in response|in reaction|responding|reacting|bowed|yielded|gave in|conceded(?: at last)?) to)"
    r"\s+(?:[\w-]+\s+){0,2}$"
)
# "since last month's U.S. invasion", "after bloody tribal clashes": an event noun in a background phrase
# happened before and was reported then ("during the visit" is happening: it stays).
_EARLIER = re.compile(
    r"\b(?:after|following|since|in the wake of|in the aftermath of)\s+"
    r"(?:(?:the|a|an|this|that|these|those|last \w+'s)\s+)?(?:[\w.-]+\s+){0,2}$"
)
_WILL_NOT = re.compile(
    r"\b(?:will|would|shall)\s+(?:not|never)\s+(?:\w+\s+){0,1}$|\b(?:won't|wouldn't)\s+(?:\w+\s+){0,1}$"
)
# Read in the sentence as written: "Theresa May met ..." names a person, not a possibility.
_MAYBE = re.compile(r"\b(?:may|might|could|can)\s+(?:\w+\s+){0,2}$")
_CONDITIONAL = re.compile(r"\b(?:if|whether|unless|possibility of|should)\s+(?:\w+\s+){0,3}$")
# Retreats announced as to come are the manual's CONCEDE: troops to withdraw, captives to be freed,
# inspectors to be let in (goods to be returned stay an intent to cooperate, as the field codes them).
_CONCEDED_MODES = frozenset(("withdraw", "release", "access"))
_COOPERATIVE = frozenset(("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"))
_FORCEFUL = frozenset(("SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"))
# CAMEO 03x: intent to cooperate, by the kind of cooperation announced.
_INTENT_CODE = {"CONSULT": "036", "AID": "033", "COOPERATE": "031", "SUPPORT": "032", "CONCEDE": "035",
                "RETREAT": "035", "AGREE": "030"}  # fmt: skip
_THREAT = {"ASSAULT": ("138", "violence"), "MOBILIZE": ("138", "violence"), "COERCE": ("137", "restrict"),
           "SANCTION": ("130", "restrict"), "PROTEST": ("130", None)}  # fmt: skip


class Hit(NamedTuple):
    """A trigger occurrence and what it codes after folding and modality (a tuple: cheap to build)."""

    trigger: Trigger
    start: int
    end: int
    folded: Trigger | None = None
    folded_start: int = 0
    event_type: str = ""
    cameo: str = ""
    mode: str | None = None
    obliged: bool = False  # "Y must ...": a demand by whoever says so, made of Y


def _find_triggers(sentence: str, lowered: str) -> list[Hit]:
    table = triggers()
    dispatch = trigger_dispatch()
    hits: list[Hit] = []
    covered: list[tuple[int, int]] = []
    idioms: list[tuple[int, int]] = []
    resume = 0
    # One automaton pass gives the verb dictionary's forms and the hand triggers' starts.
    found, present, starts = scan(lowered)
    if not found and not starts:
        return hits
    for pos in starts:
        if pos < resume:
            continue
        match = dispatch[lowered[pos : pos + PREFIX_LENGTH]].match(lowered, pos)
        if match is None or match.lastgroup is None:
            continue
        resume = match.end()
        if match.lastgroup[0] == "i":  # an idiom ("heart attack"): its trigger words code nothing
            idioms.append((match.start(), match.end()))
            continue
        covered.append((match.start(), match.end()))
        hits.append(Hit(table[int(match.lastgroup[1:])], match.start(), match.end()))
    # The verb dictionary where no hand trigger or idiom covers the verb: hand rows come first.
    complements: set[int] = set()
    extra = [
        d
        for d in dictionary_hits(sentence, lowered, covered, matches=(found, present))
        # A hand row read in the phrase keeps it ("began a hunger strike" stays the hand row's hunger
        # strike); an idiom in it gives it another sense ("stepped up the fight against corruption").
        if not any(start < d.end and d.start < end for start, end in (*covered, *idioms))
    ]
    if extra:
        complements = {d.start for d in extra if d.complement}
        hits = sorted((*hits, *(Hit(d.trigger, d.start, d.end) for d in extra)), key=lambda h: h.start)
    # A governing trigger swallows the triggers in its complement ("refused to ... meet").
    folded: list[Hit] = []
    for hit in hits:
        head = folded[-1] if folded else None
        if (
            head is not None
            and head.trigger.governs
            and hit.start - head.end <= 60
            and not _CLAUSE_BREAK.search(sentence, head.end, hit.start)
            # "Despite Western pressure, Hungary refused ...": a comma right after the head closes it.
            and not sentence[head.end : hit.start].lstrip().startswith(",")
            # "denied the accusation and accused Pakistan": a second finite verb, a clause of its own.
            and not (lowered.endswith("and ", 0, hit.start) and _past_tense_at(lowered, hit.start))
            # "agreed to cut fuel prices, meeting a demand of ...": giving way is said of the head's act.
            and not (hit.trigger.yields and lowered.endswith(", ", 0, hit.start))
        ):
            # A dictionary reading in a hand row's complement is swallowed but does not recode it: the
            # hand rows' recodings ("vowed to fight": a threat) are written for the hand rows.
            if head.folded is None and (head.trigger.dictionary or not hit.trigger.dictionary):
                folded[-1] = Hit(head.trigger, head.start, head.end, hit.trigger, hit.start)
            continue
        if hit.start in complements:
            continue  # "sent troops to attack": an infinitive no governing trigger takes is a purpose
        folded.append(hit)
    # "support for the demand", "thanked Kenya for its support": a verb-only trigger after "the" or a
    # reason's possessive is a noun that reports no new event ("reiterated its demand" does).
    return [h for h in folded if h.trigger.nominal or not lowered.endswith(_DETERMINERS, 0, h.start)]


def _past_tense_at(lowered: str, start: int) -> bool:
    """Whether the word at `start` is a verb in the past tense ("accused", "killed")."""
    end = start
    while end < len(lowered) and lowered[end].isalpha():
        end += 1
    return _PAST_TENSE.fullmatch(lowered, start, end) is not None


def _maybe(sentence: str, start: int) -> bool:
    """A modal before the trigger, read as written: "Theresa May met ..." names a person."""
    return _MAYBE.search(sentence, max(0, start - 40), start) is not None


def _resolve(sentence: str, lowered: str, hit: Hit) -> Hit | None:
    """Apply negation and modality: None when nothing happened, else the coded type, CAMEO and mode."""
    before = lowered[max(0, hit.start - 40) : hit.start]
    trigger = hit.trigger
    if _NEGATION.search(before):
        if trigger.event_type in _COOPERATIVE and _WILL_NOT.search(before):
            # "troops would not withdraw", "will not attend the talks": a refusal (REJECT).
            cameo, mode = _GOVERNED_MODE.get(("REJECT", trigger.event_type), ("120", None))
            return Hit(trigger, hit.start, hit.end, None, 0, "REJECT", cameo, mode)
        return None
    if trigger.nominal and (
        _NEGATION_AFTER.match(lowered[hit.end : hit.end + 30])
        or _AHEAD_OF.search(before)
        or ((_TOPIC.search(before) or _EARLIER.search(before)) and not _past_tense_at(lowered, hit.start))
    ):
        return None
    event_type, cameo, mode = trigger.event_type, trigger.cameo, trigger.mode
    if trigger.obliges:
        inner = hit.folded.event_type if hit.folded is not None else ""
        cameo, mode = _GOVERNED_MODE.get(("REQUEST", inner), (cameo, mode))
        return Hit(trigger, hit.start, hit.end, hit.folded, hit.folded_start, event_type, cameo, mode, True)
    if hit.folded is not None:
        inner = hit.folded.event_type
        adjacent = _ONE_WORD_GAP.fullmatch(sentence, hit.end, hit.folded_start)
        pledge = lowered.startswith(("pledg", "promis", "offer"), hit.start)
        if event_type == "AGREE" and inner == "MOBILIZE" and pledge:
            # "pledged to send more troops to the AU mission": intent to give military aid, no threat.
            cameo, mode = "033", None
        elif (event_type == "THREATEN" and inner in _THREAT) or (
            event_type == "AGREE" and inner in _THREAT and adjacent
        ):
            # "vowed to fight", "is prepared to impose martial law": announced force is a threat.
            event_type = "THREATEN"
            cameo, mode = _THREAT[inner]
        elif event_type == "AGREE" and inner in _INTENT_CODE:
            cameo = _INTENT_CODE[inner]
        else:
            cameo, mode = _GOVERNED_MODE.get((event_type, inner), (cameo, mode))
    elif _CONDITIONAL.search(before):
        # "... if Stockholm cracked down": an action named as a condition did not happen, and its
        # subject threatens nothing.
        return None
    elif (
        _FUTURE.search(before)
        or _maybe(sentence, hit.start)
        or (trigger.nominal and _FUTURE_AFTER.match(lowered, hit.end, hit.end + 60))
    ):
        announced = _announced(sentence, lowered, hit, before)
        if announced is None:
            return None
        event_type, cameo, mode = announced
    return Hit(trigger, hit.start, hit.end, hit.folded, hit.folded_start, event_type, cameo, mode)


def _announced(sentence: str, lowered: str, hit: Hit, before: str) -> tuple[str, str, str | None] | None:
    """Announced or possible action: intent to cooperate (CAMEO 03) or a threat (CAMEO 13); None when
    it reports nothing (type, CAMEO and mode otherwise)."""
    trigger = hit.trigger
    event_type, cameo, mode = trigger.event_type, trigger.cameo, trigger.mode
    hypothetical = _maybe(sentence, hit.start) and not _FUTURE.search(before)
    if (
        event_type in _FORCEFUL
        and _ANNOUNCED.search(lowered, max(0, hit.start - 80), hit.start)
        and not _UNLESS.search(lowered, hit.end)
    ):
        # "announced it would prohibit all aid": a measure decided and announced, not a threat
        # (with "unless ..." after it, it is one).
        return event_type, cameo, mode
    if event_type in _FORCEFUL:
        cameo, mode = _THREAT[event_type]
        return "THREATEN", cameo, mode
    if event_type == "RETREAT" and mode in _CONCEDED_MODES and not hypothetical:
        # An announced retreat ("said it would withdraw its troops", "would free the prisoners") is a
        # concession (the manual's CONCEDE; CAMEO 035), not a cooperation agreed.
        return "CONCEDE", "035", None
    if event_type in _COOPERATIVE and not hypothetical:
        return "AGREE", _INTENT_CODE[event_type], None
    if event_type == "REJECT" and (
        (not hypothetical and _UNLESS.search(lowered, hit.end))
        or (hypothetical and lowered.startswith(("block", "veto"), hit.start))
    ):
        # "would block Sweden's bid unless Stockholm cracked down": a refusal on a condition is a
        # threat (CAMEO 13); so is a veto held out as possible ("said it could block the package").
        return "THREATEN", "130", None
    if event_type not in ("THREATEN", "REQUEST", "REJECT", "ACCUSE"):
        return None
    return event_type, cameo, mode


def _gave_way(text: str, hits: list[Hit]) -> list[Hit]:
    """ "Chile suspended the fare rise, yielding to pressure": the act a clause of giving way follows is
    the concession (CONCEDE) and the clause, with what it names ("the demands of protesters who ..."),
    no event of its own. With no act before it, the clause is the concession."""
    out: list[Hit] = []
    clause_end = -1
    for hit in hits:
        if hit.start < clause_end:
            continue  # inside the clause of giving way: the pressure yielded to, not a new event
        if hit.trigger.yields and text.endswith(", ", 0, hit.start):
            comma = text.find(",", hit.end)
            clause_end = len(text) if comma < 0 else comma
            if out:
                out[-1] = out[-1]._replace(event_type="CONCEDE", cameo="080", mode=None)
                continue
        out.append(hit)
    return out


def sentence_hits(text: str) -> list[Hit]:
    """The trigger hits of a sentence that report something happening (or threatened, refused...)."""
    lowered = text.lower()
    hits = [r for h in _find_triggers(text, lowered) if (r := _resolve(text, lowered, h)) is not None]
    return _gave_way(text, hits) if any(h.trigger.yields for h in hits) else hits
