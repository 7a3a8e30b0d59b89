#!/usr/bin/env python3
"""Check the answer key of this test set.

- every data line (physical line >= 4) of every roster CSV is in truth.csv exactly once,
  and truth.csv names no other line;
- every non-empty 师傅 (or 师父/导师/mentor) cell is in truth_mentors.csv exactly once,
  and truth_mentors.csv names no line without one;
- line 1 of every roster is the synthetic-data marker, line 3 is the header, no field spans lines.
Exit 0 when all holds; prints what is wrong otherwise.
"""
import csv
import glob
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARK = "# 合成数据 synthetic data — invented people, real places"
MENTOR_HEADERS = {"师傅", "师父", "导师", "mentor"}
KEY_FILES = {"truth.csv", "truth_mentors.csv"}


def main():
    errors = []
    rosters = sorted(os.path.basename(f) for f in glob.glob(os.path.join(ROOT, "*.csv"))
                     if os.path.basename(f) not in KEY_FILES)
    if len(rosters) != 4:
        errors.append("expected 4 roster files, found %d: %s" % (len(rosters), rosters))

    def read_key(name, col):
        out = {}
        with open(os.path.join(ROOT, name), encoding="utf-8", newline="") as f:
            r = csv.DictReader(f)
            for row in r:
                k = (row["file"], int(row["line"]))
                out.setdefault(k, []).append(row[col])
        return out

    truth = read_key("truth.csv", "person")
    mentors = read_key("truth_mentors.csv", "mentor_person")

    data_lines = set()
    mentor_lines = set()
    n_rows = 0
    for fn in rosters:
        with open(os.path.join(ROOT, fn), encoding="utf-8", newline="") as f:
            text = f.read()
        if text.startswith("\ufeff"):
            errors.append("%s: starts with a BOM" % fn)
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines = lines[:-1]
        if lines[0] != MARK:
            errors.append("%s: line 1 is not the synthetic-data marker" % fn)
        # no field may span lines: parsing the whole text gives one record per physical line
        whole = list(csv.reader(text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")))
        if len(whole) != len(lines):
            errors.append("%s: a field spans lines" % fn)
        header = next(csv.reader([lines[2]]))
        mcols = [i for i, h in enumerate(header) if h.strip() in MENTOR_HEADERS]
        for ln in range(4, len(lines) + 1):
            raw = lines[ln - 1]
            if not raw.strip():
                errors.append("%s:%d: empty line among data lines" % (fn, ln))
                continue
            row = next(csv.reader([raw]))
            if len(row) != len(header):
                errors.append("%s:%d: %d cells, header has %d" % (fn, ln, len(row), len(header)))
            n_rows += 1
            data_lines.add((fn, ln))
            got = truth.get((fn, ln), [])
            if len(got) != 1:
                errors.append("%s:%d: in truth.csv %d times" % (fn, ln, len(got)))
            for c in mcols:
                if c < len(row) and row[c].strip():
                    mentor_lines.add((fn, ln))
                    m = mentors.get((fn, ln), [])
                    if len(m) != 1:
                        errors.append("%s:%d: 师傅 %r in truth_mentors.csv %d times" % (fn, ln, row[c], len(m)))
    for k in truth:
        if k not in data_lines:
            errors.append("truth.csv names %s:%d, not a data line" % k)
    for k in mentors:
        if k not in mentor_lines:
            errors.append("truth_mentors.csv names %s:%d, which has no 师傅 cell" % k)
    for k, v in list(truth.items()) + list(mentors.items()):
        for pid in v:
            if not (pid.startswith("P") and pid[1:].isdigit()):
                errors.append("bad person id %r at %s:%d" % ((pid,) + k))

    people = {v[0] for v in truth.values() if v}
    mentor_people = {v[0] for v in mentors.values() if v}
    print("rosters: %d, data rows: %d, people with rows: %d, 师傅 cells: %d, mentors: %d (%d listed nowhere as a row)"
          % (len(rosters), n_rows, len(people), len(mentor_lines), len(mentor_people), len(mentor_people - people)))
    if errors:
        for e in errors:
            print("ERROR", e)
        print("%d problems" % len(errors))
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
