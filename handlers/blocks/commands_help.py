"""What `/csp help` adds for officers and admins: the subcommands their role may use."""

from __future__ import annotations

from handlers.blocks.kit import section
from knowledge.services.roles import Role

OFFICER_COMMANDS = (
    ("/csp update", "open a form to record a figure: the indicator, period, value and a note"),
    (
        "/csp update knife crime 900 for 2019 note police data",
        "record a figure for a period (June 2019, Q1 2019/20, 2019, 2019/20…), with a note if you like",
    ),
    (
        "/csp status RRT expansion: now reaches 18-24s in every locality",
        "record the status of a manifesto action or Strategic Plan deliverable: its name, a colon, "
        "then the status",
    ),
    (
        "/csp history knife crime",
        "every figure (or an action's every status) recorded: by whom, when, old → new, and notes",
    ),
    ("/csp undo", "take back your own last figure or status, within 24 hours"),
)
"""One example each, as typed: `tests/test_help.py` checks every subcommand is here and runs."""
ADMIN_COMMANDS = (
    (
        "/csp grant @sam officer",
        "let someone record figures and statuses (or `admin`: also grant and review)",
    ),
    ("/csp revoke @sam", "take a role away"),
    ("/csp roles", "who holds which role"),
    ("/csp learn", "what partners picked from “did you mean”, to approve as aliases or dismiss"),
    ("/csp learn aliases", "the questions approved as aliases, to remove one"),
)


def _lines(commands: tuple[tuple[str, str], ...]) -> str:
    return "\n".join(f"• `{command}`: {what}" for command, what in commands)


def commands_help(role: Role) -> list[dict]:
    """Nothing for a reader; an officer's commands; an admin's too."""
    blocks = []
    if role in (Role.OFFICER, Role.ADMIN):
        blocks.append(section(f"*For officers*\n{_lines(OFFICER_COMMANDS)}"))
    if role is Role.ADMIN:
        blocks.append(section(f"*For admins*\n{_lines(ADMIN_COMMANDS)}"))
    return blocks
