"""A partner's "Report a wrong figure": what the admins are told in a direct message, and what
the partner is told back, privately. Pure builders, tested without Slack."""

from __future__ import annotations

import json
from dataclasses import dataclass

from handlers.blocks.kit import escape, section


@dataclass(frozen=True)
class Report:
    """Which figure a partner thinks is wrong, as the button carries it."""

    key: str
    period: str
    value: float | None
    asked: str


def read_report(value: str) -> Report | None:
    """The figure a button names, or None for a value that is not one."""
    try:
        data = json.loads(value)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("key"), str):
        return None
    figure = data.get("value")
    return Report(
        key=data["key"],
        period=str(data.get("period") or ""),
        value=float(figure) if isinstance(figure, int | float) else None,
        asked=str(data.get("asked") or ""),
    )


def admin_message(reporter: str, name: str, period: str, figure: str, asked: str) -> dict:
    """The direct message each admin gets: who, which figure, the question, what to do next."""
    text = (
        f":triangular_flag_on_post: <@{reporter}> thinks a figure may be wrong: "
        f"*{escape(name)}*, {escape(period)}: *{escape(figure)}*."
    )
    if asked:
        text += f"\nThey had asked: “{escape(asked)}”"
    how = (
        f"See where it came from with `/csp history {escape(name.lower())}`; an officer corrects it "
        f"with `/csp update {escape(name.lower())} <value> for <period>`."
    )
    fallback = (
        f"<@{reporter}> thinks a figure may be wrong: {escape(name)}, {escape(period)}: {escape(figure)}"
    )
    return {"text": fallback, "blocks": [section(text), section(how)]}


def thanks_message(told: list[str]) -> dict:
    """What the partner who reported is told, only to them."""
    if told:
        admins = ", ".join(f"<@{admin}>" for admin in told)
        text = f"Thank you: I've told the admins ({admins}). They will check the figure."
    else:
        text = (
            "Thank you. I could not pass this on: no admin is named for this bot, or none could be "
            "reached. Please tell whoever runs it."
        )
    return {"text": text, "blocks": [section(f":pray: {text}")]}
