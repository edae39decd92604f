"""What `/csp help` adds for officers and admins: the subcommands their role may use."""

from __future__ import annotations

from handlers.blocks.kit import section
from knowledge.services.roles import Role

OFFICER_COMMANDS = (
    (
        "/csp update <indicator> <value> for <period>",
        "record a figure, e.g. `/csp update knife crime 900 for 2019`",
    ),
    ("/csp history <indicator>", "every figure recorded for it, by whom and when"),
    ("/csp undo", "take back the last figure you recorded, within 24 hours"),
)
ADMIN_COMMANDS = (
    ("/csp grant @someone officer", "let someone record figures (or `admin`: also grant and review)"),
    ("/csp revoke @someone", "take a role away"),
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
