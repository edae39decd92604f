"""Middleware that runs after Bolt has verified the request's signature."""

from __future__ import annotations

from slack_bolt.response import BoltResponse

from knowledge.store import Store


def make_event_deduplicator(store: Store):
    """Slack retries an event it thinks was not acknowledged. Answer each event_id once,
    across processes that share the store, and still acknowledge every retry."""

    def deduplicate(body, next, logger):
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id and not store.claim_event(event_id):
            logger.info("event %s already handled; acknowledging the retry", event_id)
            return BoltResponse(status=200, body="")
        return next()

    return deduplicate
