"""`/csp learn`: admins review what partners picked from "did you mean", approve or dismiss
each, list the approved aliases and remove one. The work is in knowledge.services.learning;
a refusal (`NotAllowed`) is answered by the caller, like every officer's subcommand."""

from __future__ import annotations

from typing import TYPE_CHECKING

from handlers.blocks import learning as say
from handlers.blocks.updates import problem
from knowledge.services.commands import Learn
from knowledge.services.learning import LearningError

if TYPE_CHECKING:
    from handlers.commands.officers import Asker
    from handlers.replies import Services


def learn_reply(services: Services, asker: Asker, command: Learn) -> dict:
    learning = services.learning
    if command.verb == "list":
        return say.picks(learning.open_picks(asker.user_id))
    if command.verb == "aliases":
        return say.aliases(learning.aliases(asker.user_id))
    decide = {"approve": learning.approve, "dismiss": learning.dismiss, "remove": learning.remove}
    try:
        result = decide[command.verb](asker.user_id, command.number, services.clock(), asker.request_id)
    except LearningError as mistake:
        return problem(str(mistake))
    return say.decided(result)
