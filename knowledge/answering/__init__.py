"""Answering: a query and the store make a typed answer (`types`), one kind at a time."""

from knowledge.answering.facade import Knowledge, open_knowledge
from knowledge.answering.types import Answer, Home, IndicatorView, Suggestion

__all__ = ["Answer", "Home", "IndicatorView", "Knowledge", "Suggestion", "open_knowledge"]
