"""Coding events from sentences: triggers, negation and modality, actor roles, place and date."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import TypeAlias

import xxhash

from stream.extract.actors import (
    ActorMention,
    ArticleMemory,
    PlaceMention,
    find_actors,
    find_places,
    has_title,
    remember_people,
)
from stream.extract.dates import resolve_date
from stream.extract.lexicon import (
    PREFIX_LENGTH,
    Trigger,
    trigger_dispatch,
    triggers,
)
from stream.extract.taxonomy import goldstein, quad_class
from stream.extract.text import Sentence, normalize, split_sentences
from stream.models import Actor, EventRecord, Location, Span

__all__ = ["code_article", "event_fingerprint"]

_WORD_START = re.compile(r"(?<![\w-])\w")
_NEGATION = re.compile(
    r"\b(?:not|never|no longer|without|failed to|fail to|nor)\s+(?:\w+\s+){0,2}$|n't\s+(?:\w+\s+){0,1}$"
)
_NEGATION_AFTER = re.compile(
    r"^\s+(?:\w+\s+){0,1}(?:did|do|does|have|has|had|will|would|could|were|was)\s*(?:not|n't)\b"
)
_CLAUSE_BREAK = re.compile(r"[;:]|, (?:but|while)\b")
_ONE_WORD_GAP = re.compile(r"\s*(?:[\w'-]+\s+)?")
_HEAD_WORD = re.compile(r"[\w'-]+")
_SPACE = re.compile(r"\s+")
_WITH_OR_BETWEEN = re.compile(r"\s+(?:with|between)\b")
_BETWEEN = re.compile(r"\s+between\b")
_PARTICIPLE_CLAUSE = re.compile(r",\s+$")
# Only determiners and capitalised words before a mention: it opens the sentence, as its subject.
_SUBJECT_LEAD = re.compile(r"(?:(?:[Tt]he|[Aa]n?|[A-Z][\w'.-]*)\s+)*")
_BY_AGENT = re.compile(r"\s+(?:\w+\s+){0,3}by\b")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$")
# Actions aimed at wherever they happen: a place named as their location is their target.
_PLACE_TARGETED = frozenset(
    (
        "ASSAULT",
        "COERCE",
        "MOBILIZE",
        "AID",
        "THREATEN",
        "REJECT",
        "REQUEST",
        "SANCTION",
        "PROTEST",
        "AGREE",
        "ACCUSE",
    )
)
# Past participles that make "was/were ..." a passive (stative "is opposed to" is not).
_PARTICIPLE = re.compile(
    r"(?!(?:opposed|committed|prepared|interested|engaged|determined)$)[a-z-]+(?:ed|en|wn)|held|shot|hit|struck|met|sent|seized|fought"
)
_COORD = (",", "and", ", and", "&")
_ATTRIBUTION = re.compile(
    r",\s+(?:[\w'()-]+\s+){0,8}?(?:said|says|told|reported|announced)\b|,\s+(?:said|says|according to)\b"
)
# A party named further than this after the trigger belongs to another clause of the sentence.
_RECIPIENT_REACH = 100
# "withdrew its troops", "offered their forces": the actor's own people are not its target.
_OWN = re.compile(r"\b(?:its|their|his|her|our)\s+(?:own\s+)?$")
# ", a key U.S. ally in the war," after a subject: mentions inside describe it, they are not actors.
_APPOSITION = re.compile(r"(?<=\w), (?:a|an|the|who|which) [^,]{1,80},")
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
# "X said that Y must ...": the reporting verb separates who demands from who is asked.
_REPORTING = re.compile(
    r"\b(?:said|says|reiterated|insisted|stressed|declared|added|warned|told\s+[\w ]{1,30}?)\s+"
    r"(?:(?:on|last)\s+\w+\s+)?(?:that\s+)?"
)
_ANNOUNCED = re.compile(
    r"\bannounc(?:ed|es)\s+(?:\w+day\s+)?(?:that\s+)?(?:it|they|the \w+)\s+(?:will|would)\s+(?:\w+\s+){0,2}$"
)
_UNLESS = re.compile(r"\b(?:unless|if)\b")
_WILL_NOT = re.compile(
    r"\b(?:will|would|shall)\s+not\s+(?:\w+\s+){0,1}$|\b(?:won't|wouldn't)\s+(?:\w+\s+){0,1}$"
)
_MAYBE = re.compile(r"\b(?:may|might|could|can)\s+(?:\w+\s+){0,2}$")
_CONDITIONAL = re.compile(r"\b(?:if|whether|unless|possibility of|should)\s+(?:\w+\s+){0,3}$")
_COOPERATIVE = frozenset(("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"))
_FORCEFUL = frozenset(("SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"))
# CAMEO 03x: intent to cooperate, by the kind of cooperation announced.
_INTENT_CODE = {"CONSULT": "036", "AID": "033", "COOPERATE": "031", "SUPPORT": "032", "CONCEDE": "035",
                "RETREAT": "035", "AGREE": "030"}  # fmt: skip
_THREAT = {"ASSAULT": ("138", "violence"), "MOBILIZE": ("138", "violence"), "COERCE": ("137", "restrict"),
           "SANCTION": ("130", "restrict"), "PROTEST": ("130", None)}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Hit:
    """A trigger occurrence and what it codes after folding and modality."""

    trigger: Trigger
    start: int
    end: int
    folded: Trigger | None = None
    folded_start: int = 0
    event_type: str = ""
    cameo: str = ""
    mode: str | None = None
    obliged: bool = False  # "Y must ...": a demand by whoever says so, made of Y


def _find_triggers(sentence: str) -> list[_Hit]:
    lowered = sentence.lower()
    table = triggers()
    dispatch = trigger_dispatch()
    hits: list[_Hit] = []
    resume = 0
    for word in _WORD_START.finditer(lowered):
        pos = word.start()
        pattern = dispatch.get(lowered[pos : pos + PREFIX_LENGTH]) if pos >= resume else None
        if pattern is None:
            continue
        match = pattern.match(lowered, pos)
        if match is None or match.lastgroup is None:
            continue
        hits.append(_Hit(table[int(match.lastgroup[1:])], match.start(), match.end()))
        resume = match.end()
    # A governing trigger swallows the triggers in its complement ("refused to ... meet").
    folded: list[_Hit] = []
    for hit in hits:
        head = folded[-1] if folded else None
        if (
            head is not None
            and head.trigger.governs
            and hit.start - head.end <= 60
            and not _CLAUSE_BREAK.search(sentence, head.end, hit.start)
        ):
            if head.folded is None:
                folded[-1] = _Hit(head.trigger, head.start, head.end, hit.trigger, hit.start)
            continue
        folded.append(hit)
    # "support for the demand": a verb-only trigger after "the" is a noun that reports no new event.
    return [h for h in folded if h.trigger.nominal or not lowered.endswith("the ", 0, h.start)]


def _resolve(sentence: str, hit: _Hit) -> _Hit | None:
    """Apply negation and modality: None when nothing happened, else the coded type, CAMEO and mode."""
    lowered = sentence.lower()
    before = lowered[max(0, hit.start - 40) : hit.start]
    trigger = hit.trigger
    if _NEGATION.search(before):
        if trigger.event_type in _COOPERATIVE and _WILL_NOT.search(before):
            # "troops would not withdraw", "will not attend the talks": a refusal (REJECT).
            cameo, mode = _GOVERNED_MODE.get(("REJECT", trigger.event_type), ("120", None))
            return _Hit(trigger, hit.start, hit.end, None, 0, "REJECT", cameo, mode)
        return None
    if trigger.nominal and _NEGATION_AFTER.match(lowered[hit.end : hit.end + 30]):
        return None
    event_type, cameo, mode = trigger.event_type, trigger.cameo, trigger.mode
    if trigger.obliges:
        inner = hit.folded.event_type if hit.folded is not None else ""
        cameo, mode = _GOVERNED_MODE.get(("REQUEST", inner), (cameo, mode))
        return _Hit(trigger, hit.start, hit.end, hit.folded, hit.folded_start, event_type, cameo, mode, True)
    if hit.folded is not None:
        inner = hit.folded.event_type
        adjacent = _ONE_WORD_GAP.fullmatch(sentence, hit.end, hit.folded_start)
        if (event_type == "THREATEN" and inner in _THREAT) or (
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
    elif _FUTURE.search(before) or _MAYBE.search(before):
        # Announced or possible action: intent to cooperate (CAMEO 03) or a threat (CAMEO 13).
        hypothetical = not _FUTURE.search(before)
        if (
            event_type in _FORCEFUL
            and _ANNOUNCED.search(lowered, max(0, hit.start - 80), hit.start)
            and not _UNLESS.search(lowered, hit.end)
        ):
            # "announced it would prohibit all aid": a measure decided and announced, not a threat
            # (with "unless ..." after it, it is one).
            pass
        elif event_type in _FORCEFUL:
            cameo, mode = _THREAT[event_type]
            event_type = "THREATEN"
        elif event_type in _COOPERATIVE and not hypothetical:
            cameo, mode, event_type = _INTENT_CODE[event_type], None, "AGREE"
        elif event_type not in ("THREATEN", "REQUEST", "REJECT", "ACCUSE"):
            return None
    return _Hit(trigger, hit.start, hit.end, hit.folded, hit.folded_start, event_type, cameo, mode)


def _group(mentions: list[ActorMention], sentence: str, anchor: int, forward: bool) -> list[ActorMention]:
    """The nearest mention on one side of the trigger, plus those coordinated with it."""
    if not mentions:
        return []
    ordered = mentions if forward else list(reversed(mentions))
    group = [ordered[0]]
    for mention in ordered[1:]:
        left, right = (group[-1], mention) if forward else (mention, group[-1])
        if sentence[left.end : right.start].strip() in _COORD or re.fullmatch(
            r",?\s*(?:and )?(?:the )?", sentence[left.end : right.start]
        ):
            group.append(mention)
        else:
            break
    return group if forward else list(reversed(group))


def _roles(
    sentence: str, hit: _Hit, mentions: list[ActorMention], places: list[PlaceMention]
) -> tuple[list[ActorMention], list[ActorMention]]:
    if hit.obliged:
        return _demand_roles(sentence, hit, mentions)
    # Patterns with gaps ("give Tanzania a grant") may hold the recipient inside the trigger span.
    head = _HEAD_WORD.match(sentence, hit.start, hit.end)
    head_end = head.end() if head else hit.start
    attribution = _ATTRIBUTION.search(sentence, hit.end)
    limit = attribution.start() if attribution else len(sentence)
    appositions = [
        m.span()
        for m in _APPOSITION.finditer(sentence, 0, hit.start)
        if any(x.end <= m.start() and not x.locative for x in mentions)  # describes an earlier subject
    ]
    before = [
        m
        for m in mentions
        if m.end <= hit.start
        and not m.locative
        and not m.adjective
        and not any(a <= m.start < b for a, b in appositions)
    ]
    after = [
        m
        for m in mentions
        if m.start >= head_end
        and m.start < limit
        and not m.locative
        and not (_OWN.search(sentence[max(0, m.start - 16) : m.start]) and "counterpart" not in m.text)
        and m.start - hit.end <= _RECIPIENT_REACH
    ]
    if _PARTICIPLE_CLAUSE.search(sentence, 0, hit.start) and sentence[hit.start : head_end].endswith("ing"):
        # ", killing 30 soldiers": whoever the main clause's subject is did it, not the nearest name
        # ("Heavy storms hit southern Spain, killing two people" names no actor).
        before = [m for m in before if _SUBJECT_LEAD.fullmatch(sentence, 0, m.start)][:1]
    actors = _group(before, sentence, hit.start, forward=False)
    if not actors:
        # "Palestinian suicide bombers": a trigger noun inside a mention names who acted.
        actors = [m for m in mentions if m.start <= hit.start and hit.end == m.end and not m.locative]
    if not actors:
        # "Palestinian riots": a nationality adjective on the trigger noun names who acts.
        actors = [m for m in mentions if m.adjective and _SPACE.fullmatch(sentence, m.end, hit.start)]
    # "recall France's ambassador to Algeria": the actor's own people are skipped, not the target.
    own = {(a.country, a.sector) for a in actors}
    after = [m for m in after if (m.country, m.sector) not in own]
    proper = [m for m in after if not m.adjective]
    # Weaker evidence of a target only counts close to the trigger, and not when several parties act
    # together ("Ukraine and Russia met near the Belarusian city of Gomel": Belarus is the venue).
    near = hit.end + 60
    single = len(actors) < 2
    weak = [m for m in after if m.adjective and m.start < near] if single else []
    recipients = _group(proper or weak, sentence, hit.end, forward=True)
    if hit.trigger.reciprocal and not single and not _WITH_OR_BETWEEN.match(sentence, hit.end):
        # "French and Egyptian warships launched war games": the parties act together; others named
        # later in the sentence are not their counterpart.
        recipients = []
    between = _BETWEEN.match(sentence, hit.end)
    if between and len(recipients) >= 2 and (not actors or hit.trigger.reciprocal):
        # "fighting between Azerbaijanis and Armenians": the parties named after "between" act.
        actors, recipients = recipients, []
    trigger_head = sentence[hit.start : head_end].lower()
    if _PASSIVE.search(sentence[max(0, hit.start - 20) : hit.start].lower()) and _PARTICIPLE.fullmatch(
        trigger_head
    ):
        if _BY_AGENT.match(sentence, hit.end):
            actors, recipients = recipients, actors
        elif hit.event_type in ("COERCE", "ASSAULT", "SANCTION"):
            # "X was arrested": X suffered the action; whoever acted is not named.
            actors, recipients = [], actors
    # Actor and recipient are different parties: drop recipients that repeat an actor's country.
    actor_keys = {(a.country, a.sector) for a in actors}
    actor_countries = {a.country for a in actors}
    recipients = [
        r
        for r in recipients
        if (r.country, r.sector) not in actor_keys and not (r.sector is None and r.country in actor_countries)
    ]
    if not recipients and actors and single and (hit.event_type in _PLACE_TARGETED or hit.mode == "visit"):
        # The target named only as a place: "shelled targets in Jericho"; a visit's host anywhere in
        # the sentence ("arrived in Amman on a visit").
        window = (0, len(sentence)) if hit.mode == "visit" else (head_end, min(limit, near))
        located = [m for m in mentions if m.locative] + [_as_mention(p) for p in places]
        recipients = sorted(
            (m for m in located if window[0] <= m.start < window[1] and m.country not in actor_countries),
            key=lambda m: m.start,
        )[:1]
    return actors, recipients


def _demand_roles(
    sentence: str, hit: _Hit, mentions: list[ActorMention]
) -> tuple[list[ActorMention], list[ActorMention]]:
    """Speaker demands, the party that "must" act is asked; no speaker, no event (an opinion)."""
    verbs = list(_REPORTING.finditer(sentence, 0, hit.start))
    if not verbs:
        return [], []
    verb = verbs[-1]
    parties = [m for m in mentions if not m.locative and not m.adjective]
    speakers = [m for m in parties if m.end <= verb.start()]
    asked = [m for m in parties if verb.end() <= m.start and m.end <= hit.start]
    actors = _group(speakers, sentence, verb.start(), forward=False)
    recipients = _group(asked, sentence, hit.start, forward=False)
    own = {(a.country, a.sector) for a in actors}
    return actors, [r for r in recipients if (r.country, r.sector) not in own]


def _as_mention(place: PlaceMention) -> ActorMention:
    return ActorMention(place.start, place.end, place.text, place.place.country, None, locative=True)


def _place_for(hit: _Hit, places: list[PlaceMention]) -> PlaceMention | None:
    if not places:
        return None
    cities = [p for p in places if p.place.feature == "city"]
    pool = cities or places
    return min(pool, key=lambda p: abs(p.start - hit.start))


def event_fingerprint(
    event_date: dt.date | None,
    actors: list[Actor],
    recipients: list[Actor],
    event_type: str,
    place_country: str | None,
) -> str:
    """Stable identity of a real-world event, independent of which article reported it."""

    def side(parties: list[Actor]) -> str:
        return ",".join(sorted({f"{p.country}:{p.sector or ''}" for p in parties}))

    key = "|".join(
        (
            event_date.isoformat() if event_date else "",
            side(actors),
            side(recipients),
            event_type,
            place_country or "",
        )
    )
    return xxhash.xxh3_64_hexdigest(key.encode())


def _actor(m: ActorMention) -> Actor:
    span = Span(start=m.start, end=m.end) if m.sector != "UAF" else None
    return Actor(text=m.text, country=m.country or None, sector=m.sector, span=span)


def _location(place: PlaceMention | None, from_sentence: bool) -> Location | None:
    if place is None:
        return None
    return Location(
        name=place.text,
        country=place.place.country,
        lat=place.place.lat,
        lon=place.place.lon,
        feature=place.place.feature,
        resolved_from="sentence" if from_sentence else "article",
        span=Span(start=place.start, end=place.end) if from_sentence else None,
    )


# Attacks whose means or target make them political violence even when nobody is named as attacker.
_ARMED_MEANS = frozenset(("183", "1831", "194", "195", "186", "200"))
_STATE_SECTORS = frozenset(("MIL", "GOV", "COP", "UAF"))
_CIVILIAN_SECTORS = frozenset(("CVL", "LAB", "OPP", "EDU", "REF", "AID", "BUS", "REL", "JRN"))


def _is_armed_attack(hit: _Hit, recipients: list[ActorMention]) -> bool:
    return hit.cameo in _ARMED_MEANS or any(
        not r.locative and (r.sector in _STATE_SECTORS or r.country == "IGO") for r in recipients
    )


# Sports reports use the vocabulary of conflict ("beat", "attacked", "clashed"): such sentences code nothing.
_SPORTS = re.compile(
    r"\b(?:\d{1,2}-\d{1,2}|cup|league|tournament|championships?|semi-finals?|quarter-finals?|finals?|"
    r"coach|players?|team|squad|striker|goalkeeper|goals?|olympics?|olympic|marathon|rugby|cricket|hockey|"
    r"football|soccer|tennis|golf(?:ers)?|cyclists?|swimmers?|wrestlers?|podium|medals?|innings)\b"
)


def _inside_name(sentence: str, hit: _Hit, mentions: list[ActorMention]) -> bool:
    """A trigger word that is part of a name ("Asia-Pacific Economic Cooperation") or modifies an
    actor's noun ("riot police") reports no event; a head noun ("suicide bombers") still does."""
    return any(
        m.start <= hit.start and hit.end <= m.end and (hit.end != m.end or sentence[hit.start].isupper())
        for m in mentions
    )


# One coded event of a sentence: trigger, actors, recipients, place and date, before assembly.
_Coded: TypeAlias = tuple[_Hit, list[ActorMention], list[ActorMention], PlaceMention | None, dt.date | None]
# "... killed 23 people ... in the second-worst attack": a noun in such a phrase names the event again.
_EVENT_REFERENCE = re.compile(
    r"\b(?:in|during|after|following)\s+(?:the|a|an|this|that)\s+(?:[\w-]+\s+){0,2}$"
)


def _restates(sentence: str, hit: _Hit, coded: list[_Coded]) -> bool:
    return (
        hit.trigger.nominal
        and any(earlier.event_type == hit.event_type for earlier, *_ in coded)
        and _EVENT_REFERENCE.search(sentence, max(0, hit.start - 50), hit.start) is not None
    )


def code_sentence(
    sentence: Sentence,
    published: dt.date | None,
    hits: list[_Hit],
    mentions: list[ActorMention],
) -> list[_Coded]:
    """Raw coded events of one sentence (its trigger hits and actor mentions found), before assembly."""
    places = find_places(sentence.text)
    out: list[_Coded] = []
    for hit in hits:
        if _inside_name(sentence.text, hit, mentions) or _restates(sentence.text, hit, out):
            continue
        actors, recipients = _roles(sentence.text, hit, mentions, places)
        place = _place_for(hit, places)
        if (
            not actors
            and hit.event_type == "ASSAULT"
            and _is_armed_attack(hit, recipients)
            and (recipients or place is not None)
        ):
            # PLOVER codes attacks by unknown perpetrators as an unidentified armed force (UAF).
            country = place.place.country if place is not None else ""
            actors = [ActorMention(hit.start, hit.end, "unidentified armed force", country, "UAF")]
        sectors = hit.trigger.actor_sectors
        if not actors or (sectors is not None and not all(a.sector in sectors for a in actors)):
            continue
        if hit.event_type == "PROTEST" and all(a.sector in _OFFICIAL_SECTORS for a in actors):
            # Officials do not take to the streets: their protest is diplomatic (ACCUSE disapprove),
            # and "police dispersed protesters" names the protesters only as the target.
            if not sentence.text[hit.start : hit.end].lower().startswith("protest"):
                continue
            hit = dataclasses.replace(hit, event_type="ACCUSE", cameo="111", mode="disapprove")
        if hit.cameo == "1711" and all(a.sector in _CIVILIAN_SECTORS for a in actors):
            # Blocking roads is coercion by the state but protest by civilians (PLOVER PROTEST obstruct).
            hit = dataclasses.replace(hit, event_type="PROTEST", cameo="144", mode="obstruct")
        when = resolve_date(sentence.text, published, hit.start)
        out.append((hit, actors, recipients, place, when))
    # PLOVER does not code a protest's demand as a REQUEST of its own ("blocked streets ... to demand").
    protests = [o[0].start for o in out if o[0].event_type == "PROTEST"]
    return [o for o in out if not (o[0].event_type == "REQUEST" and protests and protests[0] < o[0].start)]


def _main_city(sentences: list[Sentence]) -> PlaceMention | None:
    """The article's most-mentioned city (first mention wins ties): where its events most likely are."""
    counts: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], PlaceMention] = {}
    for sentence in sentences:
        for found in find_places(sentence.text):
            if found.place.feature == "city":
                key = (found.place.name, found.place.country)
                counts[key] += 1
                first.setdefault(key, found)
    return first[counts.most_common(1)[0][0]] if counts else None


def _sentence_hits(text: str) -> list[_Hit]:
    return [r for h in _find_triggers(text) if (r := _resolve(text, h)) is not None]


# Parties that act for a state or an armed movement. Sports reports never name them acting, so with
# one acting a sports word is incidental ("jailed 52 members ... for playing in a football tournament").
_OFFICIAL_SECTORS = frozenset(("GOV", "MIL", "COP", "JUD", "LEG", "REB", "SPY"))


# Ordinary crime handled by police and courts is not a political event ("police arrested a man accused
# of murder"); with any other kind of party named, the sentence is coded as usual.
_CRIME = re.compile(
    r"\b(?:murder(?:s|ed|ing|er)?|robb(?:ery|eries|ed|ers?)|theft|thieves|steal(?:s|ing)?|stole(?:n)?|"
    r"burglar(?:y|ies)|fraud(?:ster)?|embezzl\w*|drugs?|narcotics|heroin|cocaine|rape[sd]?|homicides?|"
    r"shoplifting|tax evasion)\b"
)
_CRIME_PARTIES = frozenset(("COP", "JUD", "CVL", "BUS"))


def _is_crime_report(text: str, mentions: list[ActorMention]) -> bool:
    return _CRIME.search(text) is not None and all(m.locative or m.sector in _CRIME_PARTIES for m in mentions)


def _is_sports_report(text: str, mentions: list[ActorMention]) -> bool:
    return _SPORTS.search(text) is not None and not any(
        m.sector in _OFFICIAL_SECTORS and not m.locative for m in mentions
    )


def code_article(
    article_id: str, text: str, published: dt.date | None, url: str | None = None
) -> list[EventRecord]:
    """Every event in an article, one record per distinct event (same fingerprint = same event)."""
    sentences = split_sentences(normalize(text))
    # Most sentences hold no trigger: find those first and do the costlier work only where needed.
    hits_by_sentence = [_sentence_hits(sentence.text) for sentence in sentences]
    last = max((i for i, hits in enumerate(hits_by_sentence) if hits), default=-1)
    if last < 0:
        return []
    # Read in order: people introduced with a title resolve by surname in the sentences after.
    memory = ArticleMemory()
    article_place: list[PlaceMention | None] = []  # computed on first use
    records: list[EventRecord] = []
    seen: set[str] = set()
    for sentence, hits in zip(sentences[: last + 1], hits_by_sentence, strict=False):
        if not hits and not has_title(sentence.text):
            continue
        mentions = find_actors(sentence.text, memory)
        remember_people(mentions, memory)
        if (
            not hits
            or _is_sports_report(sentence.text, mentions)
            or _is_crime_report(sentence.text, mentions)
        ):
            continue
        for hit, actor_mentions, recipient_mentions, place, when in code_sentence(
            sentence, published, hits, mentions
        ):
            cameo, mode = hit.cameo, hit.mode
            if place is None and not article_place:
                article_place.append(_main_city(sentences))
            location = _location(place, True) if place is not None else _location(article_place[0], False)
            actors = [_actor(m) for m in actor_mentions]
            recipients = [_actor(m) for m in recipient_mentions]
            event_id = event_fingerprint(
                when, actors, recipients, hit.event_type, location.country if location else None
            )
            if event_id in seen:
                continue
            seen.add(event_id)
            records.append(
                EventRecord(
                    event_id=event_id,
                    article_id=article_id,
                    event_date=when,
                    event_type=hit.event_type,
                    event_mode=mode,
                    cameo_code=cameo,
                    quad_class=quad_class(hit.event_type),
                    goldstein=goldstein(cameo),
                    actors=actors,
                    recipients=recipients,
                    location=location,
                    sentence=sentence.text,
                    sentence_index=sentence.index,
                    url=url,
                    trigger=sentence.text[hit.start : hit.end],
                    trigger_span=Span(start=hit.start, end=hit.end),
                )
            )
    return records
