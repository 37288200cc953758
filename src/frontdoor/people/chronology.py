"""One chronology per child: the entries, newest first, and the alerts a practitioner should not have
to count. Pure: the selector reads the records and hands over plain entries and plan dates."""
from dataclasses import dataclass
from datetime import date, datetime, time

from frontdoor.casework.clocks import add_months

# Thresholds (issue 15: "three or more contacts in twelve months"; issue 12 and seed 003: a second
# child protection plan within 18 months of the end of the previous one).
REPEAT_CONTACTS = 3
REPEAT_CONTACTS_MONTHS = 12
REPEAT_NOTIFICATIONS = 2
REPEAT_NOTIFICATIONS_MONTHS = 12
SECOND_PLAN_MONTHS = 18

# The kinds a chronology can be filtered by, in the order the filter lists them.
KINDS = {
    "contact": "Contacts and decisions",
    "police": "Police notifications and triage",
    "missing": "Missing episodes and return interviews",
    "social_care": "Children's social care",
    "early_help": "Early help",
    "private_fostering": "Private fostering",
    "lado": "Allegations against adults (LADO)",  # listed only for the LADO team
    "identity": "Identity and merges",
}


@dataclass(frozen=True)
class Entry:
    on: date
    kind: str
    what: str
    source: str
    at: datetime | None = None  # when the record has a time as well as a date
    link: str | None = None  # the record's page, only where the viewer may open it

    @property
    def sort_key(self) -> datetime:
        return self.at.replace(tzinfo=None) if self.at else datetime.combine(self.on, time.min)


@dataclass(frozen=True)
class Plan:
    started_on: date
    ended_on: date | None
    category: str  # in words


@dataclass(frozen=True)
class Alert:
    key: str
    text: str


def _date_text(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _within_months(days: list[date], months: int, today: date) -> list[date]:
    since = add_months(today, -months)
    return [day for day in days if since < day <= today]


def chronology_alerts(*, contact_dates: list[date], notification_dates: list[date], plans: list[Plan],
                      today: date) -> list[Alert]:
    """Repeat contacts, repeat police notifications, an open plan, a previous plan, and a second plan
    that started within SECOND_PLAN_MONTHS of the end of the one before it."""
    alerts = []
    contacts = _within_months(contact_dates, REPEAT_CONTACTS_MONTHS, today)
    if len(contacts) >= REPEAT_CONTACTS:
        alerts.append(Alert("repeat_contacts", f"Repeat contacts: {len(contacts)} contacts in the last "
                                               f"{REPEAT_CONTACTS_MONTHS} months"))
    notifications = _within_months(notification_dates, REPEAT_NOTIFICATIONS_MONTHS, today)
    if len(notifications) >= REPEAT_NOTIFICATIONS:
        alerts.append(Alert("repeat_notifications", f"Repeat police notifications: {len(notifications)} domestic "
                                                    f"abuse notifications in the last {REPEAT_NOTIFICATIONS_MONTHS} months"))
    ordered = sorted(plans, key=lambda plan: plan.started_on)
    for plan in ordered:
        if plan.ended_on is None:
            alerts.append(Alert("open_plan", f"Subject of a child protection plan ({plan.category}) since "
                                             f"{_date_text(plan.started_on)}"))
    ended = [plan for plan in ordered if plan.ended_on is not None]
    if ended:
        last = ended[-1]
        more = f" ({len(ended)} previous plans in all)" if len(ended) > 1 else ""
        alerts.append(Alert("previous_plan", f"Previous child protection plan ({last.category}) from "
                                             f"{_date_text(last.started_on)} to {_date_text(last.ended_on)}{more}"))
    for before, after in zip(ordered, ordered[1:]):
        if before.ended_on is not None and after.started_on <= add_months(before.ended_on, SECOND_PLAN_MONTHS):
            alerts.append(Alert("second_plan", f"Second child protection plan within {SECOND_PLAN_MONTHS} months: "
                                               f"started {_date_text(after.started_on)}, after a plan that ended "
                                               f"{_date_text(before.ended_on)}"))
    return alerts


def chronology_entries(entries: list[Entry], *, kind: str | None = None) -> list[Entry]:
    """The entries newest first (a later time on the same day first), of one kind if asked."""
    chosen = [entry for entry in entries if kind is None or entry.kind == kind]
    return sorted(chosen, key=lambda entry: entry.sort_key, reverse=True)
