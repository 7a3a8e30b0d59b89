"""Deduplication quality and scale, on a labelled set generated here (seeded).

Clusters of records of one real person in the ways sources spell them (the same name at
the same unit, traditional characters, a glued title, a unit abbreviation, a homophone or
one-character typo) and look-alike people who are NOT the same (the same name at another
unit, homophones and one-character neighbours at other units, very common names).
Prints pairwise precision/recall/F1 for automatic merges and for suggestions, B-cubed F1
of the clusters, blocking recall, candidates per record, the share decided without staff,
then the time and memory of a scan of 100,000 generated people.

The scenario "one city's rosters from several offices" (issue 9) loads four rosters of
bench/synthetic.py (city_rosters: namesakes at other units, abbreviated honors, glued
titles, spaces, traditional copies, people who changed units) through the real loader into
a Neo4j of its own (.kg/bench-offices, a free port, removed afterwards) and compares the
nodes and the open review queue with the answer key.

`--rosters DIR` scores rosters someone else wrote the same way: DIR/*.csv loaded in name order,
DIR/truth.csv the answer key (file, line, person). bench/gold/rosters-blind/ is such a set,
written blind by a helper who saw only the roster columns and the issue (bench/README.md).

    .venv/bin/python bench/dedupe.py [--people 100000] [--scenario all|labelled|offices|scale]
    .venv/bin/python bench/dedupe.py --rosters bench/gold/rosters-blind
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import SURNAMES  # noqa: E402
from graph import names  # noqa: E402
from graph.dedupe import blocking, features  # noqa: E402
from graph.dedupe.records import PersonRecord  # noqa: E402

# The labelled set's own pools (bench/synthetic.py's changed shape when the rosters grew
# realistic; the set keeps the units and given-name characters it was designed with).
GIVEN = list("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强志明海燕红梅玉兰"
             "文斌晓东春林永刚国平金良雪山开九继东建军卫东红霞丽萍小红德明福生金甫晨阳浩然子涵一鸣"
             "嘉怡思远宇航鑫磊佳琪欣怡振华国庆跃进立新向阳")
UNITS = [
    ("国网嘉兴供电公司", "嘉兴市"), ("嘉兴市第二医院", "嘉兴市"), ("长城汽车股份有限公司平湖分公司", "平湖市"),
    ("嘉兴技师学院", "嘉兴市"), ("桐乡市振东家庭农场", "桐乡市"), ("海宁市皮革城股份有限公司", "海宁市"),
    ("嘉善县人民医院", "嘉善县"), ("海盐县核电服务中心", "海盐县"), ("嘉兴港区开发建设集团", "嘉兴市"),
    ("南湖区凤桥镇农业服务中心", "南湖区"), ("秀洲区王店镇卫生院", "秀洲区"), ("桐乡市巨石集团有限公司", "桐乡市"),
    ("嘉兴市公共交通有限公司", "嘉兴市"), ("平湖市独山港区管委会", "平湖市"), ("嘉兴市中医医院", "嘉兴市"),
    ("浙江嘉化能源化工股份有限公司", "嘉兴市"), ("嘉善县大云镇农业合作社", "嘉善县"), ("海宁市人民医院", "海宁市"),
]
UNIT_VARIANTS = {
    "国网嘉兴供电公司": ["国网浙江省电力有限公司嘉兴供电公司", "国家电网嘉兴供电公司"],
    "长城汽车股份有限公司平湖分公司": ["长城汽车平湖分公司"],
    "桐乡市巨石集团有限公司": ["桐乡巨石集团"],
    "嘉兴市第二医院": ["浙江省嘉兴市第二医院"],
}
TITLES = ["全国劳模", "全国五一劳动奖章获得者", "浙江省劳动模范", "高级技师", "嘉兴良匠"]
HONORS = ["全国劳动模范", "浙江省劳动模范", "嘉兴市劳动模范", "浙江工匠", "嘉兴良匠"]
TRADITIONAL = {"张": "張", "陈": "陳", "刘": "劉", "杨": "楊", "黄": "黃", "赵": "趙", "吴": "吳", "孙": "孫",
               "东": "東", "华": "華", "国": "國", "军": "軍", "伟": "偉", "红": "紅", "兰": "蘭", "明": "明",
               "丽": "麗", "强": "強", "涛": "濤", "平": "平", "刚": "剛", "龙": "龍", "马": "馬", "郑": "鄭"}


def _surname(rng: random.Random) -> str:
    return rng.choices([s for s, _ in SURNAMES], weights=[w for _, w in SURNAMES])[0]


def _homophone(rng: random.Random, name: str) -> str | None:
    """The name with its last character swapped for another of the same toneless reading."""
    last = name[-1]
    reading = names.pinyin_full(last)
    same = [c for c in GIVEN if c != last and names.pinyin_full(c) == reading]
    return name[:-1] + rng.choice(same) if same else None


def _one_char(rng: random.Random, name: str) -> str:
    while True:
        c = rng.choice(GIVEN)
        if c != name[-1] and names.pinyin_full(c) != names.pinyin_full(name[-1]):
            return name[:-1] + c


def _traditional(name: str) -> str:
    return "".join(TRADITIONAL.get(c, c) for c in name)


def generate(seed: int = 5, clusters: int = 600) -> tuple[list[PersonRecord], dict[str, int], list[str]]:
    """Records, their true cluster, and each record's stratum."""
    rng = random.Random(seed)
    records: list[PersonRecord] = []
    truth: dict[str, int] = {}
    stratum: dict[str, str] = {}

    def add(cluster: int, kind: str, **kw) -> None:
        rid = f"r{len(records):06d}"
        records.append(PersonRecord(id=rid, **kw))
        truth[rid] = cluster
        stratum[rid] = kind

    cid = 0
    for _ in range(clusters):
        surname = _surname(rng)
        given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.75 else "")
        name = surname + given
        unit, region = rng.choice(UNITS)
        born = rng.randint(1955, 1995)
        gender = rng.choice("男女")
        honor = (rng.choice(HONORS), rng.randint(2000, 2024))
        base = dict(units=[unit], regions=[region], gender=gender, birth_year=born)
        add(cid, "base", name=name, honors=[honor], **base)
        variants = rng.sample(["same", "traditional", "title", "unit_abbrev", "homophone", "one_char"],
                              k=rng.randint(1, 3))
        for v in variants:
            if v == "same":  # another roster: same name and unit, another honor, no birth year
                add(cid, v, name=name, units=[unit], honors=[(rng.choice(HONORS), rng.randint(2000, 2024))],
                    regions=[region])
            elif v == "traditional":  # an article in traditional characters, honor and year stated
                add(cid, v, name=_traditional(name), units=[unit], honors=[honor])
            elif v == "title":  # a title glued to the name, the same honor and year
                add(cid, v, name=rng.choice(TITLES) + name, honors=[honor], regions=[region])
            elif v == "unit_abbrev" and unit in UNIT_VARIANTS:
                add(cid, v, name=name, units=[rng.choice(UNIT_VARIANTS[unit])], gender=gender, birth_year=born)
            elif v == "homophone":  # a typo that sounds the same, same unit and birth year
                typo = _homophone(rng, name)
                if typo:
                    add(cid, v, name=typo, units=[unit], birth_year=born, gender=gender)
            elif v == "one_char":  # a wrong character, same unit and birth year
                add(cid, v, name=_one_char(rng, name), units=[unit], birth_year=born, gender=gender)
        # look-alikes that are other people
        other_unit, other_region = rng.choice([u for u in UNITS if u[0] != unit])
        r = rng.random()
        if r < 0.35:  # namesake at another unit, another generation
            cid += 1
            add(cid, "namesake_other_unit", name=name, units=[other_unit], regions=[other_region],
                birth_year=born + rng.choice([-20, -12, 12, 20]), honors=[(rng.choice(HONORS), rng.randint(2000, 2024))])
        elif r < 0.55:
            typo = _homophone(rng, name)
            if typo:
                cid += 1
                add(cid, "homophone_other_person", name=typo, units=[other_unit], regions=[other_region])
        elif r < 0.75:
            cid += 1
            add(cid, "one_char_other_person", name=_one_char(rng, name), units=[other_unit],
                regions=[other_region], gender=rng.choice("男女"))
        elif r < 0.85:  # same name, same unit, but a different gender: two people
            cid += 1
            add(cid, "namesake_same_unit", name=name, units=[unit], gender="女" if gender == "男" else "男",
                birth_year=rng.randint(1955, 1995))
        cid += 1
    return records, truth, [stratum[r.id] for r in records]


def labelled_pairs(records: list[PersonRecord], truth: dict[str, int]) -> dict[tuple[str, str], bool]:
    """All pairs inside a cluster (true) and every pair of look-alikes across clusters (false)."""
    by_surname: dict[str, list[PersonRecord]] = defaultdict(list)
    for r in records:
        by_surname[names.split_name(names.normalize_person_name(r.name))[0]].append(r)
    pairs: dict[tuple[str, str], bool] = {}
    for group in by_surname.values():
        for a, b in combinations(group, 2):
            na, nb = names.normalize_person_name(a.name), names.normalize_person_name(b.name)
            related = na == nb or names.pinyin_full(na) == names.pinyin_full(nb) or (
                len(na) == len(nb) and sum(x != y for x, y in zip(na, nb)) == 1)
            if truth[a.id] == truth[b.id] or related:
                pairs[tuple(sorted((a.id, b.id)))] = truth[a.id] == truth[b.id]
    return pairs


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def bcubed(pred: dict[str, int], truth: dict[str, int]) -> float:
    pc: dict[int, set[str]] = defaultdict(set)
    tc: dict[int, set[str]] = defaultdict(set)
    for k, v in pred.items():
        pc[v].add(k)
    for k, v in truth.items():
        tc[v].add(k)
    precision = recall = 0.0
    for item in truth:
        p, t = pc[pred[item]], tc[truth[item]]
        both = len(p & t)
        precision += both / len(p)
        recall += both / len(t)
    precision /= len(truth)
    recall /= len(truth)
    return 2 * precision * recall / (precision + recall)


def components(ids: list[str], edges: list[tuple[str, str]]) -> dict[str, int]:
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[find(a)] = find(b)
    roots: dict[str, int] = {}
    return {i: roots.setdefault(find(i), len(roots)) for i in ids}


def quality() -> list[tuple[str, str, str]]:
    records, truth, strata = generate()
    pairs = labelled_pairs(records, truth)
    carriers = blocking.distinct_carriers(records)
    index = {r.id: n for n, r in enumerate(records)}
    candidates = blocking.candidate_pairs(records)
    candidate_set = {tuple(sorted((records[i].id, records[j].id))) for i, js in candidates.items() for j in js}
    decisions: dict[tuple[str, str], str] = {}
    for (a, b) in pairs:
        if (a, b) in candidate_set:
            decisions[(a, b)] = features.decide(features.score_person(
                records[index[a]], records[index[b]], carriers))
        else:
            decisions[(a, b)] = "new"
    positives = [k for k, v in pairs.items() if v]
    auto = prf(sum(1 for k, v in pairs.items() if v and decisions[k] == "match"),
               sum(1 for k, v in pairs.items() if not v and decisions[k] == "match"),
               sum(1 for k, v in pairs.items() if v and decisions[k] != "match"))
    suggest = prf(sum(1 for k, v in pairs.items() if v and decisions[k] != "new"),
                  sum(1 for k, v in pairs.items() if not v and decisions[k] != "new"),
                  sum(1 for k, v in pairs.items() if v and decisions[k] == "new"))
    blocking_recall = sum(1 for k in positives if k in candidate_set) / len(positives)
    auto_edges = [k for k, d in decisions.items() if d == "match"]
    b3 = bcubed(components([r.id for r in records], auto_edges), truth)
    decided = sum(1 for d in decisions.values() if d != "review") / len(decisions)
    per_record = sum(len(js) for js in candidates.values()) / len(records)
    by_stratum = Counter(strata)
    return [
        ("records / clusters / labelled pairs", f"{len(records):,} / {len(set(truth.values())):,} / {len(pairs):,} "
                                                f"({len(positives):,} same, {len(pairs) - len(positives):,} different)", ""),
        ("strata", ", ".join(f"{k} {v}" for k, v in sorted(by_stratum.items())), ""),
        ("automatic merges: precision / recall / F1", "{:.3f} / {:.3f} / {:.3f}".format(*auto), "P ≥ 0.995"),
        ("suggestions (merge+review): P / R / F1", "{:.3f} / {:.3f} / {:.3f}".format(*suggest), ""),
        ("B-cubed F1 of clusters (automatic merges)", f"{b3:.3f}", "≥ 0.97"),
        ("blocking recall", f"{blocking_recall:.3f}", "≥ 0.99"),
        ("candidates per record", f"{per_record:.2f}", ""),
        ("pairs decided without staff", f"{decided:.1%}", "≥ 70%"),
    ]


def _honors(row: dict[str, str]) -> list[tuple[str, int]]:
    """A roster row's honors with their years (several per row, separated by 、)."""
    return [(h, int(y)) for h, y in zip(row["荣誉称号"].split("、"), row["授予年份"].split("、")) if h and y]


def scale(people: int) -> list[tuple[str, str, str]]:
    from bench.synthetic import generate_roster_rows

    rows = generate_roster_rows(people, seed=99, id_prefix="P")
    records = [PersonRecord(id=r["编号"], name=r["姓名"], units=[r["工作单位"]], regions=[r["地区"]],
                            honors=_honors(r), gender=r["性别"],
                            birth_year=int(r["出生年份"])) for r in rows]
    t0, c0 = time.perf_counter(), time.process_time()
    found = blocking.scan(records, name_frequency=blocking.distinct_carriers(records))
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return [
        (f"scan of {people:,} people", f"{seconds:.1f} s ({cpu:.1f} s CPU: the rest is a busy machine), "
                                       f"{len(found):,} pairs at or above review", "≤ 60 s"),
        ("peak memory of the process", f"{peak:,.0f} MB", "< 2,048 MB"),
    ]


# ---------------------------------------------------------------- one city's rosters from several offices


def _row_nodes(db, paths: list[Path]) -> dict[tuple[int, int], str]:
    """(roster, line of the file) → the person node the load gave the row, read back from the
    graph through each WORKS_AT or RECEIVED fact's source and row locator (`row N` is the row's
    line in its file)."""
    from graph.identity import content_hash

    source_of = {f"roster_{content_hash(p.read_bytes())[:12]}": k for k, p in enumerate(paths)}
    rows = db.read("MATCH (p:Person)-[r:WORKS_AT|RECEIVED]->() UNWIND range(0, size(r.sourceIds) - 1) AS i "
                   "RETURN DISTINCT p.id AS id, r.sourceIds[i] AS source, r.locators[i] AS at")
    out: dict[tuple[int, int], str] = {}
    for r in rows:
        k = source_of.get(r["source"])
        if k is not None and (r["at"] or "").startswith("row "):
            out[(k, int(r["at"][4:]))] = r["id"]
    return out


def _load_rosters(paths: list[Path], keep: bool = False) -> tuple[int, float, dict[tuple[int, int], str], set[frozenset[str]]]:
    """Loads the rosters as one batch (`kg load roster A B C D`: each file after those its
    mentors are people of) through the real loader into a Neo4j of its own (.kg/bench-offices):
    rows refused, seconds, each row's node, the open review pairs."""
    import shutil

    from bench.loaders import bench_settings
    from graph import neo4j_server
    from graph.config import CHECKOUT
    from graph.db import Database
    from graph.ingest import load_rosters
    from graph.schema.migrations import migrate

    home = CHECKOUT / ".kg" / "bench-offices"
    shutil.rmtree(home, ignore_errors=True)
    settings = bench_settings("1g", "512m", home=home)
    neo4j_server.start(settings, progress=False)
    db = Database(settings)
    try:
        migrate(db)
        t0 = time.perf_counter()
        refused = sum(report.rejected for _, report in load_rosters(db, paths, skip_invalid=True))
        seconds = time.perf_counter() - t0
        node = _row_nodes(db, paths)
        review = {frozenset(r["ids"]) for r in db.read(
            "MATCH (i:ReviewItem {status: 'open'})-[:CANDIDATE]->(p:Person) "
            "WITH i, collect(p.id) AS ids WHERE size(ids) = 2 RETURN ids")}
    finally:
        db.close()
        neo4j_server.stop(settings)
        if not keep:
            shutil.rmtree(home, ignore_errors=True)
    return refused, seconds, node, review


Row = tuple[int, int]
"""A roster row: (roster, line of its file)."""


def _scored(rosters: int, truth: dict[Row, str], name: dict[Row, str], refused: int, seconds: float,
            node: dict[Row, str], review: set[frozenset[str]]) -> list[tuple[str, str, str]]:
    """The rows' nodes and the open review queue against the answer key (`truth`: each row's
    real person), as issue 9 measures them."""
    rows = list(truth)
    missing = [x for x in rows if x not in node]
    loaded = [x for x in rows if x in node]
    # every pair of rows a person could confuse: the same person, or names alike
    by_surname: dict[str, list[Row]] = defaultdict(list)
    for x in loaded:
        by_surname[names.split_name(name[x])[0]].append(x)
    labelled: dict[tuple, bool] = {}
    for group in by_surname.values():
        for x, y in combinations(group, 2):
            na, nb = name[x], name[y]
            alike = na == nb or names.pinyin_full(na) == names.pinyin_full(nb) or (
                len(na) == len(nb) and sum(p != q for p, q in zip(na, nb)) == 1)
            if truth[x] == truth[y] or alike:
                labelled[(x, y)] = truth[x] == truth[y]
    merged = {k: node[k[0]] == node[k[1]] for k in labelled}
    suggested = {k: frozenset((node[k[0]], node[k[1]])) in review for k in labelled}
    clusters: dict[str, list[Row]] = defaultdict(list)
    for x in loaded:
        clusters[node[x]].append(x)
    same_node = [(x, y) for members in clusters.values() for x, y in combinations(members, 2)]
    right = sum(1 for x, y in same_node if truth[x] == truth[y])
    precision = right / len(same_node) if same_node else 1.0
    positives = [k for k, v in labelled.items() if v]
    recall = sum(1 for k in positives if merged[k] or suggested[k]) / len(positives) if positives else 1.0
    index = {n: i for i, n in enumerate(clusters)}
    people_index = {p: i for i, p in enumerate(dict.fromkeys(truth.values()))}
    b3 = bcubed({x: index[node[x]] for x in loaded}, {x: people_index[truth[x]] for x in loaded})
    decided = sum(1 for k in labelled if not suggested[k]) / len(labelled) if labelled else 1.0
    people = len(set(truth.values()))
    carriers = Counter(n for n, _ in {(name[x], truth[x]) for x in rows})
    shared = sum(1 for n, _ in {(name[x], truth[x]) for x in rows} if carriers[n] > 1) / people
    wrong = len(same_node) - right
    return [
        ("rosters / rows / real people", f"{rosters} / {len(rows):,} / {people:,} "
                                         f"({shared:.1%} share an exact name with someone else)", "≥ 5%"),
        ("rows refused (or not found in the graph)", f"{refused} ({len(missing)})", "0"),
        ("load time, the rosters", f"{seconds:.1f} s", ""),
        ("automatic merges: precision", f"{precision:.3f} ({wrong} wrong pairs of {len(same_node):,})", "≥ 0.998"),
        ("merged-or-suggested recall of true pairs", f"{recall:.3f} of {len(positives):,}", "≥ 0.98"),
        ("B-cubed F1 of the automatic clusters", f"{b3:.3f}", "≥ 0.985"),
        ("share decided without staff", f"{decided:.1%} of {len(labelled):,} labelled pairs "
                                        f"({len(review):,} review items)", "≥ 70%"),
    ]


def offices(keep: bool = False) -> list[tuple[str, str, str]]:
    """Loads the four rosters of bench/synthetic.py: city_rosters through the real loader into
    a Neo4j of its own, then compares the nodes and the review queue with the answer key."""
    import tempfile

    from bench.synthetic import city_rosters

    rosters = city_rosters()
    with tempfile.TemporaryDirectory() as tmp:
        paths = [r.write(Path(tmp)) for r in rosters]
        refused, seconds, node, review = _load_rosters(paths, keep)
    truth: dict[Row, str] = {}
    name: dict[Row, str] = {}
    for k, roster in enumerate(rosters):
        first = 4 if roster.title else 3  # the # note, a title, the header
        for i, row in enumerate(roster.rows):
            truth[(k, first + i)] = str(roster.truth[i])
            name[(k, first + i)] = names.normalize_person_name(row["姓名"])
    return _scored(len(rosters), truth, name, refused, seconds, node, review)


NAME_HEADERS = ("姓名", "名字", "劳模姓名", "name")


def rosters_in(folder: Path, keep: bool = False) -> list[tuple[str, str, str]]:
    """Rosters someone else wrote, with their answer key: every `*.csv` of `folder` but the
    `truth*.csv` files, loaded in name order, and `truth.csv` (file, line, person: each data
    row's line in its file and its real person)."""
    import csv

    paths = sorted(p for p in folder.glob("*.csv") if not p.name.startswith("truth"))
    number = {p.name: k for k, p in enumerate(paths)}
    with open(folder / "truth.csv", encoding="utf-8") as f:
        truth = {(number[r["file"]], int(r["line"])): r["person"] for r in csv.DictReader(f)}
    from graph.loaders.roster import SYNONYMS

    name: dict[Row, str] = {}
    record: dict[Row, tuple[int, str]] = {}  # a row's record id, in its file
    for k, path in enumerate(paths):
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        header_at = next(i for i, line in enumerate(lines) if any(h in line.split(",") for h in NAME_HEADERS))
        header = [h.strip() for h in next(csv.reader([lines[header_at]]))]
        column = next(i for i, h in enumerate(header) if h in NAME_HEADERS)
        ids = next((i for i, h in enumerate(header) if h in SYNONYMS["record_id"]), None)
        for i, row in enumerate(csv.reader(lines[header_at + 1:]), start=header_at + 2):
            if (k, i) in truth:
                name[(k, i)] = names.normalize_person_name(row[column])
                if ids is not None and row[ids].strip():
                    record[(k, i)] = (k, row[ids].strip())
    assert set(name) == set(truth), "truth.csv names rows that are not data rows of the rosters"
    refused, seconds, node, review = _load_rosters(paths, keep)
    # a row repeating its person's record id (one row per honor) may state no fact of its own
    # (the same unit again): it is the id's person, whose node another row shows
    by_record = {record[x]: n for x, n in node.items() if x in record}
    node.update({x: by_record[r] for x, r in record.items() if x not in node and r in by_record})
    return _scored(len(paths), truth, name, refused, seconds, node, review)


def _print(title: str, rows: list[tuple[str, str, str]]) -> None:
    width = max(len(r[0]) for r in rows)
    print(f"\n{title}\n")
    for label, value, goal in rows:
        print(f"  {label.ljust(width)}  {value}" + (f"   (goal {goal})" if goal else ""))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--scenario", choices=["all", "labelled", "offices", "scale"], default="all")
    parser.add_argument("--rosters", type=Path, metavar="DIR",
                        help="score only these rosters (DIR/*.csv) against DIR/truth.csv, as the offices scenario")
    args = parser.parse_args()
    if args.rosters:
        _print(f"bench/dedupe.py — the rosters of {args.rosters} (loaded into Neo4j)", rosters_in(args.rosters))
        return
    if args.scenario in ("all", "labelled", "scale"):
        rows = (quality() if args.scenario != "scale" else []) + (scale(args.people) if args.scenario != "labelled" else [])
        _print("bench/dedupe.py — Person deduplication", rows)
    if args.scenario in ("all", "offices"):
        _print("bench/dedupe.py — one city's rosters from several offices (bench/synthetic.py: city_rosters; "
               "loaded into Neo4j)", offices())


if __name__ == "__main__":
    main()
