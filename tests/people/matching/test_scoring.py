"""The in-process scorer's fast path (the levels written out as one function, the query's columns
read once, shared tests worked out once, evidence worked out when read) gives exactly what the
plain reading of the comparisons gives: the same levels, weights to the last bit, decisions and
evidence."""

import itertools
import math
import random

import jellyfish

from frontdoor.people.matching.comparisons import _TEST_NAMES, COMPARISONS, _one_slip_apart
from frontdoor.people.matching.features import prepare_record
from frontdoor.people.matching.model import match_probability, prior_weight
from frontdoor.people.matching.resolver import HOUSEHOLD_CONFLICTS, Resolver, _probe_keys, decide, ruled_out
from frontdoor.people.matching.scoring import FieldEvidence, Scorer

_PREDICATES = [
    [eval(f"lambda l, r: {level.test}", dict(_TEST_NAMES)) for level in comparison.levels]  # noqa: S307
    for comparison in COMPARISONS
]


class Reference:
    """The model's arithmetic done the plain way: each level tried in turn, each weight looked up,
    every candidate's evidence worked out."""

    def __init__(self, model):
        self.weights = model.level_weights()
        self.prior_weight = prior_weight(model.prior)
        trained = model.trained_levels()
        self.tf = {}
        for n, comparison in enumerate(COMPARISONS):
            level = comparison.tf_level
            if level is not None and comparison.levels[level].tf_column in model.term_frequencies:
                column = comparison.levels[level].tf_column
                self.tf[n] = (level, column, math.log2(trained[n][level]["u_probability"]),
                              model.term_frequencies[column])

    def levels(self, l, r):
        return tuple(next(i for i, holds in enumerate(predicates) if holds(l, r)) for predicates in _PREDICATES)

    def adjustment(self, n, l, r, levels):
        if n not in self.tf or levels[n] != self.tf[n][0]:
            return 0.0
        _, column, log2_u, shares = self.tf[n]
        share = max(shares.get(l[column]) or 0.0, shares.get(r[column]) or 0.0)
        return log2_u - math.log2(share) if share > 0 else 0.0

    def weight(self, l, r):
        levels = self.levels(l, r)
        total = self.prior_weight + sum(w[i] for w, i in zip(self.weights, levels))
        for n in range(len(COMPARISONS)):
            total += self.adjustment(n, l, r, levels)
        return total, levels

    def evidence(self, l, r, levels):
        shown = {"address": "address_shown"}
        rows = []
        for n, (comparison, index) in enumerate(zip(COMPARISONS, levels)):
            weight = self.weights[n][index] + self.adjustment(n, l, r, levels)
            column = shown.get(comparison.name, comparison.name)
            agreement = ("missing" if comparison.levels[index].is_null else "agrees" if index == 1
                         else "disagrees" if index == len(comparison.levels) - 1 else "partly agrees")
            rows.append(FieldEvidence(
                comparison.name, comparison.levels[index].label, agreement, weight, 2.0 ** weight,
                None if l.get(column) is None else str(l[column]),
                None if r.get(column) is None else str(r[column]),
            ))
        return tuple(rows)

    def resolve(self, resolver, record, limit=5):
        query = prepare_record(record)
        positions = {p for key in _probe_keys(query) for p in resolver._positions_by_key.get(key, ())}
        scored = []
        for position in positions:
            found = resolver._features[position]
            if found["unique_id"] != query["unique_id"]:
                scored.append((*self.weight(query, found), found))
        scored.sort(key=lambda row: row[0], reverse=True)
        scored = [row for row in scored if not ruled_out(row[1], resolver.thresholds)]
        decision, reason = decide([(w, match_probability(w), levels) for w, levels, _ in scored],
                                  resolver.thresholds, resolver.model.prior)
        candidates = [
            (found["unique_id"], match_probability(w), w, self.evidence(query, found, levels),
             tuple(e.level for e in self.evidence(query, found, levels)
                   if (e.field, e.level) in HOUSEHOLD_CONFLICTS))
            for w, levels, found in scored[:limit]
        ]
        return decision, reason, candidates


def _queries(population):
    """The population's queries, and index records under other ids: exact copies (links), and
    copies without a date of birth or NHS number, with the names swapped, with only an address,
    with no address, known by a middle name."""
    extra = []
    for n, record in enumerate(population.index[:360]):
        kind = n % 6
        if kind == 0:
            extra.append({**record, "id": f"copy-{n}"})
        elif kind == 1:
            extra.append({**record, "id": f"blank-{n}", "dob": "", "nhs_number": ""})
        elif kind == 2:
            extra.append({**record, "id": f"swap-{n}", "given_name": record["family_name"],
                          "family_name": record["given_name"], "nhs_number": ""})
        elif kind == 3:
            extra.append({"id": f"home-{n}", "address": record.get("address"),
                          "postcode": record.get("postcode")})
        elif kind == 4:
            extra.append({key: value for key, value in record.items()
                          if key not in ("address", "postcode", "address_history")} | {"id": f"away-{n}"})
        else:
            extra.append({**record, "id": f"middle-{n}", "given_name": f"Zebedee {record['given_name']}"})
    return population.queries[:500] + extra


def test_resolve_gives_exactly_what_the_plain_computation_gives(model, population):
    resolver, reference = Resolver(model, population.index), Reference(model)
    decisions = set()
    for record in _queries(population):
        for limit in (5, 1):
            resolution = resolver.resolve(record, limit=limit)
            decision, reason, candidates = reference.resolve(resolver, record, limit)
            decisions.add(decision)
            assert (resolution.decision, resolution.reason) == (decision, reason)
            assert [(c.record_id, c.match_probability, c.match_weight, c.evidence, c.conflicts)
                    for c in resolution.candidates] == candidates
    assert decisions == {"link", "review", "new"}


def test_pair_scores_are_the_plain_computation_to_the_last_bit(model, population):
    """Each query against its candidates and a few others: most levels of every comparison."""
    scorer, reference, resolver = Scorer(model), Reference(model), Resolver(model, population.index)
    others = [prepare_record(r) for r in population.index[:10]]
    levels_seen = [set() for _ in COMPARISONS]
    for record in _queries(population):
        query = prepare_record(record)
        positions = {p for key in _probe_keys(query) for p in resolver._positions_by_key.get(key, ())}
        # A checked NHS number one digit off is no NHS number: the level needs unchecked ones.
        slipped = [{**query, "unique_id": "slip", "nhs_number": query["nhs_number"][:-1] + "x"}
                   ] if query["nhs_number"] else []
        for candidate in [resolver._features[p] for p in positions] + others + slipped:
            score = scorer.score(query, candidate)
            weight, levels = reference.weight(query, candidate)
            assert (score.match_weight, score.match_probability, score.levels) == (
                weight, match_probability(weight), levels)
            assert scorer.evidence(query, candidate, levels) == reference.evidence(query, candidate, levels)
            for seen, level in zip(levels_seen, levels):
                seen.add(level)
            assert all(c.level_index(query, candidate) == level for c, level in zip(COMPARISONS, levels))
    assert [len(seen) for seen in levels_seen] == [len(c.levels) for c in COMPARISONS], levels_seen


def test_evidence_is_worked_out_only_when_read(model, population):
    resolver = Resolver(model, population.index)
    calls = []
    explain = resolver.scorer.evidence
    resolver.scorer.evidence = lambda *args: calls.append(args) or explain(*args)
    resolution = resolver.resolve({**population.index[0], "id": "copy"})
    assert resolution.decision == "link" and resolution.best.conflicts == ()
    assert calls == []
    evidence = resolution.best.evidence
    assert resolution.best.evidence is evidence and len(calls) == 1
    assert {e.agreement for e in evidence} <= {"agrees", "missing"}


def test_one_slip_apart_is_damerau_levenshtein_at_most_one_for_all_short_texts():
    texts = [""] + ["".join(t) for n in range(1, 5) for t in itertools.product("012", repeat=n)]
    for left in texts:
        for right in texts:
            assert _one_slip_apart(left, right) == (
                jellyfish.damerau_levenshtein_distance(left, right) <= 1), (left, right)


def test_one_slip_apart_finds_every_single_slip_in_a_number_and_no_double_one():
    numbers = ["".join(random.Random(seed).choices("0123456789", k=10)) for seed in range(40)]
    for number in numbers:
        slips = set()
        for at in range(len(number)):
            for digit in "0123456789":
                slips |= {number[:at] + digit + number[at + 1:], number[:at] + digit + number[at:]}
            slips |= {number[:at] + number[at + 1:],
                      number[:at] + number[at + 1:at + 2] + number[at:at + 1] + number[at + 2:]}
        slips.add(number + "7")
        for slipped in slips:
            assert _one_slip_apart(number, slipped) and _one_slip_apart(slipped, number)
        for twice in {s[:at] + s[at + 1:] for s in list(slips)[:50] for at in range(len(s))}:
            assert _one_slip_apart(number, twice) == (
                jellyfish.damerau_levenshtein_distance(number, twice) <= 1)
