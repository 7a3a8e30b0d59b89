#!/usr/bin/env python3
"""Mechanical check: every data row of every roster CSV has exactly one truth line with matching line number."""
import csv, os, sys, glob
from collections import Counter
D = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
truth = list(csv.DictReader(open(os.path.join(D, 'truth.csv'), encoding='utf-8', newline='')))
keys = Counter((t['file'], int(t['line'])) for t in truth)
assert all(v == 1 for v in keys.values()), 'duplicate truth lines'
rosters = [f for f in sorted(glob.glob(os.path.join(D, '*.csv'))) if not os.path.basename(f).startswith('truth')]
expected = set()
ok = True
for f in rosters:
    raw = open(f, 'rb').read()
    assert not raw.startswith(b'\xef\xbb\xbf'), 'BOM in ' + f
    assert b'\r' not in raw, 'CR in ' + f
    text = raw.decode('utf-8')
    lines = text.split('\n')
    assert lines[-1] == '', 'no final newline'
    lines = lines[:-1]
    assert lines[0] == '# 合成数据 synthetic data — invented people, real places', f
    rows = list(csv.reader(lines))
    ncol = len(rows[2])
    for i, r in enumerate(rows[3:], start=4):
        assert len(r) == ncol, (f, i)
        expected.add((os.path.basename(f), i))
    print(os.path.basename(f), 'data rows', len(rows) - 3, 'columns', ncol)
missing = expected - set(keys)
extra = set(keys) - expected
print('truth lines', len(truth), 'missing', len(missing), 'extra', len(extra))
people = Counter(t['person'] for t in truth)
print('people', len(people))
mpath = os.path.join(D, 'truth_mentors.csv')
if os.path.exists(mpath):
    tm = list(csv.DictReader(open(mpath, encoding='utf-8', newline='')))
    for t in tm:
        assert (t['file'], int(t['line'])) in expected and t['mentor_person'] in people, t
    # every non-empty 师傅 cell has a mentor line
    for f in rosters:
        lines = open(f, encoding='utf-8').read().split('\n')[:-1]
        rows = list(csv.reader(lines))
        h = rows[2]
        if '师傅' in h:
            k = h.index('师傅')
            need = {(os.path.basename(f), i) for i, r in enumerate(rows[3:], start=4) if r[k].strip()}
            have = {(t['file'], int(t['line'])) for t in tm}
            assert need == have, (need ^ have)
    print('mentor lines', len(tm), 'ok')
sys.exit(1 if missing or extra else 0)
