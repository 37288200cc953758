"""A few private fostering arrangements, recorded through the services: one just notified (first visit
due), one visited and assessed with its next visit due, one with a visit overdue, one ended this year;
and one for a child already on the index, so that it shows on the child's person page and chronology."""
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from frontdoor.fostering import services
from frontdoor.people.models import Person

# (given, family, age, relationship, source, notified days ago, visits days ago, assessed, ended days ago)
ARRANGEMENTS = (
    ("Mia", "Kowalski", 14, "family_friend", "school", 1, (), False, None),
    ("Leo", "Achterberg", 15, "host_family", "language_school", 60, (55, 20), True, None),
    ("Amara", "Osei", 9, "friends_parent", "health", 120, (116, 70), True, None),
    ("Tom", "Birch", 12, "distant_relative", "front_door", 200, (195, 150), True, 100),
)


def load_demo_fostering(*, today: date) -> None:
    worker = get_user_model().objects.filter(username="fostering@demo.test").first()
    if worker is None:
        return
    latest = min(today, timezone.localdate())
    _arrangement_for_an_index_child(worker, latest)
    for given, family, age, relationship, source, notified_ago, visits, assessed, ended_ago in ARRANGEMENTS:
        notified = latest - timedelta(days=notified_ago)
        arrangement = services.arrangement_notify(
            user=worker, child_given_name=given, child_family_name=family,
            child_date_of_birth=notified.replace(year=notified.year - age) - timedelta(days=40), child_disabled=False,
            carer_name="Demo carer", carer_address="1 Example Road, Fictionton", carer_relationship=relationship,
            source=source, notified_on=notified, began_on=notified - timedelta(days=3), intended_days=180)
        version = 1
        for ago in visits:
            services.visit_record(user=worker, arrangement=arrangement, version=version,
                                  visited_on=latest - timedelta(days=ago), seen_alone=True,
                                  notes="Seen alone in their bedroom; settled and attending school")
            version += 1
        if assessed:
            services.arrangement_assess(user=worker, arrangement=arrangement, version=version, assessment="suitable",
                                        assessed_on=latest - timedelta(days=visits[-1]),
                                        notes="Carer's checks complete; the home meets the child's needs")
            version += 1
        if ended_ago is not None:
            services.arrangement_end(user=worker, arrangement=arrangement, version=version,
                                     ended_on=latest - timedelta(days=ended_ago), reason="Returned home to a parent")


def _arrangement_for_an_index_child(worker, latest: date) -> None:
    child = (Person.objects.filter(kind=Person.Kind.CHILD, date_of_birth__gt=latest - timedelta(days=15 * 365),
                                   date_of_birth__lte=latest - timedelta(days=11 * 365))
             .order_by("-pk").first())
    if child is None:
        return
    notified = latest - timedelta(days=10)
    arrangement = services.arrangement_notify(
        user=worker, child_given_name=child.given_name, child_family_name=child.family_name,
        child_date_of_birth=child.date_of_birth, child_disabled=False, carer_name="Demo carer",
        carer_address="2 Example Road, Fictionton", carer_relationship="family_friend", source="school",
        notified_on=notified, began_on=notified - timedelta(days=2), intended_days=120)
    services.visit_record(user=worker, arrangement=arrangement, version=1, visited_on=notified + timedelta(days=3),
                          seen_alone=True, notes="Seen alone; settled with the carer's family")
