"""The fictional county's agencies: schools, GP practices, police, health, the council and others."""

from dataclasses import dataclass, field

from django.conf import settings

from frontdoor.agencies.models import Agency

from .synthetic import Synth, data_file

COUNTY = "Fictional Shire"
LOCAL_AUTHORITY_NAME = "Fictional Shire County Council – Family Front Door"
# The same number the letters and the page footer give (settings.FRONTDOOR_AREA).
FRONT_DOOR_PHONE = settings.FRONTDOOR_AREA["front_door_phone"]
DEMO_PRIMARY = "Thistlecombe Primary School"
DEMO_SECONDARY = "Ashbury Vale High School"
DEMO_GP = "Hollowmere Health Centre"

PRIMARY_FORMS = {"{} Primary School": 55, "{} C of E Primary School": 20, "{} Community Primary School": 10,
                 "{} Primary Academy": 15}
SECONDARY_FORMS = {"{} High School": 50, "{} Academy": 30, "{} School": 20}
SINGLE_AGENCIES = [
    ("police", "Fictional Shire Police", Agency.Kind.POLICE),
    ("health_trust", "Fictional Shire Health and Care NHS Trust", Agency.Kind.HEALTH_TRUST),
    ("probation", "Probation Service – Fictional Shire", Agency.Kind.PROBATION),
    ("housing", "Shire Vale Homes", Agency.Kind.HOUSING),
    ("camhs", "Fictional Shire CAMHS", Agency.Kind.CAMHS),
    ("voluntary_da", "Safe Harbour Domestic Abuse Service", Agency.Kind.VOLUNTARY),
    ("voluntary_family", "Lantern Family Support", Agency.Kind.VOLUNTARY),
    ("voluntary_carers", "Wrenfield Young Carers", Agency.Kind.VOLUNTARY),
]


@dataclass
class Area:
    agencies: list[Agency] = field(default_factory=list)
    by_key: dict[str, Agency] = field(default_factory=dict)
    # town name -> phase ("primary" / "secondary") -> schools there
    schools: dict[str, dict[str, list[Agency]]] = field(default_factory=dict)
    gps: dict[str, list[Agency]] = field(default_factory=dict)

    def all_schools(self, phase: str) -> list[Agency]:
        return [school for town in self.schools.values() for school in town[phase]]

    def of_kind(self, kind: str) -> list[Agency]:
        return [agency for agency in self.agencies if agency.kind == kind]


def build_area(synth: Synth, *, scale: float) -> Area:
    places = data_file("places.json")
    area = Area(schools={t["name"]: {"primary": [], "secondary": []} for t in places["towns"]},
                gps={t["name"]: [] for t in places["towns"]})
    _add(area, "local_authority", _agency(synth, LOCAL_AUTHORITY_NAME, Agency.Kind.LOCAL_AUTHORITY,
                                          town=places["towns"][0], phone=FRONT_DOOR_PHONE))
    for key, name, kind in SINGLE_AGENCIES:
        _add(area, key, _agency(synth, name, kind, town=synth.pick(places["towns"])))
    _add_schools(area, synth, places, count=max(6, round(150 * scale)))
    _add_gps(area, synth, places, count=max(3, round(40 * scale)))
    return area


def _add(area: Area, key: str | None, agency: Agency) -> Agency:
    area.agencies.append(agency)
    if key:
        area.by_key[key] = agency
    return agency


def _agency(synth: Synth, name: str, kind: str, *, town: dict, phone: str = "", **codes) -> Agency:
    street = f"{synth.pick(data_file('places.json')['street_stems'])} {synth.pick(['Road', 'Street', 'Lane', 'Way'])}"
    return Agency(
        id=synth.uuid(), name=name, kind=kind, phone=phone or synth.landline(),
        email=f"enquiries@{_slug(name)}.example", address=f"{synth.between(1, 120)} {street}, {town['name']}",
        postcode=synth.postcode(synth.pick(town["districts"])), **codes,
    )


def _slug(name: str) -> str:
    words = "".join(c if c.isalnum() else " " for c in name.lower()).split()
    return "-".join(w for w in words if w not in {"school", "the", "of", "c", "e"})[:40].strip("-")


def _add_schools(area: Area, synth: Synth, places: dict, *, count: int) -> None:
    secondary_count = max(2, round(count / 6))  # England has about five primaries to each secondary
    stems = [s for s in places["school_stems"] if s not in (DEMO_PRIMARY.split(" Primary")[0], "Ashbury Vale")]
    synth.rng.shuffle(stems)
    urns = synth.rng.sample(range(190_000, 200_000), count)  # above the URNs DfE has issued so far
    largest_town = places["towns"][0]
    names = [DEMO_PRIMARY, DEMO_SECONDARY] + [
        synth.weighted(SECONDARY_FORMS if i < secondary_count - 1 else PRIMARY_FORMS).format(stem)
        for i, stem in enumerate(stems[: count - 2])
    ]
    for i, (name, urn) in enumerate(zip(names, urns)):
        phase = "primary" if "Primary" in name else "secondary"
        key = ("demo_primary", "demo_secondary", None)[min(i, 2)]
        town = largest_town if key else _town_by_weight(synth, places)
        school = _add(area, key, _agency(synth, name, Agency.Kind.SCHOOL, town=town, urn=str(urn)))
        area.schools[town["name"]][phase].append(school)


def _add_gps(area: Area, synth: Synth, places: dict, *, count: int) -> None:
    ods_numbers = synth.rng.sample(range(9000, 10000), count)
    used = {DEMO_GP}
    for i, ods in enumerate(ods_numbers):
        town = places["towns"][1] if i == 0 else _town_by_weight(synth, places)
        name = DEMO_GP if i == 0 else _unused_gp_name(synth, places, town, used)
        used.add(name)
        practice = _add(area, "demo_gp" if i == 0 else None,
                        _agency(synth, name, Agency.Kind.GP, town=town, ods_code=f"M8{ods}"))
        area.gps[town["name"]].append(practice)


def _unused_gp_name(synth: Synth, places: dict, town: dict, used: set[str]) -> str:
    while True:
        stem = synth.pick([town["name"], *places["street_stems"]])
        name = f"{stem} {synth.pick(places['gp_names'])}"
        if name not in used:
            return name


def _town_by_weight(synth: Synth, places: dict) -> dict:
    return synth.rng.choices(places["towns"], weights=[t["weight"] for t in places["towns"]])[0]
