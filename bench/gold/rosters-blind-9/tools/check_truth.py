#!/usr/bin/env python3
"""Check that truth.csv covers every data row of the four rosters, and nothing else.

A data row is every non-blank line after the header line (the first line whose
cells contain 姓名). Also checks: line 1 is the synthetic-data banner, ids are
well formed, each row's name (after taking off glued titles, spaces, （女）,
traditional script) equals the person's canonical name from tools/persons_debug.csv,
and truth_mentors.csv names known persons.
Exit status 1 on any problem.
"""
import csv
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..'))
FILES = ['qz_zgh_laomo_mingce.csv', 'qz_rsj_biaozhang_taizhang.csv', 'jj_zgh_gongzuoshi_chengyuan.csv',
         'fz_zgh_chunjie_weiwen_2024.csv']
BANNER = '# 合成数据 synthetic data — invented people, real places'

try:
    import opencc
    t2s = opencc.OpenCC('t2s').convert
except ImportError:
    t2s = None

problems = []


def norm_name(s):
    s = s.replace('\u3000', '').replace(' ', '')
    s = re.sub(r'（[^）]*）$', '', s)
    s = re.sub(r'同志$', '', s)
    s = re.sub(r'^(全国劳模|省劳模|市劳模|全國勞模|省勞模|市勞模)', '', s)
    if t2s:
        s = t2s(s)
    return s


canon = {}
pfile = os.path.join(HERE, 'persons_debug.csv')
if os.path.exists(pfile):
    with open(pfile, encoding='utf-8') as f:
        for r in csv.DictReader(f):
            canon[r['person']] = r['name']

truth = {}
with open(os.path.join(ROOT, 'truth.csv'), encoding='utf-8') as f:
    rd = csv.reader(f)
    if next(rd) != ['file', 'line', 'person']:
        problems.append('truth.csv: bad header')
    for r in rd:
        fn, ln, pid = r
        if not re.fullmatch(r'P\d{4}', pid):
            problems.append(f'truth.csv: bad id {pid}')
        if (fn, int(ln)) in truth:
            problems.append(f'truth.csv: duplicate {fn}:{ln}')
        truth[(fn, int(ln))] = pid

total = 0
for fn in FILES:
    path = os.path.join(ROOT, fn)
    with open(path, encoding='utf-8', newline='') as f:
        lines = f.read().split('\n')
    if lines and lines[-1] == '':
        lines = lines[:-1]
    if lines[0] != BANNER:
        problems.append(f'{fn}: line 1 is not the banner')
    header_at = None
    for i, line in enumerate(lines, 1):
        if i == 1:
            continue
        cells = next(csv.reader([line]))
        if header_at is None:
            if '姓名' in cells:
                header_at = i
                name_col = cells.index('姓名')
            continue
        if not line.strip():
            continue
        total += 1
        pid = truth.get((fn, i))
        if pid is None:
            problems.append(f'{fn}:{i}: data row not in truth.csv')
            continue
        if canon and norm_name(cells[name_col]) != canon.get(pid):
            problems.append(f'{fn}:{i}: name {cells[name_col]!r} does not normalise to {canon.get(pid)!r} ({pid})')
    for (tf, tl) in truth:
        if tf == fn and (header_at is None or tl <= header_at or tl > len(lines) or not lines[tl - 1].strip()):
            problems.append(f'truth.csv: {tf}:{tl} is not a data row')
for (tf, tl) in truth:
    if tf not in FILES:
        problems.append(f'truth.csv: unknown file {tf}')

with open(os.path.join(ROOT, 'truth_mentors.csv'), encoding='utf-8') as f:
    rd = csv.reader(f)
    if next(rd) != ['mentor_person', 'mentee_person']:
        problems.append('truth_mentors.csv: bad header')
    row_people = set(truth.values())
    no_row = set()
    for m, e in rd:
        if e not in row_people:
            problems.append(f'truth_mentors.csv: mentee {e} has no row')
        if m not in row_people:
            no_row.add(m)
            if canon and m not in canon:
                problems.append(f'truth_mentors.csv: unknown mentor {m}')

print(f'{total} data rows, {len(truth)} truth rows, {len(set(truth.values()))} people; '
      f'mentors without a row: {sorted(no_row)}')
for p in problems:
    print('PROBLEM', p)
sys.exit(1 if problems else 0)
