"""Event triggers: verbal and nominal phrases mapped to PLOVER type, mode and CAMEO code."""

from __future__ import annotations

import functools
import re
import re._constants as sre_constants
import re._parser as sre_parse
from dataclasses import dataclass
from typing import Any, Final

from stream.extract.wordforms import expand_lemmas, trie_alternation

__all__ = [
    "PREFIX_LENGTH",
    "Trigger",
    "anchored_trigger_pattern",
    "idioms",
    "trie_alternation",
    "trigger_dispatch",
    "trigger_start_pattern",
    "trigger_start_prefixes",
    "triggers",
]

# Up to N intervening words, e.g. "imposed (new economic) sanctions", "sent 5,000 troops" (a number with
# its separators is one word). Bounded: linear-time matching.
_W1 = r"(?:(?:[\w'-]+|\d[\d.,]*)\s+){0,1}"
_W2 = r"(?:(?:[\w'-]+|\d[\d.,]*)\s+){0,2}"
_W3 = r"(?:(?:[\w'-]+|\d[\d.,]*)\s+){0,3}"
_W4 = r"(?:(?:[\w'-]+|\d[\d.,]*)\s+){0,4}"
_W6 = r"(?:(?:[\w'-]+|\d[\d.,]*)\s+){0,6}"
_W8 = r"(?:[\w'$.,-]+\s+){0,8}"
# A gap that stays in its clause: "granted amnesty to rebels who laid down their arms" gives no arms.
_W8_CLAUSE = r"(?:(?!(?:who|which|that|when|where|after|before|because|while)\b)[\w'$.,-]+\s+){0,8}"
# A sum of money or a loan ("$500 million", "150 million euros", "the second tranche", "budget support").
_MONEY = r"(?:(?:us)?\$[\d.,]+(?: (?:million|billion|bn|trillion))?|[\d.,]+ (?:million|billion|bn) (?:dollars|euros|pounds|yen|yuan|rupees|riyals|dirhams|francs)|(?:million|billion) (?:dollars|euros|pounds|yen|yuan|rupees|riyals|dirhams|francs)|<tranche/n>|<loan/n>|<credit line/n>|<line of credit/n>|<grant/n>|funds|funding|aid(?! (?:workers?|agenc(?:y|ies)|groups?|officials?|convoys?|organi[sz]ations?|staff|volunteers?))|assistance|(?:budget|financial|emergency) support|financing|<bailout/n>|<instalment/n>|<installment/n>|<disbursement/n>)"
# The words before it, in its clause and not figures or a report about money.
_W6_MONEY = r"(?:(?!(?:who|which|that|figures|data|details|statements?|reports?|results|numbers|estimates|showing)\b)[\w'$.,-]+ ){0,6}"
_AID = r"(?:aid|assistance|relief|supplies|food|<medicine/n>|medical supplies|<loan/n>|<grant/n>|<bailout/n>|<tranche/n>|<credit line/n>|funds|funding|weapons|arms|ammunition|equipment|help|goods|intelligence|<blanket/n>|<tent/n>|<vaccine/n>|rations|<donation/n>|wheat|grain|rice|flour|fuel|dollars|euros|pounds|yen|yuan|rupees|francs|marks|million|billion|doctors|medics|<medical team/n>|rescuers|rescue teams?|<planeload/n>|<shipload/n>|<truckload/n>)"
# Those whose entry, inspection or presence a government may allow or withdraw.
_MONITORS = r"(?:weapons inspectors|<inspector/n>|<observer/n>|<monitor/n>|<peacekeeper/n>|peacekeeping (?:force|troops)|aid workers|humanitarian workers|<investigator/n>|(?:foreign|international) (?:journalists|media|reporters)|(?:fact-finding |observer |monitoring )?<mission/n>)"
_SANCTIONS = r"(?:sanctions|embargo(?:es)?|boycott|(?:economic|trade) blockade|trade restrictions|travel bans?|export controls|(?:export|import) bans?|controls on (?:[\w-]+ )?(?:exports|imports))"
# Those a wanted person is handed to: another state's officers or a court.
_CUSTODY = r"(?:<authority/n>|<agent/n>|police|prosecutors|<tribunal/n>|<court/n>|justice)"
_TALKS = r"(?:talks|negotiations|consultations|dialogue|discussions|peace talks)"
# A passive auxiliary after a subject noun and a few words ("sanctions on Iran were imposed"): done, not
# denied ("were not imposed" is no match) and not still to come ("will be imposed" is none either).
_WAS = r" (?:(?!not |never )[\w'.-]+ ){0,8}?(?:was|were|has been|have been|had been) (?:\w+ly )?"


def _passive(subjects: str, participles: str, headline: bool = False) -> str:
    """A passive read from its subject ("sanctions on Iran were imposed"); with `headline`, also a
    headline's, which has no auxiliary ("Ten hostages freed by Hamas"): the bare participle then needs its
    agent. Only where the bare participle is news: "the sanctions imposed by the EU in 2014" are not."""
    bare = r"| " + participles + r"(?= by )" if headline else ""
    return subjects + r"(?:" + _WAS + participles + bare + r")"


_MIL = frozenset(("MIL",))
# Persons a captor frees ("freed 13 other prisoners", "released two French engineers").
_FREED = r"(?:<prisoner/n>|<hostage/n>|<detainee/n>|<captive/n>|<soldier/n>|<journalist/n>|<reporter/n>|<activist/n>|<pilot/n>|<sailor/n>|<seaman/n>|crew(?: members)?|<crewman/n>|<fisherman/n>|<national/n>|<citizen/n>|<dissident/n>|guerrillas|rebels|guardsmen|opponents|protesters|demonstrators|students|<aid worker/n>|humanitarian workers|<missionary/n>|<tourist/n>|<hiker/n>|<nun/n>|<priest/n>|<monk/n>|<peacekeeper/n>|<engineer/n>|<businessman/n>|<diplomat/n>|<opposition leader/n>|<politician/n>|<lawmaker/n>|<civilian/n>|<villager/n>|<passenger/n>|<policeman/n>|<officer/n>|<inmate/n>|<foreigner/n>|<serviceman/n>)"
# The words between a verb and its object, none a preposition ("returned 11 Ukrainian children", not
# "returned home to their children").
_W4_OBJECT = r"(?:(?!(?:to|from|with|home|for|in|at|on)\b)(?:[\w'-]+|\d[\d.,]*) ){0,4}"
# A time adverbial (or "in principle") between a verb and its complement: "agreed in February 2021 to",
# "pledged on Tuesday to", "declined in 2009 to". Optional, one phrase, no free words: the verb still governs what follows.
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_WHEN = (
    r"(?:(?:on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|in (?:(?:early|mid-|late) ?)?"
    + _MONTH
    + r"(?: \d{4})?|in \d{4}|last (?:week|month|year)|this (?:week|month|year)|in principle) )?"
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger family. `governs` marks triggers whose complement carries the real action
    ("refused to meet", "called for a ceasefire"): events inside that complement are folded in."""

    event_type: str
    cameo: str
    mode: str | None
    pattern: str
    governs: bool = False
    nominal: bool = False
    reciprocal: bool = False
    # "Y must ...", "Y was to blame": said of Y by whoever reports it, who acts on Y (see roles)
    obliges: bool = False
    # Codes an event only for these actor sectors ("troops arrived in" deploys; a president arriving
    # does not).
    actor_sectors: frozenset[str] | None = None
    # The row reads a passive clause from its subject ("sanctions were imposed on Syria by the Arab
    # League"): the party after "by" acts, the subject's party is the target (see roles).
    passive: bool = False
    # A row of the CAMEO verb dictionary (stream/extract/verbs.py), not of this table.
    dictionary: bool = False
    # A clause saying the act before it gave way to pressure (", bowing to the protesters' demands"):
    # that act is the concession (see hits).
    yields: bool = False


def _T(
    event_type: str,
    cameo: str,
    mode: str | None,
    pattern: str,
    governs: bool = False,
    nominal: bool = False,
    reciprocal: bool = False,
    obliges: bool = False,
    actor_sectors: frozenset[str] | None = None,
    passive: bool = False,
    yields: bool = False,
) -> Trigger:
    """One row: "<lemma>" in the pattern stands for every form of a verb ("<hand> over": hands over,
    handed over, handing over), "<lemma/n>" for a noun and its plural (stream/extract/wordforms.py).
    Rows are tried in order where several match at one word: a phrasal verb's row ("<back> down")
    stands before the bare verb's ("back"); every pattern begins with PREFIX_LENGTH known letters."""
    return Trigger(
        event_type,
        cameo,
        mode,
        expand_lemmas(pattern),
        governs,
        nominal,
        reciprocal,
        obliges,
        actor_sectors,
        passive,
        yields=yields,
    )


# fmt: off
_TRIGGERS: Final[tuple[Trigger, ...]] = (
    # Passive clauses read from their subject (roles: the agent after "by" acts, the subject is the target).
    _T("SANCTION", "163", "discontinue", _passive(r"(?:<sanction/n>|<embargo/n>|travel bans?|asset freezes?)", r"(?:imposed|slapped|announced|approved|adopted|tightened|extended)"), nominal=True, passive=True),
    _T("RETREAT", "085", None, _passive(r"(?:<sanction/n>|<embargo/n>)", r"(?:lifted|eased|relaxed|suspended)"), nominal=True, passive=True),
    _T("CONCEDE", "081", None, _passive(r"(?:curfew|<restriction/n>|ban|state of emergency|martial law|<closure/n>|<lockdown/n>)", r"(?:lifted|eased|relaxed|ended|shortened|scrapped)"), nominal=True, passive=True),
    _T("AID", "070", None, _passive(r"(?:(?:relief|food|humanitarian|medical) (?:materials|items|goods|<pack/n>|<package/n>|<parcel/n>|<kit/n>)|aid|assistance|supplies|relief|food|<medicine/n>|<vaccine/n>|weapons|arms|ammunition|equipment|<loan/n>|<grant/n>|funds|funding|<tent/n>|<blanket/n>)", r"(?:delivered|sent|provided|donated|given|airlifted|shipped|handed over|disbursed|supplied|granted|flown in|distributed)"), nominal=True, passive=True),
    _T("RETREAT", "084", "release", _passive(r"(?:<prisoner/n>|<hostage/n>|<detainee/n>|<captive/n>|<inmate/n>|<foreigner/n>|servicemen|soldiers|<journalist/n>|activists|fishermen|sailors|nationals|citizens|dissidents|aid workers|crew members|<pilot/n>|<tourist/n>|<missionary/n>)", r"(?:released|freed|set free|handed over|exchanged|repatriated)", headline=True), nominal=True, passive=True),
    _T("RETREAT", "084", None, _passive(r"(?:(?:seized|impounded|detained|captured|confiscated) (?:[\w-]+ ){0,2}?)?(?:<tanker/n>|<ship/n>|<vessel/n>|<boat/n>|<trawler/n>|<plane/n>|aircraft|<artefact/n>|<artifact/n>|<bronze/n>|antiquities|<relic/n>|<treasure/n>|<artwork/n>)", r"(?:returned|handed back|given back)"), nominal=True, passive=True),
    _T("SUPPORT", "057", None, _passive(r"(?:<agreement/n>|<accord/n>|<treaty/n>|<deal/n>|<pact/n>|<protocol/n>)", r"(?:signed|ratified|approved|endorsed)"), nominal=True, passive=True),
    _T("REJECT", "120", None, _passive(r"(?:<request/n>|<proposal/n>|<bid/n>|<resolution/n>|<motion/n>|<offer/n>|<demand/n>|<application/n>)", r"(?:rejected|blocked|vetoed|turned down|dismissed|refused|rebuffed|spurned|snubbed|brushed aside)"), nominal=True, passive=True),
    # Event nouns as a passive's subject, the agent after "by" ("a commitment to supply fertiliser to Malawi
    # was made by Nigeria", "the deployment of 300 soldiers was ordered by Ruto", "allegations of rigging
    # were levelled against ZANU-PF by the opposition": the party after "against" is the target).
    _T("AGREE", "030", None, r"(?:<commitment/n>|<pledge/n>|<promise/n>|<undertaking/n>) to(?: (?!not |never )[\w'.,$-]+){1,10}? (?:was|were|has been|have been|had been) (?:made|given)", nominal=True, passive=True),
    _T("MOBILIZE", "154", "troops", r"(?:<deployment/n>|<dispatch/n>) of(?: (?!not |never )[\w'.,$-]+){1,10}? (?:troops|soldiers|forces|personnel|officers|policemen|police|units|reinforcements)(?: (?!not |never )[\w'.,$-]+){0,6}? (?:was|were|has been|have been|had been) (?:ordered|approved|authori[sz]ed|announced)", nominal=True, passive=True),
    _T("ACCUSE", "090", "investigate", r"(?:<investigation/n>|<inquiry/n>|<probe/n>) into(?: (?!not |never )[\w'.,$-]+){1,8}? (?:was|were|has been|have been|had been) (?:ordered|launched|opened|instituted|initiated)", nominal=True, passive=True),
    _T("ACCUSE", "112", "allege", r"(?:<allegation/n>|<accusation/n>|<charge/n>)(?: (?!not |never )[\w'.,$-]+){0,6}? (?:was|were|has been|have been|had been) (?:levelled|leveled|made|brought) against(?: [\w'.-]+){1,5}?(?= by )", nominal=True, passive=True),
    _T("SUPPORT", "051", None, r"(?:<vote/n>|<motion/n>) of confidence in(?: [\w'.,-]+){1,8}? (?:was|were|has been|had been) (?:passed|carried|adopted|approved)", nominal=True, passive=True),
    # Giving way to pressure (before "meeting with" and the bare "back down"): "capitulating to months of
    # protests", "meeting a key demand of the strikers", "backing down from the postponement".
    _T("CONCEDE", "080", None, r"(?:bowing|bowed|yielding|yielded|giving in|gave in|conceding|conceded|capitulating|capitulated|caving in|caved in|relenting|relented|succumbing|succumbed) to (?:[\w.'-]+ ){0,5}?(?:<demand/n>|pressure|<protest/n>|protesters|<call/n>|<strike/n>|strikers|critics|the opposition|<campaign/n>|outcry|anger|unrest|<riot/n>)|(?:meeting|granting|accepting) (?:a |the |one of the |two of the |some of the |all of the |several of the )?(?:[\w-]+ ){0,2}?demands? (?:of|by|from)|(?:backing|climbing) down (?:from|on|over)", yields=True),
    # CONSULT
    _T("CONSULT", "041", "phone", r"(?:tele)?phoned|(?:tele)?phones|spoke (?:by|on the) (?:tele)?phone|(?:tele)?phone (?:call|conversation)s?|contacted|calls? with", reciprocal=True),
    _T("CONSULT", "042", "visit", r"pa(?:y|ys|id|ying) (?:an? )?(?:courtesy |official |state |working |farewell |surprise )?(?:call|visit) (?:on|to)|received by(?<=was received by|ere received by|een received by)|visit(?:s|ed|ing)?|arriv(?:e|es|ed|ing) (?:in|at) [\w' -]{1,40}? for (?:an? )?(?:official |state |two-day |three-day )?visit|(?:state|official) visit|(?:flew|flies|travel(?:l)?ed|travels|went|came) to [\w' -]{1,40}? for (?:talks|a visit|consultations|a meeting)", nominal=True),
    _T("CONSULT", "043", "host", r"host(?:s|ed|ing)?|<receive> (?:a |an |the |his |her |their |its )?(?:[\w-]+ )?(?:visiting |high-level |senior )?(?:delegations?|missions?|envoys?|emissar(?:y|ies)|delegates|counterparts?)|(?:gave|give|gives) (?:an? )?" + _W1 + r"welcome|welcom(?:e|es|ed) (?:the )?visiting"),
    _T("CONSULT", "045", "third-party", r"<mediate>|mediation|brokered|brokering"),
    _T("CONSULT", "046", None, r"negotiat(?:e|es|ed|ing)(?: with)?|(?:held|hold|holds|holding|began|begin|begins|opened|resumed|resume|resumes|conducted|started) " + _W4 + _TALKS + r"|" + _TALKS + r" (?:(?:in|at) [\w-]+(?: [\w-]+)? )?(?:with|between)|" + _TALKS + r" (?:(?:on|over|about|in|at) [\w\' -]{1,30}? )?(?:resumed|began|opened|started|continued|ended|were held|took place)|for (?:(?:a|an|the|their|its|fresh|new|further) )?(?:[\w-]+ ){0,3}?(?:rounds? of )?" + _TALKS + "|<sit> down (?:together )?(?:with|for|in|at)|negotiations", nominal=True, reciprocal=True),
    _T("CONSULT", "040", "multilateral", r"(?:attend(?:s|ed|ing)?|host(?:s|ed)?|held|at) (?:an? |the )?" + _W2 + r"(?:summit|conference|multilateral meeting)", nominal=True),
    _T("CONSULT", "040", None, r"meet(?:s|ing)? with|meet(?:s)?|met(?: with)?|talk(?:ed|ing)? (?:to|with)|consult(?:s|ed|ing)?|discuss(?:es|ed|ing)?|conferred|(?:held|hold|holds) (?:a |an )?" + _W1 + r"meeting", reciprocal=True),
    # AGREE
    # A truce that held was kept by its sides ("the truce between Israel and Hamas held"); not "held" as
    # a detention (the dictionary's HOLD).
    _T("RETREAT", "0871", "ceasefire", r"(?:cease-?fire|truce|armistice)(?: between)?(?= (?:(?:between|in|on|along) (?:[\w.'-]+ ){1,8}?)?(?:largely |mostly |broadly )?(?:held|has held|had held|was holding|appeared to hold|seemed to hold)(?! (?:talks|a |an |the |its |their |his |her |\w+ (?:hostage|captive))))", nominal=True, reciprocal=True),
    _T("RETREAT", "0871", "ceasefire", r"(?:declared|declare|announced|<proclaim>|agreed (?:to|on)|observe[sd]?|signed|reached|accepted|extend(?:s|ed|ing)?|prolong(?:s|ed)?) (?:an? |the |their |its )?" + _W1 + r"(?:cease-?fire|truce|armistice)"),
    _T("SUPPORT", "057", None, r"sign(?:s|ed|ing)? " + _W4 + r"(?:agreement|accord|treaty|deal|pact|memorandum|protocol)", reciprocal=True),
    _T("SUPPORT", "057", None, r"(?:<ratify>|<approve>) " + _W3 + r"(?:agreement|accord|treaty|pact|protocol)"),
    _T("AGREE", "030", None, r"(?:reached|reach|reaches|concluded|struck|strike) (?:an? |the )?" + _W2 + r"(?:agreement|accord|deal|consensus|understanding)", governs=True, reciprocal=True),
    _T("AGREE", "033", None, r"pledg(?:e|es|ed|ing) " + _W8 + _AID),
    # A concession offered is made ("offered a heartfelt apology", "offered East Timor special autonomy",
    # "a law offering amnesty"): CONCEDE, before the bare "offered" of an intent.
    _T("CONCEDE", "080", None, r"<offer> (?:['\"]?[\w.-]+['\"]? ){0,4}?['\"]?(?:<apology/n>|amnesty|<pardon/n>|autonomy|self-rule|<concession/n>)"),
    _T("AGREE", "030", None, r"agree(?:s|d)? " + _WHEN + r"(?:to|on|upon|with)|agreement to|<promise> " + _WHEN + r"to|pledg(?:e|es|ed) " + _WHEN + r"to|<vow> " + _WHEN + r"to|committed(?<=has committed|ave committed|had committed) (?:itself |themselves )?to|offer(?:s|ed)?|(?:is|are|was|were|be) (?:ready|willing|prepared|committed) to|<stand> ready to|(?:<finalize>|<settle>) (?:the )?(?:text|terms|wording|final draft|draft) of (?:an? |the |their |its )?(?:[\w-]+ ){0,2}?(?:agreement|accord|treaty|deal|pact)|(?:has |have )?(?:sworn|swore) to|promised|accept(?:s|ed)? (?:an? |the |any |new |these |those |such )?(?:offer|proposal|plan|invitation|conditions|terms|demands)", governs=True, reciprocal=True),
    # SUPPORT (a phrasal verb and a debt's relief stand before the bare "back" and "forgive")
    _T("CONCEDE", "080", None, r"<back> (?:down|away|off)|<climb> down|<cave> in|<give> in"),
    _T("AID", "071", None, r"(?:<write> off|<forgive>|<cancel>|<waive>|<scrap>) " + _W8_CLAUSE + r"(?:<debt/n>|<loan/n>|arrears|loan obligations)"),
    _T("SUPPORT", "051", None, r"endorsement of|<stand> (?:firmly |squarely |resolutely |fully )?(?:shoulder to shoulder|side by side|in solidarity|united) (?:with|behind|beside)|<stand> (?:firmly|squarely|resolutely|four-square) (?:with|behind|beside)|(?:<express>|<voice>|<show>) (?:its |his |her |their )?(?:full |deep )?understanding for|prais(?:e|es|ed|ing)|welcom(?:e|es|ed|ing)|endors(?:e|es|ed|ing)|back(?:s|ed|ing)|support(?:s|ed|ing)?|<hail>|<laud>|<commend>|<applaud>|express(?:es|ed)? (?:its |his |her |their )?support|(?:<pledge>|<express>|<declare>|<voice>) (?:its |his |her |their |full |firm )?(?:full |firm )?solidarity with|<congratulate>|defend(?:s|ed)?|forg(?:ive|ave|iven)|sympath(?:y|ize|ized|ised) with|thank(?:s|ed)"),
    # Regret for an action is a concession (PLOVER CONCEDE), not support.
    _T("CONCEDE", "055", None, r"<apologize>|<express> (?:['\"]?[\w-]+ ){0,2}['\"]?(?:regret|remorse|apology|apologies|contrition)"),
    _T("SUPPORT", "054", None, r"<recognize> (?:the |its |their )?(?:independence|sovereignty|government|new government|(?:independent )?state of [a-z][\w-]*)|<recognize> (?:[\w.'-]+ ){1,6}?as (?:an? |the |[\w-]+'s )?(?:sole )?(?:independent|sovereign|legitimate)|(?:<restore>|<establish>|<resume>|<upgrade>|<normalize>|<elevate>) " + _W2 + r"(?:diplomatic )?(?:<relation/n>|ties)"),
    _T("SUPPORT", "054", None, r"<reopen> (?:its |their |the )?(?:[\w-]+ ){0,2}?(?:<embassy/n>|<consulate/n>)"),
    _T("SUPPORT", "054", None, r"(?:upgrade|upgrading|normali[sz]ation|restoration|establishment|resumption|elevation) of (?:[\w-]+ ){0,2}(?:diplomatic )?(?:relations|ties)", nominal=True),
    # CONCEDE
    _T("RETREAT", "0872", None, r"(?:<lift>|<ease>|end(?:s|ed)?|<relax>) " + _W4 + r"(?:blockade|siege)"),
    _T("CONCEDE", "081", None, r"(?:<lift>|<ease>|<relax>|end(?:s|ed)?|<shorten>|<reduce>) " + _W6 + r"(?:curfew|restrictions|ban|closures?|state of emergency|martial law)"),
    # Letting monitors in is RETREAT access; it stands before the bare "allow".
    _T("RETREAT", "086", "access", r"(?:<let>|<allow>|<permit>|<admit>) (?:[\w.'-]+ ){0,4}?" + _MONITORS + r" (?:back )?(?:in|into|to enter|to return|to visit|to inspect|resume|to resume)|(?:<grant>|<allow>|<give>|<open>) (?:[\w.'-]+ ){0,3}?(?:humanitarian|aid|full|unfettered|unrestricted) access"),
    # A ban on a party lifted (CAMEO 0812).
    _T("CONCEDE", "0812", None, r"unban(?:s|ned|ning)?|<legalize> (?:the )?(?:[\w'.-]+ ){0,4}?(?:<party/n>|<movement/n>|opposition|<union/n>|congress)"),
    _T("CONCEDE", "080", None, r"allow(?:s|ed|ing)?|<permit>"),
    # A shutdown undone (the inverse of COERCE withhold below); power restored after a storm is no concession.
    _T("CONCEDE", "081", None, r"(?:<restore>|<reconnect>) (?:[\w-]+ ){0,3}?(?:internet|mobile (?:phone )?(?:service|network)s?|phone (?:service|network|line)s?|telecommunications|social media)"),
    # A crossing reopened to trade between two states is exchange resumed (COOPERATE), before the CONCEDE
    # reopening of a border a state had closed.
    _T("COOPERATE", "061", None, r"<reopen> (?:its |their |the )?(?:[\w-]+ ){0,3}?(?:border crossings?|crossings?|border posts?) to (?:trade|trucks|lorries|commerce|goods|cargo|freight)", reciprocal=True),
    _T("CONCEDE", "081", None, r"<reopen> (?:its |their |the )?(?:[\w-]+ ){0,2}?(?:border(?: crossings?| posts?)?|crossings?|airspace|airports?|ports?|roads?|bridges?|checkpoints?)"),
    # A measure or demand withdrawn (PLOVER: withdrawing a demand is CONCEDE)
    _T("CONCEDE", "080", None, r"(?:<withdraw>|<scrap>|<repeal>|<rescind>|<drop>|<shelve>|<abandon>|<reverse>|<suspend>) (?:its |their |the |his |her |a )?(?:[\w-]+ ){0,2}?(?:<notification/n>|<directive/n>|<circular/n>|<ordinance/n>|(?:fee|tariff|price|fare|tax|levy|toll) (?:<increase/n>|<hike/n>|<rise/n>)|<increase/n> in (?:[\w-]+ ){0,2}?(?:<fee/n>|<tariff/n>|<price/n>|<fare/n>|<tax/n>|<levy/n>|<toll/n>))|(?:<withdraw>|<scrap>|<repeal>|<rescind>|<drop>|<shelve>|<abandon>) (?:its |their |the |his |her |a )?(?:[\w-]+ ){0,2}?(?:emergency (?:<regulation/n>|<law/n>|powers|<measure/n>)|<decree/n>|<bill/n>|<law/n>|<plan/n>|<demand/n>|<proposal/n>|<reform/n>|<tax/n>|<hike/n>|<charge/n>|<lawsuit/n>|<complaint/n>|<ultimatum/n>|<condition/n>|<requirement/n>|polic(?:y|ies))|<revoke> (?:its |their |the |his |her )?(?:[\w-]+ ){0,2}?emergency (?:<regulation/n>|<law/n>|powers|<measure/n>)"),
    # Protests suspended (PLOVER CONCEDE; CAMEO 082, ease political dissent)
    _T("CONCEDE", "082", None, r"(?:<call> off|<suspend>|<end>|<halt>|<cancel>|<abandon>) (?:(?:the|their|its|his|her|a|an) )?(?:[\w-]+ ){0,3}?(?:<strike/n>|<protest/n>|<boycott/n>|<sit-in/n>|<march/n>|<demonstration/n>|<walkout/n>|<rally/n>)"),
    _T("CONCEDE", "082", None, r"<call> (?:the|their|its|his|her|a|an) (?:[\w-]+ ){0,2}?(?:<strike/n>|<protest/n>|<boycott/n>|<sit-in/n>|<march/n>|<demonstration/n>|<walkout/n>|<rally/n>) off"),
    # Bowing to pressure, demands or protests is giving in to them (the pressure is no request of its own).
    _T("CONCEDE", "080", None, r"<bow> to (?:[\w'-]+ ){0,4}?(?:<pressure/n>|<demand/n>|<protest/n>|<call/n>|<strike/n>|<demonstration/n>|(?:the )?(?:popular |public )?will of)"),
    _T("CONCEDE", "080", None, r"<concede>|<accede> to|gave in|backed down|<yield> to|<comply> with|agreed to (?:the )?demands"),
    # COOPERATE
    _T("COOPERATE", "062", None, r"joint (?:['\"]?[\w-]+['\"]? ){0,3}(?:<exercise/n>|<drill/n>|<patrol/n>|operations?|manoeuvres|maneuvers|war games)|military cooperation|war games|naval (?:exercises|drills)", nominal=True, reciprocal=True),
    # Drills and patrols of several states in other words ("the trilateral 'Dosti' exercise", "coordinated
    # patrols", "a maritime cooperative activity"); a single force's drill is MOBILIZE.
    _T("COOPERATE", "062", None, r"(?:trilateral|bilateral|multilateral|multinational) (?:['\"]?[\w-]+['\"]? ){0,2}?(?:<exercise/n>|<drill/n>|manoeuvres|maneuvers|war games|cooperative activit(?:y|ies))|coordinated (?:[\w-]+ ){0,2}?(?:<patrol/n>|<exercise/n>|<drill/n>|manoeuvres|maneuvers)", nominal=True, reciprocal=True),
    # Forces or police of several states acting "jointly" (the act itself codes too: "jointly raided" is
    # also a raid; "jointly owned" is none).
    _T("COOPERATE", "060", None, r"jointly(?= (?:[\w-]+ )?(?:<raid>|<attack>|target(?:s|ed|ing)?|<clear>|<dismantle>|<patrol>|<conduct>|<carry> out|<hunt>|<arrest>|<seize>|<bust>|<smash>|<sweep>|<secure>|<guard>|<monitor>|<investigate>|<open>|<inaugurate>|<launch>|<stage>|<hold>|<rescue>|<capture>|<intercept>|<destroy>|<build>|<operate>)\b)", nominal=True, reciprocal=True),
    _T("COOPERATE", "064", None, r"(?:<share>|<pool>) (?:[\w-]+ ){0,2}(?:intelligence|information|evidence|data)|<exchange> (?:[\w-]+ ){0,2}(?:intelligence|information|evidence|data)", reciprocal=True),
    _T("COOPERATE", "060", None, r"cooperat(?:e|es|ed|ing) (?:with|on|in)|cooperation (?:with|between|on)|(?:economic|trade|security) cooperation|<extradite>|hand(?:s|ed|ing)? over (?:the )?(?:\w+ ){0,2}(?:suspects|fugitives|bombers|suspect)|<hand> (?:the |a |an )?(?:[\w-]+ ){0,2}?(?:<suspect/n>|<fugitive/n>|<bomber/n>|<militant/n>) over", reciprocal=True),
    _T("COOPERATE", "061", None, r"trade(?! talks| negotiations| deal)(?= (?:[\w'-]+ ){0,6}?(?:resumed|reopened|restarted))", nominal=True, reciprocal=True),
    # Links between two states opened or resumed: transport ("passenger train services between India and
    # Bangladesh resumed", "resumed direct flights between Cairo and Tel Aviv"; flights to a city are an
    # airline's), energy flowing, trade settled in the partners' own currencies, a joint checkpoint.
    _T("COOPERATE", "061", None, r"(?:<flight/n>|train services|(?:passenger |cargo |freight )?trains|bus services|ferry services|rail (?:services|links)|air links|shipping) between(?= (?:[\w'.-]+ ){1,8}?(?:resumed|restarted|reopened|began|started|took off|were restored|opened))|(?:passenger |cargo |freight )?trains? crossed (?:the )?(?:[\w-]+ ){0,3}?border between", nominal=True, reciprocal=True),
    _T("COOPERATE", "061", None, r"<resume> (?:direct |regular |commercial |passenger |scheduled )?(?:flights|air links|train services|rail services|bus services|ferry services) between|(?:gas|oil|electricity|lng) (?:began|begins|started|starts) (?:flowing|to flow) (?:to|into)|<settle> (?:[\w-]+ ){0,4}?(?:trade|<cargo/n>|<payment/n>|<transaction/n>) in (?:their own |local |national )?(?:currencies|rupees|yuan|rubles|roubles|dirhams|reais|pesos|rupiah|local currenc(?:y|ies))|<open> (?:an? |the |their )?joint (?:[\w-]+ ){0,2}?(?:<checkpoint/n>|<border post/n>|<border crossing/n>|<customs post/n>|<market/n>)", reciprocal=True),
    _T("COOPERATE", "061", None, r"(?:<begin>|<start>|<resume>|<restart>) (?:exporting|importing|supplying|shipping|pumping) (?:[\w-]+ ){0,3}?(?:to|from)|(?:<begin>|<start>|<resume>|<restart>) trading with|<resume> (?:bilateral |direct |cross-border |border )?trade", reciprocal=True),
    # AID (weapons handed in or given up are disarmament: that row stands before the aid verbs)
    _T("RETREAT", "0873", "disarm", r"<disarm>|<demobilize>|<decommission> " + _W1 + r"(?:weapons|arms)|<lay> down (?:their|its|his) (?:arms|weapons)|(?:<hand> in|<give> up|<turn> in|<turn> over|<surrender>) (?:[\w'$.,-]+ ){0,4}?(?:<weapon/n>|arms|<gun/n>|<rifle/n>|ammunition|explosives)|<hand> over (?:their|its|his) (?:[\w'-]+ ){0,4}?(?:weapons|arms|guns|<rifle/n>)"),
    _T("AID", "073", None, r"(?:<provide>|<send>|<deliver>|<airlift>|<donate>|<give>|<ship>|<hand> over|<rush>|<dispatch>|<distribute>) " + _W4 + r"(?:humanitarian|food|medical|emergency|relief) " + _W1 + r"(?:" + _AID + r"|materials|items|<pack/n>|<package/n>|<parcel/n>|<kit/n>)"),
    _T("AID", "072", None, r"(?:provid(?:e|es|ed|ing)|sen(?:d|ds|t)|<deliver>|suppl(?:y|ies|ied)|gave|giv(?:e|es)) " + _W4 + r"(?:military (?:aid|assistance|equipment)|weapons|arms|ammunition)"),
    # Weapons of war delivered (sending tanks is a deployment: MOBILIZE).
    _T("AID", "072", None, r"(?:<deliver>|<supply>|<provide>|<hand> over(?! (?:their|its|his) )|<transfer>) " + _W6 + r"(?:<tank/n>|<missile/n>|<drone/n>|<howitzer/n>|air defen[cs]e systems?|fighter jets|warplanes|<helicopter/n>|<rifle/n>)"),
    _T("CONCEDE", "081", None, r"grant(?:s|ed|ing)? " + _W2 + r"amnesty|amnestied|pardon(?:s|ed|ing)?"),
    _T("AID", "070", None, r"(?:<provide>|<send>|<deliver>|<donate>|<give>|<grant>|<approve>|<extend>|<hand> over|<step> up|<airlift>|airdrop(?:s|ped|ping)?|<ferry>|(?:fly|flies|flew|flown|flying) in|<disburse>|<rush>|<dispatch>|<supply>|<pledge> and <deliver>) " + _W8_CLAUSE + _AID + r"|<grant> " + _W1 + r"asylum"),
    # Money paid out to a state ("disbursed $500 million to Kenya", "released the second tranche of a loan",
    # "wired $1.25 billion in budget aid", "rolled over a $2 billion loan"): a sum or a loan, not figures
    # released ("released data showing $2 billion in losses").
    _T("AID", "071", None, r"(?:<release>|<disburse>|<transfer>|<wire>|<lend>|<loan>|<channel>|<unlock>|<roll> over|<sign> off on) " + _W6_MONEY + _MONEY),
    # Aid named by its carrying, once it came ("a shipment of Jordanian aid arrived in Gaza", "the
    # delivery of vaccines to Malawi by the EU"): relief goods, not weapons or trade; a delivery only
    # named ("said the delivery of aid was impossible") is none.
    _T("AID", "073", None, r"(?:<shipment/n>|<consignment/n>|<delivery/n>|<convoy/n>|<planeload/n>|<shipload/n>|<truckload/n>|<airdrop/n>|<airlift/n>) of (?:[\w$.,-]+ ){0,3}?(?:aid|assistance|relief|food|<medicine/n>|medical supplies|<vaccine/n>|<tent/n>|<blanket/n>|rations|flour|wheat|rice|maize|grain|relief (?:materials|items|goods))(?= (?:[\w'.,-]+ ){0,6}?(?:by|arrived|reached|landed|entered|crossed into|(?:was|were) (?:delivered|unloaded|handed over))\b)", nominal=True),
    # Debts forgiven in a noun ("announced debt relief for Sri Lanka").
    _T("AID", "071", None, r"(?:<announce>|<unveil>|<approve>|<offer>|<grant>|<extend>) (?:an? |the |its |new |fresh |further )?(?:[\w$.,-]+ ){0,3}?debt (?:relief|forgiveness|cancellation|write-offs?)"),
    # Hostages rescued by a force (the manual: a rescue is AID, their captors' release RETREAT).
    _T("AID", "073", None, r"<rescue> (?:[\w.'-]+ ){0,8}?(?:<hostage/n>|<captive/n>|kidnapped|abducted|<kidnap victim/n>)"),
    # Helpers who arrived or were flown in ("a brigade of Cuban doctors arrived in Lombardy"): aid, not the
    # troops' arrival row below.
    _T("AID", "073", None, r"(?:doctors|medics|nurses|<medical team/n>|<rescue team/n>|rescuers|<relief team/n>|search-and-rescue teams?|<aid worker/n>|<field hospital/n>) (?:[\w'.-]+ ){0,6}?(?:arriv(?:e|es|ed|ing)|landed|(?:was|were|have been|had been) (?:flown|sent|dispatched|airlifted)|flew) (?:in|at|to|into)", nominal=True),
    # Doctors flown into a stricken place ("flew another 400 doctors and nurses into Haiti"): aid, before
    # the troops flown in below.
    _T("AID", "073", None, r"(?:flew|flown|<airlift>) (?:[\w'$.,-]+ ){0,4}?(?:doctors|medics|nurses|<medical team/n>|<rescue team/n>|rescuers|<relief worker/n>|<aid worker/n>) (?:(?:[\w'-]+ ){0,3}?(?:in)?to|in)"),
    # Money put into a state's central bank, bills paid for it, relief dropped from the air, gifts shipped.
    _T("AID", "071", None, r"<deposit> (?:[\w'.-]+ ){0,2}?(?:(?:us)?\$[\d.,]+|[\d.,]+|one|two|three|five|ten|a) (?:[\w'-]+ ){0,3}?(?:in|with|into|at) (?:the )?(?:[\w'.-]+ ){0,3}?central bank|<bankroll>"),
    _T("AID", "070", None, r"<drop> " + _W2 + r"(?:food|aid|supplies|<ration/n>|<medicine/n>|<parcel/n>|water) (?:over|on|to|into)|<ship> (?:[\w'$.,-]+ ){0,8}?(?:<vaccine/n>|<medicine/n>|medical supplies|<tent/n>|<blanket/n>|relief|humanitarian aid)"),
    _T("AID", "073", None, r"(?:<evacuate>|<airlift>) (?:the )?(?:[\w-]+ ){0,4}?(?:wounded|injured|sick|casualties|civilians|refugees|children|residents|nationals|citizens|foreigners|survivors|patients)"),
    # Refugees refused ("would take in no more refugees") before those let in.
    _T("REJECT", "122", "assist", r"(?:<accept>|<admit>|<take> in|<let> in|<receive>) (?:no more|no further|no new|no) (?:[\w'-]+ ){0,2}?(?:<refugee/n>|<migrant/n>|asylum[- ]seekers?)"),
    # Refugees let in (asylum is AID); "will not accept more refugees" is thus a refusal of aid.
    _T("AID", "075", None, r"(?:<accept>|<admit>|<resettle>|<take> in) (?:[\w'$.,-]+ ){0,3}?(?:<refugee/n>|<migrant/n>|asylum[- ]seekers?)"),
    # RETREAT
    # Leaving a body, a treaty or a mediator's role (the manual's SANCTION withdraw: "withdraw oneself from a
    # group, mediation activity, organization"): "announced their withdrawal from ECOWAS", "will quit
    # UNESCO", "stepping back from its role as peace broker"; parties and clubs left are not read.
    _T("SANCTION", "166", "withdraw", r"(?:<withdraw> from|<pull> out of|<quit>|<leave>|<exit>|<walk> away from) (?:the )?(?:[\w.'-]+ ){0,4}?(?:<organization/n>|<organisation/n>|<union/n>|<alliance/n>|<bloc/n>|commonwealth|<treaty/n>|<accord/n>|<pact/n>|unesco|ecowas|nato|opec|asean|mercosur|osce|unhrc|human rights council|international criminal court|icc|african union|arab league|european union|eu|who|wto|g5 sahel|economic community|csto|sadc|igad|caricom|celac|council of europe|(?:nuclear|grain|peace|climate|arms control|arms|ceasefire|security|defen[cs]e|migration|transit) (?:<deal/n>|<agreement/n>|<initiative/n>))\b|(?:<withdrawal/n>|<exit/n>) from (?:the )?(?:[\w.'-]+ ){0,4}?(?:<organization/n>|<organisation/n>|<union/n>|<alliance/n>|<bloc/n>|commonwealth|<treaty/n>|<accord/n>|<pact/n>|unesco|ecowas|nato|opec|asean|mercosur|osce|unhrc|human rights council|international criminal court|icc|african union|arab league|european union|eu|who|wto|g5 sahel|economic community|csto|sadc|igad|caricom|celac|council of europe|(?:nuclear|grain|peace|climate|arms control|arms|ceasefire|security|defen[cs]e|migration|transit) (?:<deal/n>|<agreement/n>|<initiative/n>))\b|<step> (?:back|aside|down) from (?:its |their |his |her )?(?:[\w-]+ )?role as (?:[\w-]+ ){0,2}?(?:broker|mediator|facilitator|guarantor)", nominal=True),
    _T("SANCTION", "166", "withdraw", r"<withdraw> " + _W3 + r"(?:" + _MONITORS + r"|ambassador|diplomats|personnel|staff)"),
    _T("RETREAT", "0874", "withdraw", r"withdr(?:ew|aw|aws|awn|awing) " + _W3 + r"(?:troops|forces|soldiers|units|army|military)|(?:pulled|pull|pulls|pulling) (?:(?:its|their|the|his) (?:[\w-]+ )?(?:troops|forces|soldiers|units|army) )?(?:out|back)|<retreat>"),
    _T("RETREAT", "084", "release", r"(?:<release>|<free>) (?:(?!names |details |identities |lists? |photos |pictures |images |videos? |footage |statements? |reports? |figures |data )[\w.'-]+ ){0,6}?" + _FREED + r"|<let> (?:[\w.'-]+ ){0,4}?" + _FREED + r" go\b|<walk> free from (?:[\w'-]+ ){0,3}?(?:prison|jail|detention|custody|house arrest)|(?:handed over|<hand> back|<give> back) " + _W3 + r"(?:prisoners|hostages|bodies|soldiers|servicemen|captives|detainees|pows|inmates)|<hand> (?:the |their )?(?:[\w-]+ ){0,2}?(?:<prisoner/n>|<hostage/n>|bodies) over|(?:<release>|<free>) (?:[\w.'-]+ ){1,5}from (?:prison|jail|detention|custody|house arrest)"),
    _T("RETREAT", "084", None, r"pa(?:y|ys|id|ying) (?:\w+ )?(?:compensation|reparations)"),
    # A person handed to another state's authorities, agents or a court is judicial cooperation (prisoners
    # and hostages handed over are released: the row above).
    _T("COOPERATE", "060", None, r"(?:<hand>|<turn>) over (?:[\w.',-]+ ){0,6}?to (?:the )?(?:[\w'-]+ ){0,2}?" + _CUSTODY + r"|(?:<hand>|<turn>) (?:[\w.'-]+ ){1,6}?over to (?:the )?(?:[\w'-]+ ){0,2}?" + _CUSTODY + r"|<handover/n> of (?:[\w.'-]+ ){1,8}?to (?:the )?(?:[\w'-]+ ){0,2}?" + _CUSTODY, nominal=True, reciprocal=True),
    # Territory handed over or given up (RETREAT, ceding territory)
    _T("RETREAT", "0874", "withdraw", r"(?:<hand> over|<hand> back|<give> back|<cede>|<give> up|<relinquish>) (?:the |its |their |control of )?(?:[\w-]+ ){0,3}?(?:<district/n>|<region/n>|<territory/n>|<province/n>|<town/n>|<city/n>|<village/n>|<island/n>|<enclave/n>|<corridor/n>|<base/n>|land)|(?:<vacate>|<abandon>) (?:the |its |their )?(?:[\w-]+ ){0,3}?(?:<district/n>|<town/n>|<village/n>|<position/n>|<stronghold/n>|<outpost/n>|<garrison/n>|<trench/n>|<checkpoint/n>)"),
    # A place (or its control) given back to a state: "handed Hong Kong back to China", "handed over
    # control of the canal to Panama", "returned control of the enclave".
    _T("RETREAT", "0874", "withdraw", r"(?:<hand>|<give>) (?:[\w.'-]+ ){1,6}?back to|(?:<hand> over|<hand> back|<return>|<transfer>|<cede>|<relinquish>|<give> up) (?:full |formal )?(?:control|sovereignty) (?:of|over) (?:the )?(?:[\w'-]+ ){0,4}?(?:<canal/n>|<territory/n>|<region/n>|<district/n>|<province/n>|<city/n>|<town/n>|<island/n>|<base/n>|<airport/n>|<port/n>|<border/n>|<crossing/n>|<area/n>|<zone/n>|<enclave/n>|<colony/n>)|(?:<hand> over|<return>|<transfer>|<cede>) (?:full |formal )?sovereignty(?= (?:of|over) )"),
    # An offensive called off ends active fighting (RETREAT); "to halt the offensive" stays a purpose.
    _T("RETREAT", "087", None, r"(?:<call> off|<halt>|<suspend>|<end>|<stop>|<scale> back|<scale> down|(?:wind|winds|winding|wound) down) (?:(?:the|their|its|his|a|an) )?(?:[\w-]+ ){0,2}?(?:offensive|<offensive/n>|<airstrike/n>|air strikes|<bombing/n>|bombing campaign|military (?:operations?|activity|activities|campaign)|<hostility/n>)"),
    _T("RETREAT", "0874", "withdraw", r"(?:<complete>|<finish>|<begin>|<start>|<carry> out) (?:the |their |its |a )?(?:[\w-]+ )?(?:<pullout/n>|<pull-out/n>|<withdrawal/n>|<pullback/n>)"),
    # The noun's own passive: "the withdrawal of Syrian troops from Lebanon was completed".
    _T("RETREAT", "0874", "withdraw", r"(?:<pullout/n>|<pull-out/n>|<withdrawal/n>|<pullback/n>) of(?= (?:[\w'.-]+ ){1,10}?(?:(?:was|were|had been|has been) (?:completed|finished|carried out|concluded)|ended|was complete|began|started|commenced|got under way))", nominal=True),
    # Troops that left a place withdrew from it (the place follows; not "left for", "left behind", nor
    # "left Moscow for the parade": a departure).
    _T("RETREAT", "0874", "withdraw", r"(?:left|leaves|leaving)(?! (?:[\w'.-]+ ){1,3}for )(?= (?!for |behind |a |an |the (?:talks|meeting|room|table)|their |its |his |her |no |open |it |them |him |office|power)\w)", actor_sectors=_MIL),
    _T("RETREAT", "0874", "withdraw", r"withdr(?:ew|aw|aws|awn|awing) from|<retreat> from|pulled out of", actor_sectors=frozenset(("MIL",))),
    _T("RETREAT", "0832", "resign", r"(?:<tender>|<submit>|<hand> in|<offer>|<announce>) (?:his |her |their )?resignation"),
    _T("RETREAT", "084", "release", r"exchang(?:e|es|ed|ing) " + _W2 + r"(?:prisoners|hostages|detainees|captives|bodies)", reciprocal=True),
    _T("RETREAT", "0832", "resign", r"resign(?:s|ed|ing)|(?:stepped|steps|stepping) down|(?:quit|quits) (?:as|his|her)"),
    _T("RETREAT", "0874", "withdraw", r"disengag(?:e|es|ed|ing)", reciprocal=True),
    _T("RETREAT", "087", None, r"<surrender>|<capitulate>"),
    # Persons (and the dead) returned are released; goods and land returned are a retreat of no mode.
    _T("RETREAT", "084", "release", r"(?:<return>|<hand> back|<give> back) " + _W4_OBJECT + r"(?:prisoners|bodies|hostages|remains|captives|detainees|soldiers|servicemen|pows|<child/n>|<civilian/n>|<national/n>|<fisherman/n>|<sailor/n>|crew members)"),
    _T("RETREAT", "084", None, r"(?:<return>|<hand> back|<give> back) " + _W4_OBJECT + r"(?:weapons|property|properties|equipment|territory|land|<ship/n>|<vessel/n>|<tanker/n>|<boat/n>|<trawler/n>|aircraft|<plane/n>|assets|<artefact/n>|<artifact/n>|<bronze/n>|<antiquity/n>|antiquities|<relic/n>|<treasure/n>|<artwork/n>|looted (?:[\w-]+ )?(?:objects|items|art|works))"),
    _T("RETREAT", "085", None, r"(?:<lift>|<ease>) " + _W2 + _SANCTIONS),
    # REQUEST ("strong demand for travel", "weak demand in Europe": a market's demand, told by its adjective
    # behind the word, not a party's)
    _T("REQUEST", "100", None, r"call(?:s|ed)? (?:on|for|upon)|urg(?:e|es|ed|ing)|<implore>|beseech(?:es|ed|ing)?|besought|<exhort>|<entreat>|<plea/n> (?:for|to)|<appeal> (?:to|for)|<ask>|<request>|demand(?:s|ed|ing)?(?<!strong demand)(?<!weak demand)(?<!robust demand)(?<!sluggish demand)(?<!global demand)(?<!consumer demand)(?<!higher demand)(?<!lower demand)(?<!rising demand)(?<!falling demand)(?<!record demand)(?<!domestic demand)|press(?:es|ed|ing)? (?:for|on)|press(?:es|ed|ing)? (?:[\w.'-]+ ){1,3}?" + _WHEN + r"to(?= \w)|push(?:es|ed|ing)? (?:hard )?for|pressur(?:e|es|ed|ing)|<insist> (?:on|that)|<plead> (?:with|for)|(?:stern |firm )?reminder (?:\w+ )?to|remind(?:s|ed)? \w+ (?:that|to)", governs=True),
    _T("REQUEST", "100", None, r"(?:directed|directs|directing|instructed|instructs|instructing) (?:[\w.'-]+ ){0,4}?(?:<officer/n>|<official/n>|<commander/n>|<commissioner/n>|police|policemen|<government/n>|<ministry/n>|<agency/n>|<authority/n>|<department/n>|<commission/n>|<minister/n>|<governor/n>|<chief/n>|<head/n>|forces|troops|<army/n>|<unit/n>|personnel|staff|<institution/n>|<body/n>|<regulator/n>|<council/n>|<administration/n>) to(?= (?!the |a |an |his |her |their |its |this |that )\w)", governs=True),
    _T("REQUEST", "100", None, r"must|has to|have to|(?:is|are) obliged to", governs=True, obliges=True),
    # ACCUSE
    _T("ACCUSE", "112", "allege", r"(?:is|was|are|were) (?:\w+ )?to blame", obliges=True),
    _T("ACCUSE", "112", "allege", r"accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing)|alleg(?:e|es|ed) that|alleging|charg(?:ed|es) " + _WHEN + r"that|<charge> (?:[\w.'-]+ ){1,8}?with (?:genocide|war crimes|crimes against humanity|terrorism|treason|sedition|plotting|espionage|spying|subversion|rebellion|insurrection|incitement|inciting)|(?:<seek>|<request>|<apply> for) (?:an? )?(?:international )?arrest warrants?|<indict>|su(?:e|es|ed|ing)|filed (?:a )?(?:lawsuit|complaint)|(?:<bring>|<file>|<lodge>|<launch>|<reinstate>|<press>|<level>|laid|lays|laying) (?:an? |the )?(?:[\w-]+ ){0,2}(?:<case/n>|<lawsuit/n>|<suit/n>|<complaint/n>|<charge/n>|<petition/n>|<allegation/n>|<accusation/n>) against|<take> (?:[\w.'-]+ ){1,4}to (?:court|the international court)", governs=True),
    _T("ACCUSE", "111", "disapprove", r"summon(?:s|ed|ing)? (?:the )?" + _W2 + r"(?:ambassadors?|envoys?|charg[eé] d'affaires|diplomats?)"),
    _T("ACCUSE", "111", "disapprove", r"condemn(?:s|ed|ing)?|condemnation of|denunciation of|denounc(?:e|es|ed|ing)|critici[sz](?:e|es|ed|ing)|<deplore>|lambast(?:e|es|ed|ing)?|<rebuke>|<castigate>|<chastise>|<excoriate>|slam(?:s|med|ming)|<censure>|protested (?:to|against) (?:the )?(?:government|embassy|ambassador)|protest(?:ed|s)? to|lodged (?:a |an )?" + _W1 + r"(?:protest|representations|complaint)", governs=True),
    _T("ACCUSE", "111", "disapprove", r"(?:called|calls|branded|brands|described) (?:it |them |the |this |these |their |its )?(?:[\w.'-]+ ){0,5}?(?:as )?(?:illegal|illegitimate|unlawful|unacceptable|a violation|a provocation|a crime|an act of (?:[\w-]+ )?aggression|a breach)|<lash> out (?:at|against)"),
    _T("ACCUSE", "090", "investigate", r"investigat(?:e|es|ed|ing)|probe(?<=to probe)(?= (?:the|a|an|allegations|claims|reports|alleged|how|why|what|whether)\b)|(?:launched|opened|began) (?:an? )?" + _W1 + r"(?:investigation|inquiry|probe|hearings?)|under investigation|(?:hearing|inquiry|probe) into", governs=True),
    # REJECT
    # Talks or a visit called off before they took place are a refusal to meet (CAMEO 125; talks broken
    # off while under way are SANCTION 164 below).
    _T("REJECT", "125", "meet", r"(?:<call> off|<cancel>|<scrap>|<scrub>|<shelve>) (?:(?:the|their|its|his|her|a|an|this|next|[\w-]+'s) )?(?:[\w-]+ ){0,3}?(?:" + _TALKS[3:-1] + r"|<meeting/n>|<summit/n>|<visit/n>|<trip/n>)|<call> (?:the|their|its|his|her|a|an|this) (?:[\w-]+ ){0,3}?(?:" + _TALKS[3:-1] + r"|<meeting/n>|<summit/n>|<visit/n>|<trip/n>) off"),
    _T("REJECT", "120", None, r"block(?:s|ed|ing)? " + _W4 + r"(?:sanctions|package|resolution|deal|proposal|bid|membership|accession|agreement|plan)"),
    _T("REJECT", "120", None, r"reject(?:s|ed|ing)?|(?:<refuse>|<decline>) " + _WHEN + r"to(?! (?:say|comment|elaborate|confirm|disclose|specify|give details|name|answer))|refus(?:e|es|ed|ing)|<dismiss>|<turn> down|<spurn>|<rebuff>|<snub>|<brush> aside|<vote> down|<vote> against|den(?:y|ies|ied)(?! (?:them |him |her |it )?entry)|oppos(?:e|es|ed)|ruled out|<veto>|block(?:s|ed|ing)? (?:an? |the |a joint )?(?:\w+ ){0,2}(?:resolution|statement|declaration|decision|proposal|motion|bid|accession|membership)|<renege> on|out of the question", governs=True),
    # Barring a party from entering is a refusal (PLOVER REJECT), not a ban from politics (COERCE below).
    _T("REJECT", "120", None, r"(?:<bar>|<ban>|<deny>|<refuse>) (?:[\w.'-]+ ){1,6}?from (?:entering|visiting|landing in|travel(?:l)?ing to|coming to|returning to)"),
    # THREATEN
    _T("THREATEN", "137", "arrest", r"(?:issued|issues|issue|issuing) (?:an? )?(?:international )?arrest warrants?"),
    _T("THREATEN", "130", None, r"threat(?:en|ens|ened|ening)|threat to(?<='s threat to)|threats to(?<='s threats to)|(?:<renew>|<repeat>|<issue>|<make>) (?:a |an |the |his |her |its |their )?(?:[\w-]+ )?threats? to|warn(?:s|ed)? (?:[\w'-]+ ){0,3}?(?:of|that|against)|warn(?:s|ed)? (?:it|they|he|she|we) (?:would|will|could)|ultimatum", governs=True),
    # SANCTION
    _T("SANCTION", "163", "discontinue", r"(?:impos(?:e|es|ed|ing)|slapp?(?:ed)?|announc(?:e|es|ed)|approv(?:e|es|ed)|adopt(?:s|ed)|tighten(?:s|ed)|extend(?:s|ed)) (?:(?:[\w'-]+,?|\d[\d.,]*) ){0,5}?" + _SANCTIONS + r"|(?:order(?:s|ed)?|declared) " + _W6 + _SANCTIONS),
    _T("SANCTION", "166", "expel", r"order(?:s|ed)? " + _W3 + r"(?:troops|soldiers|forces|diplomats|ambassador|envoy|peacekeepers|staff|personnel|observers|monitors|inspectors|journalists|aid workers|(?:aid )?agencies|aid groups|ngos|charities) (?:(?:\w+ )?to leave|out of)"),
    _T("SANCTION", "166", "expel", r"expel(?:s|led|ling)? (?:[\w'.-]+\s+){0,3}(?:troops|forces|soldiers|peacekeepers|observers|monitors|inspectors|aid workers|aid agencies)"),
    # Out of a body ("suspended Mali from the bloc", "was expelled from the party"): SANCTION expel.
    _T("SANCTION", "166", "expel", r"(?:<suspend>|<expel>|<exclude>|<oust>) (?:[\w.',-]+ ){0,5}?from (?:the )?(?:[\w-]+ ){0,4}?(?:<chamber/n>|house|parliament|<senate/n>|<legislature/n>|(?:trade|preference|preferential|tariff) (?:<programme/n>|<program/n>|<scheme/n>|<arrangement/n>)|agoa|gsp|<council/n>|<union/n>|<league/n>|commonwealth|<bloc/n>|organi[sz]ations?|<alliance/n>|<federation/n>|<community/n>|<assembly/n>|<party/n>|<group/n>|<committee/n>|g7|g8|g20|opec|nato|asean|ecowas|mercosur)"),
    _T("SANCTION", "161", "expel", r"(?:<declare>|<name>) (?:[\w.'-]+ ){0,5}?persona non grata"),
    _T("SANCTION", "166", "expel", r"suspended(?<=was suspended|ere suspended|een suspended)(?= by (?:the )?(?:[\w-]+ ){0,5}?(?:<union/n>|<bloc/n>|commonwealth|<community/n>|organi[sz]ation of|ecowas|eccas|asean|mercosur|sadc|igad|caricom|arab league|council of europe)\b)"),
    _T("SANCTION", "161", "expel", r"expel(?:s|led|ling)? (?:[\w'.-]+\s+){0,3}(?:diplomats?|ambassadors?|envoys?|attaches?|embassy staff)"),
    _T("SANCTION", "161", "expel", _passive(r"expulsions? of (?:[\w-]+ ){0,3}?(?:diplomats?|ambassadors?|envoys?|embassy staff)", r"(?:announced|ordered)"), nominal=True, passive=True),
    _T("SANCTION", "161", "expel", r"expulsions? of(?= (?:[\w-]+ ){0,3}?(?:diplomats?|ambassadors?|envoys?|embassy staff)\b)", nominal=True),
    _T("SANCTION", "161", "withdraw", r"<recall> (?:its |their )?(?:ambassador|envoy|diplomats|high commissioner)"),
    _T("SANCTION", "161", "withdraw", r"recall of (?:[\w'.-]+ ){0,3}?(?:ambassador|envoy|diplomats|high commissioner)", nominal=True),
    # Ties broken are discontinued exchanges; an envoy recalled is withdrawn (PLOVER SANCTION modes).
    _T("SANCTION", "161", "discontinue", r"(?:<sever>|<cut>|<break>|<downgrade>) (?:off )?" + _W1 + r"(?:diplomatic )?(?:ties|relations)"),
    _T("COERCE", "1723", "censor", r"(?:suspend(?:s|ed)?|halt(?:s|ed)?|bann?(?:s|ed)?|shut down|clos(?:e|es|ed)) " + _W3 + r"(?:broadcasts?|broadcaster'?s?|broadcasting|newspapers?|radio stations?|television channels?|TV channels?|news channels?)"),
    _T("SANCTION", "163", "discontinue", r"<blacklist>|sanctioned|sanctioning"),
    _T("SANCTION", "163", "discontinue", r"<freeze> (?:the |their |its |all )?(?:(?:[\w'-]+|\d[\d.,]*) ){0,4}?(?:assets|accounts|funds|property|properties|reserves)|asset freezes?"),
    # Exchanges stopped or withheld: aid, trade, deliveries and shipments (any form of the verb; a sum of
    # money may stand between: "froze more than $100 million in aid to Niger", not a phrase of time or
    # place: "agreed to end their dispute over Somaliland at talks in Ankara").
    _T("SANCTION", "164", "discontinue", r"(?:<suspend>|<halt>|<cut> off|<cut>|<stop>|<freeze>|<end>|suspension of|<prohibit>|<ban>) (?:(?!(?:at|during|after|before|over|since|until|amid|while)\b)[\w'$.,-]+ ){0,5}?(?:talks|negotiations|aid|cooperation|relations|membership|mediation|links|flights|assistance|programs?|<import/n>|<export/n>|trade|sales|<shipment/n>|<delivery/n>|(?:gas|oil|fuel|energy|arms|weapons) supplies|funding|loans|investment)|(?:halted|broke off|walked out of) " + _W1 + _TALKS),
    # A member suspended after a coup, its name the object (after the rows of aid and flights suspended):
    # "the African Union suspended Niger after the coup".
    _T("SANCTION", "166", "expel", r"<suspend> (?!(?:the|its|their|his|her|a|an|all|some|two|three|several|operations|production|work|trading|services|classes|constitution|parliament|martial|curfew|elections?|polls|voting|rights|freedoms|payments|exports|imports|shipments|broadcasts|newspapers|activities|cooperation|relations|ties|contacts|diplomatic|military|economic|its|dialogue|membership|sanctions|plans|construction|officers|officials|lawmakers|ministers|judges)\b)[\w.'-]+(?: [\w.'-]+)??(?= (?:after|following|over|in the wake of|in response to) (?:the |a |an |its |last |this |[\w-]+'s )?(?:[\w'-]+ ){0,2}?(?:<coup/n>|<putsch/n>|military takeover|<takeover/n>))"),
    # A state's ban on another's apps or services (a ban on trade, not a ban on a party: COERCE below).
    _T("SANCTION", "163", "discontinue", r"(?:<ban>|<block>|<prohibit>) (?:[\w'$.,-]+ ){0,8}?(?:mobile )?(?:<app/n>|applications)"),
    # Civilians' boycotts are protests (CAMEO 143), not a state's embargo: a consumer boycott, one against
    # a policy or of classes, pupils staying away from school.
    _T("PROTEST", "143", "boycott", r"(?:consumer|popular|school|class|student|tax) <boycott/n>|<boycott/n> (?:against|of) (?:[\w-]+ ){0,2}?(?:education|classes|schools|lessons|apartheid|<exam/n>)|(?:stay|stays|stayed|staying) away from (?:their )?(?:classes|schools?|lessons|work)", nominal=True),
    # A boycott of a vote or a sitting is a protest (CAMEO 143), not an embargo.
    _T("PROTEST", "143", "boycott", r"<boycott> (?:the |this |next |last |[\w-]+'s )?(?:[\w-]+ ){0,2}?(?:<election/n>|polls|<vote/n>|<referendum/n>|<ballot/n>|parliament|<session/n>|<sitting/n>)"),
    _T("SANCTION", "163", None, r"clos(?:e|es|ed|ing) (?:its |their |the )?(?:\w+ )?(?:borders?(?: crossings?| posts?| checkpoints?)?|airspace|ports?|waters) (?:with|to)|boycott(?:s|ed|ing)?|den(?:y|ies|ied) (?:them )?entry"),
    # PROTEST
    _T("PROTEST", "142", "hunger", r"hunger strikes?|hunger-strik(?:e|ing|ers)", nominal=True),
    # A labour strike, before the armed "strikes on": by its kind or the policy it is against.
    _T("PROTEST", "143", "strike", r"(?:<go>|are|were|is|was|been) on (?:an? )?(?!hunger)(?:[\w-]+ )?strike|strik(?:e|ing) workers|(?:general|nationwide|national|labou?r|indefinite|one-day|two-day|three-day|token|wildcat|rolling) <strike/n>|<strike/n> (?:against|over) (?:the )?(?:[\w'-]+ ){0,2}(?:<reform/n>|<plan/n>|cuts|<law/n>|<bill/n>|polic(?:y|ies)|austerity|privati[sz]ation|<pension/n>|<wage/n>|pay|salaries|<tax/n>|price rises|prices)|<walkout/n>|walked off|<walk> out (?:of (?:their |the |public |state )?(?:[\w-]+ )?(?:<hospital/n>|<school/n>|<factory/n>|<mine/n>|<plant/n>|<office/n>|<classroom/n>|<workplace/n>|<job/n>)|on strike|in protest)", nominal=True),
    _T("PROTEST", "145", "riot", r"riot(?:s|ed|ing|ers)?", nominal=True),
    # Fasting, stoppages and rampages in other words ("began an indefinite fast", "a nationwide stoppage",
    # "brought the country to a standstill", "rampaged through the slums"); a fast needs its kind (a
    # Ramadan fast is none).
    _T("PROTEST", "142", "hunger", r"(?:indefinite|protest|open-ended|relay|week-long|(?:one|two|three|four|five|seven|ten)-day) <fast/n>|<fast/n> unto death", nominal=True),
    _T("PROTEST", "143", "strike", r"(?:general|nationwide|national|labou?r|indefinite|one-day|two-day|three-day|24-hour|48-hour|72-hour) <stoppage/n>|work <stoppage/n>|<bring> (?:[\w'.-]+ ){1,4}?to a (?:complete |virtual |grinding )?standstill", nominal=True),
    _T("PROTEST", "145", "riot", r"<rampage> (?:through|across|in|on)"),
    # A building of state occupied is a sit-in (officials and troops occupy nothing in protest: coder.py).
    # Members walking out of a chamber protest (a walkout from talks is SANCTION 164 above).
    _T("PROTEST", "143", None, r"<walk> out of (?:the |[\w-]+'s )?(?:[\w-]+ ){0,2}?(?:parliament|<assembly/n>|<chamber/n>|<session/n>|<debate/n>|<sitting/n>|<senate/n>|<congress/n>|<legislature/n>)|<stage> (?:a |an )?(?:[\w-]+ )?<walkout/n>"),
    _T("PROTEST", "143", "strike", r"(?:down|downs|downed|downing|put down|laid down|lay down) (?:their )?tools"),
    _T("PROTEST", "141", "demo", r"(?:<besiege>|<surround>|<blockade>|<picket>) (?:the )?(?:[\w-]+ ){0,2}?(?:<building/n>|parliament|<ministry/n>|<office/n>|<headquarters/n>|<embassy/n>|<consulate/n>|<palace/n>|town hall|city hall)"),
    _T("PROTEST", "141", "demo", r"<occupy> (?:the )?(?:[\w-]+ ){0,2}?(?:<building/n>|parliament|<ministry/n>|<office/n>|<headquarters/n>|<embassy/n>|<consulate/n>|<campus/n>|<premises/n>|town hall|city hall)"),
    # "dumped manure outside ministries in protest at ...": the clause's subject protests (a verb's roles).
    _T("PROTEST", "141", "demo", r"in protest (?:at|against|over)"),
    _T("PROTEST", "141", "demo", r"protest(?:s|ed|ing)? (?:against|over|outside|in|at)|protesting|protesters|demonstrat(?:e|es|ed|ing|ion|ions|ors)|rall(?:y|ies|ied) (?:against|in|outside)|march(?:ed|es)? (?:in (?:their )?(?:thousands|hundreds|tens of thousands|droves) )?(?:against|through|to|on|past|towards?|outside)|chant(?:s|ed|ing)? (?:[\w-]+ )?slogans|(?:hurl(?:s|ed|ing)?|pelt(?:s|ed|ing)? (?:[\w-]+ ){1,3}?with) (?:[\w-]+ (?:and )?){0,2}?(?:paint|eggs|tomatoes|stones|rocks|bottles|petrol bombs|molotov cocktails)|staged (?:a |an )?" + _W1 + r"(?:protest|sit-in|rally|march)|sit-ins?|burn(?:ed|t|ing|s)? (?:an? |the )?(?:\w+ )?(?:effig(?:y|ies)|flags?)|t(?:ook|ake|akes|aking) to the streets|(?:poured|pour|pours|pouring) (?:in)?to the streets", nominal=True),
    # MOBILIZE
    # Deployed, a passive read from its subject: troops, or police (coded with the troops' mode). The row
    # starts at "deployed" (a word the start scan knows), the auxiliary read behind it.
    _T("MOBILIZE", "154", "troops", r"deployed(?<=were deployed|been deployed)(?: (?:in|at|to|along))?", actor_sectors=frozenset(("MIL", "COP"))),
    _T("MOBILIZE", "154", "troops", r"(?:arriv(?:ed|es|ing)|landed) (?:in|at|to|along)", actor_sectors=frozenset(("MIL",))),
    _T("MOBILIZE", "154", "troops", r"<call> up " + _W3 + r"(?:reservists|reserves|conscripts|troops|soldiers|recruits)"),
    _T("MOBILIZE", "154", "troops", r"(?:deploy(?:s|ed|ing)?|mass(?:es|ed|ing)|<mobilize>|sen(?:d|ds|t)|<move>|<scramble>|<dispatch>|<rush>|(?:flew|flown)(?! in)) " + _W4 + r"(?:troops|soldiers|forces|fighters|tanks|warships|reinforcements|units|reservists|reserves|army|militias?|militiamen|<paratrooper/n>|infantry|marines|commandos|<corps/n>|<missile battery/n>|warplanes|fighter jets|jets|military aircraft|aircraft|drones|helicopters|gunboats|naval vessels|submarines|<aircraft carrier/n>|(?:aircraft )?carrier (?:strike |battle )?groups?|<destroyer/n>|<frigate/n>|<division/n>|<brigade/n>|<battalion/n>)"),
    _T("MOBILIZE", "154", "troops", r"(?:<declare>|<announce>|<order>) (?:an? |the )?(?:[\w-]+ ){0,2}?mobili[sz]ation", nominal=True),
    # Armed men who reinforce or dig into their positions ("the startup reinforced its positions" is none).
    _T("MOBILIZE", "152", None, r"(?:<reinforce>|<strengthen>|<fortify>|<bolster>) (?:their|its) (?:[\w-]+ )?positions", actor_sectors=frozenset(("MIL", "REB"))),
    # Forces moved, named as the subject of a passive ("fighters were moved into positions along the border",
    # "tanks were sent to reinforce the border"), or by the noun of their build-up.
    _T("MOBILIZE", "154", "troops", r"(?:troops|forces|soldiers|fighters|militiamen|paratroopers|marines|tanks|reinforcements|warships|units|artillery|gunboats|battalions|brigades|divisions|(?:missile )?batteries) (?:and [\w-]+ )?(?:were|have been|had been|was|(?:were |was |are |is )?being) (?:moved|sent|rushed|deployed|dispatched|redeployed|brought in|brought up|massed) (?:in)?to", nominal=True),
    _T("MOBILIZE", "154", "troops", r"(?:<build-up/n>|<buildup/n>|massing|concentration) of (?:[\w'-]+ ){0,3}?(?:troops|forces|soldiers|tanks|warships|armou?r|military hardware)", nominal=True),
    _T("MOBILIZE", "154", "police", r"deploy(?:s|ed|ing)? (?:[\w'$.,-]+\s+){0,4}(?:officers|personnel|operatives|security agents|national guard(?:smen| members| troops)?|guardsmen)"),
    _T("MOBILIZE", "154", "troops", r"stationed(?<=was stationed|ere stationed|een stationed) (?:around|outside|near|along|in front of|across)|<station> (?:[\w'$.,-]+ ){1,4}?(?:around|outside|near|along|in front of|across)", actor_sectors=frozenset(("MIL", "COP"))),
    _T("MOBILIZE", "152", None, r"(?:put|puts|placed|places|putting|placing|kept) (?:[\w',-]+ ){0,8}?on (?:red alert|standby|stand-by)", actor_sectors=frozenset(("MIL", "COP"))),
    _T("MOBILIZE", "154", "police", r"(?:deploy(?:s|ed|ing)?|sen(?:d|ds|t)|<rush>|<dispatch>|flew|flown) (?:[\w'$.,-]+\s+){0,4}(?:police(?: officers)?|policemen|gendarmes|riot police)"),
    # Armed men gathered near a place (troops, militias); a crowd that gathers is no such party.
    _T("MOBILIZE", "154", "troops", r"(?:mass(?:ed|ing)|amass(?:ed|ing)|gathered|assembled) (?:along|on|near|at|around|in)", actor_sectors=frozenset(("MIL", "REB"))),
    _T("MOBILIZE", "154", "troops", r"(?:entered|enters|crossed|crosses|sailed into|flew into) (?:the )?(?:\w+ ){0,2}(?:waters|airspace|territory|air defen[cs]e (?:identification )?zone)", actor_sectors=frozenset(("MIL",))),
    _T("MOBILIZE", "152", None, r"(?:put|placed|places|remained|remain|were|was|stayed) (?:[\w',-]+ ){0,8}?on (?:high |full |maximum |heightened )?alert|(?:ordered|orders) " + _W4 + r"(?:on|onto) (?:high |full |maximum |combat |heightened )?alert|(?:raised|raises|raising) (?:its |their |the )?(?:\w+ )?alert (?:level|status)|(?:put|placed|raised) " + _W8_CLAUSE + r"(?:combat readiness|state of readiness|readiness)|(?:strengthen|reinforc|boost|increas|bolster)\w* " + _W2 + r"(?:forces|troops|military presence|garrison)|(?:military|artillery|live-fire|missile|large-scale|snap|combat) (?:naval |air |ground |amphibious )?(?:exercises|drills|maneuvers|manoeuvres)|show of force", nominal=True),
    # COERCE
    _T("COERCE", "173", "arrest", r"arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|jail(?:ed|ing)|jails(?<=court jails)|<imprison>|round(?:ed)? up|took (?:\w+ ){0,2}into custody|(?:<place>|<put>) (?:[\w.'-]+ ){0,4}?under house arrest"),
    _T("ASSAULT", "192", None, r"<seize> (?:control of )?" + _W3 + r"(?:town|city|village|stronghold|base|bases|camp|positions?|territory|airport|border post|outpost|province|district|region)s?"),
    _T("COERCE", "171", "seize", r"raid(?:s|ed|ing)?|seiz(?:e|es|ed|ing)|confiscat(?:e|es|ed|ing)|<impound>"),
    _T("COERCE", "1712", None, r"<demolish>|<destroy>|<raze>|<bulldoze>|torch(?:es|ed|ing)|set fire to"),
    _T("COERCE", "174", None, r"deport(?:s|ed|ing)?|expel(?:s|led|ling)?"),
    # A party forced out of a country is expelled (PLOVER COERCE; SANCTION expel for officials, coder.py).
    _T("COERCE", "174", "deport", r"<force> (?:[\w.'-]+ ){1,5}?(?:out of|to leave) (?:the )?(?:country|territory|region|province|capital|[a-z]+ (?:region|province))"),
    _T("ASSAULT", "190", None, r"(?:shot|shoot|shoots|shooting) down " + _W4 + r"(?:drones?|missiles?|planes?|aircraft|helicopters?|jets?|warplanes?)|downed " + _W3 + r"(?:drones?|planes?|aircraft|helicopters?|jets?|warplanes?)"),
    _T("COERCE", "172", None, r"dissolv(?:e|es|ed|ing) (?:the )?(?:[\w'.-]+ ){0,3}?(?:<party/n>|opposition movement)|dissolv(?:e|es|ed|ing) (?:the )?(?:parliament|congress|national assembly|legislature|assembly)|suspend(?:s|ed|ing)? the constitution"),
    _T("COERCE", "174", "deport", r"order(?:s|ed)? " + _W3 + r"(?:residents|civilians|people|population|inhabitants|villagers|families) " + _W4 + r"to (?:evacuate|leave|flee)"),
    _T("MOBILIZE", "150", "weapons", r"test-fir(?:e|es|ed|ing)|(?:tested|launched|test) (?:an? |its )?(?:new )?(?:\w+ ){0,2}(?:ballistic |cruise |hypersonic |nuclear-capable )?missiles?|(?:nuclear|missile) tests?|(?:fired|fires|launched|launches) (?:an? |two |three |several )?(?:\w+ ){0,2}missiles? into (?:the )?(?:\w+ )?(?:sea|waters|ocean)", nominal=True),
    # Citizenship taken away (PLOVER COERCE: a right withdrawn by force of law).
    _T("COERCE", "170", None, r"<strip> (?:[\w.',-]+ ){1,8}?of (?:their |his |her |its )?(?:citizenship|nationality)|<revoke> (?:the )?(?:[\w'-]+ ){0,3}?(?:citizenship|nationality)"),
    _T("COERCE", "1721", "curfew", r"(?:<impose>|<declare>) " + _W2 + r"curfew"),
    _T("COERCE", "1724", "martial-law", r"(?:<impose>|<declare>|<proclaim>) " + _W2 + r"(?:martial law|state of emergency|emergency rule)|(?:<place>|<put>) (?:[\w.'-]+ ){0,6}?under (?:martial law|(?:a )?state of emergency|emergency rule)"),
    # Public goods withheld (PLOVER COERCE withhold)
    _T("COERCE", "170", "withhold", r"(?:<cut> off|<shut> off|<shut> down|<cut>|<block>|<suspend>|<disconnect>) (?:[\w-]+ ){0,3}?(?:internet|mobile (?:phone )?(?:service|network)s?|phone (?:service|network|line)s?|electricity|power supplies|water supplies|food supplies|communications|telecommunications|social media)"),
    _T("COERCE", "175", None, r"(?:prevent|block|ban|disperse|broke up|break up|banned|banning|crushed)(?:ed|d|s)? (?:(?!to\b)[\w'-]+\s+){0,2}(?:demonstrations?|protests?|protesters|demonstrators|crowds?|rall(?:y|ies)|march(?:es)?|gatherings?)"),
    _T("COERCE", "1723", "censor", r"censor(?:s|ed|ing)?|(?:news|information|media|communications) blackout|suspend publication|(?:shut|closed) down " + _W2 + r"(?:newspapers?|station|media|outlets?|websites?)|banned " + _W2 + r"(?:newspapers?|publications?|broadcasts?)"),
    _T("COERCE", "1711", "restrict", r"<blockade>|(?:blocked|barred|blocking|blockaded) " + _W2 + r"(?:access|entry|roads?|the border|streets|bridges?|highways?|<avenue/n>|<boulevard/n>|<junction/n>|<intersection/n>|railways?|(?:rail|railway) lines?|motorways?|traffic|ports?|harbou?rs?|airports?)"),
    _T("COERCE", "176", "cyber", r"(?:<disrupt>|<deface>|<paralyse>|<paralyze>) (?:[\w'.-]+ ){0,4}?(?:<website/n>|web portals?|online portals?)|hack(?:s|ed|ing)? into|<knock> (?:[\w'-]+ ){1,5}?offline|cyber-?attacks?|cyber warfare|(?:<breach>|hacked) " + _W4 + r"(?:networks?|systems?|email accounts?|e-mail accounts?|servers?|databases?|websites?)"),
    # A court's acquittal eases its sanction (CAMEO's ACQUIT block, 081), the opposite of a conviction.
    _T("CONCEDE", "081", None, r"<acquit>|<exonerate>"),
    _T("SANCTION", "160", "convict", r"(?:<uphold>|<affirm>|<confirm>) (?:the |his |her |their )?(?:[\w-]+ ){0,2}?(?:<conviction/n>|death sentences?|(?:prison|jail) (?:<sentence/n>|<term/n>)) (?:of|against|handed)"),
    _T("SANCTION", "160", "convict", r"<sentence> (?:(?!to |by )[\w.'-]+ ){0,8}?(?:to (?:death|life|\d+|one|two|three|four|five|six|seven|eight|nine|ten|\w+ years|(?:long |lengthy |short )?(?:prison|jail) (?:terms?|sentences?))|in absentia)|<convict> (?:(?!on |by )[\w.'-]+ ){0,5}?(?:of|on(?! (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b))|(?:convicted|sentenced)(?<=as convicted|re convicted|en convicted|as sentenced|re sentenced|en sentenced)(?= by )|found (?:[\w.'-]+ ){0,6}?guilty"),
    # "X was found guilty (of ...) by a Dhaka court": read from its subject, the court after "by" acts.
    _T("SANCTION", "160", "convict", r"(?:was|were) found guilty(?: (?:of|on) (?:[\w'-]+ ){0,5}?[\w'-]+)?(?= by )", passive=True),
    # A sentence given ("handed Ghannouchi a three-year prison term", "gave 12 leaders life sentences",
    # "was handed a two-year jail sentence by a magistrate").
    _T("SANCTION", "160", "convict", r"(?:<hand>|<give>) (?:[\w.'-]+ ){0,6}?(?:(?:\w+-year|\w+-month|lengthy|long|heavy|suspended) (?:prison |jail )?(?:<term/n>|<sentence/n>)|(?:prison|jail|life|death) (?:<term/n>|<sentence/n>))"),
    _T("COERCE", "173", "arrest", r"(?:held|holding|hold|holds) " + _W6 + r"(?:hostage|as (?:human shields|hostages))"),
    _T("COERCE", "170", None, r"<crack> down|crackdown|banned|outlawed|barr(?:ed|ing|s) (?:[\w-]+ ){1,3}from", nominal=True),
    # ASSAULT
    _T("ASSAULT", "1831", "suicide-attack", r"suicide (?:bomb(?:ing|er|ers)?|attacks?)", nominal=True),
    _T("ASSAULT", "183", "explosives", r"car bombs?|bomb(?:s|ed|ing|ings)?|explosi(?:on|ons|ve device)|blew up|<detonate>|detonation", nominal=True),
    _T("ASSAULT", "195", "aerial", r"air ?strikes?|airstrikes?|air raids?|<bombard>|bombardment", nominal=True),
    _T("ASSAULT", "194", "heavy-weapons", r"shell(?:s|ed|ing)|pounded|pounding|artillery (?:fire|attacks?|barrage)|rockets? (?:attacks?|fire)|fired (?:\w+ ){0,2}(?:rockets?|missiles?|mortars?|shells)", nominal=True),
    # "Russian missiles hit a shopping centre": the weapon is the trigger, its nationality the actor.
    _T("ASSAULT", "195", "aerial", r"(?:<missile/n>|<rocket/n>|<bomb/n>|<mortar/n>|<airstrike/n>|air strikes) (?:<hit>|<strike>|<slam> into|<rain> down on|<destroy>|<kill>)", nominal=True),
    # Jets as the subject of a verb of pounding ("Israeli jets pound Gaza", headline style; other subjects would
    # make every "bombers" a place the start filter tries).
    _T("ASSAULT", "195", "aerial", r"(?:<jet/n>|<warplane/n>) (?:pound|pounds|pounded|pounding|<batter>|<strafe>|<bombard>|<blast>)", nominal=True),
    _T("ASSAULT", "195", "aerial", r"<hit> (?:[\w'-]+ ){1,5}?with (?:\w+ )?(?:<drone/n>|<missile/n>|<rocket/n>|<bomb/n>|<shell/n>|artillery|<airstrike/n>|air strikes)"),
    # Force answered or to come (CAMEO's FIGHT block: RETALIATE, STRIKE): "retaliated against", "vowed to
    # retaliate", "would respond militarily", "will strike Hezbollah" (a modal or "to" before a bare "strike";
    # not a deal or a balance struck, nor workers' "to strike on Monday"). After a modal they are threats (hits).
    _T("ASSAULT", "190", None, r"<retaliate>(?! (?:with|by) (?:[\w'-]+ ){0,3}?(?:tariffs|duties|sanctions|<ban/n>|<levy/n>|<restriction/n>|<measure/n>|<countermeasure/n>|imposing|banning|expelling|recalling|summoning|suspending|restricting|raising|cutting|halting|closing))|<respond> (?:militarily|with (?:military )?force)|<take> (?:swift |decisive |firm |immediate |retaliatory |appropriate )?military action|<hit> back (?:at|against)"),
    _T("ASSAULT", "190", None, r"strike(?<=ll strike|ld strike|ht strike|ay strike|to strike)(?! (?:back )?(?:an? |the |any |some |new |[\w-]+'s )?(?:[\w-]+ )?(?:deal|agreement|accord|balance|chord|note|tone|compromise|bargain|pact|blow|pose|match|gold|oil|fear|lucky|it rich)\b)(?! (?:on|over|for|from|in|at|until|again|indefinitely|next|this|tomorrow|today|if|unless|and|or|when|after|before|soon|against (?:the )?(?:government|reforms?|plans?|cuts?|pensions?|austerity))\b)(?= \w)"),
    _T("ASSAULT", "193", "firearms", r"(?:opened|open) fire|fired (?:on|at|into)|shot (?:dead|and killed|at)?|gunmen|gunfire", nominal=True),
    _T("ASSAULT", "186", "targeted", r"<assassinate>|assassination"),
    _T("ASSAULT", "181", "abduct", r"abduct(?:s|ed|ing)?|kidnapp?(?:ed|s|ing)?|took (?:[\w.'-]+ ){0,4}hostages?"),
    _T("ASSAULT", "175", "crowd-control", r"(?:fired|fires|fire|used|uses|use|firing|using) (?:\w+ )?(?:tear ?gas|rubber bullets|water cannons?|stun grenades)(?: to (?:disperse|break up))?"),
    _T("ASSAULT", "1823", "torture", r"tortur(?:e|ed|es|ing)"),
    _T("ASSAULT", "182", "beat", r"beat(?:en|ing)?(?: up)?|assault(?:s|ed|ing)?"),
    _T("ASSAULT", "200", None, r"ethnic cleansing|genocide|massacres?|mass killings?", nominal=True),
    _T("ASSAULT", "192", None, r"(?:<capture>|<recapture>|<retake>|<overrun>|<occupy>|<seize>|<take> control of|<seize> control of|<regain> control of) " + _W3 + r"(?:town|city|village|stronghold|base|bases|camp|positions?|territory|airport|border post|outpost|province|district|region|<swathe/n> of|<swath/n> of|<chunk/n> of|<hilltop/n>|<height/n>)s?"),
    # A ship sunk by an attacker (a ferry that sank, with no object, is a disaster).
    _T("ASSAULT", "190", None, r"(?:<sink>|<torpedo>|scuttled) (?:the |a |an |its |their |two |three |several )?(?:[\w'-]+ ){0,3}?(?:<ship/n>|<vessel/n>|<boat/n>|<warship/n>|<frigate/n>|<tanker/n>|<submarine/n>|<destroyer/n>|<cruiser/n>|<gunboat/n>|<trawler/n>)"),
    _T("ASSAULT", "190", None, r"(?:<ship/n>|<vessel/n>|<warship/n>|<frigate/n>|<tanker/n>|<boat/n>|<destroyer/n>|<submarine/n>) (?:[\w'-]+ ){0,3}?(?:was|were|had been) (?:sunk|torpedoed)", nominal=True, passive=True),
    _T("ASSAULT", "190", None, r"(?:launched|began|started|mounted) (?:an? |the )?(?:\w+ )?(?:military |security )?(?:operation|campaign|assault) against|(?:launched|began|started|mounted) (?:an? |the |a new )?(?:\w+ )?(?:military|ground|air|counter-?terrorism|anti-terror) (?:operation|campaign|offensive) (?:in|on|into)|struck|strikes? (?:on|against)|attack(?:s|ed|ing)?|<clash>|fight(?:s|ing)?|fought|invad(?:e|es|ed|ing)|invasion|<ambush>|kill(?:s|ed|ing)?|<massacre>|storm(?:ed|ing)(?! to\b| ahead\b| back\b| clear\b| home\b)|offensive|(?:exchang(?:e|es|ed|ing)|trad(?:e|es|ed|ing)) (?:heavy |gun |artillery )?fire|exchanges? of (?:heavy |gun |artillery )?fire|firefights?|gunfights?|gun battles?", nominal=True, reciprocal=True),
)
# fmt: on

# Phrases in which a trigger word has another sense ("heart attack", "the genocide convention", "the
# fight against poverty"): found where triggers are and tried before them, they code nothing and hide
# the trigger words inside them. One row each, beginning with PREFIX_LENGTH known letters as triggers do.
_IDIOMS: Final[tuple[str, ...]] = tuple(
    expand_lemmas(pattern)
    for pattern in (
        # an illness or an animal, not an armed attack
        r"(?:heart|asthma|panic|anxiety|epileptic|allergic|migraine|gout) <attack/n>",
        r"(?:shark|dog|bear|crocodile|snake|wolf|animal|bee|wasp) <attack/n>",
        # an event noun that modifies a document, a trial or its people names it, it reports nothing
        r"(?:genocide|massacre|bombing|attack|war crimes?) (?:<convention/n>|<trial/n>|<case/n>|<charge/n>"
        r"|<tribunal/n>|<court/n>|<memorial/n>|<anniversary/n>|<museum/n>|<survivor/n>|<victim/n>"
        r"|<suspect/n>)",
        # a campaign against a social ill, not against an armed party
        r"<fight/n> (?:against|on) (?:corruption|poverty|cancer|disease|inflation|climate change|hunger"
        r"|illiteracy|malaria|aids|hiv|covid(?:-19)?|the (?:virus|pandemic|epidemic|disease))",
        r"<strike> by (?:lightning|a car|a vehicle|a train|a truck|a bus)",
        # a thing that lasted, not a person detained ("the truce held for a second day")
        r"(?:held|holding) (?:for|into) (?:a|the) (?:second|third|fourth|fifth|sixth|seventh|\w+th) (?:straight |consecutive |successive )?(?:day|night|week)",
    )
)


def triggers() -> tuple[Trigger, ...]:
    return _TRIGGERS


def idioms() -> tuple[str, ...]:
    return _IDIOMS


PREFIX_LENGTH: Final = 3


def _prefixes(items: Any, k: int) -> set[tuple[str, bool]]:
    """(string, closed) pairs such that every match of a parsed regex sequence starts with one of the
    strings: up to k characters, closed (not to be extended) where k is reached or where the next
    element cannot be enumerated (a word gap, a lookahead, a second repetition). Exact where every
    string has k characters; a superset filter otherwise."""
    results = {("", False)}
    for op, av in items:
        grown: set[tuple[str, bool]] = set()
        for prefix, closed in results:
            if closed or len(prefix) >= k:
                grown.add((prefix, True))
                continue
            for tail, tail_closed in _node_prefixes(op, av, k - len(prefix)):
                grown.add((prefix + tail, tail_closed or len(prefix) + len(tail) >= k))
        results = grown
    return results


def _node_prefixes(op: Any, av: Any, k: int) -> set[tuple[str, bool]]:
    if op is sre_constants.LITERAL:
        return {(chr(av), False)}
    if op is sre_constants.IN and all(kind in (sre_constants.LITERAL, sre_constants.RANGE) for kind, _ in av):
        chars: set[str] = set()
        for kind, value in av:
            if kind is sre_constants.LITERAL:
                chars.add(chr(value))
            else:
                chars |= {chr(c) for c in range(value[0], value[1] + 1)}
        return {(char, False) for char in chars}
    if op is sre_constants.SUBPATTERN:
        return _prefixes(av[3], k)
    if op is sre_constants.BRANCH:
        return set().union(*(_prefixes(branch, k) for branch in av[1]))
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
        low, high, sub = av
        # After one repetition another may follow: the string closes there.
        once = {(tail, closed or high > 1) for tail, closed in _prefixes(sub, k)}
        return once | ({("", False)} if low == 0 else set())
    return {("", True)}  # a class like \w, an assertion: not enumerable, the string ends here


def _trigger_prefixes(pattern: str, k: int) -> set[str]:
    """The first k characters of every match a pattern can make (fewer where they cannot be listed)."""
    found = {prefix for prefix, _closed in _prefixes(list(sre_parse.parse(pattern)), k)}
    if any(len(p) < PREFIX_LENGTH or not re.match(r"\w", p) for p in found):
        raise ValueError(f"trigger {pattern[:40]!r} must begin with {PREFIX_LENGTH} known letters")
    return found


@functools.cache
def trigger_dispatch() -> dict[str, re.Pattern[str]]:
    """Prefix -> the alternation of only the triggers that can start with it, in trigger order, so a
    match at a word start tries a handful of alternatives instead of all of them (same winner: the
    others cannot match there). Word starts whose prefix is not a key need no match at all. Idioms
    come first, as groups "i<n>": one that matches hides the triggers inside it."""
    by_prefix: dict[str, list[str]] = {}
    for i, idiom in enumerate(_IDIOMS):
        for prefix in _trigger_prefixes(idiom, PREFIX_LENGTH):
            by_prefix.setdefault(prefix, []).append(f"(?P<i{i}>{idiom})")
    for i, trigger in enumerate(_TRIGGERS):
        for prefix in _trigger_prefixes(trigger.pattern, PREFIX_LENGTH):
            by_prefix.setdefault(prefix, []).append(f"(?P<t{i}>{trigger.pattern})")
    return {
        prefix: re.compile(r"(?:" + "|".join(dict.fromkeys(groups)) + r")(?![\w-])")
        for prefix, groups in by_prefix.items()
    }


# How far the start filter reads into a trigger: longer prefixes rule out more word starts ("con",
# "pro" and "dis" begin many words; "confer", "protes" and "dismis" begin few). Seven, not six: rows that
# begin at "multilateral", "jointly" or "coordinated" would otherwise let every "multilat...",
# "jointl..." word start through (generated-text start share 0.1996 at six with them 0.2008, at seven 0.177).
FILTER_LENGTH: Final = 7


@functools.cache
def trigger_start_prefixes() -> frozenset[str]:
    """The first FILTER_LENGTH characters (fewer where they cannot be listed) of every trigger and idiom."""
    patterns = (*_IDIOMS, *(trigger.pattern for trigger in _TRIGGERS))
    return frozenset().union(*(_trigger_prefixes(pattern, FILTER_LENGTH) for pattern in patterns))


@functools.cache
def trigger_start_pattern() -> re.Pattern[str]:
    """Zero-width matches at the word starts where some trigger may begin (the text there starts
    with one of its first FILTER_LENGTH characters): the scan over a sentence runs in the regex
    engine, not a Python loop over every word, and stops at few words that match no trigger."""
    return re.compile(r"(?<![\w-])(?=" + trie_alternation(sorted(trigger_start_prefixes())) + ")")


@functools.cache
def anchored_trigger_pattern() -> re.Pattern[str]:
    """The alternation for `.match(text, pos)` at a word start; the right word boundary is kept."""
    parts = [f"(?P<t{i}>{t.pattern})" for i, t in enumerate(_TRIGGERS)]
    return re.compile(r"(?:" + "|".join(parts) + r")(?![\w-])")
