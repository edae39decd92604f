"""The bot's own sentences, and where what it says comes from, shared by the text and the
Block Kit answers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from knowledge.answering.types import ActionAnswer, Answer, Declined, DeliverableAnswer, IndicatorView, Thanks
from knowledge.domain.models import Document
from knowledge.render.phrasing import SEED, source_said

HELP_INTRO = (
    "I answer questions about the Tower Hamlets Community Safety Partnership: its performance "
    "indicators, priorities, plans, manifesto actions, successes and investments. Ask the way "
    "you would ask a colleague."
)
HELP_WHERE = "Mention me in a channel, send me a direct message, or use /csp <question>."
ASK_HELP = "Ask “help” to see what I can answer."
NO_MATCH = "Nothing I hold matches that closely enough."
SHORT_SUBTITLE = 60
"""A document's subtitle short enough to say in the small print ("Agreed at Full Council…")."""


def thanks_reply(answer: Thanks) -> str:
    said = "Glad it helped!" if answer.glad else "You're welcome!"
    return f"{said} Ask me again any time."


def read_as_note(answer: Answer) -> str | None:
    """How a less than sure answer was read, naming a commitment by its header's short name
    rather than its whole text."""
    read_as = answer.read_as
    if read_as is None:
        return None
    if isinstance(answer, ActionAnswer | DeliverableAnswer):
        read_as = replace(read_as, title=answer.title)
    return read_as.note


def _quoted(words: Iterable[str]) -> str:
    shown = [f"“{w}”" for w in words]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + f" or {shown[-1]}"


def not_understood(answer: Declined) -> list[str]:
    """What the bot did not understand or does not hold, first, in a sentence or two."""
    lines: list[str] = []
    reason = answer.declined_because
    if reason:
        title = answer.title.rstrip(".")
        if reason.startswith(title + ": "):
            rest = reason.removeprefix(title + ": ")
            reason = rest[:1].upper() + rest[1:]
        lines.append(reason)
    unknown = answer.unknown_words[:10]
    if unknown and reason:
        lines.append(f"I hold nothing about {_quoted(unknown)}.")
    elif unknown:
        word = "word" if len(unknown) == 1 else "words"
        lines.append(f"I don't know the {word} {_quoted(unknown)}.")
    if not reason:
        lines.append(NO_MATCH)
    return lines


def document_origin(document: Document | None, kind: str | None) -> tuple[str | None, ...]:
    """The document a commitment is from, and where that comes from: "2018 Manifesto
    'Making Tower Hamlets Safer' · Council presentation, early 2019"."""
    if document is None:
        return (kind,)
    named = document.title
    subtitle = document.subtitle.strip()
    if subtitle and len(subtitle) <= SHORT_SUBTITLE:
        named += f", {subtitle[:1].lower()}{subtitle[1:]}"
    return named, source_said(document.source)


def sources(texts: Iterable[str]) -> list[str]:
    """Sources said once each, in order."""
    said: list[str] = []
    for text in texts:
        source = source_said(text)
        if source not in said:
            said.append(source)
    return said


def origins(rows: Iterable[IndicatorView]) -> str:
    """Where the figures of a list come from: the seed's source, and officers."""
    said: list[str] = []
    for row in rows:
        current = row.current
        if current is None:
            continue
        origin = source_said(current.source) if current.recorded_by == SEED else "recorded by officers"
        if origin not in said:
            said.append(origin)
    return "; ".join(said)
