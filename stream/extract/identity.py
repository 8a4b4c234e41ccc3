"""Event identity: one key for the ways news tells one event, and the merge of one article's reports of it."""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

import xxhash

__all__ = [
    "MAX_REPORT_SENTENCES",
    "RECIPROCAL_MODES",
    "RECIPROCAL_TYPES",
    "Sides",
    "event_key",
    "is_reciprocal",
    "merge_reports",
    "party_countries",
    "place_key",
]

# PLOVER codes a reciprocal event (a meeting, joint work, a ceasefire both sides keep) with every party as
# actor and no recipient ("Compound and Reciprocal Actors" in the manual): who is named first is only how
# the sentence is built, so the key is the unordered set of parties. Every other event is directed.
RECIPROCAL_TYPES: Final = frozenset({"CONSULT", "COOPERATE"})
# (type, mode): reciprocal modes of otherwise directed types.
RECIPROCAL_MODES: Final = frozenset({("RETREAT", "ceasefire"), ("AGREE", "ceasefire")})
# CAMEO 057 "sign formal agreement" and 0311/0312 style intents stay directed; a signed agreement binds both.
RECIPROCAL_CAMEO: Final = frozenset({"057"})
# Reporting sentences kept per event and article: an article repeating one sentence thousands of times
# must not make a record of megabytes (each sentence is at most MAX_SENTENCE_CHARS long).
MAX_REPORT_SENTENCES: Final = 20
# A phone call and a meeting between the same leaders on one day are two events.
_REMOTE_CONSULT_MODES: Final = frozenset({"phone"})

Record = dict[str, Any]
# (actor side, recipient side): the countries of a record's parties.
Sides = tuple[frozenset[str], frozenset[str]]


def party_countries(parties: list[Record]) -> frozenset[str]:
    """The countries of a side (a party without a country counts as one unknown party)."""
    return frozenset({str(p.get("country") or "?") for p in parties})


def is_reciprocal(record: Record) -> bool:
    """Reciprocal by type, by mode, by CAMEO code, or as PLOVER writes one: several actors, no recipient."""
    event_type = record["event_type"]
    if event_type in RECIPROCAL_TYPES or (event_type, record.get("event_mode")) in RECIPROCAL_MODES:
        return True
    if record.get("cameo_code") in RECIPROCAL_CAMEO:
        return True
    return not record["recipients"] and len(party_countries(record["actors"])) > 1


def _sides(record: Record) -> Sides:
    """(actor side, recipient side); a reciprocal event has every party on the first side."""
    actors = party_countries(record["actors"])
    recipients = party_countries(record["recipients"]) if record["recipients"] else frozenset()
    if is_reciprocal(record):
        return actors | recipients, frozenset()
    return actors, recipients


def _channel(record: Record) -> str:
    if record["event_type"] == "CONSULT" and record.get("event_mode") in _REMOTE_CONSULT_MODES:
        return "remote"
    return ""


def place_key(location: Record | None) -> str:
    """A resolved city by its coordinates (one gazetteer entry), else the country, else nothing."""
    if location is None:
        return ""
    if location.get("feature") == "city":
        return f"city:{location['lat']:.2f},{location['lon']:.2f}"
    return f"country:{location['country']}"


def event_key(record: Record, sides: Sides | None = None) -> str:
    """The event's identity: type, channel, date, place and parties' countries; sectors stay out.
    `sides`: the record's `_sides`, when the caller has them."""
    actors, recipients = sides if sides is not None else _sides(record)
    event_date: dt.date | None = record["event_date"]
    key = "|".join(
        (
            event_date.isoformat() if event_date else "",
            ",".join(sorted(actors)),
            ",".join(sorted(recipients)),
            record["event_type"],
            _channel(record),
            place_key(record["location"]),
        )
    )
    return xxhash.xxh3_64_hexdigest(key.encode())


def _specificity(location: Record | None) -> int:
    """How precisely a report places its event: a city named in the sentence beats the article's place."""
    if location is None:
        return 0
    in_sentence = location.get("resolved_from") == "sentence"
    return (2 if in_sentence else 0) + (1 if location.get("feature") == "city" else 0)


def _places_agree(a: Record | None, b: Record | None) -> bool:
    """Two reports can be one event unless both name places, in the sentence, that differ: two cities, or a
    city and another country. A place taken from the article only is no evidence against a merge."""
    if a is None or b is None or a.get("resolved_from") != "sentence" or b.get("resolved_from") != "sentence":
        return True
    if a["country"] != b["country"]:
        return False
    if a.get("feature") == "city" and b.get("feature") == "city":
        return place_key(a) == place_key(b)
    return True


def _stated_date(record: Record) -> dt.date | None:
    """The date the report's sentence states; one taken from the article is no evidence of a date."""
    return record["event_date"] if record.get("date_stated", True) else None


def _same_event(
    group: list[Record], group_date: dt.date | None, other: Record, sides: dict[int, Sides]
) -> bool:
    """`other` reports the event of `group` (its fullest report first): same type and channel, dates and
    places that agree, and parties that are a subset of the fullest report's (the delegation that
    'arrived for talks' is one side of the meeting). `group_date` is the date its reports state, if any:
    one at most, since a report that states another never joins. `sides`: each report's, by id."""
    base = group[0]
    if (base["event_type"], _channel(base)) != (other["event_type"], _channel(other)):
        return False
    stated = _stated_date(other)
    if stated is not None and group_date not in (None, stated):
        return False
    if not _places_agree(base["location"], other["location"]):
        return False
    base_actors, base_recipients = sides[id(base)]
    actors, recipients = sides[id(other)]
    if is_reciprocal(base):
        return actors | recipients <= base_actors
    return actors <= base_actors and recipients <= base_recipients


def _provenance(record: Record) -> Record:
    spans: list[Record] = []
    if record.get("trigger_span") is not None:
        spans.append({"role": "trigger", **record["trigger_span"]})
    for role in ("actors", "recipients"):
        for party in record[role]:
            if party.get("span") is not None:
                spans.append({"role": role[:-1], **party["span"]})
    location = record["location"]
    if (
        location is not None
        and location.get("span") is not None
        and location.get("resolved_from") == "sentence"
    ):
        spans.append({"role": "location", **location["span"]})
    return {"index": record["sentence_index"], "text": record["sentence"], "spans": spans}


def merge_reports(records: list[Record]) -> list[Record]:
    """One article's reports of one event become one record: the fullest party set, the most precise
    place, every reporting sentence in `sentences` and `event_id` from `event_key`; in the order of each
    event's first report."""
    order = {id(r): i for i, r in enumerate(records)}
    # Each report's sides, read once: every comparison and the key use them.
    sides = {id(r): _sides(r) for r in records}
    # Fullest reports first so that each smaller one finds the report it is part of.
    ranked = sorted(records, key=lambda r: (-sum(map(len, sides[id(r)])), order[id(r)]))
    groups: list[list[Record]] = []
    dates: list[dt.date | None] = []  # the date each group's reports state
    # A report can only join a group of its own type and channel: it reads those, in order, and no other,
    # so an article of one event told again and again is merged in linear time.
    kinds: dict[tuple[str, str], list[int]] = {}
    for record in ranked:
        same_kind = kinds.setdefault((record["event_type"], _channel(record)), [])
        found = next((i for i in same_kind if _same_event(groups[i], dates[i], record, sides)), None)
        if found is None:
            same_kind.append(len(groups))
            groups.append([record])
            dates.append(_stated_date(record))
        else:
            groups[found].append(record)
            if dates[found] is None:
                dates[found] = _stated_date(record)
    merged: list[Record] = []
    for group in sorted(groups, key=lambda g: min(order[id(r)] for r in g)):
        reports = sorted(group, key=lambda r: order[id(r)])
        # The fullest report is quoted (its spans point into its sentence); the most precise place wins.
        base = dict(group[0])
        dated = next((r for r in reports if _stated_date(r) is not None), None)
        if dated is not None:
            base["event_date"] = dated["event_date"]
        place_report = max(reports, key=lambda r: _specificity(r["location"]))
        if place_report is not group[0] and place_report["location"] is not None:
            base["location"] = {**place_report["location"], "span": None}
        sentences: dict[int, Record] = {}
        for report in reports:
            if len(sentences) == MAX_REPORT_SENTENCES:
                break
            sentences.setdefault(report["sentence_index"], _provenance(report))
        base["sentences"] = list(sentences.values())
        base.pop("date_stated", None)
        base["event_id"] = event_key(base, sides[id(group[0])])  # the parties are the fullest report's
        merged.append(base)
    return merged
