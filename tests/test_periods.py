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
        # the ways officers write a period in /csp update
        ("2019-06", "2019-06", "Jun 2019"),
        ("June 2019", "2019-06", "Jun 2019"),
        ("Jun 2019", "2019-06", "Jun 2019"),
        ("Jan-Dec 2019", "2019", "Jan-Dec 2019"),
        ("2019/20", "FY2019-20", "Apr 2019-Mar 2020"),
        ("FY2019-20", "FY2019-20", "Apr 2019-Mar 2020"),
        ("2019-20", "FY2019-20", "Apr 2019-Mar 2020"),  # no month is 20
        ("2011-12", "2011-12", "Dec 2011"),  # a month first, when it can be one
        # a financial year's quarters: Q1 is Apr-Jun, Q4 is Jan-Mar of the year after
        ("Q1 2019/20", "2019-Q2", "Apr-Jun 2019"),
        ("Q2 2019/20", "2019-Q3", "Jul-Sep 2019"),
        ("Q3 2019/20", "2019-Q4", "Oct-Dec 2019"),
        ("Q4 2019/20", "2020-Q1", "Jan-Mar 2020"),
        ("q1 2019-2020", "2019-Q2", "Apr-Jun 2019"),
        ("Q4 FY2019-20", "2020-Q1", "Jan-Mar 2020"),
        ("2019/20 Q1", "2019-Q2", "Apr-Jun 2019"),
    ],
)
def test_parse_period_reads_codes_and_labels(text, code, label):
    period = parse_period(text)
    assert (period.code, period.label) == (code, label)
    assert parse_period(period.code) == period


@pytest.mark.parametrize(
    "text",
    [
        "",
        "soon",
        "2018-13",
        "2018/20",
        "Q5 2018",
        "FY2018-21",
        "last week",
        "Q1 2019/21",  # not a financial year: its years are not consecutive
        "Q5 2019/20",
        "YTD2019-13",  # no thirteenth month, said as a period error rather than a crash
        "R12-2019-13",
        "2019-13..2020-02",
        "Jan-Smarch 2019",
    ],
)
def test_parse_period_refuses_what_is_not_a_period(text):
    with pytest.raises(PeriodError):
        parse_period(text)


def test_a_financial_quarter_is_the_calendar_quarter_of_the_same_months():
    assert Period.financial_quarter(2019, 1) == Period.quarter(2019, 2)
    assert Period.financial_quarter(2019, 4) == Period.quarter(2020, 1)
    assert Period.financial_quarter(2019, 4).year_before() == parse_period("Q4 2018/19")
    assert Period.financial_year(2019).contains(parse_period("Q4 2019/20"))
    with pytest.raises(PeriodError):
        Period.financial_quarter(2019, 5)


def test_year_before_keeps_the_same_months():
    assert Period.financial_year(2018).year_before() == Period.financial_year(2017)
    assert Period.month(2019, 1).year_before() == Period.month(2018, 1)
    assert Period.year_to_date(2019, 5).year_before().label == "Jan-May 2018"


@pytest.mark.parametrize(
    ("period", "code"),
    [
        (Period.month(2023, 9), "2023-08"),
        (Period.month(2023, 1), "2022-12"),  # over the turn of a year
        (Period.quarter(2023, 1), "2022-Q4"),
        (Period.quarter(2023, 3), "2023-Q2"),
        (Period.financial_year(2022), "FY2021-22"),
    ],
)
def test_just_before_is_as_many_months_ending_the_month_before(period, code):
    assert period.just_before().code == code


def test_financial_year_runs_april_to_march():
    period = Period.financial_year(2018)
    assert period.kind is PeriodKind.FINANCIAL_YEAR
    assert (period.start.isoformat(), period.end.isoformat(), period.months) == (
        "2018-04-01",
        "2019-03-01",
        12,
    )
    assert period.short_label == "2018/19"


@pytest.mark.parametrize(
    ("text", "code", "label"),
    [
        # a run of months in one year: a quarter when it is one, else a run
        ("Jul-Sep 2019", "2019-Q3", "Jul-Sep 2019"),
        ("july to september 2019", "2019-Q3", "Jul-Sep 2019"),
        ("from July to September 2019", "2019-Q3", "Jul-Sep 2019"),
        ("between july and september 2019", "2019-Q3", "Jul-Sep 2019"),
        ("May to June 2019", "2019-05..2019-06", "May-Jun 2019"),
        ("Aug-Nov 2019", "2019-08..2019-11", "Aug-Nov 2019"),
        ("Nov-Feb 2019", "2018-11..2019-02", "Nov 2018-Feb 2019"),  # into the year named
        # a run over two years, as the labels say it
        ("Oct 2022-Sep 2023", "R12-2023-09", "Oct 2022-Sep 2023"),
        ("Apr 2018 - Mar 2019", "FY2018-19", "Apr 2018-Mar 2019"),
        ("Mar 2019 to Jun 2019", "2019-03..2019-06", "Mar-Jun 2019"),
        # the twelve months to a month
        ("the 12 months to June 2021", "R12-2021-06", "Jul 2020-Jun 2021"),
        ("year to jun 2021", "R12-2021-06", "Jul 2020-Jun 2021"),
        ("twelve months ending sept 2019", "R12-2019-09", "Oct 2018-Sep 2019"),
        ("rolling year to the end of May 2020", "R12-2020-05", "Jun 2019-May 2020"),
        ("year ending December 2018", "2018", "Jan-Dec 2018"),
        ("12 months to March 2019", "FY2018-19", "Apr 2018-Mar 2019"),
        # quarters in words
        ("first quarter of 2021", "2021-Q1", "Jan-Mar 2021"),
        ("the second quarter of 2021", "2021-Q2", "Apr-Jun 2021"),
        ("3rd quarter 2021", "2021-Q3", "Jul-Sep 2021"),
        ("the last quarter of 2021", "2021-Q4", "Oct-Dec 2021"),
        ("quarter 2 2020", "2020-Q2", "Apr-Jun 2020"),
        ("Q1 of 2021", "2021-Q1", "Jan-Mar 2021"),
        ("the first quarter of 2019/20", "2019-Q2", "Apr-Jun 2019"),  # of a financial year
    ],
)
def test_parse_period_reads_runs_of_months_and_quarters_in_words(text, code, label):
    period = parse_period(text)
    assert (period.code, period.label) == (code, label)
    assert parse_period(period.label) == period  # what the bot says, it reads back


@pytest.mark.parametrize(
    ("start", "end", "code"),
    [
        ((2019, 3), (2019, 3), "2019-03"),
        ((2019, 4), (2019, 6), "2019-Q2"),
        ((2019, 2), (2019, 4), "2019-02..2019-04"),  # three months, but no quarter
        ((2019, 1), (2019, 12), "2019"),
        ((2019, 4), (2020, 3), "FY2019-20"),
        ((2019, 7), (2020, 6), "R12-2020-06"),
        ((2019, 1), (2019, 5), "YTD2019-05"),
        ((2019, 6), (2020, 8), "2019-06..2020-08"),
    ],
)
def test_a_run_of_months_takes_its_best_name(start, end, code):
    from datetime import date

    assert Period.of_months(date(*start, 1), date(*end, 1)).code == code


def test_a_run_of_months_must_end_after_it_starts():
    from datetime import date

    with pytest.raises(PeriodError):
        Period.of_months(date(2019, 5, 1), date(2019, 4, 1))
    with pytest.raises(PeriodError):
        parse_period("Jun 2019 - Mar 2019")
