"""Whether an article is in English, the one language the coder reads: its script, then its function words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

__all__ = ["SAMPLE_CHARS", "LanguageGuess", "detect_language", "unsupported_language"]

#: The first characters read: a story's language shows in its first paragraphs, and the check stays cheap.
SAMPLE_CHARS: Final = 2000

# Letters of scripts that no English text is written in, with the language (ISO 639-1) each most
# likely is in news; the letters that tell a close language apart follow.
_SCRIPTS: Final = (
    ("ru", re.compile(r"[\u0400-\u04ff]")),  # Cyrillic
    ("ar", re.compile(r"[\u0600-\u06ff\u0750-\u077f]")),  # Arabic
    ("zh", re.compile(r"[\u4e00-\u9fff]")),  # Han
    ("ja", re.compile(r"[\u3040-\u30ff]")),  # kana
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),  # Hangul
    ("hi", re.compile(r"[\u0900-\u097f]")),  # Devanagari
    ("el", re.compile(r"[\u0370-\u03ff]")),  # Greek
    ("he", re.compile(r"[\u0590-\u05ff]")),  # Hebrew
    ("th", re.compile(r"[\u0e00-\u0e7f]")),  # Thai
    ("bn", re.compile(r"[\u0980-\u09ff]")),  # Bengali
    ("fa", re.compile(r"[\u067e\u0686\u0698\u06af]")),  # letters Persian writes and Arabic does not
    ("uk", re.compile(r"[\u0456\u0457\u0454\u0491\u0406\u0407\u0404\u0490]")),  # і ї є ґ
)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_PUNCTUATION: Final = ".,;:!?\"'()[]«»“”‘’…-–—"

# The most frequent function words of each language written in Latin letters (articles, prepositions,
# conjunctions, auxiliaries), lower case: together about a third of the words of running text.
_FUNCTION_WORDS: Final = {
    "en": "the of and to in is was for on that with as by at from his her it said were has have had be "
    "been are this which an not but they who after will would their its over against also than into",
    "fr": "le la les de des du et est une un dans pour pas que qui sur au aux avec par sont ont été ce cette "
    "il elle ils mais selon leur plus lors entre après",
    "es": "el la los las de del y en que un una por con para se es su sus al lo como más fue ha tras según "
    "entre sobre este esta",
    "de": "der die das und ist nicht mit ein eine den dem des von zu auf für im sich auch nach bei wurde "
    "hat sind am zum zur einer",
    "pt": "o os as de do da dos das e em no na nos nas um uma que para com por não se foi ao pelo pela "
    "após entre",
    "it": "il lo la gli le di del della dei delle è un una che per con non nel nella sono ha dopo alla al "
    "anche tra",
    "nl": "de het een en van is op te dat die niet met voor zijn er maar om aan bij ook heeft werd naar",
    "id": "yang dan di ke dari dengan untuk pada ini itu dalam tidak akan oleh sebagai telah bahwa hari",
    "tr": "ve bir bu da ile için olarak olan gibi daha çok ama sonra kadar günü",
    "pl": "i w z na się nie że do to jest od po przez jak dla oraz",
    "sv": "och att det som en på är för med av till har inte om",
}
# Each function word -> the languages it is one of ("de" is French, Spanish, Portuguese and Dutch).
_LANGUAGES_OF: Final = {
    word: tuple(language for language, words in _FUNCTION_WORDS.items() if word in words.split())
    for word in {w for words in _FUNCTION_WORDS.values() for w in words.split()}
}
# To call a Latin-script text another language than English: at least this many of that language's
# function words, and more than twice as many as of English's (an English story quoting French is English).
_MIN_WORDS: Final = 2
_OVER_ENGLISH: Final = 2
# To call a text written in another script that script's language: most of its letters.
_SCRIPT_SHARE: Final = 0.5


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The language detected (ISO 639-1, "und" when nothing says) and the evidence counted for it."""

    language: str
    evidence: int  # letters of its script, or its function words
    english_evidence: int  # Latin letters, or English function words
    by: str = "function words"  # or "letters"

    def describe(self) -> str:
        """ "41 function words of fr, 3 of English"; "212 letters of ru, 0 Latin"."""
        if self.by == "letters":
            return f"{self.evidence} letters of {self.language}'s script, {self.english_evidence} Latin"
        return f"{self.evidence} function words of {self.language}, {self.english_evidence} of English"


def detect_language(text: str) -> LanguageGuess:
    """The language of `text`, from its first SAMPLE_CHARS characters: a script English is not written
    in, if most letters are of it; else the Latin-script language whose function words are most frequent
    (English unless another's are clearly more so); "und" with no evidence either way."""
    sample = text[:SAMPLE_CHARS]
    # Most articles are ASCII: no letter of another script to count.
    ascii_only = sample.isascii()
    latin = 0 if ascii_only else len(_LATIN.findall(sample))
    script = None if ascii_only else _script_language(sample, latin)
    if script is not None:
        return script
    counts = dict.fromkeys(_FUNCTION_WORDS, 0)
    for token in sample.lower().split():
        languages = _LANGUAGES_OF.get(token)
        if languages is None and token[-1] in _PUNCTUATION:
            languages = _LANGUAGES_OF.get(token.strip(_PUNCTUATION))
        for language in languages or ():
            counts[language] += 1
    english = counts.pop("en")
    best, found = max(counts.items(), key=lambda item: item[1])
    if found >= _MIN_WORDS and found > _OVER_ENGLISH * english:
        return LanguageGuess(best, found, english)
    has_letters = bool(latin) or (ascii_only and any(c.isalpha() for c in sample))
    return LanguageGuess("en" if english or has_letters else "und", english, english)


def _script_language(sample: str, latin: int) -> LanguageGuess | None:
    best: tuple[int, str] = (0, "")
    shares: dict[str, int] = {}
    for language, letters in _SCRIPTS:
        count = len(letters.findall(sample))
        shares[language] = count
        if language not in ("fa", "uk") and count > best[0]:
            best = (count, language)
    count, language = best
    if not count or count < _SCRIPT_SHARE * (count + latin):
        return None
    if language == "ru" and shares["uk"]:
        language = "uk"
    elif language == "ar" and shares["fa"]:
        language = "fa"
    elif language == "zh" and shares["ja"]:
        language = "ja"
    return LanguageGuess(language, count, latin, "letters")


def unsupported_language(text: str) -> str | None:
    """The article's language when it is one the coder cannot read (not English), else None."""
    guess = detect_language(text)
    return None if guess.language in ("en", "und") else guess.language
