from frontdoor.people.matching.comparisons import COMPARISONS
from frontdoor.people.matching.resolver import (
    GENERATION_APART,
    MERGE_CONFLICTS,
    NEAR_DATES_OF_BIRTH,
    UNCORROBORATED,
    Resolver,
)

CHILD = {
    "id": "I1", "given_name": "Thomas", "family_name": "Okafor", "dob": "2014-03-09", "sex": "M",
    "address": "12 Hawthorn Close, Worcester", "postcode": "WR5 2JB", "nhs_number": "9434765919",
    "school": "WR5 Oak Primary School",
    "address_history": [{"address": "4 Mill Lane, Malvern", "postcode": "HR7 3AT"}],
}
TWIN = {**CHILD, "id": "I2", "given_name": "Samuel", "nhs_number": "9434765870"}
FATHER = {**CHILD, "id": "I3", "dob": "1984-11-20", "nhs_number": "9434765838", "school": "",
          "address_history": []}
SISTER = {**CHILD, "id": "I4", "given_name": "Grace", "sex": "F", "dob": "2016-07-01",
          "nhs_number": "9434765897"}
HOUSEHOLD = [CHILD, TWIN, FATHER, SISTER]


def household_resolver(model, population, members=HOUSEHOLD):
    return Resolver(model, population.index + list(members))


def test_exact_record_links_to_the_child(model, population):
    resolution = household_resolver(model, population).resolve({**CHILD, "id": "Q1"})
    assert resolution.decision == "link"
    assert resolution.best.record_id == "I1"


def test_twin_is_never_linked_to_the_child(model, population):
    resolver = household_resolver(model, population, [CHILD, FATHER, SISTER])
    twin = {**TWIN, "id": "Q1", "nhs_number": ""}
    resolution = resolver.resolve(twin)
    assert resolution.decision != "link"


def test_twin_with_both_twins_indexed_links_to_the_right_twin(model, population):
    resolution = household_resolver(model, population).resolve({**TWIN, "id": "Q1", "nhs_number": ""})
    assert resolution.decision == "link"
    assert resolution.best.record_id == "I2"


def test_father_of_the_same_name_is_a_new_person_not_one_to_review(model, population):
    resolver = household_resolver(model, population, [CHILD, TWIN, SISTER])
    father = {**FATHER, "id": "Q1", "nhs_number": "", "school": ""}
    resolution = resolver.resolve(father)
    assert resolution.decision == "new"
    assert "I1" not in {candidate.record_id for candidate in resolution.candidates}


def test_dates_a_generation_apart_on_one_nhs_number_are_a_date_typed_badly(model, population):
    resolution = household_resolver(model, population).resolve(
        {**CHILD, "id": "Q1", "dob": "1984-03-09"})
    assert resolution.best.record_id == "I1"
    assert resolution.decision != "new"


def test_same_name_born_days_apart_with_nothing_else_in_common_is_a_new_person(model, population):
    namesake = {**CHILD, "id": "Q1", "dob": "2014-03-12", "nhs_number": "", "address": "3 Elm Road, Redditch",
                "postcode": "B97 4QA", "school": "", "address_history": []}
    resolution = household_resolver(model, population).resolve(namesake)
    assert resolution.decision == "new"


def test_a_date_of_birth_typed_wrong_at_the_same_home_still_finds_the_child(model, population):
    resolution = household_resolver(model, population).resolve(
        {**CHILD, "id": "Q1", "dob": "2014-03-19", "nhs_number": "", "school": ""})
    assert resolution.decision in ("link", "review")
    assert resolution.best.record_id == "I1"


def test_a_child_known_by_a_middle_name_is_found(model, population):
    indexed = {**CHILD, "given_name": "Thomas Chidi"}
    resolution = household_resolver(model, population, [indexed, TWIN, FATHER, SISTER]).resolve(
        {**CHILD, "id": "Q1", "given_name": "Chidi", "nhs_number": ""})
    assert resolution.best.record_id == "I1"
    assert "given_name" not in {c.split(":")[0] for c in resolution.best.conflicts}


def test_a_mistyped_name_with_only_a_school_is_offered_for_review(model, population):
    sparse = {"id": "Q1", "given_name": "Thomsa", "family_name": "Okafor", "school": CHILD["school"]}
    resolution = household_resolver(model, population).resolve(sparse)
    assert "I1" in {candidate.record_id for candidate in resolution.candidates}


def test_a_name_and_an_nhs_number_the_index_lacks_still_find_the_child(model, population):
    indexed = {**CHILD, "nhs_number": ""}
    sparse = {"id": "Q1", "given_name": "Thomas", "family_name": "Okafor", "nhs_number": "9434765919"}
    resolution = household_resolver(model, population, [indexed, FATHER, SISTER]).resolve(sparse)
    assert "I1" in {candidate.record_id for candidate in resolution.candidates}


def test_namesake_born_the_same_day_with_another_nhs_number_is_not_a_match(model, population):
    namesake = {**CHILD, "id": "Q1", "nhs_number": "9434765951", "address": "3 Elm Road",
                "postcode": "B60 1AA", "school": "", "address_history": []}
    resolution = household_resolver(model, population).resolve(namesake)
    assert resolution.decision == "new"


def test_everything_but_the_nhs_number_agreeing_goes_to_a_person_with_the_conflict_shown(
    model, population
):
    copy_with_other_number = {**CHILD, "id": "Q1", "nhs_number": "9434765951"}
    resolution = household_resolver(model, population).resolve(copy_with_other_number)
    assert resolution.decision == "review"
    assert resolution.best.record_id == "I1"
    assert "different NHS number" in resolution.best.conflicts


def test_nickname_at_an_old_address_is_linked_or_reviewed(model, population):
    moved = {
        "id": "Q1", "given_name": "Tom", "family_name": "OKAFOR", "dob": "09/03/2014", "sex": "",
        "address": "4 Mill Lane", "postcode": "hr73at", "nhs_number": "", "school": "",
    }
    resolution = household_resolver(model, population).resolve(moved)
    assert resolution.decision in ("link", "review")
    assert resolution.best.record_id == "I1"


def test_swapped_names_and_day_month_swap_still_find_the_child(model, population):
    muddled = {**CHILD, "id": "Q1", "given_name": "Okafor", "family_name": "Thomas",
               "dob": "2014-09-03", "nhs_number": ""}
    resolution = household_resolver(model, population).resolve(muddled)
    assert resolution.best.record_id == "I1"
    assert resolution.decision in ("link", "review")


def test_someone_nobody_knows_is_new(model, population):
    stranger = {"id": "Q1", "given_name": "Xanthe", "family_name": "Quill", "dob": "2019-02-02",
                "sex": "F", "address": "1 Nowhere Road", "postcode": "ZZ9 9ZZ", "nhs_number": ""}
    resolution = household_resolver(model, population).resolve(stranger)
    assert resolution.decision == "new"


def test_evidence_shows_each_field_with_its_weight(model, population):
    query = {**CHILD, "id": "Q1", "given_name": "Tom", "nhs_number": "", "postcode": "wr52jb"}
    best = household_resolver(model, population).resolve(query).best
    evidence = {e.field: e for e in best.evidence}
    assert set(evidence) == {"given_name", "family_name", "dob", "sex", "nhs_number", "address",
                             "school"}
    assert evidence["given_name"].level == "nickname or variant of the same name"
    assert evidence["given_name"].agreement == "partly agrees"
    assert evidence["given_name"].match_weight > 0
    assert (evidence["given_name"].query_value, evidence["given_name"].candidate_value) == ("TOM", "THOMAS")
    assert evidence["dob"].agreement == "agrees"
    assert evidence["nhs_number"].agreement == "missing"
    assert evidence["nhs_number"].match_weight == 0
    assert evidence["address"].level == "same current address"
    assert abs(evidence["dob"].bayes_factor - 2 ** evidence["dob"].match_weight) < 1e-9


def test_candidates_are_ranked_best_first(model, population):
    resolution = household_resolver(model, population).resolve({**CHILD, "id": "Q1", "nhs_number": ""})
    weights = [c.match_weight for c in resolution.candidates]
    assert weights == sorted(weights, reverse=True)
    assert {c.record_id for c in resolution.candidates} >= {"I1", "I2"}


def test_the_link_test_uses_a_prior_that_does_not_shrink_with_the_index():
    from frontdoor.people.matching.model import match_probability, prior_weight
    from frontdoor.people.matching.resolver import Thresholds, decide

    tiny_prior = 1e-8   # the prior a model of a very large index learns
    evidence = 24.0     # log2 Bayes factor: near-certain against 1e-5, not against 1e-8
    weight = prior_weight(tiny_prior) + evidence
    ranked = [(weight, match_probability(weight), (1, 1, 1, 1, 1, 1, 1))]
    assert match_probability(weight) < 0.98
    assert decide(ranked, Thresholds(), tiny_prior)[0] == "link"
    assert decide(ranked, Thresholds(link_prior=None), tiny_prior)[0] == "review"
    # A model whose own prior is above the floor decides with its own prior.
    assert decide(ranked, Thresholds(), 1e-3)[0] == "review"


def test_a_mistyped_postcode_at_the_same_house_still_counts_for_the_home(model, population):
    typo = {**CHILD, "id": "Q1", "postcode": "WR5 2BJ", "nhs_number": "", "school": "",
            "address_history": []}
    best = household_resolver(model, population).resolve(typo).best
    evidence = {e.field: e for e in best.evidence}
    assert best.record_id == "I1"
    assert evidence["address"].level == "same house number and street, another postcode"


def test_every_conflict_names_a_level_the_comparisons_have():
    levels = {(comparison.name, level.label) for comparison in COMPARISONS for level in comparison.levels}
    assert MERGE_CONFLICTS <= levels
    namesake_levels = {("dob", GENERATION_APART)} | {("dob", label) for label in NEAR_DATES_OF_BIRTH} | {
        (field, label) for field, labels in UNCORROBORATED.items() for label in labels}
    assert {(f, label) for f, label in namesake_levels if not label.endswith("missing")} <= levels
