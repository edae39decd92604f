"""Pure Block Kit builders: answers, the App Home; tested without Slack."""

from handlers.blocks.answers import build_blocks, build_message
from handlers.blocks.home import build_home_view
from handlers.blocks.kit import ACTION_ASK, escape, section

__all__ = ["ACTION_ASK", "build_blocks", "build_home_view", "build_message", "escape", "section"]
