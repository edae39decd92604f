"""Scoring the labelled question sets in `data/questions/`.

A set is a CSV of question, expect, period. `expect` is the key of the entry or list that
should answer, `help`, or `none` for a question the bot must decline; where the slides tell
the same thing in two places, either key is right: `a|b`. `period` (optional)
is the period code the figure shown must be for.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from knowledge.answering import Answer, Knowledge
from knowledge.answering.types import IndicatorAnswer, IndicatorListAnswer, SeveralAnswer
from knowledge.domain.models import Kind
from knowledge.domain.periods import PeriodError, parse_period
from tools.question_sets import QUESTION_SETS  # noqa: F401  (re-exported)

OUT_OF_SCOPE = "none"


class LabelledQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    question: str
    expect: str
    period: str | None = None
    section: str | None = None
    """The part of the file it is in, named by a short comment line ("# near misses")."""

    @field_validator("period", mode="before")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        """No period, or one a figure can be for: a slip ("2018-13") would count every answer wrong."""
        if value and isinstance(months_of(value), str):
            raise ValueError(f"'{value}' is no period code (2018, 2023-09, 2023-Q3, FY2022/23, …)")
        return value or None

    @property
    def in_scope(self) -> bool:
        return self.expect != OUT_OF_SCOPE

    def accepts(self, key: str) -> bool:
        return same_key(key) in {same_key(k) for k in self.expect.split("|")}


def same_key(key: str) -> str:
    """A key as compared: the entries of a combined answer in any order, since the order they
    are shown in is the bot's choice; and two indicators shown as one list of both
    ("list:indicators:a+b") or as two answers ("several:a+b") are the same answer; and
    "list:indicators", naming none, is the list of all of them ("list:all")."""
    if key == "list:indicators":
        return "list:all"
    for prefix in ("several:", "list:indicators:"):
        if key.startswith(prefix):
            return "several:" + "+".join(sorted(key.removeprefix(prefix).split("+")))
    return key


def question_set_path(data_dir: Path, name: str) -> Path:
    return data_dir / "questions" / f"{name}.csv"


HEADER = ["question", "expect", "period"]


class QuestionSetError(ValueError):
    """A labelled set that cannot be read: which line, and why."""


def read_questions(path: Path) -> list[LabelledQuestion]:
    """The questions of a set: rows of question, expect and an optional period, after an
    optional header line; comment lines (#) name the part of the file the rows after them
    are in. A row of another shape is an error naming its line, not a row read askew."""
    section: list[str | None] = [None]
    line: list[int] = [0]

    def rows_only(handle):
        for number, text in enumerate(handle, start=1):
            line[0] = number
            if text.startswith("#"):
                section[0] = _section_name(text) or section[0]
            elif text.strip():
                yield text

    labels = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(rows_only(handle)):
            if [cell.strip().lower() for cell in row] in (HEADER, HEADER[:2]):
                continue
            labels.append(_labelled(row, section[0], f"{path.name} line {line[0]}"))
    return labels


def _labelled(row: list[str], section: str | None, where: str) -> LabelledQuestion:
    if len(row) not in (2, 3):
        raise QuestionSetError(f"{where}: {len(row)} columns, not question,expect,period (quote a comma)")
    try:
        return LabelledQuestion(**dict(zip(HEADER, row, strict=False)), section=section)
    except ValidationError as error:
        said = "; ".join(problem["msg"].removeprefix("Value error, ") for problem in error.errors())
        raise QuestionSetError(f"{where}: {said}") from None


def _section_name(comment: str) -> str | None:
    """A comment line that names a part of the file: short, and not a sentence or a count."""
    text = comment.lstrip("#").strip()
    return text if 0 < len(text) <= 30 and not any(c in text for c in ":.;,()") else None


def answered_key(answer: Answer) -> str:
    if not answer.matched:
        return OUT_OF_SCOPE
    if answer.kind is Kind.HELP:
        return "help"
    return answer.key or ""


def answered_period(answer: Answer) -> str | None:
    """The period of the figure given; for indicators shown together (a list of those named,
    or one answer each), the period they all share, if they do."""
    if isinstance(answer, IndicatorAnswer):
        return answer.indicator.current.period.code if answer.indicator.current is not None else None
    if isinstance(answer, IndicatorListAnswer) and answer.key and answer.key.startswith("list:indicators:"):
        periods = {row.current.period.code if row.current else None for row in answer.rows}
    elif isinstance(answer, SeveralAnswer):
        periods = {answered_period(part) for part in answer.parts}
    else:
        return None
    return periods.pop() if len(periods) == 1 else None


def months_of(code: str) -> tuple[date, date] | str:
    """The months a period code stands for, so that codes naming the same months agree
    ("2019-Q3" and "2019-07..2019-09"; "FYTD2023-09", April to September 2023, as a label
    may write the financial year to date); a code that is no period, as written."""
    fytd = re.fullmatch(r"FYTD(\d{4})-(\d\d)", code)
    if fytd:
        year, month = int(fytd[1]), int(fytd[2])
        return date(year if month >= 4 else year - 1, 4, 1), date(year, month, 1)
    try:
        period = parse_period(code)
    except PeriodError:
        return code
    return period.start, period.end


def is_correct(label: LabelledQuestion, answer: Answer) -> bool:
    if not label.accepts(answered_key(answer)):
        return False
    if label.period is None or not label.in_scope:
        return True  # a decline gives no figure, so has no period (a label may name the one asked)
    answered = answered_period(answer)
    return answered is not None and months_of(answered) == months_of(label.period)


@dataclass(frozen=True)
class Failure:
    label: LabelledQuestion
    got: str
    got_period: str | None
    wrong_figure: str | None = None
    """ "sure" for a figure given as the answer, "read as" for one given saying how it was
    read (with the next reading offered); None when no figure was given."""
    first_choice_right: bool = False
    """A decline whose first "did you mean" choice was the answer wanted."""


def _failure(label: LabelledQuestion, answer: Answer) -> Failure:
    wrong_figure = None
    if isinstance(answer, IndicatorAnswer) and answer.indicator.current is not None:
        offered = answer.read_as is not None and answer.read_as.next_reading is not None
        wrong_figure = "read as" if offered else "sure"
    first = getattr(answer, "suggestions", ())[:1] if not answer.matched else ()
    first_right = bool(first) and label.in_scope and label.accepts(first[0].key)
    return Failure(label, answered_key(answer), answered_period(answer), wrong_figure, first_right)


@dataclass(frozen=True)
class Result:
    section: str | None
    right: bool
    failure: Failure | None


@dataclass(frozen=True)
class Score:
    name: str
    in_scope: int
    in_scope_correct: int
    out_of_scope: int
    declined: int
    failures: tuple[Failure, ...]
    results: tuple[Result, ...] = ()

    @property
    def accuracy(self) -> float:
        return self.in_scope_correct / self.in_scope if self.in_scope else 1.0

    @property
    def rejection(self) -> float:
        return self.declined / self.out_of_scope if self.out_of_scope else 1.0

    def wrong_figures(self, how: str) -> int:
        return sum(f.wrong_figure == how for f in self.failures)


def score(name: str, knowledge: Knowledge, labels: list[LabelledQuestion]) -> Score:
    results: list[Result] = []
    in_scope = correct = out_of_scope = declined = 0
    for label in labels:
        answer = knowledge.ask(label.question)
        right = is_correct(label, answer)
        if label.in_scope:
            in_scope += 1
            correct += right
        else:
            out_of_scope += 1
            declined += right
        results.append(Result(label.section, right, None if right else _failure(label, answer)))
    failures = tuple(r.failure for r in results if r.failure is not None)
    return Score(name, in_scope, correct, out_of_scope, declined, failures, tuple(results))


def section_lines(result: Score) -> list[str]:
    """Each named part of the file: how many right, and the figures given wrongly in it."""
    names = list(dict.fromkeys(r.section for r in result.results if r.section))
    lines = []
    for name in names:
        part = [r for r in result.results if r.section == name]
        wrong = [r.failure.wrong_figure for r in part if r.failure is not None]
        first = sum(r.failure.first_choice_right for r in part if r.failure is not None)
        lines.append(
            f"  {name}: {sum(r.right for r in part)}/{len(part)} right; wrong figures "
            f"{wrong.count('sure')} sure, {wrong.count('read as')} read-as; "
            f"declines with the right first choice {first}"
        )
    return lines


def report(result: Score) -> str:
    lines = [
        f"{result.name}: in scope {result.in_scope_correct}/{result.in_scope} correct "
        f"({result.accuracy:.1%}); out of scope {result.declined}/{result.out_of_scope} "
        f"declined ({result.rejection:.1%}); wrong figures {result.wrong_figures('sure')} sure, "
        f"{result.wrong_figures('read as')} read-as; declines with the right first choice "
        f"{sum(f.first_choice_right for f in result.failures)}",
        *section_lines(result),
    ]
    for failure in result.failures:
        period = f" for {failure.label.period}" if failure.label.period else ""
        if failure.wrong_figure:
            period += f" [wrong figure, {failure.wrong_figure}]"
        elif failure.first_choice_right:
            period += " [right first choice]"
        got_period = f" ({failure.got_period})" if failure.got_period else ""
        lines.append(
            f"  FAIL {failure.label.question!r}: expected {failure.label.expect}{period}, "
            f"got {failure.got}{got_period}"
        )
    return "\n".join(lines)
