"""Articles the coder cannot read (not English) are told apart cheaply and noted, never coded to nothing."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from stream.bench.extract import generate_articles
from stream.cli import main
from stream.config.settings import TopicNames
from stream.ingest.language import detect_language, unsupported_language
from stream.ingest.stage import UNSUPPORTED_LANGUAGE, ingest
from stream.records.models import Article, SkippedArticle, SourceRef

# Paragraphs of my own in the style of each language's wire copy.
STORIES = {
    "fr": "Le président français a rencontré son homologue allemand à Berlin lundi pour discuter de la "
    "guerre en Ukraine. Des milliers de manifestants ont défilé samedi à Paris contre la réforme des "
    "retraites, selon la police.",
    "es": "El presidente del Gobierno se reunió el lunes en Madrid con el primer ministro portugués. Miles "
    "de personas se manifestaron en Buenos Aires contra las medidas de austeridad.",
    "de": "Bundeskanzler Friedrich Merz hat am Montag in Berlin den polnischen Ministerpräsidenten "
    "empfangen. Die Polizei nahm nach den Zusammenstößen in Hamburg zehn Personen fest.",
    "pt": "O presidente brasileiro reuniu-se na segunda-feira com o chefe de Estado argentino em Brasília. "
    "Milhares de pessoas protestaram em São Paulo contra o governo no domingo.",
    "it": "Il presidente del Consiglio ha incontrato lunedì a Roma il premier libico per discutere di "
    "migrazione. La polizia ha arrestato dieci persone dopo gli scontri a Napoli.",
    "nl": "De Nederlandse premier heeft maandag in Den Haag de Belgische premier ontvangen om over migratie "
    "te praten. De politie heeft tien mensen gearresteerd na rellen in Rotterdam.",
    "id": "Presiden Indonesia bertemu dengan Perdana Menteri Malaysia di Jakarta pada hari Senin untuk "
    "membahas perbatasan. Polisi menangkap sepuluh orang setelah bentrokan di pusat kota.",
    "tr": "Cumhurbaşkanı pazartesi günü Ankara'da Azerbaycan Cumhurbaşkanı ile görüştü ve iki ülke arasında "
    "bir anlaşma imzalandı. Polis bu protestolarda onlarca kişiyi gözaltına aldı.",
    "ru": "Президент России встретился в понедельник в Москве с председателем КНР. Полиция задержала десять "
    "человек после столкновений в центре города.",
    "uk": "Президент України зустрівся у понеділок у Києві з прем'єр-міністром Польщі.",
    "ar": "التقى الرئيس المصري نظيره الفرنسي في القاهرة يوم الاثنين لبحث الأوضاع في غزة.",
    "zh": "中国国家主席周一在北京会见了俄罗斯总统，双方讨论了乌克兰局势。",
    "ja": "岸田首相は月曜日、東京で韓国の大統領と会談した。",
}
ENGLISH = [
    "KYIV (AP) — Zelensky, Macron, Scholz, Meloni and Sanchez met in Kyiv.",  # names, few function words
    'Emmanuel Macron said "la France ne cédera pas" as he arrived in Brussels for the summit on Thursday.',
    "Ukraine, Russia hold talks in Belarus",  # a headline
    "Gunmen killed 20 people in northern Nigeria.",
    "Sao Paulo, Rio de Janeiro and Belo Horizonte saw protests on Sunday, police said.",
    "BUENOS AIRES (Reuters) - Argentine unions staged a general strike against the austerity of "
    "President Javier Milei, whose government called it 'un paro político'.",
    "Police fired tear gas.",
]


@pytest.mark.parametrize("language", sorted(STORIES))
def test_stories_in_other_languages_are_told_apart(language: str) -> None:
    assert unsupported_language(STORIES[language]) == language


@pytest.mark.parametrize("text", ENGLISH)
def test_english_with_foreign_names_and_quotes_is_english(text: str) -> None:
    assert unsupported_language(text) is None


def test_no_generated_english_article_is_taken_for_another_language(seed_bytes: bytes) -> None:
    texts = [*generate_articles(200), seed_bytes.decode()]
    assert [t[:40] for t in texts if unsupported_language(t) is not None] == []


def test_text_with_no_words_is_undetermined_and_not_skipped() -> None:
    assert detect_language("2026 - 12 - 01 ... 42 %").language == "und"
    assert unsupported_language("2026 - 12 - 01 ... 42 %") is None


def _raw(text: str) -> bytes:
    return orjson.dumps(
        {"id": "fr-1", "published": "2026-12-01", "url": "https://example.org/a", "text": text}
    )


ORIGIN = SourceRef(topic="news.raw", partition=0, offset=7, timestamp_ms=None)


def test_an_article_in_french_is_noted_on_the_skipped_topic_with_the_language() -> None:
    topics = TopicNames()
    out = ingest(topics, _raw(STORIES["fr"]), b"k", ORIGIN)
    assert (out.topic, out.key, out.label) == ("news.skipped", b"fr-1", UNSUPPORTED_LANGUAGE)
    notice = SkippedArticle.model_validate_json(out.value)
    assert (notice.reason, notice.language, notice.url, notice.origin) == (
        "unsupported_language",
        "fr",
        "https://example.org/a",
        ORIGIN,
    )
    assert notice.content_key and "function words of fr" in notice.detail


def test_an_article_in_english_goes_on_to_be_coded() -> None:
    out = ingest(TopicNames(), _raw(ENGLISH[0]), b"k", ORIGIN)
    assert out.topic == "news.articles" and out.label is None
    assert Article.model_validate_json(out.value).article_id == "fr-1"


def test_offline_extract_says_on_stderr_which_article_it_skipped(tmp_path: Path, seed_path: Path) -> None:
    french = tmp_path / "fr.txt"
    french.write_text("date 2026-12-01\n" + STORIES["fr"] + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--json", str(french), str(seed_path)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"newsevents: {french}: skipped, unsupported_language: fr ("
        + (detect_language(STORIES["fr"]).describe() + ")")
    ]
    assert result.stdout.strip()  # the seed, in English, is still coded
