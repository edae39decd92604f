"""data/police_categories.yaml: which police categories feed which indicator, checked on load,
summed per month, and read by the crime categories."""

import re
import shutil

import pytest
import yaml

from knowledge.datafiles import DataFileError
from knowledge.domain.crime_types import Relation, load_crime_types
from knowledge.domain.periods import Period
from knowledge.imports.categories import load_police_categories, monthly_figures
from knowledge.imports.mps_csv import read_mps_csv
from tests.police_files import (
    HISTORICAL_FILE,
    OLD_HEADER,
    OLD_ROWS,
    RECENT_FILE,
    mps_file,
    needs_shared_files,
)

NEW_INDICATORS = [
    "possession-of-weapons",
    "vehicle-offences",
    "theft",
    "violence-against-the-person",
    "drug-offences",
    "arson-and-criminal-damage",
    "public-order-offences",
    "sexual-offences",
]


def test_the_shipped_mapping_feeds_the_seeds_two_police_indicators_and_makes_eight(data_dir):
    mapping = load_police_categories(data_dir)
    assert mapping.borough == "Tower Hamlets"
    assert [e.key for e in mapping.indicators] == ["total-burglary", "personal-robbery", *NEW_INDICATORS]
    assert [e.indicator is None for e in mapping.indicators[:2]] == [True, True]
    for entry in mapping.indicators[2:]:
        made = entry.indicator
        assert (made.unit.value, made.better_when.value, made.confidence.value) == ("count", "lower", "high")
        assert made.source == "Metropolitan Police, MPS Borough Level Crime"


def _months(data: bytes, data_dir) -> dict:
    figures = monthly_figures(read_mps_csv(data, "Tower Hamlets"), load_police_categories(data_dir))
    return {key: [months[m] for m in sorted(months)] for key, months in figures.by_indicator.items()}


def test_minors_are_summed_and_both_vintages_give_the_same_months(data_dir):
    newer = _months(mps_file(), data_dir)
    older = _months(mps_file(OLD_ROWS, header=OLD_HEADER), data_dir)
    assert newer["total-burglary"] == [150, 170, 190]
    assert newer["personal-robbery"] == [90, 95, 99]  # not Robbery of Business Property
    assert newer["possession-of-weapons"] == [13, 15, 17]
    assert newer["theft"] == [80, 81, 82]
    assert older == newer


@needs_shared_files
@pytest.mark.parametrize("path", [RECENT_FILE, HISTORICAL_FILE])
def test_every_mapped_category_is_in_both_published_files(path, data_dir):
    figures = monthly_figures(
        read_mps_csv(path.read_bytes(), "Tower Hamlets"), load_police_categories(data_dir)
    )
    assert figures.not_fed == ()
    assert len(figures.by_indicator) == 10


@needs_shared_files
def test_the_published_vintages_agree_on_a_month_both_hold(data_dir):
    """Jun 2019 in the two files: revised by a few, not counted another way."""
    recent = monthly_figures(
        read_mps_csv(RECENT_FILE.read_bytes(), "Tower Hamlets"), load_police_categories(data_dir)
    )
    historical = monthly_figures(
        read_mps_csv(HISTORICAL_FILE.read_bytes(), "Tower Hamlets"), load_police_categories(data_dir)
    )
    june = Period.month(2019, 6)
    for key in recent.by_indicator:
        a, b = recent.by_indicator[key][june], historical.by_indicator[key][june]
        assert abs(a - b) <= max(3, 0.2 * a), key  # sexual offences move most: 90 -> 74


def _copy(data_dir, tmp_path):
    target = tmp_path / "data"
    shutil.copytree(data_dir, target)
    return target


def _edit(target, change):
    path = target / "police_categories.yaml"
    document = yaml.safe_load(path.read_text())
    change(document)
    path.write_text(yaml.safe_dump(document, sort_keys=False))


def test_aliases_take_a_category_renamed_in_another_vintage(data_dir, tmp_path):
    target = _copy(data_dir, tmp_path)
    _edit(
        target,
        lambda d: d["indicators"].append(
            {
                "key": "residential-burglary",
                "categories": [
                    {
                        "major": "Burglary",
                        "minor": "Burglary - Residential",
                        "minor_aliases": ["Burglary in a Dwelling"],
                    }
                ],
                "indicator": {**d["indicators"][2]["indicator"], "name": "Residential burglary"},
            }
        ),
    )
    assert _months(mps_file(), target)["residential-burglary"] == [100, 110, 120]
    assert _months(mps_file(OLD_ROWS, header=OLD_HEADER), target)["residential-burglary"] == [100, 110, 120]


def test_an_indicator_no_row_counts_is_reported_not_fed(data_dir, tmp_path):
    target = _copy(data_dir, tmp_path)
    _edit(target, lambda d: d["indicators"][0]["categories"][0].update(major="Burglary Offences"))
    figures = monthly_figures(read_mps_csv(mps_file(), "Tower Hamlets"), load_police_categories(target))
    assert [e.key for e in figures.not_fed][:1] == ["total-burglary"]
    assert "total-burglary" not in figures.by_indicator


def _unknown_priority(d):
    d["indicators"][2]["indicator"]["priority"] = "knives"


def _missing_name(d):
    del d["indicators"][3]["indicator"]["name"]


def _undefined_new_key(d):
    d["indicators"].append({"key": "fraud", "categories": [{"major": "Fraud and Forgery"}]})


def _seed_key_redefined(d):
    d["indicators"][0]["indicator"] = d["indicators"][2]["indicator"]


def _key_twice(d):
    d["indicators"].append(d["indicators"][2])


def _minor_aliases_alone(d):
    d["indicators"][0]["categories"][0]["minor_aliases"] = ["Burglary in a Dwelling"]


def _no_categories(d):
    d["indicators"][4]["categories"] = []


def _unit_misspelt(d):
    d["indicators"][5]["indicator"]["unit"] = "counts"


@pytest.mark.parametrize(
    "change, where",
    [
        (
            _unknown_priority,
            r"entry 'possession-of-weapons', field 'indicators\.2\.indicator\.priority'.*'knives'",
        ),
        (_missing_name, r"entry 'vehicle-offences', field 'indicators\.3\.indicator\.name': Field required"),
        (_undefined_new_key, r"entry 'fraud', field 'indicators\.10\.key'.*describe it under 'indicator'"),
        (
            _seed_key_redefined,
            r"entry 'total-burglary', field 'indicators\.0\.key'.*already used in the seed",
        ),
        (_key_twice, r"entry 'possession-of-weapons', field 'indicators\.10\.key'.*given twice"),
        (
            _minor_aliases_alone,
            r"entry 'total-burglary', field 'indicators\.0\.categories\.0'.*name the minor",
        ),
        (_no_categories, r"entry 'theft', field 'indicators\.4\.categories'"),
        (_unit_misspelt, r"entry 'violence-against-the-person', field 'indicators\.5\.indicator\.unit'"),
    ],
)
def test_a_mistake_in_the_mapping_names_the_file_the_entry_and_the_field(data_dir, tmp_path, change, where):
    target = _copy(data_dir, tmp_path)
    _edit(target, change)
    with pytest.raises(DataFileError, match=r"police_categories\.yaml") as error:
        load_police_categories(target)
    assert re.search(where, str(error.value)), str(error.value)


def test_the_crime_categories_an_import_feeds_are_held_as_its_indicators(data_dir):
    held = {(c.group, c.name): (c.held_as, c.relation) for c in load_crime_types(data_dir)}
    assert held[(None, "Possession of Weapons")] == ("possession-of-weapons", Relation.SAME)
    assert held[("Theft", "Shoplifting")] == ("theft", Relation.WITHIN)
    assert held[(None, "Fraud and Forgery")] == (None, Relation.SAME)
    assert held[("Robbery", "Robbery of Business Property")] == (None, Relation.SAME)


def test_the_mapping_says_of_burglary_and_robbery_what_crime_types_yaml_says(data_dir, tmp_path):
    """The relations the mapping gives are the ones written by hand for the seed's two."""
    written = {(c.group, c.name): (c.held_as, c.relation) for c in load_crime_types(data_dir)}
    target = _copy(data_dir, tmp_path)
    path = target / "crime_types.yaml"
    document = yaml.safe_load(path.read_text())
    for group in document["groups"]:
        group.pop("held_as", None), group.pop("relation", None)
        for kind in group["types"]:
            kind.pop("held_as", None), kind.pop("relation", None)
    path.write_text(yaml.safe_dump(document, sort_keys=False))
    derived = {(c.group, c.name): (c.held_as, c.relation) for c in load_crime_types(target)}
    assert derived == written
