"""The matcher's evidence reads as sentences on the page, not as its level labels run together."""

from frontdoor.people.evidence import evidence_rows


def _evidence(field, level, agreement, query, candidate, weight=0.0):
    return {"field": field, "level": level, "agreement": agreement, "query_value": query,
            "candidate_value": candidate, "match_weight": weight}


def test_a_field_missing_on_one_record_says_so_in_a_sentence():
    [row] = evidence_rows([_evidence("sex", "sex missing", "missing", None, "male")])
    assert row.agreement == "not recorded"
    assert row.level == "Sex is not recorded on one record."
    assert "missing" not in f"{row.agreement} {row.level}"
    assert row.counted == "did not count"


def test_a_field_missing_on_both_records_says_either():
    [row] = evidence_rows([_evidence("nhs_number", "nhs_number missing", "missing", "", None)])
    assert row.level == "The NHS number is not recorded on either record."
    assert "nhs_number" not in row.level


def test_every_missing_level_of_the_matcher_reads_without_its_column_name():
    from frontdoor.people.matching.comparisons import COMPARISONS

    for comparison in COMPARISONS:
        label = comparison.levels[0].label
        assert label.endswith("missing")
        [row] = evidence_rows([_evidence(comparison.name, label, "missing", "x", None)])
        assert row.level.endswith("is not recorded on one record.") and "_" not in row.level


def test_other_levels_read_as_sentences():
    rows = evidence_rows([
        _evidence("dob", "within 10 days", "partly agrees", "2014-03-09", "2014-03-12", 3.0),
        _evidence("given_name", "same given name", "agrees", "Thomas", "Thomas", 6.0),
    ])
    assert [row.level for row in rows] == ["The dates of birth are within 10 days of each other.",
                                           "Same given name."]
    assert rows[1].agreement == "agrees" and rows[1].counted == "for, × 64"
