"""PLOVER event types, quad classes and CAMEO Goldstein values (root level, Phoenix CAMEO.SCALE)."""

from __future__ import annotations

from typing import Final

__all__ = ["GOLDSTEIN_BY_ROOT", "MODES_BY_TYPE", "QUAD_BY_TYPE", "goldstein", "quad_class"]

QUAD_BY_TYPE: Final[dict[str, int]] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}

GOLDSTEIN_BY_ROOT: Final[dict[str, float]] = {
    "01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0, "09": -2.0,
    "10": -5.0, "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5, "15": -7.2, "16": -4.0, "17": -7.0,
    "18": -9.0, "19": -10.0, "20": -10.0,
}  # fmt: skip


# Mode vocabulary of the PLOVER manual's mode tables (REQUEST and REJECT share theirs); CONSULT "host"
# is the manual's host/visit distinction.
MODES_BY_TYPE: Final[dict[str, frozenset[str]]] = {
    event_type: frozenset(modes.split())
    for event_type, modes in {
        "CONSULT": "visit host third-party multilateral phone",
        "RETREAT": "withdraw release disarm ceasefire access resign",
        "REQUEST": "assist change yield meet",
        "REJECT": "assist change yield meet",
        "ACCUSE": "disapprove investigate allege",
        "THREATEN": "restrict arrest relations expel territory violence",
        "PROTEST": "demo riot strike hunger boycott obstruct vandalize",
        "SANCTION": "convict expel withdraw discontinue",
        "MOBILIZE": "troops weapons police militia",
        "COERCE": "seize restrict censor curfew martial-law arrest deport withhold misinformation cyber",
        "ASSAULT": "abduct beat torture sexual targeted destroy primitive firearms explosives suicide-attack "
        "aerial drone heavy-weapons crowd-control unconventional",
    }.items()
}


def quad_class(event_type: str) -> int:
    return QUAD_BY_TYPE[event_type]


def goldstein(cameo_code: str) -> float:
    """Goldstein weight of a CAMEO code, taken at its root (first two digits)."""
    return GOLDSTEIN_BY_ROOT[cameo_code[:2]]
