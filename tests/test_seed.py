"""The seed files hold the whole presentation, checked, and a bad file is named precisely."""

import shutil

import pytest

from knowledge.datafiles import DataFileError, load_seed
from knowledge.domain.judgement import compare
from knowledge.domain.periods import parse_period

# The rebuilt performance table (shared/seed/indicators.csv), as literal rows:
# key, value 2018, value 2017 (None where there is none), better_when, confidence.
SLIDE_TABLE = [
    ("asb-101-calls", 14768, 14909, "lower", "high"),
    ("asb-repeat-callers", 522, 574, "lower", "high"),
    ("asb-portal-reports", 1563, 257, "higher", "low"),
    ("drug-asb-portal-reports", 1041, 776, "higher", "low"),
    ("drug-operation-arrests", 190, None, "higher", "medium"),
    ("drug-supply-charges", 148, None, "higher", "medium"),
    ("domestic-abuse-offences", 3393, 3013, "neutral", "high"),
    ("sdvc-conviction-rate", 69, 72, "higher", "high"),
    ("serious-youth-violence", 320, 309, "lower", "medium"),
    ("personal-robbery", 1472, 1448, "lower", "high"),
    ("knife-crime", 830, 889, "lower", "medium"),
    ("hate-crime-offences", 741, 683, "neutral", "medium"),
    ("total-burglary", 3293, 2928, "lower", "high"),
]


def test_seed_holds_the_thirteen_indicators_of_the_slide(data_dir):
    seed = load_seed(data_dir)
    rows = []
    for indicator in seed.indicators.indicators:
        by_period = {parse_period(f.period).code: f.value for f in indicator.figures}
        rows.append(
            (
                indicator.key,
                by_period["2018"],
                by_period.get("2017"),
                indicator.better_when.value,
                indicator.confidence.value,
            )
        )
    assert rows == SLIDE_TABLE


def test_each_change_agrees_with_the_slides_own_percentage(data_dir, knowledge):
    catalogue = knowledge.current()[0].catalogue
    checked = 0
    for indicator in catalogue.indicators:
        seed_pct = next(
            i.slide_pct_change for i in load_seed(data_dir).indicators.indicators if i.key == indicator.key
        )
        figures = catalogue.figures[indicator.key]
        if seed_pct is None:
            assert len(figures) == 1
            continue
        change = compare(indicator, figures[-1], figures[-2])
        assert change.percent == pytest.approx(
            seed_pct, abs=0.05
        )  # the slide rounds SDVC to 1dp, indicator.key
        checked += 1
    assert checked == 11


def test_seed_holds_every_part_of_the_presentation(data_dir):
    seed = load_seed(data_dir)
    plans, facts = seed.plans, seed.facts
    assert [p.name for p in plans.csp_priorities.priorities] == [
        "ASB, drugs and alcohol",
        "Violence",
        "Reducing re-offending",
        "Hate crime, community cohesion and extremism",
    ]
    assert all(len(p.key_deliverables) == 3 for p in plans.csp_priorities.priorities)
    assert "February 2018" in plans.csp_priorities.agreed
    assert len(plans.strategic_plan.deliverables) == 7
    assert sum(len(d.example_outputs) for d in plans.strategic_plan.deliverables) == 10
    assert len(plans.manifesto.actions) == 3
    groups = {g.key: g for g in facts.groups}
    assert len(groups["key-successes"].topics) == 6
    assert len(groups["key-investments"].topics[0].facts) == 4
    assert len(groups["developments-2019-20"].topics[0].facts) == 9
    assert len(groups["challenges"].topics[0].facts) == 3
    assert len(groups["operating-context"].topics[0].facts) == 3


def _copy_data(data_dir, tmp_path):
    target = tmp_path / "data"
    shutil.copytree(data_dir, target)
    return target


def test_a_bad_field_is_reported_with_file_entry_and_field(data_dir, tmp_path):
    target = _copy_data(data_dir, tmp_path)
    path = target / "indicators.yaml"
    path.write_text(path.read_text().replace("    better_when: lower", "    better_when: downwards", 1))
    with pytest.raises(DataFileError) as error:
        load_seed(target)
    message = str(error.value)
    assert "indicators.yaml" in message
    assert "entry 'asb-101-calls'" in message
    assert "better_when" in message


def test_a_rate_over_100_percent_is_refused(data_dir, tmp_path):
    target = _copy_data(data_dir, tmp_path)
    path = target / "indicators.yaml"
    path.write_text(
        path.read_text().replace("{period: Jan-Dec 2018, value: 69}", "{period: Jan-Dec 2018, value: 169}")
    )
    with pytest.raises(DataFileError, match=r"sdvc-conviction-rate.*over 100%"):
        load_seed(target)


def test_an_unknown_priority_is_named(data_dir, tmp_path):
    target = _copy_data(data_dir, tmp_path)
    path = target / "indicators.yaml"
    path.write_text(path.read_text().replace("priority: violence", "priority: violense", 1))
    with pytest.raises(DataFileError, match="entry 'domestic-abuse-offences', field 'priority'"):
        load_seed(target)


def test_yaml_that_does_not_parse_names_the_file(data_dir, tmp_path):
    target = _copy_data(data_dir, tmp_path)
    (target / "facts.yaml").write_text("groups: [unclosed\n")
    with pytest.raises(DataFileError, match=r"facts\.yaml: is not valid YAML"):
        load_seed(target)


def test_every_crime_type_held_as_an_indicator_names_one_that_exists(data_dir):
    """In the seed, or made by an import from police_categories.yaml."""
    from knowledge.domain.crime_types import load_crime_types
    from knowledge.imports.categories import load_police_categories

    indicators = {i.key for i in load_seed(data_dir).indicators.indicators}
    imported = {e.key for e in load_police_categories(data_dir).indicators}
    crime_types = load_crime_types(data_dir)
    assert len(crime_types) > 60
    assert len({c.key for c in crime_types}) == len(crime_types)
    assert {c.held_as for c in crime_types if c.held_as} <= indicators | imported


def test_a_bad_crime_types_file_names_the_field(tmp_path, data_dir):
    from knowledge.domain.crime_types import load_crime_types

    shutil.copytree(data_dir, tmp_path / "data")
    path = tmp_path / "data" / "crime_types.yaml"
    path.write_text(path.read_text().replace("relation: within}", "relation: beside}", 1))
    with pytest.raises(DataFileError, match="relation"):
        load_crime_types(tmp_path / "data")


def test_a_key_given_twice_is_refused_with_its_line(data_dir, tmp_path):
    target = _copy_data(data_dir, tmp_path)
    path = target / "vocabulary.yaml"
    path.write_text(path.read_text().replace("synonyms:\n", "synonyms:\n  dv: domestic violence\n", 1))
    second = [n for n, line in enumerate(path.read_text().splitlines(), 1) if line.startswith("  dv:")][1]
    from knowledge.understanding.vocabulary import load_vocabulary

    with pytest.raises(DataFileError, match=rf"(?s)vocabulary\.yaml: .*'dv' is given twice.*line {second},"):
        load_vocabulary(target)


@pytest.mark.parametrize("file", ["vocabulary.yaml", "headline_periods.yaml"])
def test_a_field_a_file_does_not_have_is_named_the_same_way_in_every_file(data_dir, tmp_path, file):
    """vocabulary.yaml is read into a plain dataclass and headline_periods.yaml into a pydantic
    model; an editor's typing mistake reads the same in both."""
    from knowledge.domain.series import load_headlines
    from knowledge.understanding.vocabulary import load_vocabulary

    target = _copy_data(data_dir, tmp_path)
    path = target / file
    path.write_text(path.read_text() + "\ncolour: blue\n")
    load = load_vocabulary if file == "vocabulary.yaml" else (lambda folder: load_headlines(folder / file))
    said = rf"(?s){file}: 1 problem.*field 'colour': not a field this file has"
    with pytest.raises(DataFileError, match=said):
        load(target)
