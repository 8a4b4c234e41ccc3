"""Coding events from sentences: hits, roles, place and date assembled into event records."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any, TypeAlias

from stream.extract.actors import (
    ActorMention,
    ArticleMemory,
    PlaceMention,
    find_actors,
    find_places,
    has_title,
    remember_people,
)
from stream.extract.dates import date_expressions, nearest_date
from stream.extract.filters import (
    OFFICIAL_SECTORS,
    inside_name,
    nature_does_harm,
    reports_no_event,
    restates,
    welcomes_no_party,
)
from stream.extract.gazetteer import PlaceEntry, name_kind
from stream.extract.hits import Hit, sentence_hits
from stream.extract.identity import event_key, merge_reports
from stream.extract.roles import roles
from stream.extract.stories import is_company_report
from stream.extract.taxonomy import goldstein, quad_class
from stream.extract.text import Sentence, normalize, split_sentences
from stream.extract.toponyms import (
    ArticlePlaces,
    article_places,
    dateline_place,
    main_city,
    settle,
    town_dateline,
)
from stream.ingest.dateline import read_dateline
from stream.records.models import EventRecord

__all__ = ["code_article", "event_fingerprint"]


def _place_for(hit: Hit, places: list[PlaceMention]) -> PlaceMention | None:
    if not places:
        return None
    cities = [p for p in places if p.place.feature == "city"]
    pool = cities or places
    return min(pool, key=lambda p: abs(p.start - hit.start))


def event_fingerprint(event: EventRecord) -> str:
    """Stable identity of a real-world event, independent of which article reported it."""
    return event_key(event.model_dump())


# Records are validated from plain data in one call: building each nested model on its own costs a
# third more.
def _actor_data(m: ActorMention) -> dict[str, Any]:
    span = {"start": m.start, "end": m.end} if m.sector != "UAF" else None
    return {"text": m.text, "country": m.country or None, "sector": m.sector, "span": span}


def _location_data(place: PlaceMention | None, from_sentence: bool) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "name": place.text,
        "country": place.place.country,
        "lat": place.place.lat,
        "lon": place.place.lon,
        "feature": place.place.feature,
        "geonames_id": place.place.geonames_id or None,
        "resolved_from": "sentence" if from_sentence else "article",
        "span": {"start": place.start, "end": place.end} if from_sentence else None,
    }


# Attacks whose means or target make them political violence even when nobody is named as attacker.
_ARMED_MEANS = frozenset(("183", "1831", "194", "195", "186", "200"))
_STATE_SECTORS = frozenset(("MIL", "GOV", "COP", "UAF"))
# Who speaks for a state: their protests are diplomatic. (Rebels and militants do stage protests.)
_STATE_OFFICIALS = OFFICIAL_SECTORS - {"REB"}
# Who acts with the state's force and does not demonstrate (judges and lawmakers may).
_STATE_FORCE = _STATE_OFFICIALS - {"JUD", "LEG"}
_PROTESTING = re.compile(r"(?i)protest|demonstrat|rioter|\bcrowds?\b|\bmobs?\b")
_CIVILIAN_SECTORS = frozenset(("CVL", "LAB", "OPP", "EDU", "REF", "AID", "BUS", "REL", "JRN"))


def _is_state(mention: ActorMention, sentence: str) -> bool:
    """A state named by its name, capital or seat ("Japan", "Tokyo"), not by its people ("Japanese")
    nor as the owner of someone ("Algeria's leading activist")."""
    owner = sentence.startswith("'s", mention.end)
    return name_kind(mention.text) in ("country", "capital", "seat") and not owner


def _is_people(mention: ActorMention) -> bool:
    """A nation's people named by a plural of its nationality ("Georgians", "Serbs"), not its state."""
    return mention.text.endswith("s") and name_kind(mention.text) == "demonym"


def _is_armed_attack(hit: Hit, recipients: list[ActorMention]) -> bool:
    return hit.cameo in _ARMED_MEANS or any(
        not r.locative and (r.sector in _STATE_SECTORS or r.country == "IGO") for r in recipients
    )


# A clause that opens with a personal pronoun and reaches the trigger through auxiliaries and adverbs
# only ("He met ...", "It also urged ...", "; they later freed ..."): its doer is named before. A form
# of "be" is left out there: "He was arrested" names the one acted on (the passive pattern).
_PRONOUN_OPENS = r"(?:^|[;:] |, (?:and|but) )(?P<pronoun>[Hh]e|[Ss]he|[Ii]t|[Tt]hey)"
_AUXILIARIES = (
    r"(?: (?:also|later|then|again|subsequently|reportedly|formally|officially|jointly|swiftly|"
    r"quickly|promptly|immediately|already|never|not|has|have|had|will|would|shall|could|can|may|"
    r"might|must|did|does|do|today|yesterday|earlier|recently|(?:on|last|this|next) \w+))*"
)
_PRONOUN_SUBJECT = re.compile(_PRONOUN_OPENS + _AUXILIARIES + " $")
_PRONOUN_PASSIVE = re.compile(
    _PRONOUN_OPENS + _AUXILIARIES + r" (?:was|were|is|are|been|be)" + _AUXILIARIES + " $"
)
# Sentences before: their mentions, found on first use (a sentence with no trigger is not read).
Previous: TypeAlias = Callable[[], list[ActorMention]]


def _pronoun_party(text: str, hit: Hit, previous: Previous, pattern: re.Pattern[str]) -> list[ActorMention]:
    """The party a pronoun before the trigger (in the pattern's clause) stands for: the first one of
    its kind that the sentence before names (a person for "he" and "she", a state or body for "it" and
    "they"), with this sentence's pronoun as its span."""
    found = pattern.search(text, 0, hit.start)
    if found is None:
        return []
    pronoun = found.group("pronoun").lower()
    personal = pronoun in ("he", "she")
    for mention in previous():
        if mention.locative or mention.adjective or not mention.country or mention.sector == "UAF":
            continue
        if mention.person == personal and not (pronoun == "it" and _is_people(mention)):
            return [mention._replace(start=found.start("pronoun"), end=found.end("pronoun"))]
    return []


# One coded event of a sentence: trigger, actors, recipients, place and date, before assembly.
_Coded: TypeAlias = tuple[Hit, list[ActorMention], list[ActorMention], PlaceMention | None, dt.date | None]


def code_sentence(
    sentence: Sentence,
    published: dt.date | None,
    hits: list[Hit],
    mentions: list[ActorMention],
    previous: Previous | None = None,
    story_start: int = 0,
) -> list[_Coded]:
    """Raw coded events of one sentence (its trigger hits and actor mentions found), before assembly;
    `previous` gives the mentions of the sentence before, for a subject pronoun; `story_start` is
    where the story begins after the article's dateline (the first sentence's only)."""
    places = find_places(sentence.text)
    stated_dates: list[tuple[int, dt.date]] | None = None
    out: list[_Coded] = []
    for hit in hits:
        if (
            inside_name(sentence.text, hit, mentions)
            or restates(sentence.text, hit, (o[0].event_type for o in out))
            or nature_does_harm(sentence.text, hit, mentions, story_start)
            or welcomes_no_party(sentence.text, hit)
        ):
            continue
        actors, recipients = roles(sentence.text, hit, mentions, places, story_start)
        place = _place_for(hit, places)
        if previous is not None and not actors:
            actors = _pronoun_party(sentence.text, hit, previous, _PRONOUN_SUBJECT)
        if previous is not None and actors and not recipients:
            recipients = _pronoun_party(sentence.text, hit, previous, _PRONOUN_PASSIVE)
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
        if hit.event_type == "PROTEST" and all(
            a.sector in _STATE_OFFICIALS or _is_state(a, sentence.text) for a in actors
        ):
            # Officials do not take to the streets: their protest is diplomatic (ACCUSE disapprove),
            # and "police dispersed protesters" names the protesters only as the target. Lawyers, judges
            # and lawmakers do march, walk out and sit in: only the word "protest" is theirs to lodge.
            if _lodges_a_protest(sentence.text, hit, actors):
                hit = hit._replace(event_type="ACCUSE", cameo="111", mode="disapprove")
            elif all(a.sector in _STATE_FORCE or _is_state(a, sentence.text) for a in actors):
                continue
        if hit.cameo == "174" and any(r.sector == "GOV" for r in recipients):
            # Expelling diplomats ("two Iranian diplomats were expelled by Argentina") is SANCTION expel.
            hit = hit._replace(event_type="SANCTION", cameo="161", mode="expel")
        hit = _civilians_protest(sentence.text, hit, actors)
        when: dt.date | None = None
        if published is not None:
            if stated_dates is None:  # found once per sentence, for all its hits
                stated_dates = date_expressions(sentence.text, published, story_start)
            # None when the sentence states no date: the article's date stands in (code_article).
            when = nearest_date(stated_dates, published, hit.start) if stated_dates else None
        out.append((hit, actors, recipients, place, when))
    # PLOVER does not code a protest's demand as a REQUEST of its own ("blocked streets ... to demand").
    protests = [o[0].start for o in out if o[0].event_type == "PROTEST"]
    # "Protesters stormed the embassy": the riot is the protest, more precisely than the noun's demo.
    rioters = {tuple(a.text for a in o[1]) for o in out if o[0].mode == "riot"}
    return [
        o
        for o in out
        if not (o[0].event_type == "REQUEST" and protests and protests[0] < o[0].start)
        and not (
            o[0].event_type == "PROTEST" and o[0].mode != "riot" and tuple(a.text for a in o[1]) in rioters
        )
    ]


def _lodges_a_protest(sentence: str, hit: Hit, actors: list[ActorMention]) -> bool:
    """ "protested", "lodged a protest", "Beijing protests ...": a note; "protesters" and the plural noun
    ("after days of protests against the ban") are people in the streets."""
    word = sentence[hit.start : hit.end].lower()
    if not word.startswith("protest") or word.startswith("protester"):
        return False
    # "protests" right after its subject is the verb, elsewhere the plural noun.
    return not word.startswith("protests") or any(0 <= hit.start - a.end <= 1 for a in actors)


def _civilians_protest(sentence: str, hit: Hit, actors: list[ActorMention]) -> Hit:
    """A state's coercion or sanction done by protesters or civilians is their protest."""
    if (hit.event_type == "ASSAULT" or hit.cameo == "1712") and all(
        _PROTESTING.search(a.text) for a in actors
    ):
        # Violence by protesters ("protesters stormed parliament", "torched government offices") is a
        # riot (PLOVER PROTEST riot).
        return hit._replace(event_type="PROTEST", cameo="145", mode="riot")
    blocking = hit.cameo == "1711"
    boycott = hit.event_type == "SANCTION" and sentence.startswith("boycott", hit.start)
    if not (blocking or boycott) or not all(
        a.sector in _CIVILIAN_SECTORS or (a.sector is None and _is_people(a)) for a in actors
    ):
        return hit
    # Blocking roads is coercion by the state but protest by civilians, a people named by its nationality
    # among them ("crowds of Georgians blocked ...": PLOVER PROTEST obstruct); a state's boycott is a
    # sanction, traders', students' or an opposition's a protest (CAMEO 143).
    if blocking:
        return hit._replace(event_type="PROTEST", cameo="144", mode="obstruct")
    return hit._replace(event_type="PROTEST", cameo="143", mode="boycott")


class _SentencesRead:
    """The actor mentions of an article's sentences, each found once: in reading order, or on first use
    by a pronoun in the sentence after (a sentence with no trigger and no title is not read otherwise)."""

    def __init__(self, texts: list[str], memory: ArticleMemory, dateline_end: int) -> None:
        self.texts = texts
        self.memory = memory
        self.dateline_end = dateline_end
        self.found: dict[int, list[ActorMention]] = {}

    def mentions(self, position: int) -> list[ActorMention]:
        if position not in self.found:
            found = find_actors(self.texts[position], self.memory)
            if position == 0 and self.dateline_end:
                # "NAIROBI, March 9 (Reuters) -" says where the story was filed, not who acts in it.
                found = [m for m in found if m.start >= self.dateline_end]
            self.found[position] = found
        return self.found[position]

    def before(self, position: int) -> Previous:
        return lambda: self.mentions(position - 1) if position > 0 else []


def code_article(
    article_id: str, text: str, published: dt.date | None, url: str | None = None
) -> list[EventRecord]:
    """Every event in an article, one record per distinct event (same fingerprint = same event)."""
    normalized = normalize(text)
    sentences = split_sentences(normalized)
    # Most sentences hold no trigger: find those first and do the costlier work only where needed.
    hits_by_sentence = [sentence_hits(sentence.text) for sentence in sentences]
    last = max((i for i, hits in enumerate(hits_by_sentence) if hits), default=-1)
    if last < 0:
        return []
    # Where the article is, and what it says of where its places are: computed on first use.
    article_place: list[PlaceMention | None] = []
    places_context: list[ArticlePlaces] = []
    texts = [sentence.text for sentence in sentences]
    if is_company_report(normalized, " ".join(texts[:2]).lower()):
        return []

    # The dateline is read once: only the first sentence can open with one.
    filed = read_dateline(texts[0])
    town_line = town_dateline(texts[0]) if filed is None and sentences[0].start == 0 else None
    story_start = filed.end if filed is not None else town_line[1] if town_line is not None else 0

    def dateline() -> PlaceMention | None:
        if not article_place:
            # Read on the whole text: the splitter may end a first sentence inside a dateline ("LONDON, Ky.").
            written = town_line[0] if town_line is not None else None
            article_place.append(dateline_place(normalized) or written)
        return article_place[0]

    def context() -> ArticlePlaces:
        if not places_context:
            places_context.append(article_places(normalized, texts, dateline()))
        return places_context[0]

    def in_context(mention: PlaceMention) -> PlaceEntry | None:
        return settle(mention, dateline(), context)

    def where_article_is() -> PlaceMention | None:
        # The dateline's place, else the article's main town: a dateline outranks a capital named later.
        if len(article_place) < 2:
            article_place.append(dateline() or main_city(texts, in_context))
        return article_place[1]

    def home_country() -> str | None:
        found = where_article_is()
        return found.place.country if found is not None else None

    # Read in order: people introduced with a title resolve by surname in the sentences after.
    memory = ArticleMemory(home_country=home_country, date=published)
    read = _SentencesRead(texts, memory, story_start if sentences[0].start == 0 else 0)
    reports: list[dict[str, Any]] = []
    for position, (sentence, hits) in enumerate(zip(sentences[: last + 1], hits_by_sentence, strict=False)):
        if not hits and not has_title(sentence.text):
            continue
        mentions = read.mentions(position)
        remember_people(mentions, memory)
        if not hits or reports_no_event(sentence.text, mentions):
            continue
        for hit, actor_mentions, recipient_mentions, place, when in code_sentence(
            sentence, published, hits, mentions, read.before(position), story_start if position == 0 else 0
        ):
            cameo, mode = hit.cameo, hit.mode
            town = in_context(place) if place is not None else None
            # A name the article does not say which town it is falls back on the article's place.
            place = place._replace(place=town) if place is not None and town is not None else None
            in_sentence = place is not None
            location = _location_data(place if in_sentence else where_article_is(), in_sentence)
            reports.append(
                {
                    "event_id": "",
                    "article_id": article_id,
                    "event_date": when or published,
                    # A date the sentence does not state is no evidence against a merge (identity.py).
                    "date_stated": when is not None,
                    "event_type": hit.event_type,
                    "event_mode": mode,
                    "cameo_code": cameo,
                    "quad_class": quad_class(hit.event_type),
                    "goldstein": goldstein(cameo),
                    "actors": [_actor_data(m) for m in actor_mentions],
                    "recipients": [_actor_data(m) for m in recipient_mentions],
                    "location": location,
                    "sentence": sentence.text,
                    "sentence_index": sentence.index,
                    "url": url,
                    "trigger": sentence.text[hit.start : hit.end],
                    "trigger_span": {"start": hit.start, "end": hit.end},
                }
            )
    # One record per event: an article's reports of one event merge (stream/extract/identity.py).
    return [EventRecord.model_validate(record) for record in merge_reports(reports)]
