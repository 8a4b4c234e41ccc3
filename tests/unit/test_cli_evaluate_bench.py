"""`newsevents evaluate` and `newsevents bench extract` produce the numbers they promise."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from bench.instructions import count_instructions
from stream.bench.extract import generate_articles
from stream.cli import main
from tests.paths import GOLD, ROOT

GOLD = GOLD / "plover_gsr_dev.jsonl"


def test_evaluate_json_reports_every_metric() -> None:
    result = CliRunner().invoke(main, ["evaluate", "--gold", str(GOLD), "--json"])
    assert result.exit_code == 0, result.output
    summary = orjson.loads(result.output)
    assert summary["sentences"] == 164
    for key in ("type_accuracy", "country_precision", "country_recall", "country_f1", "sector_accuracy"):
        assert 0.0 < summary[key] <= 1.0
    assert set(summary["per_type"]) == {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
        "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT",
    }  # fmt: skip


def test_evaluate_text_output_lists_misses() -> None:
    result = CliRunner().invoke(main, ["evaluate", "--gold", str(GOLD), "--misses"])
    assert result.exit_code == 0
    assert "event-type accuracy" in result.output
    assert "MISS PLOVER-GSR" in result.output


def test_generated_articles_are_seed_sized_and_deterministic() -> None:
    first, second = generate_articles(20), generate_articles(20)
    assert first == second
    sizes = [len(a.encode()) for a in first]
    assert all(2700 <= size < 3300 for size in sizes)


def test_bench_extract_reports_rates() -> None:
    result = CliRunner().invoke(main, ["bench", "extract", "--articles", "200", "--json"])
    assert result.exit_code == 0, result.output
    summary = orjson.loads(result.output.splitlines()[-1])
    assert summary["articles"] == 200
    assert summary["events"] > 0
    assert summary["articles_per_second"] > 0 and summary["megabytes_per_second"] > 0


def test_bench_extract_against_pure_times_both_coders_on_the_same_corpus() -> None:
    result = CliRunner().invoke(main, ["bench", "extract", "--articles", "60", "--json", "--against-pure"])
    assert result.exit_code == 0, result.output
    summary = orjson.loads(result.output.splitlines()[-1])
    assert summary["coder"] in ("compiled", "pure Python")
    assert summary["pure_articles_per_second"] > 0
    # The command fails when the two coders disagree on the number of events.
    assert summary["speedup_over_pure"] == round(
        summary["articles_per_second"] / summary["pure_articles_per_second"], 2
    )


def test_bench_extract_codes_real_messages_beside_the_generated_corpus(tmp_path: Path) -> None:
    seeds = ROOT / "seeds"
    result = CliRunner().invoke(
        main, ["bench", "extract", "--articles", "40", "--json", "--real", str(seeds)]
    )
    assert result.exit_code == 0, result.output
    summary = orjson.loads(result.output.splitlines()[-1])
    assert summary["real_messages"] == len(list(seeds.iterdir()))
    assert 2000 < summary["real_mean_article_bytes"] < 3300  # the seed article's text, without its header
    assert summary["real_vs_generated"] == round(
        summary["real_articles_per_second"] / summary["articles_per_second"], 2
    )
    bad = tmp_path / "bad.txt"
    bad.write_text("not a raw message")
    refused = CliRunner().invoke(main, ["bench", "extract", "--articles", "5", "--real", str(bad)])
    assert refused.exit_code != 0 and "unrecognized_format" in refused.output


@pytest.mark.slow
def test_instruction_count_is_the_coders_own_cost_per_article() -> None:
    # One valgrind run (minutes: the lexicons load under it); the loop's dump holds only the coding of
    # the articles, millions of instructions each.
    two, compiled = count_instructions(2)
    per_article = two / 2
    assert 1e6 < per_article < 1e8, per_article
    assert compiled  # which coder modules ran compiled ("-" for none) is reported with the count
