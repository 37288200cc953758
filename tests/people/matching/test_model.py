import pytest

from frontdoor.people.matching.comparisons import COMPARISONS, DATE_OF_BIRTH, GIVEN_NAME
from frontdoor.people.matching.features import prepare_record
from frontdoor.people.matching.linkfile import score_between
from frontdoor.people.matching.model import MatchModel
from frontdoor.people.matching.scoring import Scorer


def test_model_carries_version_and_training_facts(model, population):
    assert model.version == "test"
    assert model.metadata["record_count"] == len(population.index) + len(population.queries)
    assert model.metadata["trained_at"]
    assert 0 < model.prior < 0.01


def test_saved_model_loads_with_the_same_weights(model, tmp_path):
    path = tmp_path / "model.json"
    model.save(path)
    loaded = MatchModel.load(path)
    assert loaded.metadata == model.metadata
    assert loaded.level_weights() == model.level_weights()


def test_a_file_that_is_not_a_model_is_refused(tmp_path):
    path = tmp_path / "other.json"
    path.write_text('{"link_type": "dedupe_only"}')
    with pytest.raises(ValueError, match="not a Front Door match model"):
        MatchModel.load(path)


def test_nhs_number_agreement_is_near_certain_and_disagreement_near_certain_non_match(model):
    weights = dict(zip((c.name for c in COMPARISONS), model.level_weights()))
    same, different = weights["nhs_number"][1], weights["nhs_number"][-1]
    assert same > 12
    assert different < -15


def test_disagreeing_date_of_birth_weighs_heavily_against(model):
    weights = dict(zip((c.name for c in COMPARISONS), model.level_weights()))
    assert weights["dob"][-1] < -8


def test_in_process_scores_equal_splink_predictions(model, population):
    index, queries = population.index[:400], population.queries[:200]
    splink_pairs = score_between(model, index, queries, min_probability=0.0)
    assert len(splink_pairs) > 100
    index_by_id = {r["id"]: prepare_record(r) for r in index}
    query_by_id = {r["id"]: prepare_record(r) for r in queries}
    scorer = Scorer(model)
    for pair in splink_pairs:
        ours = scorer.score(query_by_id[pair.right_id], index_by_id[pair.left_id])
        assert ours.levels == pair.levels
        assert ours.match_weight == pytest.approx(pair.match_weight, abs=1e-6)
        assert ours.match_probability == pytest.approx(pair.match_probability, abs=1e-9)


def test_a_shared_rare_family_name_counts_for_more_than_a_common_one(model):
    shares = model.term_frequencies["family_name"]
    common, rare = max(shares, key=shares.get), min(shares, key=shares.get)
    scorer = Scorer(model)

    def weight(family_name):
        record = prepare_record({"id": "a", "given_name": "Zed", "family_name": family_name})
        return scorer.score(record, {**record, "unique_id": "b"}).match_weight

    assert weight(rare) > weight(common) + 2


def test_an_identifier_without_a_check_digit_may_disagree_for_one_person(population):
    from frontdoor.people.matching.model import train_model

    unchecked = train_model(population.index + population.queries, validate_nhs=False)
    weights = dict(zip((c.name for c in COMPARISONS), unchecked.level_weights()))
    assert weights["nhs_number"][1] > 8       # agreeing still counts for a great deal
    assert -15 < weights["nhs_number"][-1] < 0  # a difference is learned, not fixed at near-never


def test_identifier_agreement_is_weighed_by_how_rarely_two_records_share_one(population):
    """Random sampling that never meets two records with one NHS number must not leave Splink's
    placeholder u (about 10 bits); the chance is exact from the numbers' counts."""
    from frontdoor.people.matching.model import prior_weight, train_model

    sparse = train_model(population.index + population.queries, u_sample_pairs=2_000)
    weights = dict(zip((c.name for c in COMPARISONS), sparse.level_weights()))
    assert weights["nhs_number"][1] > -prior_weight(sparse.prior) - 2
    unobserved = [
        level for comparison in sparse.splink_settings["comparisons"]
        for level in comparison["comparison_levels"]
        if not level.get("is_null_level") and not isinstance(level.get("u_probability"), float)
    ]
    assert unobserved == []


def test_names_swapped_with_a_slip_score_as_swapped(model):
    scorer = Scorer(model)
    child = prepare_record({"id": "a", "given_name": "Oliver", "family_name": "Wilkinson"})
    for given, family in (("Wilkinsno", "Olly"), ("Wilkinson", "Oliwer"), ("Wilkinson", "Oli")):
        muddled = prepare_record({"id": "b", "given_name": given, "family_name": family})
        levels = scorer.score(muddled, child).levels
        assert COMPARISONS[0].levels[levels[0]].label == "names swapped, with a slip or a nickname"


def test_a_model_trained_on_other_comparison_levels_is_refused(model):
    import copy

    settings = copy.deepcopy(model.splink_settings)
    settings["comparisons"][0]["comparison_levels"].pop(3)
    stale = MatchModel(splink_settings=settings, metadata=model.metadata)
    assert model.fits_comparisons() and not stale.fits_comparisons()
    with pytest.raises(ValueError, match="train it again"):
        Scorer(stale)


def test_swapped_names_count_once_and_no_more_than_their_rarity(model):
    """One event, not two: the given name comparison weighs a swap, the family name's copy of
    the level weighs nothing."""
    weights = dict(zip((c.name for c in COMPARISONS), model.level_weights()))
    given, family = weights["given_name"], weights["family_name"]
    assert given[GIVEN_NAME.swapped_level] > 5
    assert family[GIVEN_NAME.swapped_level] == 0
    assert all(family[i] == 0 for i, level in enumerate(COMPARISONS[1].levels) if level.neutral)


def _dob_level(model, left_dob: str, right_dob: str) -> str:
    person = {"given_name": "Oliver", "family_name": "Williams", "sex": "M", "postcode": "WR11 2FQ",
              "address": "113 Beacon Way, Evesham"}
    left = prepare_record({"id": "l", **person, "dob": left_dob})
    right = prepare_record({"id": "r", **person, "dob": right_dob})
    position = Scorer(model).score(left, right).levels[COMPARISONS.index(DATE_OF_BIRTH)]
    return DATE_OF_BIRTH.levels[position].label


def test_a_year_typed_wrong_is_a_slip_but_a_parent_and_child_of_one_name_are_not(model):
    assert _dob_level(model, "1984-07-18", "1985-07-18") == "one digit of the date of birth different"
    assert _dob_level(model, "1984-07-18", "1994-07-18") == "one digit of the date of birth different"
    assert _dob_level(model, "2009-07-18", "2012-07-18") == "same day and month, year a few years out"
    assert _dob_level(model, "1984-07-18", "2015-07-18") == "born a generation apart"
    assert _dob_level(model, "2009-07-18", "2016-02-03") == "different date of birth"
