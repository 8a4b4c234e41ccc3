"""Who did it and to whom: the actor and recipient roles of a trigger hit in its sentence."""

from __future__ import annotations

import re
from typing import Final

from stream.extract.actors import ActorMention, PlaceMention
from stream.extract.gazetteer import name_kind
from stream.extract.hits import Hit
from stream.extract.text import WordStartScan
from stream.ingest.dateline import DATELINE

__all__ = ["roles"]

_HEAD_WORD = re.compile(r"[\w'-]+")
_SPACE = re.compile(r"\s+")
_WITH_OR_BETWEEN = re.compile(r"\s+(?:with|between)\b")
_BETWEEN = re.compile(r"\s+between\b")
_PARTICIPLE_CLAUSE = re.compile(r",\s+$")
_IN_A = re.compile(r"\bin (?:an? )?$")
# Only determiners, quantities and capitalised words before a mention: it opens the sentence, as its
# subject ("The Chinese", "Hundreds of Iranian students", "Some 300 Afghan refugees").
_SUBJECT_LEAD = re.compile(
    r"(?:(?:[Tt]he|[Aa]n?|[A-Z][\w'.-]*|of|some|several|about|hundreds|thousands|dozens|scores|\d[\d,.]*)\s+)*"
)
# A passive participle opening the sentence with its agent ("Backed by Russia, ...", "Angered by ...,").
_OPENING_BY = re.compile(r"[A-Z][a-z]+ed by [^,;:\"]{1,120}?,\s+")
# A participle clause opening the sentence ("Rejecting the offer, Ukraine ...", "Pulling back from the
# town, rebel fighters ..."): its subject is the main clause's, named after the comma. Not prepositions
# that end in -ing ("During the talks", "Following the attack": those name an event, not its doer).
_OPENING_PARTICIPLE = re.compile(
    r"(?!(?:During|According|Following|Including|Regarding|Concerning)\b)"
    r"[A-Z][a-z]{2,}ing [^,;:\"]{1,120}?,\s+"
)
_RELATIVE = re.compile(r"\b(?:that|which|who)\s+(?:\w+ly\s+)?(?:had\s+|has\s+|have\s+)?$")
_SUBORDINATOR = WordStartScan(r"(?:when|after|before|because|while|since|until|although|though|whereas)\s+")
# An event noun amid, despite or before the main clause's event is not the subject's doing ("resigned
# amid the fighting", "declared an emergency despite protests by ...", "amid weeks of protests"); one
# after "after", "since" or "following" happened earlier and codes nothing (hits._EARLIER), unless a
# stretch of time stands between ("captured the stronghold after five days of fighting" is the subject's).
_BACKGROUND = re.compile(
    r"\b(?:(?:before|amid|despite)\s+(?:the|a|an|this|that|last \w+'s)|amid|despite"
    r"|(?:amid|despite)\s+(?:(?:several|two|three|four|five|six|many|\d+)\s+)?"
    r"(?:hours|days|weeks|months|years)\s+of)\s+(?:[\w-]+\s+){0,2}$"
)
# "was extradited to the United States by Spain": the agent after "by", a few words on.
_BY_AGENT = re.compile(r"\s+(?:[\w.'-]+\s+){0,5}?by\s")
# "Russia was suspended from the Council of Europe": the body it is suspended from acts.
# Searched for: tried from the first space of a run only, or each later one would read the run again.
_FROM_BODY = re.compile(r"(?<!\s)\s+from\s+(?:the\s+)?$")
_DIRECT_BY = re.compile(r"\s+by\b")
# A trigger noun that is the subject of its own clause ("as fighting intensified"): background, with no
# actor from the main clause.
_EVENT_AS_SUBJECT_BEFORE = re.compile(
    r"\b(?:as|when|while|after|since|until|before|because|amid)\s+(?:the\s+)?$"
)
_INTRANSITIVE_AFTER = re.compile(
    r"\s+(?:\w+ly\s+)?(?:intensified|continued|raged|escalated|erupted|broke out|spread|flared|resumed|"
    r"subsided|worsened|persisted|spilled|dragged on|went on)\b"
)
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
        # "hailed the Sandinista victory in Nicaragua", "eased the curfew in Kashmir": praise and
        # concessions are for the place's party too.
        "SUPPORT",
        "CONCEDE",
    )
)
# Past participles that make "was/were ..." a passive (stative "is opposed to" is not).
_PARTICIPLE = re.compile(
    r"(?!(?:opposed|committed|prepared|interested|engaged|determined)$)[a-z-]+(?:ed|en|wn)|held|shot|hit|struck|met|sent|seized|fought"
)
# An event noun said to be what a clause's act is for ("sent troops to Syria for a ground offensive") is
# that clause's subject's doing, like a verb.
_PURPOSE = re.compile(r"\bfor\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?$")
# Verbs whose object an event noun after it names as its other party ("handed Doha an ultimatum").
_OBJECT_VERB = re.compile(
    r"\b(gave|give|gives|handed|hands|sent|sends|issued|issues|served|serves|delivered|delivers|"
    r"received|receives|hosted|hosts|welcomed|welcomes|met|meets|invited|invites)\s+"
    r"(?:the\s+|his\s+|her\s+|its\s+|their\s+)?$"
)
_DETERMINED = re.compile(r"\b(?:an?|the)\s+(?:[\w-]+\s+)?$")
_HOSTING = ("receiv", "host", "welcom", "invit")
# Prepositions read just before a mention (see _after).
_WITH = re.compile(r"\bwith\s+(?:the\s+)?$")
_TO = re.compile(r"\bto\s+(?:the\s+)?$")
_IN = re.compile(r"\bin\s+(?:the\s+)?$")
_AT_OR_IN = re.compile(r"\b(?:in|at|across|throughout)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$")
_SENDING = re.compile(r"\b(?:send|sends|sent|sending|dispatch(?:es|ed|ing)?|deploy(?:s|ed|ing)?)\b")
_SENT_GAP: Final = 30  # "to the war-torn region of": words between who is sent and where
_JAILER = re.compile(r"\s+(?:jails?|prisons?|custody|detention)\b")
_AGAINST = re.compile(r"\bagainst\s+(?:the\s+)?$")
_PREPOSITION = re.compile(
    r"\b(?:to|on|against|into|with|for|at|over|toward|towards|from|outside|inside|near|around|across)\s+"
    r"(?:the\s+)?$"
)
_COORD = (",", "and", ", and", "&", "-")  # "-": "Russia-Ukraine talks"
# "the army and leftist guerrillas": one modifier may stand after "and".
_COORD_GAP = re.compile(r",?\s*(?:and )?(?:the )?|,?\s*and (?:the )?[A-Za-z-]+ ")
_ATTRIBUTION = re.compile(
    r",\s+(?:[\w'().-]+\s+){0,8}?(?:said|says|told|reported|announced)\b|,\s+(?:said|says|according to)\b"
)
# A party named further than this after the trigger belongs to another clause of the sentence.
_RECIPIENT_REACH = 100
# "withdrew its troops", "offered their forces": the actor's own people are not its target.
_OWN = re.compile(r"\b(?:its|their|his|her|our)\s+(?:own\s+)?$")
# ", a key U.S. ally in the war," after a subject: mentions inside describe it, they are not actors.
_APPOSITION = re.compile(r"(?<=\w), (?:a|an|the|who|which) [^,]{1,80},")
# "X said that Y must ...": the reporting verb separates who demands from who is asked.
_REPORTING = re.compile(
    r"\b(?:said|says|reiterated|insisted|stressed|declared|added|warned|told\s+[\w ]{1,30}?)\s+"
    r"(?:(?:on|last)\s+\w+\s+)?(?:that\s+)?"
)


def _group(mentions: list[ActorMention], sentence: str, anchor: int, forward: bool) -> list[ActorMention]:
    """The nearest mention on one side of the trigger, plus those coordinated with it."""
    if not mentions:
        return []
    ordered = mentions if forward else list(reversed(mentions))
    group = [ordered[0]]
    for mention in ordered[1:]:
        left, right = (group[-1], mention) if forward else (mention, group[-1])
        between = sentence[left.end : right.start]
        if between.strip() in _COORD or _COORD_GAP.fullmatch(between):
            group.append(mention)
        else:
            break
    return group if forward else list(reversed(group))


def _after(preposition: re.Pattern[str], sentence: str, mention: ActorMention) -> bool:
    """Whether the mention is the object of that preposition ("against the Kremlin")."""
    return preposition.search(sentence, max(0, mention.start - 16), mention.start) is not None


def _opening_quote_end(sentence: str) -> int:
    """Where a quotation that opens the sentence closes (-1 if the sentence opens with none)."""
    return sentence.find('"', 1) if sentence.startswith('"') else -1


def _clause_start(sentence: str, trigger_start: int) -> int:
    """Where a subordinate clause holding a verb trigger starts (0 if none): the last subordinator
    before the trigger with no comma between ("Russia, after weeks of talks, agreed" is not one)."""
    starts = [m.end(1) for m in _SUBORDINATOR.finditer(sentence, 0, trigger_start)]
    return starts[-1] if starts and "," not in sentence[starts[-1] : trigger_start] else 0


def roles(
    sentence: str,
    hit: Hit,
    mentions: list[ActorMention],
    places: list[PlaceMention],
    story_start: int | None = None,
) -> tuple[list[ActorMention], list[ActorMention]]:
    """(actors, recipients) of a hit: by position, coordination, voice and clause, never the same party
    on both sides. `story_start` is where the story begins after a wire dateline (0 for none; the
    article's coder reads it once), read from the sentence when not given."""
    story = _dateline_end(sentence) if story_start is None else story_start
    if hit.obliged:
        return _demand_roles(sentence, hit, mentions)
    if hit.trigger.passive:
        return _passive_roles(sentence, hit, mentions)
    reduced = _reduced_relative(sentence, hit, mentions)
    if reduced is not None:
        return reduced
    # Patterns with gaps ("give Tanzania a grant") may hold the recipient inside the trigger span.
    head = _HEAD_WORD.match(sentence, hit.start, hit.end)
    head_end = head.end() if head else hit.start
    attribution = _ATTRIBUTION.search(sentence, hit.end)
    limit = attribution.start() if attribution else len(sentence)
    # '"We will not negotiate," Duterte told reporters': in a quote that opens the sentence the targets
    # are inside the quote, and the speaker after it acts.
    quote_end = _opening_quote_end(sentence)
    if quote_end >= hit.end:
        limit = min(limit, quote_end)
    opening = _opening_clause(sentence, hit)
    limit = _clause_limit(sentence, hit, limit, opening)
    before = _subject_candidates(sentence, hit, mentions, head_end, story)
    after = _object_candidates(sentence, hit, mentions, head_end, limit)
    actors, objects = _actors(sentence, hit, mentions, before, quote_end, story)
    # A noun: a noun trigger's word not read as a participle ("was killed by" is a passive's), or a word
    # after an article ("a boycott by").
    noun = (
        hit.trigger.nominal and not _PARTICIPLE.fullmatch(sentence[hit.start : head_end].lower())
    ) or sentence.endswith(("a ", "an ", "the ", "A ", "An ", "The "), 0, hit.start)
    agents = _noun_agents(sentence, hit, mentions) if noun else []
    if agents:
        # "a general strike called by Lebanese unions", "air strikes by Saudi jets", "the visit of the
        # Chinese premier to Pakistan": the event noun's own doer, whoever the clause's subject is.
        actors, objects = agents, []
        after = [m for m in after if m not in agents]
    if opening is not None and not actors:
        actors = _main_subject(
            sentence, [m for m in mentions if not m.locative and not m.adjective], opening.end()
        )
    single = len(actors) < 2
    recipients = _recipients(sentence, hit, actors, after, objects)
    # "talks between X and Y" may hold "between" in the trigger itself.
    between = _BETWEEN.match(sentence, hit.end) or sentence.endswith("between", hit.start, hit.end)
    if between and len(recipients) >= 2 and (not actors or hit.trigger.reciprocal):
        # "fighting between Azerbaijanis and Armenians": the parties named after "between" act.
        actors, recipients = recipients, []
    actors, recipients = _by_voice(sentence, hit, head_end, actors, recipients, after)
    recipients = _harm_doer(sentence, hit, mentions) or recipients
    if not actors and recipients:
        actors = _authority(sentence, hit, recipients, mentions, places)
    # Actor and recipient are different parties: drop recipients that repeat an actor's country.
    actor_keys = {(a.country, a.sector) for a in actors}
    actor_countries = {a.country for a in actors}
    recipients = [
        r
        for r in recipients
        if (r.country, r.sector) not in actor_keys and not (r.sector is None and r.country in actor_countries)
    ]
    # "refused to hand over Osama bin Laden to the United States", "requested the extradition of Thaksin
    # from Britain": the state a person is handed to or taken from is a party too.
    state = _state_handed(sentence, hit, recipients[-1], mentions) if recipients else None
    if state is not None and state.country not in actor_countries:
        recipients = [*recipients, state]
    recipients = _sent_to(sentence, hit, mentions, recipients, actor_countries)
    if hit.event_type == "PROTEST":
        recipients = _protested(sentence, mentions, recipients, actor_countries)
    if not recipients and actors:
        # "exchanging data with their counterparts in India": the counterparts are the other party.
        recipients = [
            m
            for m in mentions
            if m.locative
            and m.start > hit.start
            and _COUNTERPART.search(sentence, max(0, m.start - 20), m.start)
        ][:1]
    if hit.mode == "visit" and actors:
        # "Scholz flew to Beijing for a one-day visit, the first by a G7 leader": the destination named
        # between the visitor and the visit is the host.
        host = [
            m
            for m in mentions
            if m.locative and actors[-1].end <= m.start < hit.start and m.country not in actor_countries
        ]
        recipients = host[:1] or recipients
    targeted = hit.event_type in _PLACE_TARGETED or hit.mode in ("visit", "withdraw")
    if _placeless(hit, recipients) and actors and single and targeted:
        # The target named only as a place: "shelled targets in Jericho", "pulled out of Kherson"; a
        # visit's host anywhere in the sentence ("arrived in Amman on a visit"); the state where a
        # transnational group was attacked ("killed an al-Qaeda commander in eastern Yemen").
        window = (0, len(sentence)) if hit.mode == "visit" else (head_end, min(limit, hit.end + _NEAR))
        # Not a capital named as a venue ("the Rome peace accord"): where a deal was made is not its party.
        located = [
            m for m in mentions if m.locative and not (m.sector and sentence.endswith("the ", 0, m.start))
        ] + [_as_mention(p) for p in places]
        groups = recipients
        recipients = _place_target(
            sentence, hit, [m for m in located if window[0] <= m.start < window[1]], actor_countries, groups
        )
        if recipients and hit.mode != "visit":
            recipients += _coordinated_places(
                sentence, recipients[0], located, min(limit, hit.end + _RECIPIENT_REACH)
            )
        recipients = groups + recipients
    return actors, recipients


# "condemned Israeli air strikes on Gaza", "dismay at Israel's shelling of the town": the harm's doer,
# named as the first word of the object, is whom the accusation is aimed at, not the harm's victims.
_TO_DOER = re.compile(r"(?:\s+(?:on|last)\s+[A-Z]\w+)?\s+(?:(?:at|over|of|against)\s+)?(?:the\s+)?")
_HARM_NOUN = re.compile(
    r"(?:'s|’s)?\s+(?:[a-z]+\s+)?(?:strikes?|attacks?|shelling|bombings?|bombardments?|raids?|killings?|"
    r"invasion|occupation|incursions?|offensives?|crackdown|aggression|massacres?|assaults?)\b"
)


def _harm_doer(sentence: str, hit: Hit, mentions: list[ActorMention]) -> list[ActorMention]:
    """The state named right after an accusation as the doer of a harm ("Israeli strikes on ..."), if any."""
    doer = next((m for m in mentions if m.start >= hit.end), None) if hit.event_type == "ACCUSE" else None
    if (
        doer is None
        or doer.sector is not None
        or doer.start - hit.end > _NEAR // 2
        or not _TO_DOER.fullmatch(sentence, hit.end, doer.start)
        or not _HARM_NOUN.match(sentence, doer.end)
    ):
        return []
    return [doer._replace(locative=False, adjective=False)]


# What a state does to its own towns and people as much as to others'.
_DONE_AT_HOME: Final = frozenset(("COERCE", "ASSAULT", "MOBILIZE", "AID"))


def _place_target(
    sentence: str, hit: Hit, located: list[ActorMention], own: set[str], groups: list[ActorMention]
) -> list[ActorMention]:
    """The first place of another country, else ("Authorities imposed a curfew in Leh", "troops massed
    around Grozny") for what a state does at home with no other target, the first town of its own (not
    a region or state named as a place: "an operation in Nagorno-Karabakh" has no target)."""
    located = sorted(located, key=lambda m: m.start)
    foreign = [m for m in located if m.country not in own][:1]
    # "They were kidnapped by rebels near Kidal": a passive's target is its subject, whoever that is.
    passive = _PASSIVE.search(sentence[max(0, hit.start - 20) : hit.start].lower()) is not None
    if foreign or groups or passive or hit.event_type not in _DONE_AT_HOME:
        return foreign
    return [m for m in located if name_kind(m.text) != "country"][:1]


def _placeless(hit: Hit, recipients: list[ActorMention]) -> bool:
    """Whether the target leaves a place to name: none found, or only transnational armed groups (IMG)
    attacked, who hold no territory of their own."""
    return not recipients or (hit.event_type == "ASSAULT" and all(r.country == "IMG" for r in recipients))


# The doer of an event noun: after "by", maybe after a participle ("a strike called by", "raids carried
# out by"), and for nouns of what one does alone (withdrawing, deploying, protesting, visiting) after "of".
_NOUN_BY = re.compile(
    r"\s+(?:(?:called|staged|organi[sz]ed|led|launched|mounted|carried out|conducted|declared|held|"
    r"started|begun|announced|ordered)\s+)?by\s+(?:the\s+)?"
)
_NOUN_OF = re.compile(r"\s*\bof\s+(?:the\s+)?")
_DOER_OF: Final = frozenset(("RETREAT", "MOBILIZE", "PROTEST", "CONSULT"))
_AGENT_GAP: Final = 4  # words a quantity may add before the doer ("by some 300 Kurdish prisoners")


def _noun_agents(sentence: str, hit: Hit, mentions: list[ActorMention]) -> list[ActorMention]:
    """The parties named as an event noun's doer right after it, with those coordinated with them."""
    by = _NOUN_BY.match(sentence, hit.end)
    if by is None and hit.event_type in _DOER_OF:
        by = _NOUN_OF.match(
            sentence, hit.end - 3 if sentence.endswith(" of", hit.start, hit.end) else hit.end
        )
    if by is None:
        # "the expulsion of Iranian diplomats by Argentina": the doer after the noun's object.
        done_to = next((m for m in mentions if hit.end <= m.start <= hit.end + _NEAR // 2), None)
        by = _NOUN_BY.match(sentence, done_to.end) if done_to is not None else None
    if by is None:
        return []
    doers = [m for m in mentions if m.start >= by.end() and not m.locative]
    if not doers or len(sentence[by.end() : doers[0].start].split()) > _AGENT_GAP:
        return []
    if not _SUBJECT_LEAD.fullmatch(sentence, by.end(), doers[0].start):
        return []
    return _group(doers, sentence, by.end(), forward=True)


def _sent_to(
    sentence: str, hit: Hit, mentions: list[ActorMention], recipients: list[ActorMention], own: set[str]
) -> list[ActorMention]:
    """ "will send a Red Cross delegation to Pyongyang", "sent Cuban doctors to Italy": who is sent goes
    to the party named after "to", the target."""
    if not recipients or not _SENDING.search(sentence, hit.start, recipients[0].start):
        return recipients
    sent = recipients[-1]
    destination = next((m for m in mentions if m.start >= sent.end and not m.adjective), None)
    if (
        destination is not None
        and destination.start - sent.end <= _SENT_GAP
        and _after(_TO, sentence, destination)
        and destination.country not in own
    ):
        return [destination]
    return recipients


def _protested(
    sentence: str, mentions: list[ActorMention], recipients: list[ActorMention], own: set[str]
) -> list[ActorMention]:
    """A protest's targets: a mission's state ("Serbs massed outside the U.S. embassy"), else the jailer
    of those who protest ("Palestinian prisoners in Israeli jails launched a hunger strike")."""
    recipients = recipients + [
        m for m in mentions if _MISSION.search(m.text) and m.country not in own and m not in recipients
    ]
    if recipients:
        return recipients
    return [
        m
        for m in mentions
        if m.country not in own
        and (_JAILER.match(sentence, m.end) or _JAILER.search(m.text) is not None)
        and _after(_IN, sentence, m)
    ][:1]


def _opening_clause(sentence: str, hit: Hit) -> re.Match[str] | None:
    """The participle clause opening the sentence when it holds the trigger ("Rejecting the offer, ...")."""
    opening = _OPENING_PARTICIPLE.match(sentence)
    if opening is None or hit.end > opening.end() or name_kind(sentence.split(" ", 1)[0]) is not None:
        return None  # the trigger is in the main clause, or the first word is a name ("Beijing")
    return opening


def _clause_limit(sentence: str, hit: Hit, limit: int, opening: re.Match[str] | None) -> int:
    """Where the trigger's targets end: at the end of an opening clause that holds it."""
    if opening is not None:
        limit = min(limit, opening.end())
    agented = _OPENING_BY.match(sentence)
    if agented is not None and hit.end <= agented.end():
        limit = min(
            limit, agented.end()
        )  # "Angered by Turkey's raids, Greek shoppers": not the raids' target
    return limit


# Who a state's authorities hold for what they say or do: journalists, opponents, crowds, workers.
_HELD_FOR_DISSENT: Final = frozenset(("JRN", "OPP", "CVL", "LAB", "EDU", "REL", "HRI"))
_HELD_PASSIVE = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+ly\s+)?$")


def _authority(
    sentence: str,
    hit: Hit,
    held: list[ActorMention],
    mentions: list[ActorMention],
    places: list[PlaceMention],
) -> list[ActorMention]:
    """ "Dozens of journalists have been jailed in Turkey", "Protesters were detained in Moscow": an arrest
    in the passive with no agent is the authorities' of the state where it happened (a place named just
    after the trigger), when those held are journalists, opponents, crowds or workers."""
    if hit.event_type != "COERCE" or not _HELD_PASSIVE.search(sentence, max(0, hit.start - 20), hit.start):
        return []
    if not all(m.sector in _HELD_FOR_DISSENT for m in held):
        return []
    located = [m for m in mentions if m.locative] + [_as_mention(p) for p in places]
    where = min(
        (m for m in located if hit.end <= m.start <= hit.end + _NEAR // 2 and _after(_AT_OR_IN, sentence, m)),
        key=lambda m: m.start,
        default=None,
    )
    if where is None:
        return []
    return [ActorMention(where.start, where.end, where.text, where.country, "GOV")]


_TO_OR_FROM = re.compile(r"\s+(?:back\s+|over\s+)?(?:to|from)\s+(?:the\s+)?")
# Giving up a territory ("handed Hong Kong back to China", "ceded Crimea to Russia"): the state it goes to
# is the target.
_YIELDING: Final = frozenset(("RETREAT", "CONCEDE"))


def _state_handed(
    sentence: str, hit: Hit, person: ActorMention, mentions: list[ActorMention]
) -> ActorMention | None:
    """The state named right after a person target, or a territory given up, by "to" or "from"."""
    territory = hit.event_type in _YIELDING and person.sector is None and not person.adjective
    if not person.person and person.sector not in ("REB", "ELI") and not territory:
        return None
    gap = _TO_OR_FROM.match(sentence, person.end)
    if gap is None:
        return None
    return next(
        (
            m
            for m in mentions
            if m.start == gap.end() and m.sector is None and not m.adjective and not m.person
        ),
        None,
    )


def _coordinated_places(
    sentence: str, first: ActorMention, located: list[ActorMention], limit: int
) -> list[ActorMention]:
    """Places of other countries joined to the first target by "and" in one clause ("camps in
    Afghanistan and a pharmaceutical plant in Khartoum")."""
    found: list[ActorMention] = []
    last = first
    for m in sorted(located, key=lambda m: m.start):
        if m.start <= last.start or m.start >= limit or m.country in {x.country for x in (first, *found)}:
            continue
        between = sentence[last.end : m.start]
        if " and " not in between or "," in between or len(between) > _AND_PLACE_GAP:
            break
        found.append(m)
        last = m
    return found


_AND_PLACE_GAP: Final = 40  # "and a pharmaceutical plant in ": the words between coordinated places
_MISSION = re.compile(r"\b(?:[Ee]mbass(?:y|ies)|[Cc]onsulates?)\b")
_COUNTERPART = re.compile(r"\bcounterparts? (?:in|from) (?:the )?$")
# Weaker evidence of a target only counts this close after the trigger.
_NEAR = 60


def _subject_candidates(
    sentence: str, hit: Hit, mentions: list[ActorMention], head_end: int, story: int
) -> list[ActorMention]:
    """The mentions before the trigger that may be its subject, in order."""
    appositions = [
        m.span()
        for m in _APPOSITION.finditer(sentence, 0, hit.start)
        if any(x.end <= m.start() and not x.locative for x in mentions)  # describes an earlier subject
        and not _lists_a_state(sentence, m, mentions)
    ]
    before = [
        m
        for m in mentions
        if m.end <= hit.start
        and not m.locative
        and not m.adjective
        and not any(a <= m.start < b for a, b in appositions)
        and not _suffered(sentence, m, hit)
    ]
    if hit.trigger.nominal and (
        _BACKGROUND.search(sentence, max(0, hit.start - 50), hit.start)
        or (
            _EVENT_AS_SUBJECT_BEFORE.search(sentence, max(0, hit.start - 20), hit.start)
            and _INTRANSITIVE_AFTER.match(sentence, hit.end)
        )
    ):
        # "resigned amid the fighting", "mobilized reservists as fighting intensified": the main
        # clause's subject did not carry out the attack.
        return []
    opening = _OPENING_BY.match(sentence)
    if opening is not None and opening.end() <= hit.start:
        # "Angered by Tokyo's purchase of the islands, Chinese shoppers ...": who moved the subject is not
        # its verb's subject.
        before = [m for m in before if m.start >= opening.end()]
    return _in_subject_clause(sentence, hit, before, head_end, story)


def _lists_a_state(sentence: str, apposition: re.Match[str], mentions: list[ActorMention]) -> bool:
    """ ", the United Arab Emirates," is an item of a list of states ("Saudi Arabia, the United Arab
    Emirates, Bahrain and Egypt"), not a description: the words after "the" are a state's whole name."""
    start, end = apposition.start() + len(", the "), apposition.end() - 1
    return sentence.startswith(", the ", apposition.start()) and any(
        x.start == start and x.end == end and x.sector is None and not x.adjective and not x.person
        for x in mentions
    )


def _in_subject_clause(
    sentence: str, hit: Hit, before: list[ActorMention], head_end: int, story: int
) -> list[ActorMention]:
    """The candidates before a verb that its relative, subordinate or participle clause leaves."""
    # Verbs, also among the triggers that may be nouns ("killed" beside "attacks").
    verbal = not hit.trigger.nominal or sentence.endswith("ed", hit.start, head_end)
    relative = _RELATIVE.search(sentence, max(0, hit.start - 24), hit.start) if verbal else None
    if relative is not None:
        # "Turkey, which attacked ...": the relative pronoun's antecedent acts; "attacks that killed
        # seven soldiers": an antecedent that names no party leaves the verb without a known actor.
        before = [m for m in before if not sentence[m.end : relative.start()].strip(" ,")][-1:]
    clause = 0 if hit.trigger.nominal else _clause_start(sentence, hit.start)
    if clause:
        # "... for assets they lost when former dictator Idi Amin expelled them": the trigger's subject
        # is inside its own clause; names before the clause are not it.
        before = [m for m in before if m.start >= clause]
    if _PARTICIPLE_CLAUSE.search(sentence, 0, hit.start) and sentence[hit.start : head_end].endswith("ing"):
        # ", killing 30 soldiers": whoever the main clause's subject is did it, not the nearest name
        # ("Heavy storms hit southern Spain, killing two people" names no actor).
        before = _main_subject(sentence, before, story)
    elif (in_a := _IN_A.search(sentence, max(0, hit.start - 8), hit.start)) and (
        hit.trigger.nominal or in_a.group() != "in "
    ):
        # "Israeli troops killed three Palestinians in a raid", "staged drills in a show of force": the
        # event noun after "in" is the main clause's doing, its subject's, not the nearest name's.
        before = _main_subject(sentence, before, story) or before
    return before


def _dateline_end(sentence: str) -> int:
    """Where the story begins after a wire dateline ("CAIRO, Sept. 11 (AP) - ", "QUITO (Reuters) — "),
    the sentence's subject's place; 0 without one."""
    dateline = DATELINE.match(sentence)
    return dateline.end() if dateline is not None else 0


def _main_subject(sentence: str, candidates: list[ActorMention], start: int) -> list[ActorMention]:
    """The candidate that opens the clause at `start` as its subject, with those coordinated with it
    ("Spanish and French police ... in a joint operation")."""
    lead = next(
        (m for m in candidates if m.start >= start and _SUBJECT_LEAD.fullmatch(sentence, start, m.start)),
        None,
    )
    if lead is None:
        return []
    return _group(candidates[candidates.index(lead) :], sentence, lead.start, forward=True)


def _object_candidates(
    sentence: str, hit: Hit, mentions: list[ActorMention], head_end: int, limit: int
) -> list[ActorMention]:
    """The mentions after the trigger, within its clause's reach, that may be its target."""
    return [
        m
        for m in mentions
        if m.start >= head_end
        and m.start < limit
        and not m.locative
        and not (_OWN.search(sentence[max(0, m.start - 16) : m.start]) and "counterpart" not in m.text)
        and m.start - hit.end <= _RECIPIENT_REACH
    ]


def _actors(
    sentence: str,
    hit: Hit,
    mentions: list[ActorMention],
    before: list[ActorMention],
    quote_end: int,
    story: int,
) -> tuple[list[ActorMention], list[ActorMention]]:
    """(actors, objects): who acts, and a preposition's object taken for the target when none follows."""
    actors = _group(before, sentence, hit.start, forward=False)
    objects: list[ActorMention] = []
    verbal = not hit.trigger.nominal or _PURPOSE.search(sentence, max(0, hit.start - 30), hit.start)
    if actors and verbal and _after(_PREPOSITION, sentence, actors[0]):
        # "The UN sent personnel to Bosnia to investigate", "lifting sanctions on Burma is out of the
        # question": a party after a preposition is no subject of a verb; an earlier subject acts, and
        # the preposition's object is the target when none follows. (An event noun is another matter:
        # "sanctions on Iranian officials over the crackdown" names who cracked down.)
        subjects = [m for m in before if m.end <= actors[0].start and not _after(_PREPOSITION, sentence, m)]
        if subjects:
            objects = actors
            actors = _group(subjects, sentence, actors[0].start, forward=False)
    object_verb = (
        _OBJECT_VERB.search(sentence, max(0, actors[0].start - 24), actors[0].start)
        if actors
        and (hit.trigger.nominal or _DETERMINED.search(sentence, max(0, hit.start - 24), hit.start))
        and "," not in sentence[actors[-1].end : hit.start]
        else None
    )
    if object_verb is not None and hit.start - actors[-1].end <= _NEAR:
        # "Riyadh handed Doha an ultimatum", "Lula received the Argentine president for talks": the object
        # of a verb before an event noun is its other party; the verb's subject acts (a host's guest
        # visits: the guest acts, the host receives).
        subjects = [m for m in before if m.end <= object_verb.start()]
        if subjects:
            subject = _group(subjects, sentence, object_verb.start(), forward=False)
            hosted = object_verb.group(1).startswith(_HOSTING) and hit.event_type == "CONSULT"
            actors, objects = (actors, subject) if hosted else (subject, actors)
    if actors and sentence.startswith("in ", hit.start):
        # "Demonstrators scaled the walls of the U.S. embassy ... in protest at": a trigger opening with
        # "in" is the clause subject's doing; the party nearest before it is the other party.
        subject = _main_subject(sentence, before, story)
        if subject and subject != actors:
            actors, objects = subject, actors
    if not actors and quote_end >= hit.end:
        speakers = [m for m in mentions if m.start > quote_end and not m.locative and not m.adjective]
        actors = _group(speakers, sentence, quote_end, forward=True)
    if not actors:
        # "Palestinian suicide bombers", "U.S. cruise missiles slammed into": a trigger that begins
        # inside a mention names who acted.
        actors = [m for m in mentions if m.start <= hit.start < m.end <= hit.end and not m.locative]
    if not actors:
        # "Palestinian riots": a nationality adjective on the trigger noun names who acts.
        actors = [m for m in mentions if m.adjective and _SPACE.fullmatch(sentence, m.end, hit.start)]
    return actors, objects


def _recipients(
    sentence: str,
    hit: Hit,
    actors: list[ActorMention],
    after: list[ActorMention],
    objects: list[ActorMention],
) -> list[ActorMention]:
    """The target among the mentions after the trigger, else the preposition's object."""
    # "recall France's ambassador to Algeria": the actor's own people are skipped, not the target.
    own = {(a.country, a.sector) for a in actors}
    # "Deng warned that China would teach Vietnam a lesson": nor is the actor's own state, named without
    # a sector: the target is the next party.
    own_states = {a.country for a in actors}
    after = [
        m
        for m in after
        if (m.country, m.sector) not in own and not (m.sector is None and m.country in own_states)
    ]
    proper = [m for m in after if not m.adjective]
    if len(proper) > 1 and _after(_WITH, sentence, proper[0]):
        # "filed a complaint with the Security Council against Israel": "with" names the forum,
        # "against" the target.
        targets = [m for m in proper[1:] if _after(_AGAINST, sentence, m)]
        proper = proper[proper.index(targets[0]) :] if targets else proper
    # Weaker evidence of a target only counts close to the trigger, and not when several parties act
    # together ("Ukraine and Russia met near the Belarusian city of Gomel": Belarus is the venue).
    near = hit.end + _NEAR
    single = len(actors) < 2
    # The actor's own nationality ("Swiss authorities froze ... Swiss francs belonging to Russian
    # individuals") is no evidence of its target.
    countries = {a.country for a in actors}
    weak = (
        [m for m in after if m.adjective and m.start < near and m.country not in countries] if single else []
    )
    recipients = _group(proper or weak, sentence, hit.end, forward=True) or objects
    if hit.trigger.reciprocal and not single and not _WITH_OR_BETWEEN.match(sentence, hit.end):
        # "French and Egyptian warships launched war games": the parties act together; others named
        # later in the sentence are not their counterpart.
        return []
    return recipients


def _by_voice(
    sentence: str,
    hit: Hit,
    head_end: int,
    actors: list[ActorMention],
    recipients: list[ActorMention],
    after: list[ActorMention],
) -> tuple[list[ActorMention], list[ActorMention]]:
    """(actors, recipients) after a passive or a participle with its agent has swapped them."""
    trigger_head = sentence[hit.start : head_end].lower()
    if _PASSIVE.search(sentence[max(0, hit.start - 20) : hit.start].lower()) and _PARTICIPLE.fullmatch(
        trigger_head
    ):
        by = _BY_AGENT.match(sentence, hit.end)
        if by is not None:
            # The agent is named after "by"; parties named before it (a destination) stay targets.
            agents = [m for m in after if m.start >= by.end() and not m.adjective]
            if agents and agents[0].start - by.end() <= 4:
                agent = _group(agents, sentence, by.end(), forward=True)
                # "was extradited by Pakistan to the United States": the destination after the agent too.
                bound = [m for m in after if m.start > agent[-1].end and _after(_TO, sentence, m)][:1]
                return agent, actors + [r for r in recipients if r.end < by.end() - 3] + bound
            return recipients, actors
        body = recipients[0] if recipients else None
        if body is not None and body.country == "IGO" and _FROM_BODY.search(sentence, head_end, body.start):
            # "Russia was suspended from the Council of Europe": the body acted on its member.
            return [body], actors
        if hit.event_type in ("COERCE", "ASSAULT", "SANCTION"):
            # "X was arrested": X suffered the action; whoever acted is not named.
            return [], actors
    elif _PARTICIPLE.fullmatch(trigger_head) and _DIRECT_BY.match(sentence, hit.end):
        # "a deal brokered by the Red Cross", "a plan backed by Washington": the participle's agent
        # acted; whatever stands before is its object, not its subject.
        return recipients, []
    return actors, recipients


# Verbs that take an object whenever they are active. Right after a party's name with no object of
# their own ("fishermen arrested off the coast", "soldiers killed in the attack", "activists jailed after
# the protests") they are a participle describing that party, which suffered the act.
_OBJECT_VERBS: Final = frozenset((
    "arrested", "detained", "jailed", "imprisoned", "deported", "expelled", "abducted", "kidnapped",
    "sentenced", "convicted", "killed", "wounded", "injured", "executed", "tortured", "freed",
    "released", "displaced", "evacuated", "captured", "seized", "banned", "sanctioned", "accused",
    "charged", "indicted", "pardoned", "exiled", "rescued", "beaten", "targeted", "massacred", "shelled",
    "bombed", "ambushed", "hanged", "extradited", "repatriated", "summoned", "condemned", "criticised",
    "criticized", "praised", "welcomed", "invited", "sued", "fined", "censured", "blamed", "held", "taken",
    "shot",
))  # fmt: skip
# What follows such a participle instead of an object: a preposition, a time word, the clause's end.
_NO_OBJECT_AFTER = re.compile(
    r"\s*(?:[,.;:]|$)|\s+(?:in|on|at|off|from|during|after|before|without|near|last|since|under|over|"
    r"across|inside|outside|for|by|while|when|earlier|overnight|yesterday|amid|following|as)\b"
)


def _suffered(sentence: str, mention: ActorMention, hit: Hit) -> bool:
    """A party described by an object verb's participle ("soldiers killed in the attack", "fishermen
    arrested off the coast") suffered the act: it does neither the participle's act nor that of an event
    noun in the phrase after it ("wounded by a roadside bomb")."""
    start = mention.end + 1
    if (mention.sector is None and not mention.person) or sentence[mention.end : start] != " ":
        return False
    # The next word, found without a pattern: this runs for every candidate before every trigger.
    end = sentence.find(" ", start)
    end = len(sentence) if end < 0 else end
    word = sentence[start:end].rstrip(",.;:")
    if word.lower() not in _OBJECT_VERBS:
        return False
    end = start + len(word)
    if _NO_OBJECT_AFTER.match(sentence, end) is None:
        return False
    return start == hit.start or (
        hit.trigger.nominal and _PHRASE_TO_NOUN.fullmatch(sentence, end, hit.start) is not None
    )


# The phrase from such a participle to an event noun inside it ("killed in the attack", "wounded by a
# roadside bomb").
_PHRASE_TO_NOUN = re.compile(
    r"\s+(?:in|during|by|after|at|on|from|amid|following)\s+(?:(?:the|a|an|their|its|his|her)\s+)?"
    r"(?:[\w-]+\s+){0,2}"
)


def _reduced_relative(
    sentence: str, hit: Hit, mentions: list[ActorMention]
) -> tuple[list[ActorMention], list[ActorMention]] | None:
    """(agent after "by", the party described) for a participle of an object verb right after a party
    that is no state's bare name ("Israel freed on Monday ..." is still Israel's act); None otherwise."""
    if hit.trigger.nominal:
        return None
    described = next((m for m in mentions if m.end + 1 == hit.start and not m.locative), None)
    if described is None or not _suffered(sentence, described, hit):
        return None
    head = _HEAD_WORD.match(sentence, hit.start)
    by = _DIRECT_BY.match(sentence, head.end() if head is not None else hit.end)
    agents = [m for m in mentions if by is not None and 0 <= m.start - by.end() <= 5 and not m.locative]
    actors = _group(agents, sentence, agents[0].start, forward=True) if agents else []
    return actors, [described]


def _passive_roles(
    sentence: str, hit: Hit, mentions: list[ActorMention]
) -> tuple[list[ActorMention], list[ActorMention]]:
    """A passive read from its subject ("Fifty Indian fishermen were released by Sri Lanka", "sanctions
    were imposed on Syria by the Arab League"): the agent after "by" acts; the subject's party (its
    nationality, "Indian") and parties named before "by" ("on Syria") are the targets. No agent, no actor."""
    by = _BY_AGENT.match(sentence, hit.end)
    agents = [m for m in mentions if by is not None and m.start >= by.end() and not m.locative]
    if by is None or not agents or agents[0].start - by.end() > 4:
        return [], []
    actors = _group(agents, sentence, by.end(), forward=True)
    by_start = by.end() - 3
    targets = [
        m
        for m in mentions
        if not m.locative
        and m not in actors
        and (m.start <= hit.start <= m.end + 1 or (hit.start < m.start and m.end <= by_start))
    ]
    own = {(a.country, a.sector) for a in actors}
    return actors, [t for t in targets if (t.country, t.sector) not in own]


def _demand_roles(
    sentence: str, hit: Hit, mentions: list[ActorMention]
) -> tuple[list[ActorMention], list[ActorMention]]:
    """Speaker demands, the party that "must" act is asked; no speaker, no event (an opinion)."""
    verbs = list(_REPORTING.finditer(sentence, 0, hit.start))
    parties = [m for m in mentions if not m.locative and not m.adjective]
    quote_end = _opening_quote_end(sentence)
    if verbs:
        verb = verbs[-1]
        speakers = [m for m in parties if m.end <= verb.start()]
        asked = [m for m in parties if verb.end() <= m.start and m.end <= hit.start]
        if not asked and verb.group().startswith("told"):
            # "The IMF told Russia that it must cut its deficit": the one told is the one asked.
            asked = [m for m in parties if verb.start() < m.start and m.end <= verb.end()]
        actors = _group(speakers, sentence, verb.start(), forward=False)
    elif quote_end >= hit.end:
        # '"Russia must withdraw," Duda told reporters': the speaker comes after the quote.
        speakers = [m for m in parties if m.start > quote_end]
        asked = [m for m in parties if m.end <= hit.start]
        actors = _group(speakers, sentence, quote_end, forward=True)
    else:
        return [], []
    recipients = _group(asked, sentence, hit.start, forward=False)
    own = {(a.country, a.sector) for a in actors}
    return actors, [r for r in recipients if (r.country, r.sector) not in own]


def _as_mention(place: PlaceMention) -> ActorMention:
    return ActorMention(place.start, place.end, place.text, place.place.country, None, locative=True)
