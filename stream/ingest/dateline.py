"""The wire dateline at the start of a story ("MOSCOW (Reuters) - "), shared by dedup and the coder."""

from __future__ import annotations

import re
from typing import Final, NamedTuple

__all__ = ["DATELINE", "Dateline", "read_dateline"]

# Where and when a story was filed, before its first sentence, in the forms the wires print:
#   "JAKARTA, June 18 - "            "KYIV, Feb 28 (AP) — "          "WASHINGTON (RNS) - "
#   "LONDON, Ky. (WKYT) - "          "VICTORIA, B.C. (CP) - "        "BEIJING, Dec. 1 (Xinhua) -- "
#   "Paris (AFP) - "                 "Nairobi, Kenya — "             "NEW DELHI: "
# A city in capitals may stand alone before the dash ("JAKARTA - "), but not a wire slug ("UPDATE 2-",
# "EXCLUSIVE - "); a city in mixed case needs an agency or a place or date after a comma, and is no
# sentence opener ("However, Smith - ..."). Its city is where the story was filed, its date the filing
# date; the region (state, province or country) says which of the towns of that name.
_MONTH: Final = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?"
    r"|OCT|NOV|DEC)"
)
_DATE: Final = rf"(?:{_MONTH}\.?\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH}\.?)(?:,?\s+\d{{4}})?"
# "Ky.", "B.C.", "N.Y.", "Kenya", "South Africa", "Western Australia", "KENYA".
_REGION: Final = r"(?:[A-Z]\.){1,3}|[A-Z][A-Za-z'-]{0,30}\.?(?:\s[A-Z][A-Za-z'-]{0,30}\.?){0,2}"
_QUALIFIERS: Final = rf"(?:,\s*(?:(?P<date>{_DATE})|(?P<region>{_REGION})(?:,\s*(?P<date2>{_DATE}))?))"
_AGENCY: Final = r"(?:\s*\((?P<agency>[A-Za-z][\w .&'/-]{1,30})\)|\s*/(?P<wire>[A-Za-z][\w .-]{1,30})/)"
_SEPARATOR: Final = r"\s*(?:--|[-—–])\s*"
_SLUGS: Final = (
    r"(?:BREAKING|UPDATE|EXCLUSIVE|CORRECTED|CORRECTION|REFILE|URGENT|FLASH|ANALYSIS|FACTBOX|WRAPUP"
    r"|INSIGHT|EDITORIAL|OPINION|COMMENT|COMMENTARY|WATCH|VIDEO|PHOTOS?|LIVE|NEWS|UPDATED|ADVISORY"
    r"|FEATURE|REVIEW|INTERVIEW|POLL|OBITUARY|BRIEF|BRIEFS|SPORTS?|WEATHER|EXPLAINER)\b"
)
_OPENERS: Final = (
    r"(?:However|Meanwhile|Still|Instead|Yesterday|Today|Tonight|Now|Then|Also|Indeed|Finally|Earlier"
    r"|Later|Separately|Elsewhere|Nevertheless|Moreover|Furthermore|Again|Overall|Sources|Officials|But"
    r"|And|So|Yet|Here|There|Thus|Hence|Otherwise|Nonetheless|Afterwards|Recently|Previously|Currently"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
# A first word of two letters only before another ("LA PAZ", "ST. LOUIS"): "UN: ", "Q: " are no cities.
# Words of at most 31 letters: a match costs the same however long the text.
_CAPS_CITY: Final = (
    r"(?:[A-Z][A-Z'’-]{2,30}\.?|[A-Z]{2}\.?(?=\s[A-Z]))(?:\s[A-Z][A-Z'’-]{0,30}\.?){0,3}(?![a-z])"
)
_MIXED_CITY: Final = r"[A-Z][a-z'’]{1,30}(?:[\s-][A-Z][a-z'’]{1,30}){0,2}"
# The form read before the others, as it was (but for the double dash, "(Xinhua) -- "), so that what it
# strips stays as it was (dedup's content keys): a city in capitals and an agency tag.
_TAGGED: Final = (
    r"(?P<tagged>[A-Z][A-Z .'-]{2,40})(?:,\s*(?P<tag_qualifier>[\w .]{3,20}))?\s*\([\w .&-]{2,30}\)"
    r"\s*(?:--|[-—–:])\s*"
)
DATELINE: Final = re.compile(
    rf"\A\s*(?:{_TAGGED}|(?:(?!{_SLUGS})(?P<city>{_CAPS_CITY})|(?!{_OPENERS})(?P<mixed>{_MIXED_CITY}))"
    rf"(?P<qualified>{_QUALIFIERS})?{_AGENCY}?"
    # A city in mixed case is qualified or tagged, and ends with a dash.
    r"(?(mixed)(?(qualified)|(?(agency)|(?(wire)|(?!)))))"
    rf"(?(mixed){_SEPARATOR}|(?:{_SEPARATOR}|\s*:\s+))"
    # The story's first word: not lower case ("JOHN SMITH - a reporter" is no dateline).
    r"(?=[^\sa-z]))"
)
_DATE_ONLY: Final = re.compile(rf"(?:{_DATE})\Z")


class Dateline(NamedTuple):
    """A dateline's parts: its city as written, the region after it (or ""), where the city starts and
    where the story's text begins."""

    city: str
    region: str
    start: int
    end: int


def read_dateline(text: str) -> Dateline | None:
    """The dateline at the start of `text`, if there is one."""
    match = DATELINE.match(text)
    if match is None:
        return None
    if match.group("tagged") is not None:
        qualifier = (match.group("tag_qualifier") or "").strip()
        region = "" if _DATE_ONLY.match(qualifier) else qualifier
        return Dateline(match.group("tagged").strip(), region, match.start("tagged"), match.end())
    group = "city" if match.group("city") is not None else "mixed"
    region = match.group("region") or ""
    return Dateline(match.group(group).strip(), region.strip(), match.start(group), match.end())
