"""“Report a wrong figure”: the admins (named in the settings or granted in the store) each get
a direct message saying who reported which figure; the partner is thanked privately. A
stranger's report, or one whose sender cannot be told, goes nowhere."""

from __future__ import annotations

from handlers.access import actor_team
from handlers.blocks.reports import admin_message, read_report, thanks_message
from handlers.replies import Services, refusal_message
from knowledge.domain.periods import PeriodError, parse_period
from knowledge.render.phrasing import number


def _figure(services: Services, key: str, period: str, value: float | None) -> tuple[str, str, str]:
    """The indicator's name, the period's label and the figure, as the partner saw them."""
    ctx, _ = services.knowledge.current()
    indicator = ctx.catalogue.indicator.get(key)
    try:
        label = parse_period(period).label if period else "the latest period"
    except PeriodError:
        label = period
    if indicator is None:
        return key, label, "" if value is None else f"{value:g}"
    return indicator.short_name, label, "" if value is None else number(value, indicator.unit)


def make_report_listener(services: Services):
    def on_report(ack, body, action, context, client, respond, logger):
        ack()
        user = (body.get("user") or {}).get("id")
        teams = (actor_team(body, context), context.team_id)
        report = read_report(action.get("value", ""))
        if not user or report is None or services.strangers.refuses(client, user, *teams):
            respond(response_type="ephemeral", replace_original=False, **refusal_message())
            return
        message = admin_message(
            user, *_figure(services, report.key, report.period, report.value), report.asked
        )
        told = []
        for admin in services.roles.admins():
            try:
                client.chat_postMessage(channel=admin, **message)
                told.append(admin)
            except Exception:  # one admin unreachable must not stop the others being told
                logger.exception("a wrong-figure report was not sent to %s", admin)
        respond(response_type="ephemeral", replace_original=False, **thanks_message(told))

    return on_report
