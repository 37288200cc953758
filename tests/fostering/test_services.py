from datetime import date, timedelta

import pytest
from django.utils import timezone

from frontdoor.agencies.models import Membership
from frontdoor.fostering import services
from frontdoor.fostering.errors import FosteringConflict, FosteringInvalid
from frontdoor.governance.models import AccessLogEntry
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker():
    return factories.user(role=Membership.Role.PRIVATE_FOSTERING_WORKER)


def notify(user, **overrides):
    today = timezone.localdate()
    fields = {"child_given_name": "Ruby", "child_family_name": "Hartley", "child_date_of_birth": date(2017, 3, 14),
              "child_disabled": False, "carer_name": "Ann Friend", "carer_address": "3 Mill Lane, Fictionton",
              "carer_relationship": "family_friend", "source": "school", "notified_on": today,
              "began_on": today - timedelta(days=3), "intended_days": 90}
    return services.arrangement_notify(user=user, **{**fields, **overrides})


def test_notification_links_the_child_on_the_index_and_is_logged(worker):
    ruby = factories.person()
    arrangement = notify(worker)
    assert arrangement.child == ruby
    assert AccessLogEntry.objects.filter(target_id=str(arrangement.pk), action="update").exists()


def test_a_notification_that_is_not_private_fostering_is_refused_with_the_reason(worker):
    with pytest.raises(FosteringInvalid, match="not a private fostering arrangement.*an aunt or uncle"):
        notify(worker, carer_relationship="aunt_uncle")
    with pytest.raises(FosteringInvalid, match="today or in the past"):
        notify(worker, notified_on=timezone.localdate() + timedelta(days=1))


def test_visit_assess_end_and_nothing_after_the_end(worker):
    arrangement = notify(worker)
    with pytest.raises(FosteringInvalid, match="Record a visit"):
        services.arrangement_assess(user=worker, arrangement=arrangement, version=1, assessment="suitable",
                                    assessed_on=timezone.localdate(), notes="Fine")
    with pytest.raises(FosteringInvalid, match="why the child was not seen alone"):
        services.visit_record(user=worker, arrangement=arrangement, version=1, visited_on=timezone.localdate(),
                              seen_alone=False)
    services.visit_record(user=worker, arrangement=arrangement, version=1, visited_on=timezone.localdate(),
                          seen_alone=True)
    arrangement.refresh_from_db()
    services.arrangement_assess(user=worker, arrangement=arrangement, version=2, assessment="suitable",
                                assessed_on=timezone.localdate(), notes="Warm home, school attendance good")
    arrangement.refresh_from_db()
    services.arrangement_end(user=worker, arrangement=arrangement, version=3, ended_on=timezone.localdate(),
                             reason="Returned to her mother")
    arrangement.refresh_from_db()
    with pytest.raises(FosteringInvalid, match="has ended"):
        services.visit_record(user=worker, arrangement=arrangement, version=4,
                              visited_on=timezone.localdate() - timedelta(days=1), seen_alone=True)


def test_a_stale_version_gets_the_conflict(worker):
    arrangement = notify(worker, notified_on=timezone.localdate() - timedelta(days=2))
    services.visit_record(user=worker, arrangement=arrangement, version=1, visited_on=timezone.localdate(),
                          seen_alone=True)
    with pytest.raises(FosteringConflict, match="Someone else changed"):
        services.visit_record(user=worker, arrangement=arrangement, version=1,
                              visited_on=timezone.localdate() - timedelta(days=1), seen_alone=True)
