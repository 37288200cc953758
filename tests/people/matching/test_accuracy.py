"""Precision and recall on a generated population of the hardest setting."""

from collections import Counter


def test_links_are_precise_and_the_right_person_is_rarely_missed(population, resolver):
    indexed = {population.truth[r["id"]] for r in population.index}
    counts = Counter()
    for query in population.queries:
        truth = population.truth[query["id"]]
        resolution = resolver.resolve(query)
        counts[resolution.decision] += 1
        if resolution.decision == "link":
            counts["right link"] += population.truth[resolution.best.record_id] == truth
        if resolution.decision != "new" and truth in indexed:
            counts["found"] += any(population.truth[c.record_id] == truth
                                   for c in resolution.candidates)
    findable = sum(population.truth[q["id"]] in indexed for q in population.queries)
    assert counts["right link"] / counts["link"] >= 0.995
    assert counts["found"] / findable >= 0.98
    assert counts["review"] / len(population.queries) <= 0.10
