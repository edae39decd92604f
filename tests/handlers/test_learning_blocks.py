"""The `/csp learn` replies: within Slack's limits however much there is, with every button
running a `learn` subcommand and nothing a partner typed left live."""

import pytest

from handlers.blocks import learning as say
from handlers.blocks.updates import ACTION_RUN
from knowledge.services.learning import Decided, LearnedAlias, OpenPick
from tests.block_limits import limit_problems
from tests.markup import mrkdwn_texts

MARKED = "<!channel> knife <@U123|x> & <http://evil|council.gov.uk>"


def open_pick(n: int, alias: str = "the wobbly numbers on drugs") -> OpenPick:
    return OpenPick(
        n, alias, "drug-operation-arrests", "Arrests on drug operations", 3, 2, "2020-03-01T09:30"
    )


def learned(n: int, alias: str = "the wobbly numbers on drugs") -> LearnedAlias:
    return LearnedAlias(
        n, alias, "drug-operation-arrests", "Arrests on drug operations", "UBOSS0001", "2020-03-01"
    )


def button_values(message: dict) -> list[str]:
    found = [e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]]
    found += [b["accessory"] for b in message["blocks"] if "accessory" in b]
    assert all(e["action_id"].startswith(f"{ACTION_RUN}_") for e in found)
    return [e["value"] for e in found]


@pytest.mark.parametrize("count", [0, 1, 15, 16, 200])
def test_the_picks_fit_however_many(count):
    message = say.picks([open_pick(n) for n in range(1, count + 1)])
    assert limit_problems(message) == []
    values = button_values(message)
    assert values[:2] == (["learn approve 1", "learn dismiss 1"] if count else [])
    assert len(values) == 2 * min(count, say.MAX_PICKS_SHOWN)
    if count > say.MAX_PICKS_SHOWN:
        assert f"The 15 most picked of {count}." in mrkdwn_texts(message)


@pytest.mark.parametrize("count", [0, 1, 40, 41, 200])
def test_the_aliases_fit_however_many(count):
    message = say.aliases([learned(n) for n in range(1, count + 1)])
    assert limit_problems(message) == []
    values = button_values(message)
    assert values[:1] == (["learn remove 1"] if count else [])
    assert len(values) == min(count, say.MAX_ALIASES_SHOWN)
    assert len(set(values)) == len(values)


def test_nothing_typed_or_held_is_left_live():
    for message in (
        say.picks([open_pick(1, MARKED)]),
        say.aliases([learned(1, MARKED)]),
        say.decided(Decided(MARKED, MARKED, "approved")),
        say.decided(Decided(MARKED, MARKED, "removed", repeated=True)),
    ):
        texts = mrkdwn_texts(message)
        assert "<!channel>" not in texts and "<http" not in texts and "<@U123" not in texts
        assert "&lt;!channel&gt;" in texts


def test_a_very_long_question_is_shown_clipped():
    message = say.picks([open_pick(1, "drugs " * 400)])
    assert limit_problems(message) == []
    assert "…”" in mrkdwn_texts(message)
