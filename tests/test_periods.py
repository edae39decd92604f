import pytest

from knowledge.domain.periods import Period, PeriodError, PeriodKind, parse_period


@pytest.mark.parametrize(
    ("text", "code", "label"),
    [
        ("Jan-Dec 2018", "2018", "Jan-Dec 2018"),
        ("2018", "2018", "Jan-Dec 2018"),
        ("2018-11", "2018-11", "Nov 2018"),
        ("Nov 2018", "2018-11", "Nov 2018"),
        ("november 2018", "2018-11", "Nov 2018"),
        ("2018-Q4", "2018-Q4", "Oct-Dec 2018"),
        ("Q1 2019", "2019-Q1", "Jan-Mar 2019"),
        ("FY2018-19", "FY2018-19", "Apr 2018-Mar 2019"),
        ("2018/19", "FY2018-19", "Apr 2018-Mar 2019"),
        ("2018/2019", "FY2018-19", "Apr 2018-Mar 2019"),
        ("YTD2019-05", "YTD2019-05", "Jan-May 2019"),
        ("Jan-May 2019", "YTD2019-05", "Jan-May 2019"),
    ],
)
def test_parse_period_reads_codes_and_labels(text, code, label):
    period = parse_period(text)
    assert (period.code, period.label) == (code, label)
    assert parse_period(period.code) == period


@pytest.mark.parametrize("text", ["", "soon", "2018-13", "2018/20", "Q5 2018", "FY2018-21", "last week"])
def test_parse_period_refuses_what_is_not_a_period(text):
    with pytest.raises(PeriodError):
        parse_period(text)


def test_year_before_keeps_the_same_months():
    assert Period.financial_year(2018).year_before() == Period.financial_year(2017)
    assert Period.month(2019, 1).year_before() == Period.month(2018, 1)
    assert Period.year_to_date(2019, 5).year_before().label == "Jan-May 2018"


def test_financial_year_runs_april_to_march():
    period = Period.financial_year(2018)
    assert period.kind is PeriodKind.FINANCIAL_YEAR
    assert (period.start.isoformat(), period.end.isoformat(), period.months) == (
        "2018-04-01",
        "2019-03-01",
        12,
    )
    assert period.short_label == "2018/19"
