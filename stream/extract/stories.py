"""What kind of story an article is: a company's results or deal report reports no political event."""

from __future__ import annotations

from typing import Final

__all__ = ["is_company_report"]

# Words of a company's accounts. A story that names two of them, or one with two of a company's own
# words below, and opens with either kind, is a results or deal report (as news pipelines' relevance
# classifiers drop business stories): its "attack on margins", "talks with unions", "agreed to buy" and
# "sanctions weighed on the outlook" are no events between political actors.
_RESULTS: Final = (
    "profit", "revenue", " quarter", "-quarter", "dividend", "per share", "earnings", "net loss",
    "net income", "full-year", "first-half", "half-year", "guidance", "turnover", "pretax", "pre-tax",
    "ebitda", "operating loss",
)  # fmt: skip
# A company's own words: its officers, owners, legal forms and the nouns that stand for it.
_COMPANY: Final = (
    "chief executive", "chief financial officer", "the company", "the airline", "the carrier",
    "the group's", "the bank said", "shareholder", "shares in", "shares of", "per cent stake",
    "percent stake", "a stake in", "subsidiary", "the firm", " plc", " inc.", " corp", " ltd", " ag ",
    " ag,", " sa ", " sa,", " se ", " se,", " nv ", "brokerage", "investors", "the carmaker",
    "the miner", "the lender", "billion euro", "billion-euro", "its shares",
)  # fmt: skip


def is_company_report(article: str, lead: str) -> bool:
    """Whether an article is a company's results or deal report: one of either kind of word in its lead
    (lower-cased; read first, as most articles stop there), and in the whole article two words of
    accounts, or one and two of a company's words."""
    if not (any(cue in lead for cue in _RESULTS) or any(cue in lead for cue in _COMPANY)):
        return False
    lowered = article.lower()
    results = sum(cue in lowered for cue in _RESULTS)
    return results >= 2 or (results == 1 and 1 + sum(cue in lowered for cue in _COMPANY) >= 3)
