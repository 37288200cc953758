"""Migration 0008 stores the next date due of the episodes already recorded."""
from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from frontdoor.casework.clocks import assessment_due

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE, AFTER = ("casework", "0007_emergency_protection_order"), ("casework", "0008_episode_next_due_on")


def _migrate(casework):
    """Every app at its latest migration, casework at `casework`; the models as they were there."""
    executor = MigrationExecutor(connection)
    targets = [node for node in executor.loader.graph.leaf_nodes() if node[0] != "casework"] + [casework]
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.fixture
def before_0008():
    yield _migrate(BEFORE)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_episodes_recorded_before_it_get_their_next_date_due(before_0008):
    person = before_0008.get_model("people", "Person").objects.create(kind="child", given_name="Ruby",
                                                                      family_name="Hartley")
    episodes = before_0008.get_model("casework", "Episode").objects
    waiting = episodes.create(person=person, referral_date=date(2026, 11, 2), source="2A")
    before_0008.get_model("casework", "Assessment").objects.create(episode=waiting, started_on=date(2026, 11, 2))
    closed = episodes.create(person=person, referral_date=date(2026, 1, 5), source="2A", closed_on=date(2026, 3, 2),
                             closure_reason="RC8")

    stored = dict(_migrate(AFTER).get_model("casework", "Episode").objects.values_list("pk", "next_due_on"))
    assert stored == {waiting.pk: assessment_due(date(2026, 11, 2)), closed.pk: None}
