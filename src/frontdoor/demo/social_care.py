"""The demo's social work: the team that receives referrals, and an episode for every child whose
authorised Level 3 or 4 decision named one, opened and partly allocated through the services, then
taken further along the journey (casework_progress.py)."""
from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction

from frontdoor.casework.models import Episode, Team
from frontdoor.casework.services import episode_allocate, episodes_start_for_contact
from frontdoor.decisions.models import Decision
from frontdoor.decisions.services import decision_next_steps
from frontdoor.demo.casework_progress import Progress

TEAM_MEMBERS = ("socialworker@demo.test", "teammanager@demo.test")
CHAIR = "chair@demo.test"


@transaction.atomic
def load_demo_social_care(*, today: date) -> None:
    users = get_user_model().objects.in_bulk((*TEAM_MEMBERS, CHAIR), field_name="username")
    worker, manager = (users[email] for email in TEAM_MEMBERS)
    team = Team.objects.create(name="Assessment team (Fictional Shire)", receives_referrals=True)
    team.members.add(worker, manager)
    decisions = (Decision.objects.filter(status=Decision.Status.AUTHORISED, level__gte=3)
                 .select_related("contact__referrer_agency").order_by("authorised_at"))
    for n, decision in enumerate(decisions):
        if _has_open_episode(decision.contact):
            continue  # a child has one episode at a time (census rule 8815): this contact is part of it
        episodes = episodes_start_for_contact(contact=decision.contact, next_steps=decision_next_steps(decision),
                                              referral_date=decision.authorised_at.date(), user=manager)
        for episode in episodes if n % 3 else ():  # a third left for the team manager to allocate
            episode_allocate(manager=manager, episode=episode, worker=worker, version=episode.version)
    Progress(today=today, worker=worker, manager=manager, chair=users[CHAIR]).run()


def _has_open_episode(contact) -> bool:
    people = [child.person_id for child in contact.children.all() if child.person_id]
    return Episode.objects.filter(person_id__in=people, closed_on__isnull=True).exists()
