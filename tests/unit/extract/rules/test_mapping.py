"""The CAMEO -> PLOVER table: every code the verb dictionary uses maps to a type and mode the project
knows, or is unmapped with its reason."""

from __future__ import annotations

from stream.extract.rules import rows
from stream.extract.rules.codes import cameo_plover, plover_for
from stream.extract.rules.models import PLOVER_TYPES
from stream.extract.taxonomy import MODES_BY_TYPE


def _used_codes() -> set[str]:
    codes = {code for verb in rows.verbs() for code in (verb.active, verb.passive)}
    codes |= {code for pattern in rows.patterns() for code in (pattern.active, pattern.passive)}
    return codes - {"---"}


def test_every_code_the_verbs_use_has_its_own_row() -> None:
    missing = sorted(code for code in _used_codes() if code not in cameo_plover())
    assert missing == []


def test_every_used_code_maps_to_a_type_or_says_why_not() -> None:
    for code in _used_codes():
        row = plover_for(code)
        assert row is not None
        assert row.plover in PLOVER_TYPES or (row.plover is None and row.reason), row


def test_modes_belong_to_their_types() -> None:
    for row in cameo_plover().values():
        if row.mode is not None:
            assert row.plover is not None
            assert row.mode in MODES_BY_TYPE[row.plover], row


def test_every_cameo_root_is_listed_and_codes_fall_back_to_their_parent() -> None:
    table = cameo_plover()
    assert {f"{root:02d}" for root in range(1, 21)} <= set(table)
    fallback = plover_for("0299")  # not in the table: its parent 02
    assert fallback is not None and fallback.cameo == "02"
    assert plover_for("---") is None


def test_only_public_statements_stay_unmapped() -> None:
    unmapped = {code for code, row in cameo_plover().items() if row.plover is None}
    assert unmapped and all(code.startswith("01") for code in unmapped)


def test_subcodes_keep_their_roots_type_unless_a_reason_is_given() -> None:
    table = cameo_plover()
    for code, row in table.items():
        root = table[code[:2]]
        if len(code) > 2 and row.plover != root.plover and code[:3] not in ("084", "085", "086", "087"):
            assert row.reason, f"{code} departs from root {root.cameo} without a reason"
