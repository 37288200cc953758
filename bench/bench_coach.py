"""Time the referral-quality coach over 10,000 synthetic drafts.

    .venv/bin/python bench/bench_coach.py [count]

The drafts are built from a fixed seed, so runs compare like with like. The coach runs as the
referrer types, so the figure to watch is p95 per contact (target: well under 5 ms).
"""

import random
import statistics
import sys
import time
from collections import Counter
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from frontdoor.intake.coach import ReferralDraft, check
from frontdoor.intake.concern_form import load_concern_form

LONDON = ZoneInfo("Europe/London")
SUBMITTED = datetime(2026, 3, 10, 11, 30, tzinfo=LONDON)
AGENCY_KINDS = ["school", "gp", "health_trust", "camhs", "probation", "housing", "police", "voluntary"]
GIVEN_NAMES = ["Jade", "Kai", "Noah", "Amelia", "Olivia", "Leo", "Aisha", "Tomasz", "Ruby", "Harry"]
FAMILY_NAMES = ["Morgan", "SMITH", "Hughes", "Khan", "Nowak", "Evans", "O'Brien", "Patel", ""]
SENTENCES = [
    "Jade told her class teacher this morning that her mum's boyfriend pushed her mum into a door.",
    "She says she is frightened to go home today if he is there.",
    "There was DV at home last night and the police were called at 23:10.",
    "Dad was arrested for ABH in 2019 and was previously known to CSC.",
    "On 8 March 2026 at 19:40 he was brought to the emergency department with a broken arm.",
    "o/e a contusion to the left cheek and a small haematoma behind the ear.",
    "The family had an Early Help Assessment (EHA) last year; the EHA closed in June.",
    "Mum has told the IDVA she is scared; a MARAC referral was made after a DASH of 15.",
    "He has not been brought to three GP appointments since January.",
    "Attendance has fallen to 82% this term and she is often hungry at breakfast club.",
    "Last year there were concerns about neglect and the home conditions.",
    "The ISCO passed on a PPN graded medium.",
    "Kai MORGAN is 3 and was in the house at the time.",
    "Toxic trio concerns: mum drinks heavily, dad has MH needs and there is ongoing DA.",
]
ACTIONS = [
    "",
    "none",
    "n/a",
    "Spoke to mum at 3pm and offered the family support worker.",
    "Told the DSL and GP.",
]
CONSENTS = [("given", ""), ("refused", ""), ("not_sought", "risk_of_harm"), ("not_sought", ""), ("", "")]
PHONES = ["01905 822666", "07700 900123", "", "12345", "+44 7700 900123"]


def synthetic_draft(rng: random.Random) -> ReferralDraft:
    agency_kind = rng.choice(AGENCY_KINDS)
    questions = load_concern_form().agency_questions(agency_kind)
    consent, consent_reason = rng.choice(CONSENTS)
    return ReferralDraft(
        referrer_name=rng.choice(["Priya Patel", "Dr Sam Okafor", ""]),
        referrer_phone=rng.choice(PHONES),
        referrer_email=rng.choice(["", "p.patel@example.org.uk", "not-an-email"]),
        agency_kind=agency_kind,
        children=tuple(synthetic_child(rng) for _ in range(rng.randint(0, 3))),
        concern_now=" ".join(rng.choices(SENTENCES, k=rng.randint(0, 8))),
        concern_past=" ".join(rng.choices(SENTENCES, k=rng.randint(0, 4))),
        incident_at=rng.choice([None, SUBMITTED - timedelta(hours=14)]),
        disclosure_at=SUBMITTED - timedelta(hours=rng.randint(0, 120)),
        submitted_at=SUBMITTED,
        agency_actions=rng.choice(ACTIONS),
        consent=consent,
        consent_reason=consent_reason,
        agency_answers={q.id: rng.choice(["", " ".join(rng.choices(SENTENCES, k=2))]) for q in questions},
    )


def synthetic_child(rng: random.Random) -> dict:
    return {
        "given_name": rng.choice(GIVEN_NAMES),
        "family_name": rng.choice(FAMILY_NAMES),
        "dob": rng.choice([None, date(2015 + rng.randint(0, 10), rng.randint(1, 12), rng.randint(1, 28))]),
        "expected_date": None,
        "address": rng.choice(["", "14 Orchard Way, Worcester"]),
        "postcode": rng.choice(["", "WR5 2NP"]),
        "nhs_number": rng.choice(["", "943 476 5919", "943 476 5918"]),
        "school_name": rng.choice(["", "St Peter's Primary"]),
    }


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rng = random.Random(20261110)
    drafts = [synthetic_draft(rng) for _ in range(count)]
    check(drafts[0])  # load the terms and the form once, as a running service would have

    timings_ms, flag_codes = [], Counter()
    for draft in drafts:
        started = time.perf_counter()
        flags = check(draft)
        timings_ms.append((time.perf_counter() - started) * 1000)
        flag_codes.update(flag.code for flag in flags)

    cuts = statistics.quantiles(timings_ms, n=100)
    print(f"coach.check over {count:,} synthetic drafts (Python {sys.version.split()[0]})")
    print(
        f"  mean {statistics.fmean(timings_ms):.3f} ms  p50 {cuts[49]:.3f} ms  p95 {cuts[94]:.3f} ms  max {max(timings_ms):.3f} ms"
    )
    print(f"  flags per draft: {sum(flag_codes.values()) / count:.1f}")
    for code, n in flag_codes.most_common():
        print(f"    {code:28} {n:7,}")


if __name__ == "__main__":
    main()
