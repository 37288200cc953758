#!/usr/bin/env python3
"""Held-out identity-matching evaluation set (standard library only, seeded).
Writes index.csv, queries_dev.csv, queries_test.csv and meta/query_kinds_*.csv."""
import csv, os, random
from datetime import date, timedelta

rng = random.Random(4242)
OUT = os.path.dirname(os.path.abspath(__file__))

# ---------- hand-chosen name lists ----------
BOYS = ["Oliver","Jack","Harry","George","Noah","Charlie","Jacob","Alfie","Freddie","Oscar","Leo","Thomas","James",
        "William","Joshua","Archie","Henry","Ethan","Mason","Daniel","Samuel","Joseph","Lewis","Liam","Tyler","Kai",
        "Mohammed","Ibrahim","Yusuf","Aleksander","Jakub","Szymon","Arjun","Rohan","Kacper","Theo","Reuben","Callum",
        "Benjamin","Matthew","Robert","Edward","Christopher","Michael","Anthony","Nicholas","Alexander","Frederick",
        "Dominic","Zachary","Tobias","Ryan","Dylan","Riley","Harvey","Luca","Ali","Hamza","Omar","Dmitri","Andrei"]
GIRLS = ["Olivia","Amelia","Isla","Ava","Mia","Ivy","Lily","Isabella","Sophia","Grace","Freya","Poppy","Ella","Evie",
         "Charlotte","Emily","Ruby","Daisy","Chloe","Jessica","Katherine","Elizabeth","Margaret","Rebecca","Victoria",
         "Abigail","Jasmine","Maisie","Amira","Fatima","Aisha","Zainab","Maryam","Zuzanna","Julia","Natalia","Priya",
         "Anjali","Sophie","Hannah","Lucy","Megan","Ellie","Leah","Katie","Samantha","Jennifer","Alexandra","Rosie",
         "Eleanor","Harriet","Phoebe","Niamh","Siobhan","Layla","Hana","Yasmin","Oliwia","Anastasia","Ekaterina"]
MEN = ["David","Paul","Mark","Andrew","Richard","Stephen","Gary","Darren","Lee","Craig","Neil","Wayne","Jason",
       "Shaun","Kevin","Ian","Simon","Martin","Peter","Steven","Mohammed","Imran","Tariq","Piotr","Tomasz","Marek",
       "Raj","Sanjay","William","Robert","John","Michael","Christopher","Anthony","James","Daniel","Matthew","Alexander"]
WOMEN = ["Sarah","Emma","Claire","Lisa","Nicola","Kelly","Donna","Joanne","Michelle","Rachel","Laura","Gemma","Kerry",
         "Leanne","Stacey","Hayley","Natalie","Amanda","Helen","Louise","Fatima","Nasreen","Shazia","Agnieszka","Katarzyna",
         "Ewa","Priya","Sunita","Katherine","Elizabeth","Rebecca","Victoria","Jennifer","Samantha","Margaret","Deborah"]
SURN = ["Smith","Jones","Williams","Taylor","Brown","Davies","Evans","Wilson","Thomas","Johnson","Roberts","Robinson",
        "Thompson","Wright","Walker","White","Edwards","Hughes","Green","Hall","Lewis","Harris","Clarke","Patel","Jackson",
        "Wood","Turner","Martin","Cooper","Hill","Ward","Morris","Moore","Clark","Lee","King","Baker","Harrison","Morgan",
        "Allen","James","Scott","Phillips","Watson","Davis","Parker","Price","Bennett","Young","Griffiths","Mitchell",
        "Kelly","Cook","Carter","Richardson","Bailey","Collins","Bell","Shaw","Murphy","Miller","Cox","Richards","Khan",
        "Marshall","Anderson","Simpson","Ellis","Adams","Singh","Begum","Ali","Hussain","Ahmed","Rahman","Kowalski",
        "Nowak","Wisniewski","Kaur","Sharma","Okafor","Adeyemi","Mensah","O'Neill","O'Brien","McDonald","MacLeod",
        "Fitzgerald","Dunn","Reid","Fox","Pike","Marsh","Nolan","Quinn","Lowe","Hartley","Ashby","Fraser","Gill","Chowdhury"]
COMMON = ["Smith","Jones","Williams","Taylor","Brown","Khan","Patel","Ali","Singh","Begum","Ahmed"]
COMMON_GIVEN_M = ["Oliver","Jack","Harry","Mohammed","James","Thomas","Noah"]
COMMON_GIVEN_F = ["Olivia","Amelia","Ava","Sophia","Isla","Emily","Fatima"]
NICK = {"Alfie":"Alfred","Alfred":"Alfie","William":["Bill","Will","Billy","Liam"],"Robert":["Bob","Rob","Bobby","Robbie"],
        "Katherine":["Kate","Katie","Kathryn","Cathy"],"Elizabeth":["Liz","Beth","Lizzie","Eliza"],"Margaret":["Maggie","Peggy","Meg"],
        "Rebecca":["Becky","Becca"],"Victoria":["Vicky","Tori"],"Jennifer":["Jen","Jenny"],"Samantha":["Sam","Sammy"],
        "Alexandra":["Alex","Lexi","Sasha"],"Alexander":["Alex","Sasha","Xander"],"Thomas":["Tom","Tommy"],"James":["Jim","Jamie","Jimmy"],
        "Joseph":["Joe","Joey"],"Daniel":["Dan","Danny"],"Samuel":["Sam","Sammy"],"Benjamin":["Ben","Benji"],"Matthew":["Matt"],
        "Michael":["Mike","Mikey"],"Christopher":["Chris","Kit"],"Anthony":["Tony","Ant"],"Nicholas":["Nick","Nicky"],
        "Edward":["Ed","Eddie","Ted","Ned"],"Frederick":["Freddie","Fred"],"Zachary":["Zach","Zak"],"Tobias":["Toby"],
        "Henry":["Harry","Hal"],"Richard":["Rich","Dick","Ricky"],"Stephen":["Steve"],"Steven":["Steve"],"Andrew":["Andy","Drew"],
        "Mohammed":["Mo","Moe"],"Ibrahim":["Ibby"],"Charlotte":["Lottie","Charlie"],"Isabella":["Bella","Izzy"],"Abigail":["Abbie","Abby"],
        "Jessica":["Jess"],"Eleanor":["Ellie","Nell"],"Harriet":["Hattie"],"Deborah":["Debbie","Deb"],"Natalie":["Nat"],
        "Amanda":["Mandy"],"Jasmine":["Jas","Jazz"],"Ekaterina":["Katya","Kate"],"Anastasia":["Ana","Stacey"],"Dominic":["Dom"],
        "Reuben":["Rube"],"Theo":["Theodore"],"Leo":["Leonardo"],"Archie":["Archibald"],"Peter":["Pete"],"Kevin":["Kev"],
        "Jacob":["Jake"],"Joshua":["Josh"],"Callum":["Cal"],"Lewis":["Lew"],"Hannah":["Han"],"Megan":["Meg"],"Evie":["Eve"]}
TRANS = {"Mohammed":["Muhammad","Mohammad","Mohamed","Muhammed"],"Muhammad":["Mohammed"],"Aleksander":["Alexander","Aleksandr","Oleksandr"],
         "Alexander":["Aleksander","Aleksandr"],"Yusuf":["Yousef","Yusef","Joseph"],"Ibrahim":["Ebrahim","Ibraheem"],"Omar":["Umar"],
         "Hamza":["Hamzah"],"Ali":["Aly"],"Fatima":["Fatimah","Fatma"],"Aisha":["Ayesha","Aysha"],"Zainab":["Zaynab","Zeinab"],
         "Maryam":["Mariam","Miriam"],"Amira":["Ameera"],"Yasmin":["Yasmine","Jasmin"],"Hana":["Hannah"],"Layla":["Leila","Laila"],
         "Dmitri":["Dmitry","Dimitri"],"Andrei":["Andrey","Andrew"],"Ekaterina":["Yekaterina","Katerina"],"Anastasia":["Anastasiya"],
         "Jakub":["Jacob","Kuba"],"Szymon":["Simon"],"Zuzanna":["Susanna"],"Oliwia":["Olivia"],"Natalia":["Natalya"],"Piotr":["Peter"],
         "Tomasz":["Thomas"],"Marek":["Mark"],"Katarzyna":["Katherine","Kasia"],"Agnieszka":["Agnes"],"Nasreen":["Nasrin"],
         "Shazia":["Shaziya"],"Imran":["Imraan"],"Tariq":["Tarik"],"Sanjay":["Sanjai"],"Priya":["Pria"],
         "Chowdhury":["Choudhury","Chaudhry"],"Rahman":["Rehman"],"Hussain":["Hussein","Husain"],"Ahmed":["Ahmad"],
         "Wisniewski":["Wisnewski"],"Kowalski":["Kowalska"],"Begum":["Begom"],"Okafor":["Okafur"]}
TOWNS = [("Peterborough",["PE1","PE2","PE3","PE4","PE7"]),("Cambridge",["CB1","CB2","CB3","CB4","CB5"]),
         ("Worcester",["WR1","WR2","WR3","WR4","WR5"]),("Huntingdon",["PE29"]),("St Neots",["PE19"]),("Wisbech",["PE13"]),
         ("Ely",["CB6","CB7"]),("Kidderminster",["DY10","DY11"]),("Redditch",["B97","B98"]),("Evesham",["WR11"]),
         ("March",["PE15"]),("Droitwich",["WR9"])]
STREETS = ["High Street","Station Road","Church Lane","Mill Road","London Road","Park Avenue","Victoria Road","Queens Road",
           "Green Lane","Manor Way","The Crescent","Orchard Close","Willow Road","Cedar Close","Elm Grove","Lime Tree Avenue",
           "Brook Street","Canal Street","Oundle Road","Lincoln Road","Bath Road","Ombersley Road","Hills Road","Newmarket Road",
           "Priory Road","Riverside Mews","Beacon Way","Larch Close","Holly Court","Poplar Way","Ferry Lane","Cherry Tree Walk",
           "Chapel Street","Bridge Street","Meadow Rise","Lapwing Drive","Birchtree Avenue","Gaul Drive","Lark Hill","Tybridge Street"]
SCHOOL_SUFFIX = ["Primary School","Academy","CE Primary","Junior School","Infant School","High School","Community College","Primary Academy"]
SCHOOL_STEM = ["St Mary's","St John's","Oakwood","Riverside","Park","Fulbridge","Gladstone","Orchard","Meadow","Hillside",
               "Abbey","Beacon","Westwood","Eastfield","Northfield","Castle","Priory","Manor","Kingsway","Thomas Clarkson"]

def nhs_check(d9):
    s = sum(int(c) * (10 - i) for i, c in enumerate(d9))
    r = 11 - (s % 11)
    if r == 11: r = 0
    return None if r == 10 else r
USED_NHS = set()
def new_nhs():
    while True:
        d9 = str(rng.randint(400000000, 799999999))
        c = nhs_check(d9)
        if c is None: continue
        n = d9 + str(c)
        if n not in USED_NHS:
            USED_NHS.add(n); return n
def nhs_valid(n):
    return len(n) == 10 and n.isdigit() and nhs_check(n[:9]) == int(n[9])

def rand_date(y0, y1):
    a = date(y0, 1, 1).toordinal(); b = date(y1, 12, 31).toordinal()
    return date.fromordinal(rng.randint(a, b))
def postcode(district):
    return f"{district} {rng.randint(1,9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
def new_home(town=None):
    t = town or rng.choice(TOWNS)
    return {"town": t[0], "postcode": postcode(rng.choice(t[1])),
            "address": f"{rng.randint(1,199)} {rng.choice(STREETS)}, {t[0]}"}
SCHOOLS = {t[0]: [f"{rng.choice(SCHOOL_STEM)} {rng.choice(SCHOOL_SUFFIX)}, {t[0]}" for _ in range(6)] for t in TOWNS}

people = []      # all persons (index and shadow)
pid = [0]
def person(given, family, dob, sex, home, school="", in_index=True, nhs=None, tags=()):
    pid[0] += 1
    p = {"person_id": f"P{pid[0]:05d}", "given_name": given, "family_name": family, "dob": dob.isoformat(),
         "sex": sex, "postcode": home["postcode"], "address": home["address"], "town": home["town"],
         "nhs_true": nhs or new_nhs(), "school": school, "in_index": in_index, "tags": set(tags)}
    p["nhs_number"] = p["nhs_true"] if rng.random() < 0.65 else ""
    people.append(p); return p

def child_name(sex):
    g = rng.choice(BOYS if sex == "M" else GIRLS)
    if rng.random() < 0.12:   # has a middle name recorded in given_name
        m = rng.choice(BOYS if sex == "M" else GIRLS)
        if m != g: g = f"{g} {m}"
    return g
def family_surname():
    r = rng.random()
    if r < 0.07:
        a, b = rng.sample(SURN, 2); return f"{a}-{b}"
    if r < 0.09:
        return rng.choice(["Bowes Lyon","Lloyd Webber","Vaughan Williams","Ffrench Davis","Rees Mogg","Parry Jones"])
    if r < 0.30:
        return rng.choice(COMMON)
    return rng.choice(SURN)
def school_for(dob, town):
    age = 2026 - dob.year
    return rng.choice(SCHOOLS[town]) if 4 <= age <= 16 and rng.random() < 0.85 else ""

# ---------- build households ----------
families = []
while sum(1 for p in people if p["in_index"]) < 2950:
    home = new_home(); fam = family_surname(); members = []
    nad = rng.choice([1, 1, 2, 2, 2])
    mum = person(rng.choice(WOMEN), fam if rng.random() < 0.8 else rng.choice(SURN), rand_date(1972, 2002), "F", home)
    members.append(mum)
    if nad == 2:
        members.append(person(rng.choice(MEN), fam, rand_date(1968, 2000), "M", home))
    nk = rng.choice([0, 1, 1, 2, 2, 2, 3, 3, 4])
    used = set()
    for k in range(nk):
        dob = rand_date(max(2008, int(mum["dob"][:4]) + 17), 2025)
        sex = rng.choice("MF"); g = child_name(sex)
        while g in used: g = child_name(sex)
        used.add(g)
        c = person(g, fam, dob, sex, home, school_for(dob, home["town"]), tags={"child"})
        members.append(c)
        if rng.random() < 0.07:   # twins: same surname, dob, address, different first name
            sex2 = rng.choice("MF"); g2 = child_name(sex2)
            while g2 in used or g2.split()[0] == g.split()[0]: g2 = child_name(sex2)
            used.add(g2)
            twin_in = rng.random() < 0.7   # some twins are deliberately absent from the index
            t = person(g2, fam, dob, sex2, home, c["school"], in_index=twin_in, tags={"child", "twin"})
            c["tags"].add("twin"); c["twin_of"] = t["person_id"]; t["twin_of"] = c["person_id"]
            members.append(t)
    families.append(members)

# same-name strangers planted in the index: common name, same or close dob, different town
for _ in range(70):
    sex = rng.choice("MF"); g = rng.choice(COMMON_GIVEN_M if sex == "M" else COMMON_GIVEN_F); f = rng.choice(COMMON)
    dob = rand_date(2009, 2023)
    h1 = new_home(); h2 = new_home(rng.choice([t for t in TOWNS if t[0] != h1["town"]]))
    a = person(g, f, dob, sex, h1, school_for(dob, h1["town"]), tags={"child", "samename"})
    d2 = dob if rng.random() < 0.4 else dob + timedelta(days=rng.choice([-3, -1, 1, 2, 30, 365, -365]))
    b = person(g, f, d2, sex, h2, school_for(d2, h2["town"]), tags={"child", "samename"})
    a["stranger"] = b["person_id"]; b["stranger"] = a["person_id"]

index = [p for p in people if p["in_index"]]
byid = {p["person_id"]: p for p in people}

# ---------- perturbations ----------
def nick(g):
    first, *rest = g.split()
    v = NICK.get(first)
    if not v: return None
    v = v if isinstance(v, list) else [v]
    return " ".join([rng.choice(v)] + rest)
def translit(name):
    first, *rest = name.split()
    v = TRANS.get(first)
    return " ".join([rng.choice(v)] + rest) if v else None
def dob_swap(d):
    y, m, dd = d.split("-")
    if int(dd) <= 12 and dd != m: return f"{y}-{dd}-{m}"
    return None
def dob_digit(d):
    y, m, dd = d.split("-"); dt = date(int(y), int(m), int(dd))
    choice = rng.choice(["day", "day", "month", "year"])
    try:
        if choice == "day": nd = dt.replace(day=dt.day + rng.choice([-1, 1]) if 1 < dt.day < 28 else dt.day + 1 if dt.day == 1 else dt.day - 1)
        elif choice == "month": nd = dt.replace(month=dt.month + 1 if dt.month < 12 else 11)
        else: nd = dt.replace(year=dt.year + rng.choice([-1, 1]))
    except ValueError:
        nd = dt + timedelta(days=1)
    return nd.isoformat()
def hyphen_variant(f):
    if "-" in f:
        a, b = f.split("-", 1)
        return rng.choice([f"{a} {b}", a, b, f"{a}{b}", f"{b}-{a}"])
    if " " in f:
        a, b = f.split(" ", 1)
        return rng.choice([f"{a}-{b}", b, f"{a}{b}"])
    return None
def apostrophe_variant(f):
    if "'" in f: return f.replace("'", rng.choice(["", " "]))
    if f.startswith("Mac"): return "Mc" + f[3:]
    if f.startswith("Mc"): return "Mac" + f[2:]
    return None
def typo(s):
    if len(s) < 4: return None
    i = rng.randint(1, len(s) - 2)
    op = rng.choice(["swap", "drop", "double"])
    if op == "swap": return s[:i] + s[i+1] + s[i] + s[i+2:]
    if op == "drop": return s[:i] + s[i+1:]
    return s[:i] + s[i] + s[i:]
def mid_swap(g):
    parts = g.split()
    if len(parts) < 2: return None
    return rng.choice([f"{parts[1]} {parts[0]}", parts[1]])
def bad_nhs(n):
    i = rng.randint(0, 8); s = list(n); s[i], s[i+1] = s[i+1], s[i]
    t = "".join(s)
    return t if t != n and not nhs_valid(t) else None

def base_query(p):
    return {"given_name": p["given_name"], "family_name": p["family_name"], "dob": p["dob"], "sex": p["sex"],
            "postcode": p["postcode"], "address": p["address"],
            "nhs_number": p["nhs_true"] if rng.random() < 0.4 else "", "school": p["school"]}
def blank_some(q, k):
    for f in rng.sample(["postcode", "address", "school", "sex", "nhs_number", "dob"], k):
        if f == "dob" and rng.random() < 0.7: continue
        q[f] = ""

POS_OPS = ["nickname", "translit", "dob_swap", "dob_digit", "moved", "surname_change", "hyphen", "name_typo",
           "middle_swap", "missing_fields", "apostrophe", "case_noise", "nhs_only_strong"]
def make_positive(p, want=None):
    q = base_query(p); kinds = []
    ops = [want] if want else []
    n_extra = rng.choice([0, 1, 1, 2])
    ops += rng.sample(POS_OPS, n_extra)
    for op in ops:
        if op in kinds: continue
        if op == "nickname":
            v = nick(q["given_name"]); 
            if v: q["given_name"] = v; kinds.append(op)
        elif op == "translit":
            v = translit(q["given_name"]) or translit(q["family_name"])
            if v and translit(q["given_name"]): q["given_name"] = v; kinds.append(op)
            elif v: q["family_name"] = v; kinds.append(op)
        elif op == "dob_swap" and q["dob"]:
            v = dob_swap(q["dob"])
            if v: q["dob"] = v; kinds.append(op)
        elif op == "dob_digit" and q["dob"]:
            q["dob"] = dob_digit(q["dob"]); kinds.append(op)
        elif op == "moved":
            h = new_home() if rng.random() < 0.5 else new_home(next(t for t in TOWNS if t[0] == p["town"]))
            q["address"], q["postcode"] = h["address"], h["postcode"]
            if q["school"] and rng.random() < 0.5: q["school"] = school_for(date.fromisoformat(p["dob"]), h["town"])
            kinds.append(op)
        elif op == "surname_change":
            if "child" in p["tags"]:
                new = rng.choice(SURN)
                q["family_name"] = rng.choice([new, f"{p['family_name']}-{new}", f"{new}-{p['family_name']}"])
            else:
                q["family_name"] = rng.choice(SURN)
            kinds.append(op)
        elif op == "hyphen":
            v = hyphen_variant(q["family_name"])
            if v: q["family_name"] = v; kinds.append(op)
        elif op == "name_typo":
            tgt = rng.choice(["given_name", "family_name"]); v = typo(q[tgt])
            if v: q[tgt] = v; kinds.append(op)
        elif op == "middle_swap":
            v = mid_swap(q["given_name"])
            if v: q["given_name"] = v; kinds.append(op)
        elif op == "missing_fields":
            blank_some(q, rng.randint(2, 3)); kinds.append(op)
        elif op == "apostrophe":
            v = apostrophe_variant(q["family_name"])
            if v: q["family_name"] = v; kinds.append(op)
        elif op == "case_noise":
            q["given_name"] = q["given_name"].upper() if rng.random() < 0.5 else q["given_name"].lower()
            q["family_name"] = q["family_name"].upper() if rng.random() < 0.5 else " " + q["family_name"] + " "
            q["postcode"] = q["postcode"].replace(" ", "").lower() if q["postcode"] else ""
            kinds.append(op)
        elif op == "nhs_only_strong":
            q["nhs_number"] = p["nhs_true"]; q["dob"] = ""; q["address"] = ""; q["postcode"] = ""
            v = nick(q["given_name"]) or typo(q["given_name"])
            if v: q["given_name"] = v
            kinds.append(op)
    if not kinds: kinds.append("exact_or_near_exact")
    if rng.random() < 0.04 and q["nhs_number"]:
        v = bad_nhs(q["nhs_number"])
        if v: q["nhs_number"] = v; kinds.append("nhs_typo_invalid")
    return q, kinds

def stranger_like(p):
    """A person NOT in the index who looks like index person p."""
    sex = p["sex"]; kind = rng.choice(["same_name_other_town", "same_name_close_dob", "parent_child_same_name",
                                       "sibling_not_indexed", "near_name_close_dob"])
    q = {"given_name": p["given_name"], "family_name": p["family_name"], "dob": p["dob"], "sex": sex,
         "postcode": "", "address": "", "nhs_number": "", "school": ""}
    d = date.fromisoformat(p["dob"])
    if kind == "same_name_other_town":
        h = new_home(rng.choice([t for t in TOWNS if t[0] != p["town"]]))
        q.update(postcode=h["postcode"], address=h["address"], school=school_for(d, h["town"]))
        if rng.random() < 0.5: q["dob"] = (d + timedelta(days=rng.choice([-400, -200, -40, 40, 200, 400]))).isoformat()
    elif kind == "same_name_close_dob":
        h = new_home(rng.choice([t for t in TOWNS if t[0] != p["town"]]))
        q.update(postcode=h["postcode"], address=h["address"])
        q["dob"] = (d + timedelta(days=rng.choice([-2, -1, 1, 3, 7, 31]))).isoformat()
    elif kind == "parent_child_same_name":
        # same name, same address, a generation apart (junior/senior)
        q.update(postcode=p["postcode"], address=p["address"])
        shift = rng.choice([-1, 1]) * rng.randint(22, 34)
        try: nd = d.replace(year=d.year + shift)
        except ValueError: nd = d.replace(year=d.year + shift, day=28)
        if nd.year > 2025: nd = d.replace(year=d.year - 26) if d.day != 29 else d.replace(year=d.year - 26, day=28)
        q["dob"] = nd.isoformat()
        q["school"] = school_for(nd, p["town"])
    elif kind == "sibling_not_indexed":
        q.update(postcode=p["postcode"], address=p["address"])
        g = child_name(rng.choice("MF")) if "child" in p["tags"] else rng.choice(MEN + WOMEN)
        taken = {x["given_name"].split()[0] for x in people if x["address"] == p["address"]}
        while g.split()[0] in taken: g = rng.choice(BOYS + GIRLS)
        q["given_name"] = g; q["sex"] = "M" if g.split()[0] in BOYS + MEN else "F"
        q["dob"] = (d + timedelta(days=rng.choice([-1, 1]) * rng.randint(400, 2500))).isoformat()
        q["school"] = p["school"] if rng.random() < 0.5 else ""
    elif kind == "near_name_close_dob":
        v = typo(p["family_name"]) or p["family_name"] + "s"
        q["family_name"] = v
        h = new_home(); q.update(postcode=h["postcode"], address=h["address"])
        q["dob"] = (d + timedelta(days=rng.choice([-10, -5, 5, 10, 365]))).isoformat()
    if rng.random() < 0.35: q["nhs_number"] = new_nhs()   # their own, different, valid NHS number
    return q, [kind]

# ---------- queries ----------
N_POS, N_NEG = 840, 360
queries = []
pos_pool = index[:]; rng.shuffle(pos_pool)
want_cycle = (["nickname"] * 16 + ["translit"] * 6 + ["dob_swap"] * 6 + ["dob_digit"] * 8 + ["moved"] * 10 +
              ["surname_change"] * 6 + ["hyphen"] * 5 + ["name_typo"] * 6 + ["middle_swap"] * 4 + ["missing_fields"] * 8 +
              ["apostrophe"] * 4 + ["case_noise"] * 3 + ["nhs_only_strong"] * 3 + [None] * 10)
# make sure hard people are used: twins in index, same-name strangers, hyphenated surnames
hard = [p for p in index if p["tags"] & {"twin", "samename"} or "-" in p["family_name"] or " " in p["family_name"]
        or len(p["given_name"].split()) > 1 or p["given_name"].split()[0] in TRANS or p["family_name"] in TRANS]
rng.shuffle(hard)
chosen = hard[:330] + [p for p in pos_pool if p not in hard[:330]][:N_POS - 330]
for p in chosen:
    w = rng.choice(want_cycle)
    if len(p["given_name"].split()) > 1 and rng.random() < 0.6: w = "middle_swap"
    elif ("-" in p["family_name"] or " " in p["family_name"]) and rng.random() < 0.6: w = "hyphen"
    elif (p["given_name"].split()[0] in TRANS or p["family_name"] in TRANS) and rng.random() < 0.25: w = "translit"
    q, kinds = make_positive(p, w)
    if "twin" in p["tags"]: kinds.append("twin_in_index" if byid[p["twin_of"]]["in_index"] else "twin_sibling_absent")
    if "samename" in p["tags"]: kinds.append("same_name_stranger_in_index")
    q["true_person_id"] = p["person_id"]; q["kinds"] = kinds; queries.append(q)

# negatives: absent twins first (same surname, dob, address, school; different first name), then look-alikes
absent_twins = [p for p in people if not p["in_index"]]
negs = []
for t in absent_twins:
    q = base_query(t)
    if rng.random() < 0.3: q, _ = make_positive(t, rng.choice(["missing_fields", "nickname", "dob_digit"]))
    q["true_person_id"] = ""; q["kinds"] = ["twin_not_in_index"]; negs.append(q)
looks = rng.sample([p for p in index if "samename" not in p["tags"]], N_NEG)
pool_strangers = [p for p in index if "samename" in p["tags"]]
for i, p in enumerate(looks):
    if len(negs) >= N_NEG: break
    src = pool_strangers[i % len(pool_strangers)] if i < 50 else p
    q, kinds = stranger_like(src)
    # a look-alike must not accidentally equal an index person exactly
    q["true_person_id"] = ""; q["kinds"] = kinds; negs.append(q)
queries += negs[:N_NEG]

idx_keys = {(p["given_name"].lower(), p["family_name"].lower(), p["dob"]) for p in index}
for q in queries:
    if not q["true_person_id"] and (q["given_name"].lower(), q["family_name"].lower(), q["dob"]) in idx_keys:
        q["dob"] = dob_digit(q["dob"]) if q["dob"] else q["dob"]   # avoid exact identity clash with an index person
        q["kinds"].append("dob_nudged")
# NHS numbers on negatives must never belong to an index person
idx_nhs = {p["nhs_true"] for p in index}
for q in queries:
    if not q["true_person_id"] and q["nhs_number"] in idx_nhs: q["nhs_number"] = ""

rng.shuffle(queries)
half = len(queries) // 2
splits = {"dev": queries[:half], "test": queries[half:]}

COLS = ["person_id","given_name","family_name","dob","sex","postcode","address","nhs_number","school"]
with open(os.path.join(OUT, "index.csv"), "w", newline="") as f:
    w = csv.writer(f); w.writerow(COLS)
    for p in sorted(index, key=lambda p: p["person_id"]):
        w.writerow([p[c] for c in COLS])
QC = ["query_id","given_name","family_name","dob","sex","postcode","address","nhs_number","school","true_person_id"]
os.makedirs(os.path.join(OUT, "meta"), exist_ok=True)
n = 0
for name, qs in splits.items():
    with open(os.path.join(OUT, f"queries_{name}.csv"), "w", newline="") as f, \
         open(os.path.join(OUT, "meta", f"query_kinds_{name}.csv"), "w", newline="") as g:
        w = csv.writer(f); w.writerow(QC); wg = csv.writer(g); wg.writerow(["query_id", "in_index", "kinds"])
        for q in qs:
            n += 1; q["query_id"] = f"Q{n:05d}"
            w.writerow([q[c] for c in QC]); wg.writerow([q["query_id"], bool(q["true_person_id"]), ";".join(q["kinds"])])

# summary
from collections import Counter
print("index", len(index), "twins in index", sum("twin" in p["tags"] for p in index),
      "same-name strangers", sum("samename" in p["tags"] for p in index),
      "hyphen/double-barrelled", sum(("-" in p["family_name"] or " " in p["family_name"]) for p in index),
      "with nhs", sum(bool(p["nhs_number"]) for p in index))
assert all(nhs_valid(p["nhs_true"]) for p in people)
for name, qs in splits.items():
    c = Counter(k for q in qs for k in q["kinds"])
    print(name, len(qs), "neg", sum(not q["true_person_id"] for q in qs), dict(sorted(c.items())))
