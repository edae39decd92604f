"""A span of years that names a plan is the plan's name, not a period asked."""

import pytest

from knowledge.understanding.plan_years import without_plan_years


@pytest.fixture(scope="module")
def reader(knowledge):
    return knowledge.current()[1]


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("what's the 2018-21 plan deliverable on drugs and alcohol", ["2018", "2021"]),
        ("Strategic Plan 2018-2021 deliverable on violence", ["2018", "2021"]),
        ("the 2017-2021 priorities on reoffending", ["2017", "2021"]),
        ("what does the plan for 2018 to 2021 say about extremism", ["2018", "2021"]),
    ],
)
def test_the_years_of_a_plan_are_its_name_not_a_period(reader, question, years):
    query = reader.read(question)
    assert (query.period, query.comparison, query.time) == (None, None, None)
    assert without_plan_years(query.text)[1] == years
    assert set(years) <= set(query.period_tokens)  # a name mentioning them is the closer match


@pytest.mark.parametrize(
    ("question", "period"),
    [
        ("burglary 2017-18", "FY2017-18"),  # a financial year, even before a plan word
        ("the 2017-18 plan", "FY2017-18"),
        ("burglary 2018-21", "2021"),  # no plan named: 2021 against 2018
    ],
)
def test_a_financial_year_or_a_span_naming_no_plan_is_still_a_period(reader, question, period):
    assert reader.read(question).period.code == period
