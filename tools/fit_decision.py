"""Fit the decision model on the labelled question sets and write `data/decision_model.json`.

    pip install -e ".[fit]" && python -m tools.fit_decision [--dry-run]

Every labelled question whose answer the model decides (not one settled by its structure:
a reason to decline, a list, two indicators named; nor one a hard rule declines whatever the
model says, a part of an indicator not held) gives one example: the evidence for its
first candidate, and whether that candidate is right. A logistic regression is fitted with
five-fold cross-validation; the thresholds are chosen on the cross-validated probabilities,
weighing a confident wrong figure as four times worse than a right answer is good.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from knowledge.answering import open_knowledge
from knowledge.answering.narrowed import declined_whatever_the_model, money_held_elsewhere
from knowledge.answering.route import settled_or_ranked
from knowledge.answering.types import Declined
from knowledge.datafiles import default_data_dir
from knowledge.understanding.evidence import FEATURES, evidence
from knowledge.understanding.model import MODEL_FILE, DecisionModel
from tools.evaluation import is_correct, question_set_path, read_questions
from tools.question_sets import QUESTION_SETS

WRONG_ANSWER_COST = 4.0
"""A confident wrong figure is the worst outcome: it costs four right answers."""
WRONG_READ_AS_COST = 2.0
"""A wrong answer that says how it was read, and offers the next reading, costs two."""
FOLDS = 5
_ALWAYS_ANSWER = DecisionModel(
    0.0, (0.0,) * len(FEATURES), (0.0,) * len(FEATURES), (1.0,) * len(FEATURES), 0.0, 0.0
)
"""Used to label: what the bot's whole answer is when the model says "answer"."""


@dataclass(frozen=True)
class Example:
    question: str
    values: tuple[float, ...]
    right: bool


def examples(data_dir: Path) -> list[Example]:
    found: list[Example] = []
    with tempfile.TemporaryDirectory() as folder:
        knowledge = open_knowledge(Path(folder) / "fit.db", data_dir)
        knowledge.__dict__["decision"] = _ALWAYS_ANSWER
        ctx, reader = knowledge.current()
        for name in QUESTION_SETS:
            for label in read_questions(question_set_path(data_dir, name)):
                if label.expect == "help":
                    continue
                query = reader.read(label.question)
                settled, ranked = settled_or_ranked(ctx, query)
                if settled is not None or not ranked or declined_whatever_the_model(ctx, query, ranked):
                    continue
                ranked = money_held_elsewhere(ctx, query, ranked) or ranked  # as answering weighs it
                # Right when answering gives the whole answer labelled, after what answering
                # does with a message's parts and periods; a question to decline never is,
                # but for a period the indicator does not hold ("knife crime 2016"): answering
                # it gives the decline labelled.
                answer = knowledge.ask(label.question)
                period_not_held = isinstance(answer, Declined) and answer.period_not_held is not None
                right = (label.in_scope or period_not_held) and is_correct(label, answer)
                values = evidence(ctx.language, query, ranked).values
                found.append(Example(label.question, values, right))
    return found


GAIN_TOLERANCE = 0.01
"""Cut-offs whose gain is within this share of the best are as good, on the labelled sets."""


def _gains(probabilities, right, cost: float) -> list[tuple[float, float]]:
    """(cut-off, gain) for each cut-off: +1 for each right answer above it, -cost for a wrong."""
    gains = []
    for cut in sorted({round(p, 3) for p in probabilities}):
        gain = sum((1.0 if r else -cost) for p, r in zip(probabilities, right, strict=True) if cut <= p)
        gains.append((cut, gain))
    return gains


def _answer_threshold(probabilities, right, cost: float) -> float:
    """The cut-off above which the bot answers, sure. The gain is nearly flat over a wide range
    of cut-offs, so the best one moves with a handful of examples: of the cut-offs as good as
    the best (within `GAIN_TOLERANCE` of it, or within one wrong answer), the highest is taken,
    a sure wrong figure being the worst outcome; the band below still answers, saying how."""
    gains = _gains(probabilities, right, cost)
    best = max((gain for _, gain in gains), default=0.0)
    if best <= 0.0:
        return 1.01
    slack = max(best * GAIN_TOLERANCE, cost)
    return max(cut for cut, gain in gains if gain >= best - slack)


def _read_as_threshold(probabilities, right, cost: float) -> float:
    """The cut-off above which the bot answers saying how it read the question and offering
    the next reading: the lowest of those that gain most, as the answer is hedged."""
    gains = _gains(probabilities, right, cost)
    best = max((gain for _, gain in gains), default=0.0)
    if best <= 0.0:
        return 1.01
    return min(cut for cut, gain in gains if gain == best)


def fit(found: list[Example]) -> dict:
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    x = np.array([e.values for e in found])
    y = np.array([e.right for e in found])
    means, scales = x.mean(axis=0), x.std(axis=0)
    scales[scales == 0] = 1.0
    z = (x - means) / scales
    model = LogisticRegression(C=1.0, max_iter=1000)
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=0)
    cv = cross_val_predict(model, z, y, cv=folds, method="predict_proba")[:, 1]
    answer_at = _answer_threshold(cv, y, WRONG_ANSWER_COST)
    band = [(p, r) for p, r in zip(cv, y, strict=True) if p < answer_at]
    in_band = ([p for p, _ in band], [r for _, r in band])
    read_as_at = min(answer_at, _read_as_threshold(*in_band, WRONG_READ_AS_COST))
    model.fit(z, y)
    answered = cv >= read_as_at
    return {
        "features": list(FEATURES),
        "intercept": float(model.intercept_[0]),
        "weights": dict(zip(FEATURES, map(float, model.coef_[0]), strict=True)),
        "means": dict(zip(FEATURES, map(float, means), strict=True)),
        "scales": dict(zip(FEATURES, map(float, scales), strict=True)),
        "thresholds": {"answer": float(answer_at), "read_as": float(read_as_at)},
        "cross_validated": {
            "examples": len(found),
            "right_first_candidates": int(y.sum()),
            "auc": round(float(roc_auc_score(y, cv)), 4),
            "log_loss": round(float(log_loss(y, cv)), 4),
            "brier": round(float(brier_score_loss(y, cv)), 4),
            "answered_right": int((answered & y).sum()),
            "answered_wrong": int((answered & ~y).sum()),
            "answered_wrong_above_answer_threshold": int(((cv >= answer_at) & ~y).sum()),
            "declined_right": int((~answered & y).sum()),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="print the fit, write nothing")
    data_dir = default_data_dir()
    dry_run = parser.parse_args().dry_run
    fitted = fit(examples(data_dir))
    text = json.dumps(fitted, indent=2) + "\n"
    print(json.dumps({k: fitted[k] for k in ("weights", "thresholds", "cross_validated")}, indent=2))
    if not dry_run:
        (data_dir / MODEL_FILE).write_text(text, encoding="utf-8")
        print(f"written to {data_dir / MODEL_FILE}")


if __name__ == "__main__":
    main()
