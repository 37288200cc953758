#!/usr/bin/env python3
"""Print the count tables used in README.md (run after make_set.py)."""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__)); OUT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import spec
meta = [json.loads(l) for l in open(os.path.join(HERE, 'meta.jsonl'))]
rows = {sp: [json.loads(l) for l in open(os.path.join(OUT, sp + '.jsonl'))] for sp in ('dev', 'test')}
def tab(title, key, values):
    print(f"\n**{title}**\n\n| | dev | test | total |\n|---|---|---|---|")
    for v in values:
        d = sum(1 for m in meta if m['split'] == 'dev' and key(m) == v); t = sum(1 for m in meta if m['split'] == 'test' and key(m) == v)
        print(f"| {v} | {d} | {t} | {d+t} |")
tab("Expected grade", lambda m: m['expected_grade'], ['standard', 'medium', 'high'])
tab("Narrative style", lambda m: m['style'], list(spec.STYLES))
tab("Trap type (None = no trap)", lambda m: str(m['trap']), ['negated', 'hypothetical', 'historical', 'other_person', 'None'])
for sp in ('dev', 'test'):
    print(f"\n**Traps by grade, {sp}**: " + ", ".join(f"{g} {sum(1 for m in meta if m['split']==sp and m['expected_grade']==g and m['trap'])}" for g in ('standard', 'medium', 'high')))
print("\n**Officer DASH level vs expected EVODA grade (both splits)**\n\n| expected \\ dash | standard | medium | high |\n|---|---|---|---|")
for g in ('standard', 'medium', 'high'):
    print(f"| {g} | " + " | ".join(str(sum(1 for m in meta if m['expected_grade'] == g and m['dash_level'] == d)) for d in ('standard', 'medium', 'high')) + " |")
print("\n**Relationship**\n\n| | dev | test |\n|---|---|---|")
for v in ('partner', 'ex_partner', 'family_member', 'young_people_partners', 'other'):
    print(f"| {v} | {sum(r['relationship']==v for r in rows['dev'])} | {sum(r['relationship']==v for r in rows['test'])} |")
print("\n**Indicator texts used (exact matrix wording) and how often** (number of notifications listing each text)\n")
print("Column: U = universal, T = targeted, H = high; RF = risk factor, PF = protective factor; 'multi' = the same text appears in more than one column.\n")
print("| key | column | indicator text | dev | test | total |\n|---|---|---|---|---|---|")
col = {'UR1': 'U RF', 'UR2': 'U RF', 'RA': 'U+T RF (multi)', 'RL': 'U+T+H RF (multi)', 'RC': 'U+T RF (multi; H column has a variant)',
       'RS': 'U+T+H RF (multi)', 'PC': 'U+T+H PF (multi)', 'PF': 'U+T+H PF (multi)', 'UP1': 'U+T PF (multi)'}
for k in spec.IND:
    c = col.get(k) or ('U indicator' if k in ('U1', 'U2') else 'T indicator' if k in ('T1', 'T2', 'T3') else
                       'H indicator' if k[0] == 'H' and k[1].isdigit() else 'H RF' if k.startswith('HR') else
                       'T RF' if k.startswith('TR') else 'U PF' if k.startswith('UP') else 'T PF' if k.startswith('TP') else 'H PF')
    d = sum(k in m['indicator_keys'] for m in meta if m['split'] == 'dev'); t = sum(k in m['indicator_keys'] for m in meta if m['split'] == 'test')
    print(f"| {k} | {c} | {spec.IND[k]} | {d} | {t} | {d+t} |")
n = [len(r['expected_indicators']) for sp in rows for r in rows[sp]]
print(f"\nIndicators per notification: mean {sum(n)/len(n):.1f}, min {min(n)}, max {max(n)}.")
L = sorted(len(r['narrative']) for sp in rows for r in rows[sp])
print(f"Narrative length: {L[0]}-{L[-1]} characters (median {L[100]}).")
