"""Sentences and trigger words that report no new political event: sports, ordinary crime, markets,
business, harm done by nature or accident, names, restatements and past acts."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from stream.extract.actors import ActorMention
from stream.extract.gazetteer import name_kind
from stream.extract.hits import Hit
from stream.extract.text import WordStartScan
from stream.ingest.dateline import DATELINE

__all__ = [
    "DEAL_STEMS",
    "OFFICIAL_SECTORS",
    "inside_name",
    "is_business_report",
    "is_crime_report",
    "is_market_report",
    "is_sports_report",
    "nature_does_harm",
    "reports_no_event",
    "restates",
    "tells_a_past_act",
    "welcomes_no_party",
]

# Sports reports use the vocabulary of conflict ("beat", "attacked", "clashed"): such sentences code
# nothing, unless officials act in them.
_SPORTS = WordStartScan(
    r"(?:\d{1,2}-\d{1,2}|cup|league|tournament|championships?|semi-finals?|quarter-finals?|finals?|"
    r"coach|players?|team|squad|striker|goalkeeper|goals?|olympics?|olympic|marathon|rugby|cricket|hockey|"
    r"football|soccer|tennis|golf(?:ers)?|cyclists?|swimmers?|wrestlers?|podium|medals?|innings|"
    r"captains?|referees?|whistle|kick-?off|half-?time|midfielders?|wingers?|strikers|fixtures?|goaltenders?|goalies?|"
    r"matches|match|scored|defenders? and|batsm[ae]n|bowlers?|jockeys?|sprinters?|"
    # the games and bodies whose words are those of conflict ("resigned the game", "sanctioned by the league")
    r"chess|grandmasters?|heavyweight|middleweight|welterweight|boxing|boxers?|bundesliga|uefa|fifa|"
    r"straight sets|grand slam|"
    # tennis and cricket: the court's officials, a set, a player's injury, a batsman's score
    r"umpires?|line calls?|(?:first|second|third|fourth|fifth|final|deciding) set|wimbledon|hamstring|"
    r"first-class|unbeaten \d+|trophy|warm-up (?:event|match|game)|"
    # a match's halves and feats, a race's laps and marks (not a competition's name: a state boycotts
    # "the Moscow Olympics")
    r"(?:first|second) half|hat-tricks?|laps?|peloton|finish line|(?:kilometre|km|mile) mark|"
    # a track or pool event and its feats ("the 1,500 metres title", "breaking the world record")
    r"(?:metres|meters|m) (?:title|final|race|freestyle|butterfly|backstroke|breaststroke|hurdles|relay|"
    r"steeplechase|sprint)|world record|personal best|successive titles?|"
    # cricket's scores and its bowlers' feats
    r"wickets?|test match|bowled|spinners?|all-rounders?)\b"
)
# A score after a name ("beating New Zealand 15-12", "lost to Brazil 3-1") makes the names teams, whoever
# else the sentence names ("and President Nelson Mandela handed the trophy to the captain").
_SCORE_AFTER_NAME = re.compile(r"[A-Z][\w'.-]*\s+\d{1,3}-\d{1,3}\b(?!-)")
# Parties that act for a state or an armed movement. Sports reports never name them acting, so with
# one acting a sports word is incidental ("jailed 52 members ... for playing in a football tournament").
OFFICIAL_SECTORS = frozenset(("GOV", "MIL", "COP", "JUD", "LEG", "REB", "SPY"))

# Ordinary crime handled by police and courts is not a political event ("police arrested a man accused
# of murder"); with any other kind of party named, the sentence is coded as usual.
_CRIME = WordStartScan(
    r"(?:murder(?:s|ed|ing|er)?|robb(?:ery|eries|ed|ers?)|theft|thieves|steal(?:s|ing)?|stole(?:n)?|"
    r"burglar(?:y|ies)|fraud(?:ster)?|embezzl\w*|drugs?|narcotics|heroin|cocaine|rape[sd]?|homicides?|"
    r"shoplifting|tax evasion|arson(?:ists?)?|vandal(?:s|ism|ised|ized)|cartels?|gangs?|mafia|drug lords?|"
    r"traffick(?:ing|ers?)|smuggl(?:ing|ers?)|burglar(?:s|ized|ised)?|robbing|burgl(?:ed|ing)|muggers?|"
    r"mugg(?:ed|ing)|pickpockets?|poach(?:ers?|ing)|counterfeit(?:ers?|ing)?|"
    # Traffic and other petty offences: policing, not repression.
    r"traffic (?:police|offen[cs]es|violations|fines)|speeding|drink-driving|drunk(?:en)? driving|"
    r"helmets?|seat ?belts?|parking (?:tickets|fines)|jaywalking|littering|"
    # Crimes for gain and between private people: a ransom, a swindle, a grudge, a victim's own kin.
    r"ransoms?|kidnappers|abductors|contract killers?|hitm[ae]n|swindl\w*|pyramid schemes?|ponzi|"
    r"false pretences?|extort(?:ion|ed|ing)|poison(?:ing|ed|er)|rogue traders?|grudges?|domestic workers?|"
    r"defraud\w*|"
    # A court's sentence on an unnamed private person ("sentenced a man to 20 years"): political trials
    # name the accused or their role.
    r"(?:sentenced|jailed|convicted|imprisoned)\s+(?:an?|two|three|four|five|six)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:m[ae]n|wom[ae]n|teenagers?|youths?|boys?|girls?|couple|brothers|sisters|businessm[ae]n|"
    r"businesswom[ae]n|drivers?|traders?|shopkeepers?|farmers?)|"
    r"(?:his|her|their) (?:wife|husband|neighbou?rs?|girlfriend|boyfriend|business partner|employers?|"
    r"landlord|tenants?|mother|father|son|daughter|brother|sister|relatives|in-laws))\b"
)
_CRIME_PARTIES = frozenset(("COP", "JUD", "CVL", "LAB", "BUS", "CRM"))
# Gunmen and armed men with crime words are robbers, not rebels ("gunmen ... escaped with cash").
_ASSAILANTS = re.compile(
    r"(?:a gang of )?(?:unidentified |unknown |masked |armed )?(?:gunmen|armed men|attackers|assailants|"
    r"robbers|bandits|kidnappers|abductors|killers|hitmen)$",
    re.IGNORECASE,
)
# A town's name that modifies a court or a private person ("a Paris court", "the Pretoria High Court", "a
# Moscow banker") names no government.
_COURT_OR_PERSON_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:court|jury|tribunal|magistrates?|judge|banker|businessm[ae]n|"
    r"businesswom[ae]n|trader|shopkeeper|jeweller|money changer|driver|couple|family|resident|teenager|"
    r"millionaire|tycoon|man|woman)\b",
    re.IGNORECASE,
)


# Market reports use the vocabulary of conflict and retreat ("shares retreated", "stocks rallied", "the
# yen came under attack"): such sentences code nothing unless a party acts in them other than as the
# market's name ("Seoul stocks", "Japanese shares", "the Tokyo bourse").
_MARKET_NOUNS = (
    r"(?i:stocks?|shares|equities|bourses?|stock (?:market|exchange)s?|markets?|bonds?|bond yields|yields|"
    r"currenc(?:y|ies)|futures|index|indices|benchmark|blue chips|chipmakers|dollar|euro|yen|yuan|rupee|"
    r"ruble|rouble|lira|peso|won|rand|sterling|baht|ringgit|rupiah|franc|crude|oil prices|gold prices)"
)
_MARKET = WordStartScan(
    _MARKET_NOUNS + r"\b(?=[^.]*?\b(?:rose|fell|gained|lost|slipped|edged|climbed|dropped|slumped|"
    r"plunged|tumbled|surged|jumped|rallied|retreated|recovered|rebounded|ended|closed|opened|traded|"
    r"higher|lower|percent|per cent|points?|highs?|lows?|"
    # a currency's slide and its defence ("the rouble came under attack", "speculative assaults")
    r"slid(?:e|es)?|sank|weakened|crashed|devalu\w+|speculat\w+|dealers|traders|interven\w+)\b)"
)
_MARKET_NAME_AFTER = re.compile(r"(?:'s)?\s+(?:[A-Z][\w&-]*\s+)?" + _MARKET_NOUNS + r"\b")
# A central bank defends its currency in the market ("the Bank of England's intervention", "Russia's
# central bank"): in a market report it names no government acting.
_BANK_OF_BEFORE = re.compile(r"\bBank of\s+(?:the\s+)?$")
_CENTRAL_BANK_AFTER = re.compile(r"(?:'s)?\s+(?:central|reserve|national)\s+bank\b", re.IGNORECASE)


def is_market_report(text: str, mentions: list[ActorMention]) -> bool:
    """A sentence about prices and indices, where the parties named only name markets."""
    return all(
        m.locative
        or (m.sector is not None and m.sector not in OFFICIAL_SECTORS)
        or _MARKET_NAME_AFTER.match(text, m.end) is not None
        or _BANK_OF_BEFORE.search(text, max(0, m.start - 12), m.start) is not None
        or _CENTRAL_BANK_AFTER.match(text, m.end) is not None
        or m.text.lower().endswith(("central bank", "reserve bank"))
        for m in mentions
    ) and (_MARKET.search(text) is not None)


# Disasters, disease and accidents kill and destroy with the vocabulary of attack ("an earthquake struck
# Iran, destroying villages", "a measles epidemic sweeping Madagascar has killed 900"): when the sentence
# opens with one as its subject, its harm is nobody's act.
_NATURAL_SUBJECT = re.compile(
    r"(?:(?:an?|the)\s+)?(?:(?!(?:after|before|since|following|despite|amid|during|as|when|while)\b)"
    r"[\w,.'-]+\s+){0,3}?(?:earthquakes?|quakes?|tremors?|aftershocks?|tsunamis?|storms?|typhoons?|hurricanes?"
    r"|cyclones?|tornado(?:e?s)?|floods?|flooding|flash floods|landslides?|mudslides?|avalanches?|rockfalls?"
    r"|droughts?|heatwaves?|heat waves?|wildfires?|fires?|blazes?|bushfires?|eruptions?|volcano(?:e?s)?"
    r"|lightning|epidemics?|outbreaks?|pandemics?|diseases?|virus(?:es)?|fevers?|cholera|measles|meningitis"
    r"|malaria|ebola|famine|crash(?:es)?|accidents?|collisions?|derailments?"
    # weather, and animals that raid fields ("heavy rains blocked roads", "a herd of elephants raided")
    r"|rains?|rainfall|downpours?|floodwaters?|snowstorms?|snowfalls?|blizzards?|winds?|gales?"
    r"|elephants?|herds?|locusts?|swarms?|baboons?|monkeys?|wolves|hippos?|crocodiles?|pests?)\b"
)
# An explosion that is an accident or a star's ("a gas explosion", "the explosion of a distant star").
_ACCIDENTAL_BEFORE = re.compile(
    r"(?:gas|boiler|methane|firedamp|fireworks?|chemical|dust|pipeline|volcanic|supernova|stellar|solar)"
    r"(?:\s+[\w-]+)?\s+$"
)
_STAR_AFTER = re.compile(r"\s+of\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,2}stars?\b")
# A report verb and its object, up to the reported clause ("officials said on Friday that", "the prime
# minister told parliament that").
_REPORTED = re.compile(
    r"\b(?:(?:said|says|say|reported|announced|confirmed)(?:\s+on\s+\w+)?(?:\s+that)?"
    r"|told\s+(?:[\w'-]+\s+){1,3}?that)\s+"
)
# An armed or official party named before the harm is its doer ("Israeli jets struck Gaza after the quake").
_DOERS: Final = frozenset(("MIL", "REB", "COP", "SPY", "GOV", "UAF", "IMG"))
# A party named inside a place phrase is where, not who ("in Zambia's Lusaka province", "from Paris").
_PLACE_PHRASE = re.compile(
    r"\b(?:in|of|across|near|at|from|over|into|(?:bound|headed|heading) for|en route to)\s+(?:the\s+)?"
    r"(?:[\w'-]+\s+){0,2}$"
)
# A vehicle's or a building's accident told by its verb, its toll by a participle after it ("a plane
# crashed into a hotel, killing all 109", "two airliners collided in mid-air, killing 349").
_ACCIDENT_VERB = re.compile(
    r"\b(?:crashed|collided|capsized|derailed|sank|overturned|plunged|ran aground|caught fire|went down|"
    r"collapsed|caved in|burst its banks)\b"
)
_TOLL_PARTICIPLE = re.compile(r"(?:killing|leaving|injuring|drowning|burying|trapping)\b")
# Harm, flight, blocked roads and raided fields ("forcing residents to flee", "cut off villages", "slammed
# into the coast") are nobody's act after a disaster.
_HARM_TYPES: Final = frozenset(("ASSAULT", "RETREAT", "COERCE", "PROTEST", "ACCUSE"))
# Old ordnance found, defused or cleared is no attack ("a World War Two bomb", "unexploded shells", "bomb
# disposal experts").
_ORDNANCE = ("bomb", "shell", "mine", "grenade", "explosive", "munition")
_OLD_ORDNANCE_BEFORE = re.compile(
    r"(?:unexploded|wartime|world war (?:one|two|i|ii)|(?:first|second) world war|old|rusty|dud)\s+"
    r"(?:[\w-]+\s+)?$"
)
_DISPOSAL_AFTER = re.compile(r"[a-z]*\s+(?:disposal|squads?|technicians)\b")
# Civilians put on alert or moved out ahead of a storm are not mobilised by anyone.
_STORM = re.compile(
    r"\b(?:hurricanes?|typhoons?|cyclones?|storms?|floods?|flooding|tsunamis?|earthquakes?|eruptions?|"
    r"volcano(?:e?s)?|wildfires?|bushfires?|tornado(?:e?s)?)\b"
)
# The weather a warning is of, a few words after the warning verb.
_WEATHER_AFTER = re.compile(
    r"\s*(?:[\w,'-]+\s+){0,8}?(?:thunderstorms?|storms?|rain(?:fall|s)?|downpours?|floods?|flooding|winds?|"
    r"heatwaves?|heat waves?|droughts?|cyclones?|hurricanes?|typhoons?|snow(?:fall|storms?)?|tsunamis?)\b"
    r"(?!\s+of\b)"  # "a flood of refugees" is none
)
# "a disaster blamed on illegal welding work": blame laid on a cause, not on a party.
_BLAMED_ON = re.compile(r"\s+on\s+(?!(?:the\s+)?[A-Z])")


def nature_does_harm(
    sentence: str, hit: Hit, mentions: list[ActorMention], story_start: int | None = None
) -> bool:
    """An attack's trigger that is an accidental explosion or old ordnance, or harm or flight in a
    sentence whose subject is a disaster, a disease or an accident with no armed or official party named
    before the trigger; blame laid on a cause that is no party; an alert before a storm that no armed or
    official party is put on; a warning of the weather. `story_start`: where the story begins after a
    dateline (read from the sentence when not given)."""
    if hit.event_type == "ACCUSE" and sentence.startswith("blamed", hit.start):
        return _blamed_on_a_cause(sentence, hit, mentions)
    if hit.event_type == "THREATEN":
        # "warned residents to expect thunderstorms", "warned of above-normal rainfall": a forecast.
        lowered = sentence.lower()
        return lowered.startswith("warn", hit.start) and _WEATHER_AFTER.match(lowered, hit.end) is not None
    if hit.event_type == "MOBILIZE":
        return _STORM.search(sentence.lower()) is not None and not any(
            m.sector in _DOERS and not m.locative for m in mentions
        )
    if hit.event_type not in _HARM_TYPES:
        return False
    lowered = sentence.lower()
    if lowered.startswith(_ORDNANCE, hit.start) and (
        _OLD_ORDNANCE_BEFORE.search(lowered, max(0, hit.start - 30), hit.start)
        or _DISPOSAL_AFTER.match(lowered, hit.end)
    ):
        return True
    if lowered.startswith(("explosion", "blast"), hit.start) and (
        _ACCIDENTAL_BEFORE.search(lowered, max(0, hit.start - 30), hit.start)
        or _STAR_AFTER.match(lowered, hit.end)
    ):
        return True
    if story_start is None:
        dateline = DATELINE.match(sentence)
        story_start = dateline.end() if dateline else 0
    # The subject opens the sentence, or the clause a report verb opens ("the company said a rockfall
    # killed two workers").
    reported = _REPORTED.search(lowered, 0, hit.start)
    opening = reported.end() if reported else story_start
    if _NATURAL_SUBJECT.match(lowered, opening, hit.start) is None and not (
        hit.event_type == "ASSAULT"
        and sentence.endswith(", ", 0, hit.start)
        and _TOLL_PARTICIPLE.match(lowered, hit.start)
        and _ACCIDENT_VERB.search(lowered, opening, hit.start)
    ):
        return False
    # Who reports the harm (before the report verb) is not its doer.
    return not any(
        opening <= m.start < hit.start
        and m.sector in _DOERS
        and not m.locative
        and not _in_place_phrase(sentence, m)
        for m in mentions
    )


def _in_place_phrase(sentence: str, mention: ActorMention) -> bool:
    return _PLACE_PHRASE.search(sentence, max(0, mention.start - 30), mention.start) is not None


def _blamed_on_a_cause(sentence: str, hit: Hit, mentions: list[ActorMention]) -> bool:
    """ "blamed on illegal welding work": what follows 'on' is lowercase and names no party."""
    after = _BLAMED_ON.match(sentence, hit.end)
    if after is None:
        return False
    clause_end = sentence.find(",", after.end())
    clause_end = len(sentence) if clause_end < 0 else clause_end
    return not any(after.end() <= m.start < clause_end for m in mentions)


# Companies dealing with companies agree, sign and threaten as states do ("Gazprom agreed to supply gas
# to Italy's ENI", "British Aerospace threatened to pull out of talks with Germany's DASA"): no event when
# every party named is a company. A state's name is a company's when a company noun follows it ("the
# Russian state gas monopoly", "Bolivia's state energy firm"), when it begins or is a company's name
# ("British Aerospace", "General Motors"), or when it owns a name no party's name covers ("Italy's ENI",
# "Germany's DaimlerChrysler").
_COMPANY_NOUN_AFTER = re.compile(
    r"(?:'s)?(?:\s+[a-z][\w-]*){0,3}?\s+(?:compan(?:y|ies)|firms?|monopoly|corporation|conglomerate|giant|"
    r"utility|concern|carmaker|airline|producer|operator|maker|subsidiary|consortium)\b"
)
_COMPANY_NAME_WORDS = (
    r"(?:Aerospace|Airlines|Airways|Motors?|Petroleum|Oil|Steel|Telecom|Electric|Gas|Energy|Chemicals|"
    r"Industries|Holdings|Railways|Shipbuilding|Mining|Tobacco|Pharmaceuticals|Corp|Inc|Ltd|Plc)"
)
_COMPANY_NAME_AFTER = re.compile(r"\s+" + _COMPANY_NAME_WORDS + r"\b")
_COMPANY_NAME_END = re.compile(r"\b" + _COMPANY_NAME_WORDS + r"$")
_OWNS_A_NAME = re.compile(r"'s\s+[A-Z][\w&-]*\b")
# Words of a deal, each as the stem a sentence must hold to match it and the ending the scan adds: a
# sentence with no stem needs no look at its parties nor scan.
_DEAL_WORDS: Final = (
    ("compan", "(?:y|ies)"), ("firm", "s?"), ("monopoly", ""), ("corp", "(?:oration)?"), ("venture", ""),
    ("merger", ""), ("takeover", ""), ("contract", ""), ("deal", ""), ("tie-up", ""), ("subsidiary", ""),
    ("unit", ""), ("shareholders", ""), ("executives", ""), ("consortium", ""), ("stake", ""),
    ("acquisition", ""), ("industry sources", ""), ("customer", "s?"), ("passengers", ""),
)  # fmt: skip
DEAL_STEMS: Final = tuple(stem for stem, _ in _DEAL_WORDS)
_DEAL = WordStartScan("(?:" + "|".join(re.escape(stem) + ending for stem, ending in _DEAL_WORDS) + r")\b")


def is_business_report(text: str, mentions: list[ActorMention]) -> bool:
    """A deal or a dispute between companies, where every party named is a company."""
    return (
        bool(mentions)
        and any(stem in text for stem in DEAL_STEMS)
        and all(m.locative or _a_company(text, m, mentions) for m in mentions)
        and _DEAL.search(text) is not None
    )


def _a_company(text: str, mention: ActorMention, mentions: list[ActorMention]) -> bool:
    if mention.sector == "BUS" or _COMPANY_NAME_END.search(mention.text):
        return True
    if _COMPANY_NOUN_AFTER.match(text, mention.end) or _COMPANY_NAME_AFTER.match(text, mention.end):
        return True
    owned = _OWNS_A_NAME.match(text, mention.end)
    return owned is not None and not any(
        m.start <= owned.end() - 1 < m.end for m in mentions if m is not mention
    )


def reports_no_event(text: str, mentions: list[ActorMention]) -> bool:
    """Sports, ordinary crime, market and business reports: their conflict words report no political
    event."""
    return (
        is_sports_report(text, mentions)
        or is_crime_report(text, mentions)
        or is_market_report(text, mentions)
        or is_business_report(text, mentions)
    )


def is_crime_report(text: str, mentions: list[ActorMention]) -> bool:
    # Police of two states acting together ("Thai and Malaysian police ... to curb smuggling") is a joint
    # operation between states, not ordinary crime.
    if len({m.country for m in mentions if m.sector == "COP" and not m.locative and m.country}) > 1:
        return False
    return all(_in_crime(text, m, mentions) for m in mentions) and _CRIME.search(text) is not None


# "police said", "police in Bogota said on Monday": who reports, not who acts.
_SAYS_AFTER = re.compile(r"(?:\s+in\s+[A-Z][\w-]+)?\s+(?:said|say|says|believe|reported)\b")


def _in_crime(text: str, mention: ActorMention, mentions: list[ActorMention]) -> bool:
    """A party ordinary crime may name: police, courts, civilians, criminals, a place."""
    return (
        mention.locative
        or mention.sector in _CRIME_PARTIES
        or (_ASSAILANTS.match(mention.text) is not None and not _force_before(text, mention, mentions))
        or text.startswith(":", mention.end)  # "Nairobi: a rider was robbed", a dateline
        or (
            name_kind(mention.text) == "capital"
            and _COURT_OR_PERSON_AFTER.match(text, mention.end) is not None
        )
    )


def _force_before(text: str, mention: ActorMention, mentions: list[ActorMention]) -> bool:
    """A state's force acting before the gunmen are named: they are its target ("security forces killed
    12 suspected cartel gunmen"), and that is no ordinary crime."""
    return any(
        m.start < mention.start and m.sector in ("COP", "MIL") and _SAYS_AFTER.match(text, m.end) is None
        for m in mentions
    )


def is_sports_report(text: str, mentions: list[ActorMention]) -> bool:
    # The parties first: a scan of the sentence costs more than a look at its few mentions.
    officials = [m for m in mentions if m.sector in OFFICIAL_SECTORS and not m.locative]
    # A competition's word is looked for once, where an official is named; most sentences have none.
    contest = bool(officials) and (
        "Cup" in text or "League" in text or "Trophy" in text or "Champion" in text
    )
    if any(
        not _in_club_name(text, m)
        and not _a_side(m)
        and not (contest and _a_competition(text, m))
        and _SAYS_AFTER.match(text, m.end) is None  # "police said": who reports, not who acts
        for m in officials
    ):
        # A score has a hyphen: a look for one is cheaper than the score's scan.
        return "-" in text and _SCORE_AFTER_NAME.search(text) is not None and _SPORTS.search(text) is not None
    return _SPORTS.search(text) is not None


# A competition a body runs, or one read as a body ("the ICC World Cup", "the Premier League").
_COMPETITION = re.compile(
    r"(?:\s+(?:[A-Z][\w'-]*|T20|U-?\d+)){0,2}\s+(?:World Cup|Cup|Champions|Championships?|Trophy|League)\b"
)
_COMPETITION_NAME = re.compile(r".*\b(?:League|Cup|Championships?|Trophy)$")


def _a_competition(text: str, mention: ActorMention) -> bool:
    """A body named before its competition ("ICC World Cup"), or a competition's name ("Premier League")."""
    return (
        _COMPETITION.match(text, mention.end) is not None or _COMPETITION_NAME.match(mention.text) is not None
    )


def _a_side(mention: ActorMention) -> bool:
    """ "the Uruguayan side", "the Japanese side", "its Indian counterpart" among sports words: a team or
    a sports body, not a government."""
    return mention.text.endswith((" side", " sides", " counterpart", " counterparts"))


# "Real Madrid", "Paris Saint-Germain", "Kyiv Dynamo": a capital inside a run of capitalised words.
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w.-]*\s$")
_CAPITALISED_AFTER = re.compile(r"\s[A-Z]")


def _in_club_name(text: str, mention: ActorMention) -> bool:
    """A capital named beside another capitalised word, as in a club's name; not a government."""
    return (
        mention.start > 0  # a sentence's first word is capitalised anyway
        and name_kind(mention.text) == "capital"
        and (
            _CAPITALISED_BEFORE.search(text, max(0, mention.start - 12), mention.start) is not None
            or _CAPITALISED_AFTER.match(text, mention.end) is not None
        )
    )


# A capitalised trigger after a capitalised given name, a lowercase word after it: a surname ("Geoffrey
# Boycott carried his bat"), not a headline's capitals.
_GIVEN_NAME_BEFORE = re.compile(r"(?<=\s)[A-Z][a-z]+\s$")
_LOWERCASE_AFTER = re.compile(r"\s+[a-z]")


def inside_name(sentence: str, hit: Hit, mentions: list[ActorMention]) -> bool:
    """A trigger word that is part of a name ("Asia-Pacific Economic Cooperation") or modifies an
    actor's noun ("riot police") reports no event; a head noun ("suicide bombers") still does. A
    capitalised trigger after a given name is a surname ("Geoffrey Boycott"); "March" inside a sentence
    is the month ("rose 7 percent in March to $4.2 billion")."""
    if hit.start > 0 and sentence.startswith("March", hit.start) and sentence[hit.start - 1] == " ":
        return True
    if sentence[hit.start].isupper() and _LOWERCASE_AFTER.match(sentence, hit.end):
        given = _GIVEN_NAME_BEFORE.search(sentence, max(0, hit.start - 20), hit.start)
        # The given name is no party's name ("the Iran Boycott" is no surname).
        if given is not None and not any(m.start <= given.start() < m.end for m in mentions):
            return True
    return any(
        m.start <= hit.start and hit.end <= m.end and (hit.end != m.end or sentence[hit.start].isupper())
        for m in mentions
    )


# "... killed 23 people ... in the second-worst attack": a noun in such a phrase names the event again.
_EVENT_REFERENCE = re.compile(
    r"\b(?:in|during|after|following)\s+(?:the|a|an|this|that)\s+(?:[\w-]+\s+){0,2}$"
)


_PARTICIPLE = re.compile(r"[a-z]+ing\b")
# "met Gilani to discuss the insurgency": the purpose of an event is that event, not another one.
_PURPOSE = re.compile(r"\bto\s+$")


# A charge's grounds name a past act ("sentenced McVeigh to death for the bombing", "acquitted four
# officers of assault charges in the beating"): the trial is the event, not the act it judges.
_CHARGE_GROUNDS = re.compile(
    r"\b(?:sentenced|convicted|jailed|tried|charged|indicted|acquitted|cleared|guilty|executed|hanged|"
    r"prosecuted|on trial)\b[^.;:]{0,80}?\b(?:for|of|over|with|charges? (?:in|over)|role in|part in)\s+"
    r"(?:(?:the|a|an|his|her|their)\s+)?(?:[\w'-]+\s+){0,2}$"
)
# An aside about someone who died holds their past acts ("King Hussein, who made peace with Israel, died";
# "Pol Pot, the Khmer Rouge leader blamed for the deaths of a million Cambodians, died").
_ASIDE_OPENS = re.compile(r",\s+(?:who|the|a|an)\b[^,]*$")
_DIED_AFTER = re.compile(
    r"[^,]*,\s+(?:[\w-]+\s+){0,2}?(?:died|dies|has died|had died|passed away|was buried|were buried|"
    r"was laid to rest|was cremated)\b"
)


def tells_a_past_act(sentence: str, hit: Hit) -> bool:
    """A trigger naming the act a trial judges, or one in an aside about someone whose death the sentence
    reports."""
    if _CHARGE_GROUNDS.search(sentence, max(0, hit.start - 120), hit.start):
        return True
    return (
        _ASIDE_OPENS.search(sentence, max(0, hit.start - 80), hit.start) is not None
        and _DIED_AFTER.match(sentence, hit.end) is not None
    )


def restates(sentence: str, hit: Hit, coded_types: Iterable[str]) -> bool:
    """A trigger noun naming again an event of a type already coded in the sentence, a trigger stating
    the purpose of such an event, or one telling a past act (tells_a_past_act)."""
    if tells_a_past_act(sentence, hit):
        return True
    if hit.event_type not in coded_types:
        return False
    if hit.trigger.nominal and _EVENT_REFERENCE.search(sentence, max(0, hit.start - 50), hit.start):
        return True
    if sentence.endswith(", ", 0, hit.start) and _PARTICIPLE.match(sentence, hit.start):
        # "shelled Juba, killing about 20 people": the participle tells the same event's outcome.
        return True
    return _PURPOSE.search(sentence, max(0, hit.start - 8), hit.start) is not None


# Welcoming tourists, fans or a count of visitors ("welcomed 2.5 million foreign tourists", "a heroes'
# welcome") is hospitality, not the support of a party's act (CAMEO 051).
_WELCOMED_VISITORS = re.compile(
    r"\w*\s+(?:(?:more than|nearly|almost|about|around|over|some|a record|record)\s+)?"
    r"(?:[\d.,]+\s+(?:(?:million|thousand)\s+)?|a record number of\s+|(?:hundreds|thousands|millions) of\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:tourists|visitors|travell?ers|holidaymakers|arrivals|passengers|fans|"
    r"supporters|pilgrims|cruise ships?|guests)\b"
)
_HOSPITALITY_BEFORE = re.compile(r"(?:hero'?s'?|heroes'?|rapturous|rousing|tumultuous|warm)\s+$")


def welcomes_no_party(sentence: str, hit: Hit) -> bool:
    """A welcome given to visitors counted or named by what they are, or a hero's welcome."""
    if not sentence.startswith(("welcom", "Welcom"), hit.start):
        return False
    return (
        _WELCOMED_VISITORS.match(sentence, hit.start) is not None
        or _HOSPITALITY_BEFORE.search(sentence, max(0, hit.start - 16), hit.start) is not None
    )
