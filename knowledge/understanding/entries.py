"""What the index is built from: every entry the store holds, named every way partners name it."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from knowledge.domain.crime_types import CrimeType
from knowledge.domain.models import Figure, Kind, Topic
from knowledge.domain.periods import PeriodKind
from knowledge.store import Catalogue
from knowledge.understanding.index import Entry


def build_entries(catalogue: Catalogue, crime_types: list[CrimeType]) -> list[Entry]:
    entries: list[Entry] = []
    for indicator in catalogue.indicators:
        phrases = [indicator.name, indicator.short_name, *indicator.aliases]
        # Partners quote the figures they have seen ("830 knife crimes", "is 69% good"): the
        # figures reported for a year or more, not each month of a monthly series, whose
        # hundreds of numbers would make any number typed look like a topic.
        held = catalogue.figures.get(indicator.key, [])
        phrases += _figures_quoted([f for f in held if f.period.kind is not PeriodKind.MONTH])
        entries.append(
            Entry(indicator.key, Kind.INDICATOR, indicator.short_name, tuple((p, None) for p in phrases))
        )
    # Each entry is also named with the words for its kind ("Violence key deliverables",
    # "manifesto action: …"): partners ask for a thing by what it is as well as by its name.
    for priority in catalogue.priorities:
        named = [(p, None) for p in (priority.name, *priority.aliases)]
        named += [(f"{priority.name} priority key deliverables", None)]
        items = [(text, i) for i, text in enumerate(priority.key_deliverables)]
        entries.append(Entry(priority.key, Kind.PRIORITY, priority.name, tuple(named + items)))
    for deliverable in catalogue.deliverables:
        named = [(p, None) for p in (deliverable.text, *deliverable.aliases)]
        named += [(f"Strategic Plan deliverable and its example outputs: {deliverable.text}", None)]
        items = [(text, i) for i, text in enumerate(deliverable.example_outputs)]
        entries.append(Entry(deliverable.key, Kind.DELIVERABLE, deliverable.text, tuple(named + items)))
    for action in catalogue.actions:
        status = catalogue.statuses.get(action.key)
        named = [(p, None) for p in (action.commitment, *action.aliases)]
        named += [(f"manifesto action: {action.commitment}", None)]
        if status:
            named.append((status.status, None))
        entries.append(Entry(action.key, Kind.ACTION, action.commitment, tuple(named)))
    for topic in catalogue.topics:
        named = [(p, None) for p in (topic.title, *topic.aliases)]
        if topic.group_title != topic.title:
            named += [(f"{topic.group_title}: {topic.title}", None)]
        items = [(text, i) for i, text in enumerate(topic.facts)]
        entries.append(Entry(topic.key, Kind.FACT, topic.title, tuple(named + items)))
    groups: dict[str, list[Topic]] = {}
    for topic in catalogue.topics:
        groups.setdefault(topic.group_key, []).append(topic)
    for key, topics in groups.items():
        if len(topics) > 1:  # a one-topic group is answered by its topic
            title = topics[0].group_title
            entries.append(Entry(f"group:{key}", Kind.LIST, title, ((title, None),)))
    for key, document in catalogue.documents.items():
        entries.append(
            Entry(
                f"document:{key}",
                Kind.LIST,
                document.title,
                (
                    *((p, None) for p in (document.title, *document.aliases)),
                    # "agreed at Full Council", "Tackling drugs & alcohol …": what it says of itself
                    *(((document.subtitle, 0),) if document.subtitle else ()),
                ),
            )
        )
    for crime in crime_types:
        names = ((p, None) for p in (crime.name, *crime.aliases))
        entries.append(Entry(crime.key, Kind.CRIME_TYPE, crime.name, tuple(names)))
    return [_with_learned(entry, catalogue.learned.get(entry.key, ())) for entry in entries]


def _with_learned(entry: Entry, aliases: tuple[str, ...]) -> Entry:
    """An entry also named by the questions an admin approved for it ("break ins at homes")."""
    if not aliases:
        return entry
    return replace(entry, phrases=(*entry.phrases, *((alias, None) for alias in aliases)))


def _figures_quoted(figures: list[Figure]) -> list[str]:
    """An indicator's figures and the changes between them (in number and per cent, whole),
    as a partner would type them."""
    values = [f.value for f in figures]
    changes = [abs(after - before) for before, after in pairwise(values)]
    percents = [round(abs(after - before) / before * 100) for before, after in pairwise(values) if before]
    shown = (str(int(v)) if float(v).is_integer() else str(v) for v in values + changes + percents if v >= 10)
    return list(dict.fromkeys(shown))
