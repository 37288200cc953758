#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Build the hand-written EVODA held-out set (dev.jsonl / test.jsonl).

Standard library only, fixed random seed.  The narratives, grades, indicator
keys and rationales are hand-written in cases_*.py; this script only adds
synthetic names, dates, addresses and schools, splits the cases into two
balanced halves, and validates every line against the police-notification
schema (required keys, enums, patterns) plus internal label consistency.
"""
import datetime as dt
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import spec  # noqa: E402
import cases_std1, cases_std2, cases_med1, cases_med2, cases_high1, cases_high2  # noqa: E402,F401

SEED = 20260514
OUT = os.path.dirname(HERE)
rng = random.Random(SEED)

FEMALE = """Amy Becky Chloe Danielle Emma Faye Gemma Hannah Jade Kayleigh Laura Megan Natalie Olivia Paige
Rachel Sophie Tasha Vicky Zoe Aisha Priya Nadia Sana Jasmin Harpreet Simran Agnieszka Kasia Ioana Maria
Grace Ruby Ellie Lily Isla Poppy Freya Evie Mia Ava Leah Holly Carly Donna Shannon Kerry Lisa Joanne Tracey
Mandy Claire Sarah Nicola Leanne Rebecca Amira Fatima Hui Linh Mercy Abena""".split()
MALE = """Adam Ben Callum Dean Ethan Gavin Harry Jack Kieran Liam Mark Nathan Owen Paul Ryan Scott Tom Wayne
Zak Ali Imran Bilal Arjun Ravi Sunny Piotr Tomasz Andrei Daniel Jordan Luke Jamie Connor Tyler Kyle Lewis
Craig Darren Lee Matthew Steven Gary Carl Shaun Jason Aaron Josh Leo Alfie Oscar Noah Harvey Freddie Jacob
Theo Kai Mason Reggie Musa Tariq Minh Kofi""".split()
SURNAMES = """Smith Jones Williams Taylor Davies Evans Thomas Roberts Walker Wright Robinson Thompson White
Hughes Edwards Green Hall Wood Harris Lewis Clarke Jackson Turner Hill Moore Cooper Ward Morris King Watson
Baker Price Griffiths Bennett Parry Powell Cox Bevan Pritchard Lloyd Morgan Khan Hussain Begum Ahmed Patel
Singh Kaur Mistry Kowalski Nowak Popescu Nguyen Mensah Okafor Boateng Sheikh Malik Rahman Doyle Murphy
O'Brien Kelly Brennan Foster Harding Marsh Shepherd Sutton Webb Holloway Fletcher""".split()
CHILD_F = """Lily Isla Poppy Freya Evie Mia Ava Ruby Ellie Grace Amelia Olivia Harper Willow Sienna Aria Maisie
Daisy Esme Phoebe Zara Maryam Hafsa Anaya Niamh Lola Rosie Millie Hallie Orla""".split()
CHILD_M = """Leo Alfie Oscar Noah Harvey Freddie Jacob Theo Kai Mason Arlo Archie Jack Charlie Riley Zayn Ibrahim
Harrison Louie Finley Tommy Ollie Rory Jenson Yusuf Ezra Albie Reuben Stanley Hugo""".split()
TOWNS = [("Worcester", "WR"), ("Redditch", "B9"), ("Kidderminster", "DY10"), ("Bromsgrove", "B60"),
         ("Malvern", "WR14"), ("Evesham", "WR11"), ("Droitwich", "WR9"), ("Hereford", "HR"),
         ("Leominster", "HR6"), ("Ludlow", "SY8"), ("Shrewsbury", "SY"), ("Telford", "TF"),
         ("Oswestry", "SY11"), ("Stourport-on-Severn", "DY13"), ("Pershore", "WR10")]
STREETS = """Mill Street|Church Road|Station Road|Victoria Avenue|Oak Close|Meadow Way|Severn Drive|
Hawthorn Road|School Lane|Orchard Way|Brook Street|Castle View|Elm Grove|Park Avenue|Windsor Road|
Chapel Lane|Kingfisher Close|Foregate Street|Malvern Road|Ombersley Road|Bath Road|Lichfield Avenue|
Tything Close|Abbey Road|Bewdley Road|Hereford Road|Whitehall Road|Stanley Road|Prospect Hill""".replace("\n", "").split("|")
SCHOOLS_PRIMARY = ["St Mary's CE Primary", "Oak Hill Primary", "Northwick Manor Primary", "Riverside Primary Academy",
                   "Cherry Orchard Primary", "St Joseph's Catholic Primary", "Brookfield Infant School",
                   "Meadow Green Primary", "Castle Hill Junior School", "Abbey Park First School",
                   "Holy Trinity CE Primary", "Westfield Academy"]
SCHOOLS_SECONDARY = ["Nunnery Wood High School", "Severn Valley Academy", "Bishop Perowne CE College",
                     "The Chantry School", "Wolverley CE Secondary", "Droitwich Spa High School",
                     "Kingsmead Academy", "Prince Henry's High School", "Whitecross Hereford High School",
                     "Meole Brace School", "Hanley Castle High School"]

ORDER = list(spec.IND.keys())
COL = {}
for k in ORDER:
    COL[k] = ("H" if k.startswith("H") and not k.startswith("HP") else
              "T" if k.startswith("T") and not k.startswith("TP") else
              "U" if k in ("U1", "U2") else None)
LEVEL = {"standard": 0, "medium": 1, "high": 2}
NAME = {0: "standard", 1: "medium", 2: "high"}


def rule_grade(keys):
    """The labelling rule used for this set (see README): applied to check
    that every hand-assigned grade is consistent."""
    base = 0
    for k in keys:
        if k in ("T1", "T2", "T3"):
            base = max(base, 1)
        if re.fullmatch(r"H([1-9]|1[0-4])", k):
            base = 2
    g = base
    if any(k in ("TR1", "TR2", "TR3", "TR4") for k in keys):
        g = max(g, 1)
    if any(re.fullmatch(r"HR\d+", k) for k in keys):
        g = max(g, min(2, base + 1))
    if "HR2" in keys and "HR3" in keys:  # toxic trio
        g = 2
    if "HR9" in keys or "HR17" in keys:  # child harmed / maltreated
        g = 2
    return NAME[g]


def postcode(prefix):
    if prefix in ("WR", "HR", "SY", "TF"):
        prefix = prefix + str(rng.randint(1, 9))
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    return "%s %d%s%s" % (prefix, rng.randint(1, 9), rng.choice(letters), rng.choice(letters))


def dob_for_age(on, years=None, months=None):
    if months is not None:
        days = int(months * 30.44) + rng.randint(2, 20)
    else:
        days = int((years + rng.uniform(0.08, 0.9)) * 365.25)
    return on - dt.timedelta(days=days)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:00Z")


def build(case, idx_hint):
    start = dt.datetime(2026, 4, 1, 0, 0)
    occ = start + dt.timedelta(days=rng.randint(0, 90))
    hour = rng.choice([7, 9, 11, 13, 15, 17, 18, 19, 20, 20, 21, 21, 22, 22, 23, 23, 0, 1, 2])
    occ = occ.replace(hour=hour, minute=rng.randint(0, 59))
    if case["delay"] is not None:
        rep = occ + dt.timedelta(hours=case["delay"], minutes=rng.randint(0, 40))
    else:
        rep = occ + dt.timedelta(minutes=rng.randint(3, 55))
    town, pre = rng.choice(TOWNS)
    addr = "%d %s, %s" % (rng.randint(1, 140), rng.choice(STREETS), town)
    pc = postcode(pre)

    vsex, psex = case["vs"], case["ps"]
    vpool = FEMALE if vsex == "female" else MALE
    ppool = FEMALE if psex == "female" else MALE
    vg = rng.choice(vpool)
    pg = rng.choice([n for n in ppool if n != vg])
    vf = rng.choice(SURNAMES)
    rel = case["rel"]
    if rel == "family_member" or (rel == "partner" and rng.random() < 0.45):
        pf = vf
    else:
        pf = rng.choice(SURNAMES)
    va = case["va"] or rng.randint(21, 44)
    pa = case["pa"] or max(18, va + rng.randint(-3, 6))
    victim = {"given_name": vg, "family_name": vf, "dob": dob_for_age(occ.date(), years=va).isoformat(),
              "sex": vsex, "address": addr, "postcode": pc}
    if case["preg"] is not None:
        victim["pregnant"] = case["preg"]
    elif vsex == "female" and rng.random() < 0.3:
        victim["pregnant"] = False
    perp = {"given_name": pg, "family_name": pf, "dob": dob_for_age(occ.date(), years=pa).isoformat(), "sex": psex}
    if rel in ("partner", "family_member") and rng.random() < 0.7:
        perp["address"] = addr
        perp["postcode"] = pc

    children, used = [], {vg, pg}
    for ks in case["kids"]:
        age, _, flags = ks.partition(":")
        m = re.fullmatch(r"(\d+)([my])", age)
        n, unit = int(m.group(1)), m.group(2)
        sex = "female" if "f" in flags else "male" if "m" in flags else rng.choice(["female", "male"])
        pool = CHILD_F if sex == "female" else CHILD_M
        g = rng.choice([x for x in pool if x not in used])
        used.add(g)
        d = dob_for_age(occ.date(), months=n) if unit == "m" else dob_for_age(occ.date(), years=n)
        ch = {"given_name": g, "family_name": rng.choice([vf, pf]), "dob": d.isoformat(), "sex": sex,
              "present": "p" in flags, "disability": "d" in flags, "injured": "i" in flags}
        years = n / 12 if unit == "m" else n
        if 4 <= years <= 17 and rng.random() < 0.9:
            ch["school_name"] = rng.choice(SCHOOLS_PRIMARY if years < 11 else SCHOOLS_SECONDARY)
            ch["school_urn"] = "%06d" % rng.randint(100000, 149999)
        children.append((years, ch))

    txt = case["txt"].replace("{V}", vg).replace("{P}", pg)
    for i, (_, ch) in enumerate(children, 1):
        txt = txt.replace("{C%d}" % i, ch["given_name"])
    assert "{" not in txt and "}" not in txt, txt

    keys = list(case["ind"])
    # Labelling conventions applied uniformly (see README).
    if any(y < 5 for y, _ in children) and "RA" not in keys:
        keys.append("RA")
    if case["loc"] is None and any(ch["present"] for _, ch in children) and "TR1" not in keys:
        keys.append("TR1")
    if (any(ch["disability"] for _, ch in children) or "HR13" in keys) and "TR3" not in keys:
        keys.append("TR3")
    keys.sort(key=ORDER.index)

    rec = {
        "force": "West Mercia Police",
        "police_reference": None,
        "occurred_at": iso(occ),
        "reported_at": iso(rep),
        "location": case["loc"] or ("Home address, " + addr if rel != "ex_partner" or rng.random() < 0.6 else addr),
        "relationship": rel,
        "victim": victim,
        "perpetrator": perp,
        "children": [ch for _, ch in children],
        "dash_level": case["dash"],
        "offences": case["off"],
        "narrative": txt,
    }
    if case["prior"]:
        rec["prior_incidents"] = [{"occurred_at": (occ.date() - dt.timedelta(days=d)).isoformat(),
                                   "grade": g, "summary": s} for d, g, s in sorted(case["prior"], reverse=True)]
    if case["cp"] is not None:
        rec["open_cp_plan"] = case["cp"]
    rec["expected_grade"] = case["g"]
    rec["expected_indicators"] = [spec.IND[k] for k in keys]
    rec["rationale"] = case["why"]
    return rec, keys, children


# ---------------------------------------------------------------- validation
TOP = {"force", "police_reference", "occurred_at", "reported_at", "location", "relationship", "victim",
       "perpetrator", "children", "dash_level", "dash_answers", "offences", "narrative", "prior_incidents",
       "open_cp_plan"}
REQ = ["force", "police_reference", "occurred_at", "reported_at", "relationship", "victim", "perpetrator",
       "children", "dash_level", "offences", "narrative"]
LABELS = {"expected_grade", "expected_indicators", "rationale"}
PC_RE = re.compile(r"^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$")
DT_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")


def check_person(p, kind):
    allowed = {"given_name", "family_name", "dob", "sex"}
    if kind == "adult":
        allowed |= {"address", "postcode"}
    if kind == "victim":
        allowed |= {"address", "postcode", "pregnant"}
    if kind == "child":
        allowed |= {"school_urn", "school_name", "present", "disability", "injured"}
    assert set(p) <= allowed, (kind, set(p) - allowed)
    for k in ("given_name", "family_name"):
        assert isinstance(p[k], str) and 1 <= len(p[k]) <= 100
    if "dob" in p:
        dt.date.fromisoformat(p["dob"])
    if "sex" in p:
        assert p["sex"] in ("female", "male", "unknown")
    if "postcode" in p:
        assert PC_RE.match(p["postcode"]), p["postcode"]
    if "address" in p:
        assert len(p["address"]) <= 300
    for b in ("pregnant", "present", "disability", "injured"):
        if b in p:
            assert isinstance(p[b], bool)
    if kind == "child":
        assert "present" in p
        if "school_urn" in p:
            assert re.fullmatch(r"[0-9]{6}", p["school_urn"])


def validate(rec):
    assert set(rec) - LABELS <= TOP, set(rec) - LABELS - TOP
    for k in REQ:
        assert k in rec, k
    assert isinstance(rec["force"], str) and 1 <= len(rec["force"]) <= 100
    assert isinstance(rec["police_reference"], str) and 1 <= len(rec["police_reference"]) <= 50
    for k in ("occurred_at", "reported_at"):
        assert DT_RE.match(rec[k]), rec[k]
    assert rec["reported_at"] >= rec["occurred_at"]
    assert len(rec.get("location", "")) <= 300
    assert rec["relationship"] in ("partner", "ex_partner", "family_member", "young_people_partners", "other")
    check_person(rec["victim"], "victim")
    check_person(rec["perpetrator"], "adult")
    assert isinstance(rec["children"], list)
    for c in rec["children"]:
        check_person(c, "child")
    assert rec["dash_level"] in ("standard", "medium", "high")
    assert isinstance(rec["offences"], list) and all(isinstance(o, str) and 1 <= len(o) <= 200 for o in rec["offences"])
    assert isinstance(rec["narrative"], str) and len(rec["narrative"]) <= 20000
    for pi in rec.get("prior_incidents", []):
        assert set(pi) <= {"occurred_at", "grade", "summary"} and "occurred_at" in pi
        assert pi.get("grade", "standard") in ("standard", "medium", "high")
        assert len(pi.get("summary", "")) <= 500
    if "open_cp_plan" in rec:
        assert isinstance(rec["open_cp_plan"], bool)
    assert rec["expected_grade"] in ("standard", "medium", "high")
    assert all(t in spec.IND.values() for t in rec["expected_indicators"])
    assert isinstance(rec["rationale"], str) and rec["rationale"]


def check_labels(case, keys, children, rec):
    g = case["g"]
    assert rule_grade(keys) == g, (g, rule_grade(keys), keys, case["txt"][:80])
    infant = any(y < 1 for y, _ in children)
    disabled = any(ch["disability"] for _, ch in children)
    assert ("HR1" in keys) == (infant or disabled), case["txt"][:80]
    assert ("HR9" in keys) == any(ch["injured"] for _, ch in children), case["txt"][:80]
    assert ("HR14" in keys) == (case["preg"] is True), case["txt"][:80]
    if "H5" in keys or "H6" in keys:
        assert any(ch["present"] for _, ch in children), case["txt"][:80]
    if case["prior"]:
        assert "T1" in keys, case["txt"][:80]
    if case["rel"] == "ex_partner" and case["trap"] != "historical":
        assert "HR5" in keys, case["txt"][:80]
    if case["cp"]:
        assert "HR16" in keys
    if case["rel"] == "young_people_partners":
        assert rec["victim"]["dob"] > "2008"


def main():
    cases = spec.CASES
    assert len(cases) == 200, len(cases)
    built = []
    for i, c in enumerate(cases):
        rec, keys, children = build(c, i)
        check_labels(c, keys, children, rec)
        built.append((c, rec, keys))

    # Balanced split: within each grade, traps first then others, alternating.
    dev, test = [], []
    for g in ("standard", "medium", "high"):
        group = [b for b in built if b[0]["g"] == g]
        traps = [b for b in group if b[0]["trap"]]
        plain = [b for b in group if not b[0]["trap"]]
        rng.shuffle(traps)
        rng.shuffle(plain)
        for j, b in enumerate(traps + plain):
            (dev if j % 2 == 0 else test).append(b)
    # Swap cases of the same grade and trap status between the halves so that
    # every indicator and style is represented as evenly as possible.
    def score(d, t):
        from collections import Counter
        cd = Counter(k for c, _, ks in d for k in ks)
        ct = Counter(k for c, _, ks in t for k in ks)
        sd = Counter(c["st"] for c, _, _ in d)
        st = Counter(c["st"] for c, _, _ in t)
        td = Counter(c["trap"] for c, _, _ in d)
        tt = Counter(c["trap"] for c, _, _ in t)
        v = sum(3 * min(1, cd[k]) * min(1, ct[k]) + min(cd[k], ct[k]) for k in ORDER)
        v += sum(min(sd[x], st[x]) for x in spec.STYLES)
        v += sum(min(td[x], tt[x]) for x in ("negated", "hypothetical", "historical", "other_person"))
        return v
    best = score(dev, test)
    for _ in range(6000):
        i, j = rng.randrange(100), rng.randrange(100)
        a_, b_ = dev[i][0], test[j][0]
        if a_["g"] != b_["g"] or bool(a_["trap"]) != bool(b_["trap"]):
            continue
        dev[i], test[j] = test[j], dev[i]
        v = score(dev, test)
        if v >= best:
            best = v
        else:
            dev[i], test[j] = test[j], dev[i]
    rng.shuffle(dev)
    rng.shuffle(test)
    meta = []
    n = 0
    for name, part in (("dev", dev), ("test", test)):
        with open(os.path.join(OUT, name + ".jsonl"), "w", encoding="utf-8") as fh:
            for c, rec, keys in part:
                n += 1
                rec["police_reference"] = "HO-EV-%04d" % n
                validate(rec)
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                meta.append({"split": name, "police_reference": rec["police_reference"], "style": c["st"],
                             "trap": c["trap"], "expected_grade": c["g"], "dash_level": c["dash"],
                             "indicator_keys": keys})
    refs = [m["police_reference"] for m in meta]
    assert len(set(refs)) == 200
    with open(os.path.join(OUT, "source", "meta.jsonl"), "w", encoding="utf-8") as fh:
        for m in meta:
            fh.write(json.dumps(m, ensure_ascii=False) + "\n")
    print("wrote dev=%d test=%d" % (len(dev), len(test)))


if __name__ == "__main__":
    main()
