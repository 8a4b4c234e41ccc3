"""The rows of the coder's rule data: one pydantic model per data file, type codes as Literals."""

from __future__ import annotations

import datetime as dt
import typing
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

__all__ = [
    "CAMEO_SECTORS",
    "PLOVER_SECTORS",
    "PLOVER_TYPES",
    "Actor",
    "Agent",
    "CameoCountry",
    "CameoEventCode",
    "CameoPlover",
    "CameoSector",
    "Element",
    "Group",
    "Pattern",
    "PloverSector",
    "PloverType",
    "Role",
    "Sector",
    "Synset",
    "SynsetMember",
    "Transformation",
    "Verb",
]

# A CAMEO event code ("046", "0871"), or "---": the dictionary's null code, "no event".
CameoEventCode = Annotated[str, StringConstraints(pattern=r"^(?:[0-2]\d{2,3}|---)$")]
# Words as the dictionaries write them: upper case, single spaces, no connector underscores.
Phrase = Annotated[str, StringConstraints(pattern=r"^\S+(?: \S+)*$")]

PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
PLOVER_TYPES: tuple[str, ...] = typing.get_args(PloverType)

# PLOVER's sector codes (manual, Sector Codes table) and two the project's gazetteer adds: AID (aid
# agencies) and HRI (human rights groups).
PloverSector = Literal[
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM",
    "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "AID", "HRI",
]  # fmt: skip
PLOVER_SECTORS: tuple[str, ...] = typing.get_args(PloverSector)

# The CAMEO sector (agent) codes the dictionaries use, each described in tables/sectors.jsonl. Other
# three-letter blocks of an actor code (organisation identifiers such as UNO, WBK, ALQ) are kept as written.
CameoSector = Literal[
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "LEG", "ELI", "CVL", "PPL", "BUS", "MED",
    "HLH", "EDU", "AGR", "DEV", "LAB", "ENV", "HRI", "REF", "CRM", "UAF", "RAD", "INS", "UNR", "REL",
    "MUS", "CHR", "JEW", "BUD", "HIN", "SIK", "CTH", "PRO", "MAR", "SHI", "NGO", "IGO", "IMG",
]  # fmt: skip
CAMEO_SECTORS: tuple[str, ...] = typing.get_args(CameoSector)

# An actor code's first block when it is no state: an international or non-state body type.
Group = Literal["IGO", "NGO", "MNC", "IMG", "INT"]


class _Row(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# ---- agents (Phoenix.agents.txt) ----


class Agent(_Row):
    """A common noun phrase that gives an actor its sector ("foreign minister" -> GOV)."""

    phrase: Phrase
    plurals: tuple[Phrase, ...] = ()
    codes: tuple[CameoSector, ...] = Field(min_length=1)
    # suffix: "~GOV" is written after the actor's code (USA -> USAGOV); prefix: "NGO~" before it
    # (USA -> NGOUSA), as PETRARCH composes them.
    attach: Literal["suffix", "prefix"] = "suffix"
    # Word positions i after which other words may come before word i + 1 (the dictionary's blank
    # connector); elsewhere the words are consecutive (its "_").
    gaps: tuple[int, ...] = ()
    line: int

    @model_validator(mode="after")
    def _gaps_inside(self) -> Self:
        words = len(self.phrase.split(" "))
        if any(not 0 <= gap < words - 1 for gap in self.gaps):
            raise ValueError(f"gap outside the phrase {self.phrase!r}: {self.gaps}")
        return self


# ---- actors (Phoenix.*.actors.txt) ----


class Role(_Row):
    """One code of an actor, held from `since` to `until` (both inclusive; open where absent)."""

    code: str = Field(pattern=r"^[A-Z]{3}(?:[A-Z0-9]{3})*$")  # the CAMEO actor code as written
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")  # ISO 3166-1 alpha-3
    group: Group | None = None
    sectors: tuple[CameoSector, ...] = ()
    other: tuple[str, ...] = ()  # blocks that are neither (organisation, region, religion subgroups)
    since: dt.date | None = None
    until: dt.date | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.since is not None and self.until is not None and self.since > self.until:
            raise ValueError(f"{self.code}: starts {self.since} after it ends {self.until}")
        return self

    @property
    def dated(self) -> bool:
        return self.since is not None or self.until is not None


class Actor(_Row):
    """A named actor: its names (the first is the dictionary's primary one) and its roles."""

    names: tuple[Phrase, ...] = Field(min_length=1)
    roles: tuple[Role, ...] = Field(min_length=1)
    line: int


# ---- verbs (CAMEO.2.0.txt) ----


class Verb(_Row):
    """A verb of a verb block, with every form it is matched in. `head` is the word that inflects in a
    multi-word verb ("ASK FOR": 0, "WIRE TAP": 1). The isolated verb codes `active`/`passive`."""

    lemma: Phrase
    head: int = 0
    block: str
    active: CameoEventCode
    passive: CameoEventCode
    forms: tuple[Phrase, ...] = ()  # every form but the lemma itself, sorted
    given: tuple[Phrase, ...] = ()  # the forms the dictionary lists in {...}
    line: int

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if not 0 <= self.head < len(self.lemma.split(" ")):
            raise ValueError(f"head {self.head} outside {self.lemma!r}")
        if not set(self.given) <= set(self.forms) | {self.lemma}:
            raise ValueError(f"{self.lemma}: given forms missing from forms")
        return self


class Element(_Row):
    """One element of a pattern: exactly one of a word (or words that must be consecutive), a synset,
    a noun phrase (head last), a prepositional phrase with its objects, or a marker: $ the source,
    + the target, % a compound source-and-target, ^ TABARI's skip."""

    w: Phrase | None = None
    syn: str | None = Field(default=None, pattern=r"^[A-Z][A-Z_]*$")
    np: tuple[Element, ...] | None = None
    pp: Phrase | None = None
    of: tuple[Element, ...] = ()
    mark: Literal["$", "+", "%", "^"] | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Self:
        kinds = [self.w, self.syn, self.np, self.pp, self.mark]
        if sum(kind is not None for kind in kinds) != 1:
            raise ValueError(f"a pattern element is exactly one thing: {self}")
        if self.of and self.pp is None:
            raise ValueError("objects without a preposition")
        return self


class Pattern(_Row):
    """A verb block's pattern: the words before (`pre`) and after (`post`) the verb, and the code it
    gives in the active and the passive voice (the dictionary's [a:b]); it overrides the block's."""

    block: str
    pre: tuple[Element, ...] = ()
    post: tuple[Element, ...] = ()
    active: CameoEventCode
    passive: CameoEventCode
    line: int


class SynsetMember(_Row):
    phrase: Phrase
    plurals: tuple[Phrase, ...] = ()


class Synset(_Row):
    """A named set of nouns or phrases used in patterns as &NAME."""

    name: str = Field(pattern=r"^[A-Z][A-Z0-9_]*$")
    members: tuple[SynsetMember, ...] = Field(min_length=1)
    line: int


class Transformation(_Row):
    """A re-coding rule: a verb whose complement holds an event ("a (b . ATTACK) SAY") and the event
    it becomes (source, target, code); lower-case letters are variables, "." any, "_" none."""

    pattern: tuple[str, ...] = Field(min_length=2)
    result: tuple[str, ...] = Field(min_length=3, max_length=3)
    line: int


# ---- hand-written tables (tables/*.jsonl) ----


class CameoPlover(_Row):
    """A CAMEO event code and the PLOVER type and mode it maps to, or why it maps to none."""

    cameo: str = Field(pattern=r"^[0-2]\d{1,3}$")
    name: str
    plover: PloverType | None
    mode: str | None = None
    reason: str | None = None  # why no type, or why the code departs from its root's type

    @model_validator(mode="after")
    def _reasoned(self) -> Self:
        if self.plover is None and not self.reason:
            raise ValueError(f"{self.cameo}: an unmapped code needs a reason")
        if self.plover is None and self.mode is not None:
            raise ValueError(f"{self.cameo}: a mode without a type")
        return self


class CameoCountry(_Row):
    """A first block of a CAMEO actor code that is not an ISO 3166-1 alpha-3 state code."""

    code: str = Field(pattern=r"^[A-Z]{3}$")
    name: str
    kind: Literal["alias", "former", "region", "group", "unknown"]
    iso3: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")  # the state it is coded as

    @model_validator(mode="after")
    def _state(self) -> Self:
        if (self.iso3 is not None) != (self.kind in ("alias", "former")):
            raise ValueError(f"{self.code}: aliases and former states need a state, other kinds none")
        return self


class Sector(_Row):
    """A CAMEO sector code, what it names and the PLOVER sector it becomes (None: none fits)."""

    code: CameoSector
    name: str
    plover: PloverSector | None
    note: str | None = None
