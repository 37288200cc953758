"""The professionals who make contacts: a small pool per agency, each with a sign-in for the online form."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX

from frontdoor.agencies.models import Agency, Membership

from .synthetic import Synth

ROLES = {
    "police": ["PC", "DC", "PS", "PC"],
    "school": ["Designated safeguarding lead", "Deputy designated safeguarding lead", "Class teacher",
               "Head of year", "Pastoral lead"],
    "gp": ["GP", "Practice nurse"],
    "health_trust": ["Health visitor", "School nurse", "Midwife", "Emergency department nurse",
                     "Paediatric registrar"],
    "camhs": ["CAMHS practitioner", "Clinical psychologist"],
    "probation": ["Probation officer"],
    "housing": ["Tenancy officer", "Housing support worker"],
    "voluntary": ["IDVA", "Family support worker", "Young carers worker"],
    "local_authority": ["Early help practitioner", "Family hub worker", "Youth worker"],
}
POOL_SIZE = {"police": 12, "health_trust": 6, "local_authority": 5}


@dataclass
class Referrer:
    name: str
    role: str
    phone: str
    email: str
    agency: Agency
    user: object  # django.contrib.auth User, unsaved until the load writes it


class ReferrerPool:
    def __init__(self, synth: Synth) -> None:
        self.synth = synth
        self.by_agency: dict[object, list[Referrer]] = {}
        self.users: list = []
        self.memberships: list[Membership] = []
        self._emails: set[str] = set()

    def add(self, referrer: Referrer) -> Referrer:
        self.by_agency.setdefault(referrer.agency.id, []).append(referrer)
        return referrer

    def pick(self, agency: Agency) -> Referrer:
        pool = self.by_agency.setdefault(agency.id, [])
        if len(pool) < POOL_SIZE.get(agency.kind, 2):
            pool.append(self._new(agency))
        return self.synth.pick(pool)

    def _new(self, agency: Agency) -> Referrer:
        group = self.synth.name_group()
        first = self.synth.pick(group[self.synth.pick(["women", "men"])])
        last = self.synth.pick(group["family"])
        email = self._email(first, last, agency)
        user = get_user_model()(
            username=email, email=email, first_name=first, last_name=last,
            password=UNUSABLE_PASSWORD_PREFIX + f"{self.synth.rng.getrandbits(64):016x}",
        )
        role = self.synth.pick(ROLES[agency.kind])
        phone = self.synth.mobile() if self.synth.chance(0.5) else agency.phone
        self.users.append(user)
        self.memberships.append(Membership(user=user, agency=agency, role=Membership.Role.REFERRER,
                                           job_title=role, phone=phone))
        return Referrer(f"{first} {last}", role, phone, email, agency, user)

    def _email(self, first: str, last: str, agency: Agency) -> str:
        local = "".join(c for c in f"{first}.{last}".lower() if (c.isascii() and c.isalpha()) or c == ".")
        domain = agency.email.split("@")[1]
        email, n = f"{local}@{domain}", 1
        while email in self._emails:
            n += 1
            email = f"{local}{n}@{domain}"
        self._emails.add(email)
        return email
