"""A few LADO referrals, made through the service as the demo's referrers would: one waiting and due,
one overdue, one historical, one through a meeting to its outcome, and one from last academic year.
The first is linked to a child of about eight on the index, so that the LADO can read that child's
chronology (and the Front Door cannot see the allegation in it)."""
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from frontdoor.lado import services
from frontdoor.lado.errors import LadoInvalid
from frontdoor.lado.models import LadoReferral
from frontdoor.people.models import Person

# (referrer, days ago, adult, role, employer, setting, allegation, historical, outcome)
REFERRALS = (
    ("teacher@demo.test", 0, "Mark Ellis", "Teaching assistant", "Thistlecombe Primary School", "school",
     "A Year 3 pupil says he was pulled by the arm and shouted at in the corridor.", False, None),
    ("teacher2@demo.test", 6, "Alison Grey", "PE teacher", "Ashbury Vale High School", "school",
     "Messages to a Year 10 pupil on social media outside school.", False, None),
    ("police@demo.test", 12, "David Frost", "Football coach", "Fictionton Juniors FC", "sport",
     "An adult says the coach abused him when he was 12, in the 1990s.", True, None),
    ("health@demo.test", 30, "Karen Price", "Nursery practitioner", "Little Acorns Nursery", "early_years",
     "A child came home with a bruise; the parent says a practitioner smacked her.", False, "unsubstantiated"),
    ("teacher@demo.test", 400, "Paul Hyde", "Caretaker", "Thistlecombe Primary School", "school",
     "Seen taking photographs of pupils on his own phone.", False, "substantiated"),
)


def load_demo_lado(*, today: date) -> None:
    users = get_user_model().objects
    lado = users.filter(username="lado@demo.test").first()
    if lado is None:
        return
    for n, (email, days, adult, role, employer, setting, allegation, historical, outcome) in enumerate(REFERRALS):
        referrer = users.filter(username=email).first()
        if referrer is None:
            continue
        received = timezone.make_aware(datetime.combine(today - timedelta(days=days), time(10, 30)))
        referral = services.lado_referral_submit(
            referrer=referrer, adult_name=adult, adult_role=role, employer=employer, setting_type=setting,
            allegation=allegation, historical=historical, received_at=min(received, timezone.now()))
        if n == 0:
            _link_a_child(referral, lado, today=today)
        if outcome:
            _through_to_outcome(referral, lado, outcome)


def _link_a_child(referral: LadoReferral, lado, *, today: date) -> None:
    for child in Person.objects.filter(kind=Person.Kind.CHILD, date_of_birth__gt=today - timedelta(days=9 * 365),
                                       date_of_birth__lte=today - timedelta(days=7 * 365)).order_by("pk")[:5]:
        try:  # the service links by exact name and date of birth: a child whose details are shared is skipped
            services.lado_child_link(user=lado, referral=referral, version=referral.version, given_name=child.given_name,
                                     family_name=child.family_name, date_of_birth=child.date_of_birth)
        except LadoInvalid:
            continue
        referral.refresh_from_db()
        return


def _through_to_outcome(referral: LadoReferral, lado, outcome: str) -> None:
    services.lado_referral_consider(user=lado, referral=referral, version=1, consideration="meeting",
                                    notes="Meets the harm threshold", considered_at=referral.received_at + timedelta(hours=3))
    referral.refresh_from_db()
    services.allegation_meeting_record(user=lado, referral=referral, version=2,
                                       held_on=timezone.localtime(referral.received_at).date() + timedelta(days=5),
                                       attendees="LADO, employer, police, HR adviser",
                                       decisions="Employer to investigate; adult on alternative duties meanwhile")
    referral.refresh_from_db()
    services.lado_outcome_record(user=lado, referral=referral, version=3, outcome=outcome,
                                 actions="Employer's disciplinary process; safeguarding training")
