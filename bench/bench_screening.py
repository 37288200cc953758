"""Screening speed: narrative scanning per notification, and whole EVODA suggestions per second.

    .venv/bin/python bench/bench_screening.py [--count 10000] [--seed 20161104]

Generates synthetic police notifications (deterministic for a seed; nobody in them is real),
then times the narrative scan alone and the whole suggestion (structured fields, history,
narrative, grading) for each.
"""
import argparse
import random
import statistics
import time
from datetime import datetime, timedelta

from frontdoor.screening.engine import load_tool, scan_narrative
from frontdoor.screening.evoda import screen_evoda_record

OPENINGS = [
    "Police attended {address} at approx. {hour}:{minute}hrs following a call from the informant.",
    "Officers were called to {address} by a neighbour who heard shouting.",
    "IP called police from {address} at {hour}:{minute}hrs.",
]
EVENTS = [
    "IP states that DP came home drunk and they had a verbal argument about money.",
    "DP pushed IP into the kitchen worktop and smashed her phone.",
    "IP sustained bruising to her left arm and a cut lip.",
    "There was no injury and no weapons were used.",
    "DP threatened to kill IP if she called the police again.",
    "DP denies making any threats and states IP was the aggressor.",
    "IP is frightened of DP and fears for her safety.",
    "She is not frightened of him and does not want police action.",
    "DP has been following IP home from work and waiting outside her house.",
    "DP checks IP's phone and controls all the money.",
    "IP disclosed that DP has previous convictions for assault.",
    "IP says the abuse is getting worse and happening more often.",
    "DP grabbed IP around the throat.",
    "IP minimised the incident and said it was just a silly row.",
    "IP has applied for a non-molestation order and is engaging with the IDVA service.",
    "IP's family are very supportive.",
    "DP was arrested for assault occasioning actual bodily harm.",
]
CHILDREN = [
    "The children were present and witnessed the assault.",
    "The children were asleep upstairs at the time.",
    "The children were staying with their grandmother and were not present.",
    "Their son tried to pull DP off his mother.",
    "IP was holding the baby at the time of the assault.",
    "No children were present.",
]
CONTEXT = [
    "IP is 20 weeks pregnant.",
    "IP suffers from depression and DP uses cannabis daily.",
    "The couple separated two weeks ago.",
    "The children are subject to a child protection plan.",
    "There have been no previous incidents reported.",
    "IP does not speak English and an interpreter was used.",
    "If DP returns IP will call the police.",
]
STREETS = ["Station Road", "Church Lane", "Mill Street", "Park View", "Orchard Close"]


def synthetic_notification(rng: random.Random, number: int) -> dict:
    occurred = datetime(2025, 1, 1) + timedelta(minutes=rng.randrange(0, 525_600))
    sentences = [rng.choice(OPENINGS).format(
        address=f"{rng.randint(1, 200)} {rng.choice(STREETS)}",
        hour=f"{rng.randrange(24):02d}", minute=f"{rng.randrange(60):02d}")]
    sentences += rng.sample(EVENTS, rng.randint(1, 4))
    sentences += rng.sample(CHILDREN, rng.randint(0, 2))
    sentences += rng.sample(CONTEXT, rng.randint(0, 2))
    return {
        "force": "Synthetic Constabulary",
        "police_reference": f"SYN-{number:06d}",
        "occurred_at": occurred.isoformat(),
        "relationship": rng.choice(["partner", "ex_partner", "family_member"]),
        "victim": {"pregnant": rng.random() < 0.05},
        "children": [{"given_name": "Child", "family_name": f"{number}",
                      "dob": str((occurred - timedelta(days=rng.randrange(60, 6000))).date()),
                      "present": rng.random() < 0.4, "disability": rng.random() < 0.05,
                      "injured": rng.random() < 0.02} for _ in range(rng.randint(0, 3))],
        "dash_level": rng.choice(["standard", "medium", "high"]),
        "offences": rng.sample(["Common assault", "Criminal damage", "ABH", "Harassment"], rng.randint(0, 2)),
        "prior_incidents": [{"occurred_at": str((occurred - timedelta(days=rng.randrange(1, 1100))).date()),
                             "grade": rng.choice(["standard", "medium", "high"])}
                            for _ in range(rng.choice([0, 0, 0, 1, 1, 2, 3]))],
        "narrative": " ".join(sentences),
    }


def percentile(sorted_values: list[float], fraction: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20161104)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    notifications = [synthetic_notification(rng, n) for n in range(args.count)]
    tool = load_tool("evoda")
    scan_narrative(tool, notifications[0]["narrative"])  # compile outside the timing

    scan_ms = []
    for item in notifications:
        started = time.perf_counter()
        scan_narrative(tool, item["narrative"])
        scan_ms.append((time.perf_counter() - started) * 1000)
    scan_ms.sort()

    started = time.perf_counter()
    grades = [screen_evoda_record(item)["suggested_grade"] for item in notifications]
    whole_s = time.perf_counter() - started

    chars = statistics.mean(len(item["narrative"]) for item in notifications)
    print(f"{args.count} synthetic notifications, seed {args.seed}, mean narrative {chars:.0f} characters")
    print(f"narrative screening per notification: mean {statistics.mean(scan_ms):.3f} ms, "
          f"p50 {percentile(scan_ms, 0.50):.3f} ms, p95 {percentile(scan_ms, 0.95):.3f} ms, "
          f"max {scan_ms[-1]:.3f} ms")
    print(f"whole suggestion (validate, structured, history, narrative, grade): "
          f"{args.count / whole_s:,.0f} notifications/s ({whole_s * 1000 / args.count:.3f} ms each)")
    print("suggested grades: " + ", ".join(f"{g} {grades.count(g)}" for g in ("standard", "medium", "high")))


if __name__ == "__main__":
    main()
