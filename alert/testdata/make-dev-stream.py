#!/usr/bin/env python3
"""Writes dev-stream.jsonl and dev-gold.tsv: the alerts development stream, written by
the tocsin project (no outside data). Deterministic: run it again to get the same files.

Each line of dev-stream.jsonl is one report (a coded event of one article): its story,
outlet, day, source and target actor codes, place country, quad class and Goldstein
score. The stream runs 26 weeks from Monday 2021-01-04 and holds (see README.md):
escalating dyads and one country, steady dyads, quiet dyads with noise, one escalation
told by many outlets, and a dyad whose volume grows fivefold without escalating.
"""
import datetime, json, random

rnd = random.Random(13)
START = datetime.date(2021, 1, 4)
WEEKS = 26
OUTLETS = ["wire-a", "wire-b", "courier", "daily", "gazette", "herald", "times", "post", "observer", "tribune"]
reports, gold = [], []
seq = [0]

def story(week, src, tgt, country, quad, goldstein, outlets=1):
    seq[0] += 1
    sid = "dev-%04d" % seq[0]
    day = START + datetime.timedelta(days=7 * week + rnd.randrange(7))
    for o in rnd.sample(OUTLETS, outlets):
        reports.append({"story": sid, "outlet": o, "day": day.isoformat(), "source": src, "target": tgt,
                        "country": country, "quad": quad, "goldstein": goldstein})

CONFLICT = [(3, -4.0), (3, -5.0), (4, -10.0), (4, -9.5), (4, -8.0)]
COOP = [(1, 3.0), (1, 1.0), (2, 7.4), (2, 6.0), (1, 4.0)]

def mixed(week, src, tgt, country, n, p_conflict, outlets=1):
    for _ in range(n):
        q, g = rnd.choice(CONFLICT) if rnd.random() < p_conflict else rnd.choice(COOP)
        story(week, src, tgt, country, q, g, outlets)

def poisson(lam):
    n, p, l = 0, rnd.random(), 2.718281828 ** -lam
    while p > l:
        n += 1
        p *= rnd.random()
    return n

for w in range(WEEKS):
    # Escalations (gold).
    # Azerbaijan -> Armenia: quiet, then fighting from week 16, each story told by 4-10 outlets.
    if w < 16:
        mixed(w, "AZEGOV", "ARMGOV", "", poisson(0.6), 0.3, outlets=rnd.randint(1, 3))
    elif w < 19:
        for _ in range(8 + rnd.randrange(4)):
            q, g = rnd.choice(CONFLICT)
            story(w, "AZEMIL", "ARMMIL", "", q, g, outlets=rnd.randint(4, 10))
    else:
        mixed(w, "AZEGOV", "ARMGOV", "", 2, 0.5)
    # Russia -> Ukraine: cooperative talk, then from week 12 conflict.
    if w < 12:
        mixed(w, "RUSGOV", "UKRGOV", "", 2 + poisson(1), 0.15)
    else:
        mixed(w, "RUSMIL", "UKRMIL", "", 6 + rnd.randrange(3), 0.85)
    # Ethiopia -> Eritrea: warm relations, then in week 20 a sharp fall (Goldstein drop).
    if w < 20:
        mixed(w, "ETHGOV", "ERIGOV", "", 2, 0.0)
    elif w == 20:
        for _ in range(4):
            story(w, "ETHMIL", "ERIMIL", "", 4, -9.5)
    else:
        mixed(w, "ETHGOV", "ERIGOV", "", 1, 0.5)
    # India -> Pakistan: occasional friction, then clashes in week 22.
    if w == 22:
        for _ in range(6):
            q, g = rnd.choice(CONFLICT)
            story(w, "INDMIL", "PAKMIL", "", q, g, outlets=2)
    else:
        mixed(w, "INDGOV", "PAKGOV", "", poisson(1), 0.3)
    # Sudan (a country, domestic actors): from week 18 fighting placed in Sudan.
    if w < 18:
        mixed(w, "SDNGOV", "SDNOPP", "SDN", poisson(1.5), 0.2)
    else:
        mixed(w, "SDNMIL", "SDNREB", "SDN", 7 + rnd.randrange(4), 0.9)

    # Steady dyads: the same mix every week, with noise.
    mixed(w, "USAGOV", "CHNGOV", "CHN", 5 + rnd.randrange(3), 0.3, outlets=rnd.randint(1, 4))
    mixed(w, "FRAGOV", "DEUGOV", "DEU", 3 + rnd.randrange(3), 0.05)
    mixed(w, "ISRMIL", "PSEREB", "", 4 + rnd.randrange(3), 0.7)
    # Volume growth that is not escalation: five times the stories from week 14, same mix.
    mixed(w, "GBRGOV", "IRLGOV", "GBR", (3 if w < 14 else 15) + rnd.randrange(2), 0.2)
    # Quiet dyads with noise: a story now and then, of any kind.
    for src, tgt in [("BRA", "ARG"), ("CAN", "MEX"), ("JPN", "KOR"), ("NOR", "SWE"), ("KEN", "TZA"),
                     ("PER", "CHL"), ("THA", "KHM"), ("EGY", "JOR"), ("POL", "LTU"), ("NZL", "AUS")]:
        mixed(w, src + "GOV", tgt + "GOV", "", poisson(0.3), 0.5)

gold = [
    ("dyad", "AZE", "ARM", (START + datetime.timedelta(weeks=16)).isoformat(), "fighting from week 16, many outlets"),
    ("dyad", "RUS", "UKR", (START + datetime.timedelta(weeks=12)).isoformat(), "conflict from week 12"),
    ("dyad", "ETH", "ERI", (START + datetime.timedelta(weeks=20)).isoformat(), "sharp fall of the Goldstein mean in week 20"),
    ("dyad", "IND", "PAK", (START + datetime.timedelta(weeks=22)).isoformat(), "clashes in week 22"),
    ("country", "SDN", "", (START + datetime.timedelta(weeks=18)).isoformat(), "fighting in Sudan from week 18"),
]
reports.sort(key=lambda r: (r["day"], r["story"], r["outlet"]))
with open("dev-stream.jsonl", "w") as f:
    for r in reports:
        f.write(json.dumps(r, sort_keys=True) + "\n")
with open("dev-gold.tsv", "w") as f:
    f.write("# kind\tsource or country\ttarget\tfirst week of the escalation\tnote\n")
    for g in gold:
        f.write("\t".join(g) + "\n")
