"""Slack's Block Kit limits (shared/SLACK.md), checked on a message as sent."""

from slack_sdk.models.blocks import Block

LIMITS = {
    "blocks": 50,
    "section_text": 3000,
    "fields": 10,
    "field_text": 2000,
    "header": 150,
    "context_elements": 10,
    "actions_elements": 25,
    "button_text": 75,
    "button_value": 2000,
    "action_id": 255,
}


def limit_problems(message: dict, max_blocks: int = LIMITS["blocks"]) -> list[str]:
    """Problems with a message (50 blocks) or, with max_blocks=100, a Home tab or modal."""
    problems = []
    blocks = message["blocks"]
    if not message.get("text"):
        problems.append("no fallback text")
    if len(blocks) > max_blocks:
        problems.append(f"{len(blocks)} blocks")
    block_ids = [b["block_id"] for b in blocks if "block_id" in b]
    if len(set(block_ids)) != len(block_ids):
        problems.append("duplicate block_id")  # Slack refuses the whole message
    for block in blocks:
        problems += _BLOCK_CHECKS.get(block["type"], lambda _: [])(block)
        # slack_sdk's own classes check what they know when serialised
        Block.parse(block).to_dict()
    return problems


def _section_problems(block: dict) -> list[str]:
    problems = []
    if "text" in block and len(block["text"]["text"]) > LIMITS["section_text"]:
        problems.append("section text too long")
    fields = block.get("fields", [])
    if len(fields) > LIMITS["fields"]:
        problems.append("too many fields")
    problems += ["field too long" for f in fields if len(f["text"]) > LIMITS["field_text"]]
    if "text" not in block and not fields:
        problems.append("empty section")
    return problems


def _header_problems(block: dict) -> list[str]:
    return ["header too long"] if len(block["text"]["text"]) > LIMITS["header"] else []


def _context_problems(block: dict) -> list[str]:
    return [] if 1 <= len(block["elements"]) <= LIMITS["context_elements"] else ["context elements"]


def _actions_problems(block: dict) -> list[str]:
    problems = []
    elements = block["elements"]
    if not 1 <= len(elements) <= LIMITS["actions_elements"]:
        problems.append("actions elements")
    ids = [e["action_id"] for e in elements]
    if len(set(ids)) != len(ids):
        problems.append("duplicate action_id")
    for element in elements:
        if len(element["text"]["text"]) > LIMITS["button_text"]:
            problems.append("button text too long")
        if len(element.get("value", "")) > LIMITS["button_value"]:
            problems.append("button value too long")
        if len(element["action_id"]) > LIMITS["action_id"]:
            problems.append("action_id too long")
    return problems


_BLOCK_CHECKS = {
    "section": _section_problems,
    "header": _header_problems,
    "context": _context_problems,
    "actions": _actions_problems,
}
