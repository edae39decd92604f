"""The fitted decision model: logistic weights over the evidence, and the two thresholds that
split its probability into answer, answer saying how it was read, and decline.

The weights are data (`data/decision_model.json`), rebuilt by `python -m tools.fit_decision`;
the running bot only applies them, so it needs no fitting library.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from knowledge.understanding.evidence import FEATURES, Evidence

MODEL_FILE = "decision_model.json"
REBUILD = "rebuild it: python -m tools.fit_decision"


class Outcome(StrEnum):
    ANSWER = "answer"
    READ_AS = "read_as"
    """Answer, saying how the question was read and which words were not used."""
    DECLINE = "decline"


class ModelFileError(ValueError):
    """The model file is missing, or was fitted on other features than the code has."""


@dataclass(frozen=True)
class DecisionModel:
    intercept: float
    weights: tuple[float, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    answer_at: float
    read_as_at: float

    def probability(self, found: Evidence) -> float:
        """How likely the first candidate is the right answer."""
        scaled = zip(self.weights, found.values, self.means, self.scales, strict=True)
        z = self.intercept + sum(w * (x - m) / s for w, x, m, s in scaled)
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))

    def outcome(self, found: Evidence) -> tuple[Outcome, float]:
        p = self.probability(found)
        if p >= self.answer_at:
            return Outcome.ANSWER, p
        if p >= self.read_as_at:
            return Outcome.READ_AS, p
        return Outcome.DECLINE, p


def load_model(data_dir: Path, fallback_dir: Path | None = None) -> DecisionModel:
    """The model in `data_dir`, else the one in `fallback_dir` (the bot's own data): a data
    folder of one's own need not carry a model fitted for it."""
    path = data_dir / MODEL_FILE
    if not path.exists() and fallback_dir is not None:
        path = fallback_dir / MODEL_FILE
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelFileError(f"{path}: cannot be read ({error}); {REBUILD}") from None
    if tuple(stored.get("features", ())) != FEATURES:
        raise ModelFileError(f"{path}: fitted on other features; {REBUILD}")
    return DecisionModel(
        intercept=stored["intercept"],
        weights=tuple(stored["weights"][name] for name in FEATURES),
        means=tuple(stored["means"][name] for name in FEATURES),
        scales=tuple(stored["scales"][name] for name in FEATURES),
        answer_at=stored["thresholds"]["answer"],
        read_as_at=stored["thresholds"]["read_as"],
    )
