"""The sector's CIN validator (csc-validator-be-cin, ruleset cin2026_27) on Front Door's census files:
0 errors, no rule crashing, and only queries the census page explains.

It runs in its own virtual environment (it pins pandas and numpy below the product's): set
FRONTDOOR_CIN_VALIDATOR to that environment's python (.ci/run makes one); skipped otherwise.
"""
import json
import os
import subprocess
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from django.utils import timezone

from frontdoor.demo.generator import load_demo_data
from frontdoor.demo.year import load_year_demo
from frontdoor.reporting.cin_checks import VALIDATOR_QUERIES
from frontdoor.reporting.cin_census import census_reference_date
from frontdoor.reporting.services import cin_census_export
from tests.reporting import journeys

VALIDATOR = os.environ.get("FRONTDOOR_CIN_VALIDATOR", "")
RUNNER = Path(__file__).with_name("cin_validator_runner.py")
SAMPLE = Path(__file__).parent / "data" / "cin_sample_valid.xml"
EXPLAINED_QUERIES = set(VALIDATOR_QUERIES)  # the queries the census page explains

pytestmark = pytest.mark.skipif(not VALIDATOR, reason="FRONTDOOR_CIN_VALIDATOR (the validator's python) is not set")


def _validate(path: Path) -> dict:
    done = subprocess.run([VALIDATOR, str(RUNNER), str(path)], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def _exported(tmp_path: Path) -> Path:
    written = cin_census_export(user=None, reference_date=census_reference_date(timezone.localdate()))
    path = tmp_path / "cin.xml"
    path.write_bytes(written.xml)
    return path


def _summary(found: dict) -> dict:
    return {"errors": sorted({f["rule"] for f in found["errors"]}), "crashed": found["crashed"]}


def test_the_runner_passes_the_sample_with_its_one_query():
    found = _validate(SAMPLE)
    assert found["rules"] == 109 and _summary(found) == {"errors": [], "crashed": []}
    assert [f["rule"] for f in found["queries"]] == ["2887Q"]


@pytest.mark.django_db
def test_children_recorded_through_the_casework_services_pass(tmp_path):
    staff = journeys.Staff.make()
    journeys.nfa_child(staff)
    journeys.cin_plan_child(staff, upn_unknown_reason="UN4")
    journeys.protection_plan_child(staff, upn="A873210421057")
    found = _validate(_exported(tmp_path))
    assert _summary(found) == {"errors": [], "crashed": []}
    assert {f["rule"] for f in found["queries"]} <= EXPLAINED_QUERIES


@pytest.mark.django_db
def test_the_demo_areas_census_passes(tmp_path, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_demo_data(seed=2026, scale=0.25)
    exported = _exported(tmp_path)
    found = _validate(exported)
    assert _summary(found) == {"errors": [], "crashed": []}
    assert {f["rule"] for f in found["queries"]} <= EXPLAINED_QUERIES
    # the team manager's child in need plans, from their records
    assert ET.parse(exported).getroot().find(".//CINPlanDates/CINPlanStartDate") is not None


@pytest.mark.django_db
def test_a_year_of_load_demo_passes(tmp_path, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_year_demo(children=40, months=11, seed=2026)
    found = _validate(_exported(tmp_path))
    assert _summary(found) == {"errors": [], "crashed": []}
    assert {f["rule"] for f in found["queries"]} <= EXPLAINED_QUERIES
