"""Text normalisation that keeps character offsets, and sentence segmentation for news copy."""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "MAX_SENTENCE_CHARS",
    "Sentence",
    "WordStartScan",
    "normalize",
    "split_sentences",
]

#: Longer "sentences" are cut so that per-sentence work (and regex time) stays bounded: linear overall.
MAX_SENTENCE_CHARS: Final = 800

# One-to-one replacements only, so offsets in the normalized text equal offsets in the original.
_ONE_TO_ONE_CHARS: Final[dict[str, str]] = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\t": " ",
    "\r": " ",
}

_ABBREVIATIONS: Final = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "rep",
        "sen",
        "gov",
        "pres",
        "st",
        "mt",
        "ft",
        "jr",
        "sr",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "vol",
        "fig",
        "inc",
        "ltd",
        "corp",
        "co",
        "bros",
        "dept",
        "est",
        "approx",
        "vs",
        "etc",
        "al",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "u.s.a",
        "e.u",
    ]
)
# Candidate boundary: terminal punctuation, optional closing quote/bracket, whitespace, then a
# sentence opener. Linear time: a run of marks is tried from its first mark only (the lookbehind turns
# each later one away at once) and read once, possessively: giving back a mark or a quote cannot help,
# as what follows it then is a mark or a quote, never the space the pattern needs. The pattern opens
# with a mark, so the engine skips every other character without trying the pattern there.
_BOUNDARY = re.compile(r"[.!?](?<![.!?]{2})[.!?]*+[\"')\]]*+(?=\s++[\"'(\[]?[A-Z0-9])")
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*[A-Z0-9\"'])")
# Photo-credit tails such as "— Photo: Name/Agency/Handout" end a caption sentence.
_CREDIT = re.compile(
    r"\s-\s(?:Photo|Image|Picture|Credit|Foto)s?:\s*(?:[^/\n]{1,60}?(?:/[^\s/]+)+|[A-Z][\w.]*)"
)
_LEADING = re.compile(r"[ \n-]*+")
# Gallery counters ("2 of 2") that open photo captions.
_GALLERY = re.compile(r"\d{1,3} of \d{1,3}\s+(?=[A-Z])")


class Sentence:
    """A sentence with its offsets [start, end) into the normalized article text. A plain class, not a
    frozen dataclass: an article makes dozens, and compiled this is one native constructor, where a
    frozen dataclass sets each field through a Python-level call."""

    def __init__(self, index: int, start: int, end: int, text: str) -> None:
        self.index: Final = index
        self.start: Final = start
        self.end: Final = end
        self.text: Final = text

    def __repr__(self) -> str:
        return f"Sentence({self.index}, {self.start}, {self.end}, {self.text!r})"


class WordStartScan:
    """`pattern.finditer` for a pattern that can only match at a word start, as a scan for the
    character before it: a pattern that opens with `\\b` or a lookbehind makes the regex engine try all
    of it at every character, one that opens with a character class lets the engine skip the letters
    inside words. Same non-overlapping leftmost matches; group 1 is the match, later groups the
    pattern's own (named groups keep their names). The body must start with a word character."""

    def __init__(self, body: str) -> None:
        self.at_start = re.compile("(" + body + ")")
        # The body in a lookahead: only the non-word character before it is consumed, so every one is
        # tried (a match may start right after the end of the one before).
        self.after_separator = re.compile(r"\W(?=(" + body + "))")

    def _at_text_start(self, text: str, pos: int, end: int) -> re.Match[str] | None:
        """The match at the very start of the text, where no separator stands before it."""
        return self.at_start.match(text, 0, end) if pos == 0 else None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        found: list[re.Match[str]] = []
        resume = pos
        first = self._at_text_start(text, pos, end)
        if first is not None:
            found.append(first)
            resume = first.end(1)
        # From pos, the separator may be the character just before it.
        for match in self.after_separator.finditer(text, max(pos - 1, 0), end):
            if match.start(1) >= resume:
                found.append(match)
                resume = match.end(1)
        return found

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        first = self._at_text_start(text, pos, end)
        return first if first is not None else self.after_separator.search(text, max(pos - 1, 0), end)


def normalize(text: str) -> str:
    """Unify quotes, dashes and spaces without changing string length."""
    # One str.replace for each character the text holds: a scan in C, however many there are to replace
    # (a regex calling back for each match made a megabyte of dashes a million Python calls). No
    # replacement is itself replaced, so the order does not matter.
    for char, replacement in _ONE_TO_ONE_CHARS.items():
        if char in text:
            text = text.replace(char, replacement)
    return text


def _is_abbreviation(text: str, dot: int) -> bool:
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if not word:
        return False
    if word in _ABBREVIATIONS:
        return True
    # Single initials ("J. Smith") and dotted acronyms ("U.S.") do not end sentences.
    return (len(word) == 1 and word.isalpha()) or ("." in word and len(word) <= 6)


def _cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split an over-long span at commas or spaces so no piece exceeds MAX_SENTENCE_CHARS."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE_CHARS:
        window_end = start + MAX_SENTENCE_CHARS
        cut = max(text.rfind(", ", start, window_end), text.rfind(" ", start, window_end))
        if cut <= start:
            cut = window_end
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    # Spaces, line breaks and dashes are skipped in C, not one Python step each (a run of them can be a
    # whole article).
    # Each regex only where its first character stands (most sentences start with a letter).
    if start < end and text[start] in " \n-":
        lead = _LEADING.match(text, start, end)
        start = lead.end() if lead is not None else start
    if start < end and text[start].isdigit():  # \d is a decimal digit: every one is a digit
        gallery = _GALLERY.match(text, start, end)
        if gallery:
            start = gallery.end()
    return start, start + len(text[start:end].rstrip(" \n"))


def split_sentences(text: str) -> list[Sentence]:
    """Segment normalized text into sentences; paragraphs and captions are hard boundaries."""
    spans: list[tuple[int, int]] = []
    para_start = 0
    breaks = [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]
    for para_end in breaks:
        segment_start = para_start
        for match in _BOUNDARY.finditer(text, para_start, para_end):
            dot = match.start()
            if text[dot] == "." and _is_abbreviation(text, dot):
                continue
            spans.append((segment_start, match.end()))
            segment_start = match.end()
        # A credit holds " - ": most paragraphs have no hyphen at all and need no scan.
        has_hyphen = text.find("-", segment_start, para_end) >= 0
        for credit in _CREDIT.finditer(text, segment_start, para_end) if has_hyphen else ():
            spans.append((segment_start, credit.end()))
            segment_start = credit.end()
        spans.append((segment_start, para_end))
        para_start = para_end
    sentences: list[Sentence] = []
    for raw_start, raw_end in spans:
        start, end = _trim(text, raw_start, raw_end)
        if end - start < 2:
            continue
        if end - start <= MAX_SENTENCE_CHARS:  # nearly always: one piece, already trimmed
            sentences.append(Sentence(len(sentences), start, end, text[start:end]))
            continue
        for piece_start, piece_end in _cut(text, start, end):
            s, e = _trim(text, piece_start, piece_end)
            if e > s:
                sentences.append(Sentence(len(sentences), s, e, text[s:e]))
    return sentences
