from collections import Counter, defaultdict

from nhs_number import is_valid

from frontdoor.people.matching.generator import generate_population

POPULATION = generate_population(persons=3000, difficulty="hard", seed=7)


def test_same_seed_gives_the_same_population():
    again = generate_population(persons=3000, difficulty="hard", seed=7)
    assert again.index == POPULATION.index
    assert again.queries == POPULATION.queries


def test_another_seed_gives_another_population():
    other = generate_population(persons=3000, difficulty="hard", seed=8)
    assert other.index != POPULATION.index


def test_every_record_has_a_true_person():
    ids = [r["id"] for r in POPULATION.index + POPULATION.queries]
    assert set(ids) == set(POPULATION.truth)
    assert len(set(r["id"] for r in POPULATION.index)) == len(POPULATION.index)


def test_index_holds_one_record_per_person():
    clusters = Counter(POPULATION.truth[r["id"]] for r in POPULATION.index)
    assert max(clusters.values()) == 1


def test_some_queries_are_of_people_not_in_the_index():
    indexed = {POPULATION.truth[r["id"]] for r in POPULATION.index}
    outsiders = [q for q in POPULATION.queries if POPULATION.truth[q["id"]] not in indexed]
    assert 0.05 < len(outsiders) / len(POPULATION.queries) < 0.15


def test_nhs_numbers_present_are_valid_and_some_are_missing():
    numbers = [r["nhs_number"] for r in POPULATION.index + POPULATION.queries]
    assert all(is_valid(n) for n in numbers if n)
    assert 0 < numbers.count("") < len(numbers)


def _households():
    by_address = defaultdict(list)
    for person in POPULATION.persons:
        by_address[person.home].append(person)
    return by_address.values()


def test_twins_share_surname_address_and_birthday_but_not_given_name():
    twins = [
        (a, b)
        for members in _households()
        for i, a in enumerate(members)
        for b in members[i + 1:]
        if a.dob == b.dob and a.family_name == b.family_name
    ]
    assert twins
    assert all(a.given_name != b.given_name for a, b in twins)


def test_a_father_and_son_can_share_a_name_in_one_household():
    juniors = [
        members for members in _households()
        if len({(p.given_name, p.family_name) for p in members}) < len(members)
    ]
    assert juniors


def test_queries_carry_the_hazards_of_real_partner_lists():
    truth = {p.cluster_id: p for p in POPULATION.persons}
    hazards = Counter()
    for query in POPULATION.queries:
        person = truth[POPULATION.truth[query["id"]]]
        hazards["nickname or typo"] += query["given_name"] != person.given_name
        hazards["family name"] += query["family_name"] != person.family_name
        hazards["swapped"] += query["given_name"] == person.family_name
        hazards["dob"] += query["dob"] not in ("", person.dob.isoformat(),
                                               person.dob.strftime("%d/%m/%Y"))
        hazards["moved"] += query["address"] != person.home[0]
        hazards["untidy postcode"] += query["postcode"] != person.home[1]
    assert all(count > 0 for count in hazards.values()), hazards
    assert len(hazards) == 6
