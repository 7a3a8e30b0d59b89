#!/usr/bin/env python3
"""Mechanical check of the rosters against truth.csv / truth_mentors.csv (stdlib only)."""
import collections
import csv
import glob
import io
import os
import re
import sys

D = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARK = "# 合成数据 synthetic data — invented people, real places"
bad = []
rosters = sorted(os.path.basename(p) for p in glob.glob(os.path.join(D, "*.csv")) if not os.path.basename(p).startswith("truth"))
data = {}
for fn in rosters:
    raw = open(os.path.join(D, fn), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        bad.append(fn + ": BOM")
    if b"\r" in raw:
        bad.append(fn + ": CR in file")
    text = raw.decode("utf-8")
    lines = text.split("\n")
    if lines[-1] == "":
        lines = lines[:-1]
    if lines[0] != MARK:
        bad.append(fn + ": line 1")
    recs = list(csv.reader(io.StringIO(text)))
    if len(recs) != len(lines):
        bad.append(fn + ": a record spans lines (%d records, %d lines)" % (len(recs), len(lines)))
    hdr = recs[2]
    rows = {}
    for i, r in enumerate(recs[3:], start=4):
        if len(r) != len(hdr):
            bad.append("%s:%d: %d cells, header %d" % (fn, i, len(r), len(hdr)))
        rows[i] = dict(zip(hdr, r))
    data[fn] = rows

truth = collections.defaultdict(list)
with open(os.path.join(D, "truth.csv"), encoding="utf-8", newline="") as f:
    rd = csv.reader(f)
    assert next(rd) == ["file", "line", "person"]
    for fn, ln, pid in rd:
        truth[(fn, int(ln))].append(pid)
        if fn not in data or int(ln) not in data[fn]:
            bad.append("truth line without a data row: %s:%s" % (fn, ln))
        if not re.fullmatch(r"P\d{3}", pid):
            bad.append("bad id " + pid)
for fn, rows in data.items():
    for ln in rows:
        if len(truth.get((fn, ln), [])) != 1:
            bad.append("%s:%d has %d truth lines" % (fn, ln, len(truth.get((fn, ln), []))))


def norm(n):
    n = re.sub(r"（[^）]*）|同志$", "", n)
    return n.replace("\u3000", "").replace(" ", "")


names = collections.defaultdict(set)
for (fn, ln), pids in truth.items():
    r = data[fn][ln]
    names[pids[0]].add(norm(r.get("姓名", "")))
mentors = {}
p = os.path.join(D, "truth_mentors.csv")
if os.path.exists(p):
    with open(p, encoding="utf-8", newline="") as f:
        rd = csv.reader(f)
        assert next(rd) == ["file", "line", "mentor_person"]
        for fn, ln, pid in rd:
            mentors[(fn, int(ln))] = pid
for fn, rows in data.items():
    for ln, r in rows.items():
        m = r.get("师傅", "")
        if m and (fn, ln) not in mentors:
            bad.append("%s:%d 师傅 %s without truth_mentors line" % (fn, ln, m))
        if (fn, ln) in mentors:
            if not m:
                bad.append("%s:%d truth_mentors line but empty 师傅" % (fn, ln))
            elif m not in names[mentors[(fn, ln)]]:
                bad.append("%s:%d 师傅 %s not a name of %s %s" % (fn, ln, m, mentors[(fn, ln)], names[mentors[(fn, ln)]]))
print("rosters:", ", ".join("%s %d rows" % (fn, len(data[fn])) for fn in rosters))
print("truth lines:", sum(len(v) for v in truth.values()), "people:", len(set(p[0] for p in truth.values())),
      "mentor lines:", len(mentors))
if bad:
    print("\n".join(bad))
    sys.exit(1)
print("OK")
