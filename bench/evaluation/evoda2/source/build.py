"""Build dev.jsonl / test.jsonl / source/meta.jsonl from the hand-written cases.
Standard library only. Adds names, dates, addresses, postcodes, DOBs, references;
validates every line against the schema's required keys, enums and formats, and checks
each case's labels against the grading rule written in ../README.md."""
import json, random, re, sys, os, datetime as dt
from matrix import T

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

FORCES = {
 "TVP": ("Thames Valley Police", ["OX4 2HN", "RG1 7QE", "HP13 6DF", "MK9 3BN", "SL1 4HT", "OX16 5AL", "RG30 2EU"],
         ["Oxford", "Reading", "High Wycombe", "Milton Keynes", "Slough", "Banbury", "Reading"]),
 "DCP": ("Devon and Cornwall Police", ["EX2 5PQ", "PL4 8DW", "TQ2 6HJ", "TR1 3RT", "EX31 1LB", "PL25 4AX"],
         ["Exeter", "Plymouth", "Torquay", "Truro", "Barnstaple", "St Austell"]),
 "MER": ("Merseyside Police", ["L8 2TF", "L4 5RJ", "CH41 6HH", "L20 3DN", "WA10 2JP", "L36 9XT"],
         ["Liverpool", "Liverpool", "Birkenhead", "Bootle", "St Helens", "Huyton"]),
 "WYP": ("West Yorkshire Police", ["LS9 6QB", "BD3 8HL", "WF1 4PS", "HD1 5JT", "HX1 3EF", "LS11 7DR"],
         ["Leeds", "Bradford", "Wakefield", "Huddersfield", "Halifax", "Leeds"]),
 "GMP": ("Greater Manchester Police", ["M40 8WN", "OL9 6QA", "BL3 4PY", "M22 5RT", "WN2 3DZ"],
         ["Manchester", "Oldham", "Bolton", "Wythenshawe", "Wigan"]),
 "ASP": ("Avon and Somerset Constabulary", ["BS5 6XL", "BA2 3JD", "TA1 4QB", "BS23 2HA"],
         ["Bristol", "Bath", "Taunton", "Weston-super-Mare"]),
 "WMP": ("West Mercia Police", ["WR5 3HT", "HR4 9BQ", "TF3 4NB", "SY1 2PE"],
         ["Worcester", "Hereford", "Telford", "Shrewsbury"]),
}
STREETS = ["Alder Close", "Brook Street", "Canal Side", "Dene Road", "Elm Grove", "Fairfield Avenue", "Granby Court",
           "Hollins Lane", "Ivy Terrace", "Juniper Way", "Kestrel Drive", "Larch Walk", "Marsh Road", "Newlands Crescent",
           "Orchard Rise", "Priory Street", "Queens Parade", "Rowan Mews", "Station Road", "Tannery Row", "Upper Green",
           "Victoria Street", "Willow Bank", "Yew Tree Lane"]
FEM = ["Amy", "Bethany", "Chloe", "Danielle", "Emma", "Fatima", "Gemma", "Hannah", "Ioana", "Jade", "Kerry", "Leanne",
       "Maria", "Nadia", "Olivia", "Paula", "Rachel", "Sadia", "Tanya", "Vicky", "Zoe", "Agnieszka", "Shannon", "Leah",
       "Natalie", "Stacey", "Claire", "Aisha", "Kelly", "Joanne"]
MAL = ["Adam", "Ben", "Callum", "Darren", "Emre", "Faisal", "Gary", "Harry", "Imran", "Jason", "Kyle", "Liam", "Mark",
       "Nathan", "Omar", "Paul", "Ryan", "Steven", "Tomasz", "Wayne", "Dean", "Craig", "Lee", "Jamie", "Shane", "Kieran",
       "Bilal", "Marius", "Connor", "Jordan"]
KIDF = ["Ava", "Isla", "Mia", "Poppy", "Ruby", "Lily", "Evie", "Maisie", "Freya", "Amelia", "Zara", "Ellie", "Grace", "Hafsa", "Layla"]
KIDM = ["Alfie", "Charlie", "Harley", "Jack", "Leo", "Mason", "Noah", "Oscar", "Riley", "Tyler", "Zain", "Archie", "Logan", "Ibrahim", "Theo"]
SURN = ["Ashworth", "Begum", "Carter", "Dunne", "Evans", "Fletcher", "Green", "Hussain", "Iqbal", "Jones", "Kowalski",
        "Lloyd", "Murphy", "Nowak", "O'Neill", "Patel", "Quinn", "Roberts", "Shaw", "Taylor", "Usman", "Walsh", "Young",
        "Ahmed", "Brennan", "Clarke", "Doyle", "Hughes", "Popescu", "Kaur", "Smith", "Whitfield", "Mahmood", "Tran"]
SCHOOLS = ["Primary School", "Primary Academy", "C of E Primary", "Academy", "High School", "Infant School", "Junior School", "Community College"]
SNAMES = ["St Peter's", "Oakfield", "Riverside", "Hillcrest", "Greenbank", "Meadow View", "Holy Trinity", "Parkside", "Brookside", "Westfield"]

CASE_RE = re.compile(r"^([\d.]+)([fmu])([PDI]*)$")

def bst(d):  # UK summer time 2026: until 25 Oct 01:00 UTC
    return d < dt.datetime(2026, 10, 25, 1, 0)

def iso(local):
    if bst(local):
        u = local - dt.timedelta(hours=1)
        return local.strftime("%Y-%m-%dT%H:%M:%S") + "+01:00", u
    return local.strftime("%Y-%m-%dT%H:%M:%SZ"), local

def build(c):
    r = random.Random(1000 + c["n"])
    code = c["force"]
    force, pcs, towns = FORCES[code]
    ref = f"{code}-EV2-{c['n']:04d}"
    # date/time
    if "date" in c:
        day = dt.date.fromisoformat(c["date"])
    else:
        day = dt.date(2026, 7, 1) + dt.timedelta(days=r.randrange(0, 152))
    hh, mm = map(int, c.get("t", f"{r.choice([7,9,13,16,18,19,20,21,22,23,0,1,2])}:{r.randrange(60):02d}").split(":"))
    occ_local = dt.datetime(day.year, day.month, day.day, hh, mm)
    rep_local = occ_local + dt.timedelta(minutes=c.get("delay", r.choice([4, 9, 12, 20, 35, 55])))
    occ_s, _ = iso(occ_local)
    rep_s, _ = iso(rep_local)
    # people
    vs, vage = c.get("v", "f30")[0], int(c.get("v", "f30")[1:])
    ps, page = c.get("p", "m33")[0], int(c.get("p", "m33")[1:])
    fam = r.choice(SURN)
    if c.get("vfam"): fam = c["vfam"]
    pfam = fam if c["rel"] == "family_member" or (c["rel"] == "partner" and r.random() < 0.6) else r.choice(SURN)
    if c.get("pfam"): pfam = c["pfam"]
    def given(sex, used):
        pool = FEM if sex == "f" else MAL
        while True:
            g = r.choice(pool)
            if g not in used:
                used.add(g); return g
    used = set()
    vg = c.get("vname") or given(vs, used)
    pg = c.get("pname") or given(ps, used)
    used.update({vg, pg})
    def dob(age_years, ref_day):
        days = int(age_years * 365.25) + r.randrange(0, 300 if age_years >= 1 else 20)
        return (ref_day - dt.timedelta(days=days)).isoformat()
    sexmap = {"f": "female", "m": "male", "u": "unknown"}
    pc_i = r.randrange(len(pcs))
    addr = f"{r.randrange(1, 140)} {r.choice(STREETS)}, {towns[pc_i]}"
    victim = {"given_name": vg, "family_name": fam, "dob": dob(vage, day), "sex": sexmap[vs],
              "address": addr, "postcode": pcs[pc_i], "pregnant": bool(c.get("preg", False))}
    perp = {"given_name": pg, "family_name": pfam, "dob": dob(page, day), "sex": sexmap[ps]}
    if c["rel"] in ("partner", "family_member") and c.get("same_addr", True):
        perp["address"] = addr; perp["postcode"] = pcs[pc_i]
    kids = []
    kidnames = []
    kused = set()
    for k in c.get("kids", []):
        m = CASE_RE.match(k)
        assert m, (c["n"], k)
        age, sx, fl = float(m.group(1)), m.group(2), m.group(3)
        pool = KIDF if sx == "f" else KIDM if sx == "m" else KIDF + KIDM
        while True:
            g = r.choice(pool)
            if g not in kused:
                kused.add(g); break
        ch = {"given_name": g, "family_name": c.get("kid_fam", fam), "dob": dob(age, day), "sex": sexmap[sx]}
        if 4 <= age < 18 and not c.get("no_school"):
            ch["school_urn"] = f"{r.randrange(100000, 150000)}"
            ch["school_name"] = f"{r.choice(SNAMES)} {r.choice(SCHOOLS if age < 11 else SCHOOLS[3:4] + SCHOOLS[4:5] + SCHOOLS[7:8])}"
        ch["present"] = "P" in fl
        ch["disability"] = "D" in fl
        ch["injured"] = "I" in fl
        kids.append(ch); kidnames.append(g)
    subs = {"V": vg, "P": pg, "VF": fam, "PF": pfam, "REF": ref, "D": occ_local.strftime("%d/%m/%Y"),
            "D2": occ_local.strftime("%d%m%y")}
    for i, g in enumerate(kidnames):
        subs[f"C{i+1}"] = g
    narrative = c["nar"].strip()
    for k, v in subs.items():
        narrative = narrative.replace("{" + k + "}", v)
    assert "{" not in narrative, (c["n"], narrative[:80])
    rec = {"force": force, "police_reference": ref, "occurred_at": occ_s, "reported_at": rep_s}
    if c.get("loc", "home") == "home":
        rec["location"] = addr
    elif c.get("loc"):
        rec["location"] = c["loc"]
    rec.update({"relationship": c["rel"], "victim": victim, "perpetrator": perp, "children": kids,
                "dash_level": c["dash"]})
    if "dash_answers" in c:
        rec["dash_answers"] = c["dash_answers"]
    rec["offences"] = c.get("off", [])
    rec["narrative"] = narrative
    if c.get("prior"):
        pis = []
        for months, grade, summ in c["prior"]:
            pd = day - dt.timedelta(days=int(months * 30.4))
            pi = {"occurred_at": pd.isoformat()}
            if grade: pi["grade"] = grade
            if summ: pi["summary"] = summ
            pis.append(pi)
        rec["prior_incidents"] = pis
    if "cp" in c:
        rec["open_cp_plan"] = c["cp"]
    rec["expected_grade"] = c["grade"]
    rec["expected_indicators"] = [T[k] for k in c["ind"]]
    rec["rationale"] = c["why"]
    meta = {"police_reference": ref, "style": c["style"], "trap": c.get("trap", ""), "dash_level": c["dash"]}
    return rec, meta

# ---- schema checks (required keys, enums, formats) ----
REQ = ["force", "police_reference", "occurred_at", "reported_at", "relationship", "victim", "perpetrator", "children", "dash_level", "offences", "narrative"]
ALLOWED = set(REQ) | {"location", "dash_answers", "prior_incidents", "open_cp_plan"}
LABELS = {"expected_grade", "expected_indicators", "rationale"}
DT_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
PC_RE = re.compile(r"^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$")

def chk_date(s):
    dt.date.fromisoformat(s); return re.match(r"^\d{4}-\d{2}-\d{2}$", s) is not None

def chk_dt(s):
    if not DT_RE.match(s): return False
    dt.datetime.fromisoformat(s.replace("Z", "+00:00")); return True

def validate(rec):
    e = []
    keys = set(rec) - LABELS
    for k in REQ:
        if k not in rec: e.append("missing " + k)
    for k in keys - ALLOWED: e.append("extra " + k)
    if not (1 <= len(rec["force"]) <= 100): e.append("force")
    if not (1 <= len(rec["police_reference"]) <= 50): e.append("ref")
    for k in ("occurred_at", "reported_at"):
        if not chk_dt(rec[k]): e.append(k)
    if len(rec.get("location", "")) > 300: e.append("location")
    if rec["relationship"] not in ["partner", "ex_partner", "family_member", "young_people_partners", "other"]: e.append("rel")
    for who in ("victim", "perpetrator"):
        p = rec[who]
        ok = {"given_name", "family_name", "dob", "sex", "address", "postcode"} | ({"pregnant"} if who == "victim" else set())
        if set(p) - ok: e.append(who + " extra")
        for k in ("given_name", "family_name"):
            if not (1 <= len(p.get(k, "")) <= 100): e.append(who + k)
        if "dob" in p and not chk_date(p["dob"]): e.append(who + " dob")
        if "sex" in p and p["sex"] not in ("female", "male", "unknown"): e.append(who + " sex")
        if "postcode" in p and not PC_RE.match(p["postcode"]): e.append(who + " pc")
        if "address" in p and len(p["address"]) > 300: e.append(who + " addr")
        if "pregnant" in p and not isinstance(p["pregnant"], bool): e.append("preg")
    for ch in rec["children"]:
        ok = {"given_name", "family_name", "dob", "sex", "school_urn", "school_name", "present", "disability", "injured"}
        if set(ch) - ok: e.append("child extra")
        for k in ("given_name", "family_name"):
            if not isinstance(ch.get(k), str) or not (1 <= len(ch[k]) <= 100): e.append("child " + k)
        if "present" not in ch or not isinstance(ch["present"], bool): e.append("child present")
        if "school_urn" in ch and not re.match(r"^[0-9]{6}$", ch["school_urn"]): e.append("urn")
        if "dob" in ch and not chk_date(ch["dob"]): e.append("child dob")
        for b in ("disability", "injured"):
            if b in ch and not isinstance(ch[b], bool): e.append("child " + b)
    if rec["dash_level"] not in ("standard", "medium", "high"): e.append("dash")
    for k, v in rec.get("dash_answers", {}).items():
        if not re.match(r"^q([1-9]|1[0-9]|2[0-4])$", k) or not isinstance(v, bool): e.append("dash_answers")
    if not isinstance(rec["offences"], list) or any(not (1 <= len(o) <= 200) for o in rec["offences"]): e.append("offences")
    if len(rec["narrative"]) > 20000: e.append("narrative")
    for pi in rec.get("prior_incidents", []):
        if set(pi) - {"occurred_at", "grade", "summary"} or "occurred_at" not in pi: e.append("prior")
        if pi.get("grade", "standard") not in ("standard", "medium", "high"): e.append("prior grade")
        if len(pi.get("summary", "")) > 500: e.append("prior summary")
    if "open_cp_plan" in rec and not isinstance(rec["open_cp_plan"], bool): e.append("cp")
    if rec["expected_grade"] not in ("standard", "medium", "high"): e.append("label grade")
    return e

# ---- grading rule check (README "Grading rule") ----
LEVEL = {"standard": 0, "medium": 1, "high": 2}
def cols(k):
    if k.startswith("S_"): return {0}
    if k.startswith("M_"): return {1}
    if k.startswith("H_"): return {2}
    if k in ("RL_ESC", "RL_CUM"): return {0}
    if k == "R_AGE": return {0, 1}
    if k in ("R_LANG", "R_HONOUR", "R_NRPF"): return {0, 1, 2}
    if k == "RH_HONOUR": return {2}
    if k.startswith("RM_"): return {1}
    if k.startswith("RH_"): return {2}
    raise KeyError(k)

def rule_grade(ind):
    main = [k for k in ind if k[:2] in ("S_", "M_", "H_")]
    base = max([max(cols(k)) for k in main], default=0)
    risks = [k for k in ind if k.startswith("R")]
    g = base
    if any(min(cols(k)) > base for k in risks):
        g = min(2, base + 1)
    if ("RM_MH" in ind or "RH_MH" in ind) and "RH_SUB" in ind:
        g = 2
    return g

PROT_BY_GRADE = {  # graded equivalents: use the column of the case's grade
    "agency": {0: "PL_AGENCY", 1: "PM_ADVICE", 2: "PH_ENGAGE"},
    "support": {0: "PL_SUPPORT", 1: "PM_SUPPORT", 2: "PH_SEEK"},
    "nurt": {0: "PL_NURT", 1: "PL_NURT", 2: "PH_NURT"},
    "insight": {0: "PM_INSIGHT", 1: "PM_INSIGHT", 2: "PH_INSIGHT"},
    "sig": {0: "PM_SIGOTHER", 1: "PM_SIGOTHER", 2: "PH_SIGOTHER"},
    "remorse": {0: "PL_REMORSE", 1: "PM_ABUSERENG", 2: "PH_ACK"},
}

def check_case(c, rec):
    w = []
    g = LEVEL[c["grade"]]
    if rule_grade(c["ind"]) != g:
        w.append(f"rule gives {['standard','medium','high'][rule_grade(c['ind'])]}")
    for fam, m in PROT_BY_GRADE.items():
        for lv, k in m.items():
            if k in c["ind"] and k != m[g]:
                w.append(f"protective {k} not the {c['grade']} column's wording ({m[g]})")
    if g == 2 and "R_HONOUR" in c["ind"]: w.append("high case: use RH_HONOUR")
    if g < 2 and "RH_HONOUR" in c["ind"]: w.append("non-high case: use R_HONOUR")
    if len(set(c["ind"])) != len(c["ind"]): w.append("duplicate indicator")
    kids = rec["children"]
    present = any(k["present"] for k in kids)
    if ("RM_PRESENT" in c["ind"]) != present: w.append("RM_PRESENT vs children present")
    if "H_WITNESS" in c["ind"] and not present: w.append("witness but nobody present")
    inj = any(k["injured"] for k in kids)
    if ("RH_CHILDHARM" in c["ind"]) != inj: w.append("RH_CHILDHARM vs injured flag")
    dis = any(k["disability"] for k in kids)
    infant = any(float(CASE_RE.match(k).group(1)) < 1 for k in c.get("kids", []))
    if ("RH_VULN" in c["ind"]) != (dis or infant): w.append("RH_VULN vs infant/disability")
    under5 = any(float(CASE_RE.match(k).group(1)) < 5 for k in c.get("kids", []))
    if ("R_AGE" in c["ind"]) != under5: w.append("R_AGE vs under-5")
    if ("RH_PREG" in c["ind"]) != bool(c.get("preg")): w.append("RH_PREG vs pregnant flag")
    if c.get("cp") and "RH_CSC" not in c["ind"]: w.append("open CP plan but no RH_CSC")
    return w

def main():
    sys.path.insert(0, HERE)
    cases = []
    for mod in ("cases_dev", "cases_test"):
        try:
            m = __import__(mod)
        except ModuleNotFoundError:
            continue
        cases += m.CASES
    nums = [c["n"] for c in cases]
    assert len(nums) == len(set(nums)), "duplicate case numbers"
    dev, test, meta = [], [], []
    problems = 0
    for c in sorted(cases, key=lambda c: c["n"]):
        rec, mt = build(c)
        e = validate(rec)
        w = check_case(c, rec)
        if e or w:
            problems += 1
            print(c["n"], "ERR" if e else "WARN", e + w)
        (dev if c["n"] <= 60 else test).append(rec)
        meta.append(mt)
    def dump(path, rows):
        with open(path, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    dump(os.path.join(OUT, "dev.jsonl"), dev)
    if test:
        dump(os.path.join(OUT, "test.jsonl"), test)
    dump(os.path.join(HERE, "meta.jsonl"), meta)
    # counts
    from collections import Counter
    for name, rows in (("dev", dev), ("test", test)):
        gs = Counter(r["expected_grade"] for r in rows)
        ms = [m for m in meta if (int(m["police_reference"][-4:]) <= 60) == (name == "dev")]
        print(name, len(rows), dict(gs), "traps", Counter(m["trap"] for m in ms if m["trap"]),
              "styles", dict(Counter(m["style"] for m in ms)))
    print("problems:", problems)

if __name__ == "__main__":
    main()
