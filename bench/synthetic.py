"""Deterministic synthetic rosters: realistic names (surnames by their real frequency),
Jiaxing units, honors over the years, mentor chains, studios, projects and villages.

Used for the seed demo roster, the test rosters and the load bench, so that all three
look like what records staff really hand in. None of the generated people are real;
every file written from here says so in its name or its first line.

    .venv/bin/python bench/synthetic.py     # rewrites seed/synthetic-demo-roster.csv and tests/data/
"""
from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.honors import all_honors
from graph.places import in_scope

# The hundred most common surnames, most frequent first, with a rough share (per mille)
# of China's population: 王, 李 and 张 together name a fifth of the country.
SURNAMES: list[tuple[str, float]] = [
    ("王", 71), ("李", 71), ("张", 69), ("刘", 54), ("陈", 45), ("杨", 31), ("黄", 22), ("赵", 21),
    ("吴", 20), ("周", 19), ("徐", 17), ("孙", 15), ("马", 15), ("朱", 14), ("胡", 13), ("郭", 12),
    ("何", 12), ("高", 11), ("林", 11), ("罗", 10), ("郑", 10), ("梁", 9), ("谢", 8), ("宋", 8),
    ("唐", 8), ("许", 7), ("韩", 7), ("冯", 7), ("邓", 7), ("曹", 6), ("彭", 6), ("曾", 6), ("肖", 6),
    ("田", 6), ("董", 5), ("袁", 5), ("潘", 5), ("于", 5), ("蒋", 5), ("蔡", 5), ("余", 5), ("杜", 5),
    ("叶", 4), ("程", 4), ("苏", 4), ("魏", 4), ("吕", 4), ("丁", 4), ("任", 4), ("沈", 4), ("姚", 3),
    ("卢", 3), ("姜", 3), ("崔", 3), ("钟", 3), ("谭", 3), ("陆", 3), ("汪", 3), ("范", 3), ("金", 3),
    ("石", 3), ("廖", 3), ("贾", 3), ("夏", 3), ("韦", 2.5), ("付", 2.5), ("方", 2.5), ("白", 2.5),
    ("邹", 2.5), ("孟", 2.5), ("熊", 2.5), ("秦", 2.5), ("邱", 2.5), ("江", 2.5), ("尹", 2), ("薛", 2),
    ("闫", 2), ("段", 2), ("雷", 2), ("侯", 2), ("龙", 2), ("史", 2), ("陶", 2), ("黎", 2), ("贺", 2),
    ("顾", 2), ("毛", 2), ("郝", 2), ("龚", 2), ("邵", 2), ("万", 2), ("钱", 2), ("严", 2), ("覃", 1.5),
    ("武", 1.5), ("戴", 1.5), ("莫", 1.5), ("孔", 1.5), ("向", 1.5), ("汤", 1.5),
]
# Given names are built the way they are in this generation (born 1955-2000): a first and
# a second character from common pools by gender; about one in seven has one character.
MALE_FIRST = "建志国永海文晓德春金明立宏俊伟新振学家子卫红跃小云荣祖庆兴治鹏"
MALE_SECOND = "华明强军东平林国良忠伟峰斌刚辉杰勇涛波磊民荣生林龙锋飞超祥根清"
FEMALE_FIRST = "秀丽春晓玉雪美海红燕佳欣思雅慧月建丹金桂凤彩爱静"
FEMALE_SECOND = "英芳兰珍梅霞燕华娟丽萍琴敏静婷红琳莉艳洁凤娣芬云"
MALE_SINGLE = "伟强军磊勇杰涛斌超刚峰辉军浩鹏"
FEMALE_SINGLE = "芳娜敏静丽艳娟霞婷英萍燕琳"

# (unit, region, kind): real-looking employers of Jiaxing's model workers.
UNITS: list[tuple[str, str, str]] = [
    ("国网嘉兴供电公司", "嘉兴市", "power"), ("嘉兴市第二医院", "嘉兴市", "hospital"),
    ("长城汽车股份有限公司平湖分公司", "平湖市", "factory"), ("嘉兴技师学院", "嘉兴市", "school"),
    ("嘉兴市第一医院", "嘉兴市", "hospital"), ("嘉兴市中医医院", "嘉兴市", "hospital"),
    ("浙江嘉化能源化工股份有限公司", "平湖市", "factory"), ("巨石集团有限公司", "桐乡市", "factory"),
    ("海宁中国皮革城股份有限公司", "海宁市", "factory"), ("嘉兴市公共交通有限公司", "嘉兴市", "public"),
    ("嘉善县人民医院", "嘉善县", "hospital"), ("海盐县人民医院", "海盐县", "hospital"),
    ("秦山核电有限公司", "海盐县", "power"), ("嘉兴港区开发建设集团有限公司", "平湖市", "public"),
    ("南湖区凤桥镇农业服务中心", "南湖区", "farm"), ("秀洲区王店镇人民政府", "秀洲区", "public"),
    ("嘉兴学院", "嘉兴市", "school"), ("嘉兴市秀水中学", "秀洲区", "school"),
    ("桐乡市农业农村局", "桐乡市", "public"), ("嘉兴市农业科学研究院", "嘉兴市", "farm"),
    ("闻泰通讯股份有限公司嘉兴分公司", "南湖区", "factory"), ("嘉兴市自来水有限公司", "嘉兴市", "public"),
]
REGIONS = ["南湖区", "秀洲区", "嘉善县", "海盐县", "海宁市", "平湖市", "桐乡市"]
TRADE_NAMES = list("恒新永宏金天华瑞博嘉禾振鑫兴盛康达远通丰立")
INDUSTRIES = [("机械", "factory"), ("纺织", "factory"), ("经编", "factory"), ("皮革", "factory"),
              ("光伏科技", "factory"), ("电子", "factory"), ("建设", "factory"), ("食品", "factory"),
              ("化纤", "factory"), ("农业发展", "farm"), ("物流", "public"), ("紧固件", "factory")]
ROLES = {
    "power": ["高级技师", "技师", "班长", "高级工程师", "运维工"],
    "hospital": ["主任医师", "副主任医师", "护士长", "主管护师"],
    "factory": ["高级技师", "技师", "工程师", "班组长", "车间主任", "高级工程师"],
    "school": ["教师", "高级讲师", "系主任", "实训指导教师"],
    "public": ["科长", "驾驶员", "站长", "技术员", "调度员"],
    "farm": ["场长", "社长", "技术员", "农艺师", "高级农艺师"],
}
SECTORS = {"power": "匠心传承", "hospital": "社会治理", "factory": "匠心传承", "school": "立德育人",
           "public": "社会治理", "farm": "乡村振兴"}
PROJECTS = {
    "南湖区": ["劳模入网格 繁星耀南湖"], "秀洲区": ["秀洲劳模助企服务行动"], "嘉善县": ["嘉善劳模共富工坊"],
    "海盐县": ["海盐劳模工匠志愿服务队"], "海宁市": ["海宁皮革技能提升计划"], "平湖市": ["平湖劳模助企服务月"],
    "桐乡市": ["桐乡劳模结对帮扶"], "嘉兴市": ["劳模工匠进校园", "劳模(工匠)技术志愿服务进企业"],
}
VILLAGES = {
    "南湖区": ["凤桥镇联丰村", "七星街道湘家荡村"], "秀洲区": ["王店镇建林村", "油车港镇胜丰村"],
    "嘉善县": ["大云镇缪家村", "姚庄镇横港村"], "海盐县": ["沈荡镇五圣村", "武原街道永兴村"],
    "海宁市": ["长安镇红联村", "许村镇荡湾村"], "平湖市": ["独山港镇黄姑村", "新埭镇鱼圻塘村"],
    "桐乡市": ["乌镇镇陈庄村", "濮院镇永越村"], "嘉兴市": ["凤桥镇联丰村", "大云镇缪家村"],
}
HEADER = ["编号", "姓名", "性别", "出生年份", "工作单位", "职务", "荣誉称号", "授予年份", "地区", "行业",
          "创新工作室", "工作室角色", "师傅", "项目", "服务村", "挂职"]
ENGLISH = {"编号": "Record ID", "姓名": "Name", "性别": "Gender", "出生年份": "Birth Year", "工作单位": "Employer",
           "职务": "Role", "荣誉称号": "Honor", "授予年份": "Year", "地区": "Region", "行业": "Sector",
           "创新工作室": "Studio", "工作室角色": "Studio Role", "师傅": "Mentor", "项目": "Project",
           "服务村": "Village", "挂职": "Assigned To"}
LAST_YEAR = 2024
SYNTHETIC_NOTE = "# 合成数据 synthetic demo data — not real people"


@lru_cache(maxsize=1)
def honor_ladder() -> dict[str, list[str]]:
    """Person honors by level from graph/data/honors.csv: national, 浙江省, 嘉兴市 and each county's."""
    ladder: dict[str, list[str]] = {"national": [], "provincial": [], "city": []}
    for t in all_honors():
        if t.recipient_kind != "person":
            continue
        if t.level == "national" and t.name in ("全国劳动模范", "全国先进工作者", "全国五一劳动奖章", "全国技术能手"):
            ladder["national"].append(t.name)
        elif t.level == "provincial" and t.name.startswith("浙江"):
            ladder["provincial"].append(t.name)
        elif t.level == "city" and t.name.startswith("嘉兴"):
            ladder["city"].append(t.name)
        elif t.level == "county" and t.name[:2] in {r[:2] for r in REGIONS}:
            ladder.setdefault(t.name[:2], []).append(t.name)
    return ladder


def person_name(rng: random.Random, gender: str) -> str:
    surname = rng.choices(_SURNAME_CHARS, cum_weights=_SURNAME_CUM)[0]
    if rng.random() < 0.14:
        return surname + rng.choice(MALE_SINGLE if gender == "男" else FEMALE_SINGLE)
    first, second = (MALE_FIRST, MALE_SECOND) if gender == "男" else (FEMALE_FIRST, FEMALE_SECOND)
    given = rng.choice(first) + rng.choice(second)
    while given[0] == given[1]:
        given = rng.choice(first) + rng.choice(second)
    return surname + given


_SURNAME_CHARS = [s for s, _ in SURNAMES]
_SURNAME_CUM: list[float] = []
for _s, _w in SURNAMES:
    _SURNAME_CUM.append((_SURNAME_CUM[-1] if _SURNAME_CUM else 0) + _w)


def generated_units(rng: random.Random, count: int) -> list[tuple[str, str, str]]:
    """Companies of the Jiaxing counties: 海宁市恒达皮革有限公司 and the like."""
    seen = {u for u, _, _ in UNITS}
    units: list[tuple[str, str, str]] = []
    while len(units) < count:
        region = rng.choice(REGIONS)
        industry, kind = rng.choice(INDUSTRIES)
        name = f"{region}{rng.choice(TRADE_NAMES)}{rng.choice(TRADE_NAMES)}{industry}有限公司"
        if name not in seen and name[3] != name[4]:
            seen.add(name)
            units.append((name, region, kind))
    return units


def _honors(rng: random.Random, region: str, born: int) -> list[tuple[str, int]]:
    """A career's honors, each level higher and some years later than the one before."""
    ladder = honor_ladder()
    county = region[:2]
    levels = ([county] if county in ladder else []) + ["city", "provincial", "national"]
    count = rng.choices([1, 2, 3], weights=[55, 30, 15])[0]
    start = rng.choices(range(len(levels)), weights=[50, 35, 12, 3][: len(levels)])[0]
    chosen = levels[start:start + count]
    year = rng.randint(max(1995, born + 25), max(max(1995, born + 25), LAST_YEAR - 6))
    out = []
    for level in chosen:
        if year > LAST_YEAR:
            break
        honor = rng.choice(ladder[level])
        if honor in ("全国劳动模范", "全国先进工作者"):  # conferred every five years (2015, 2020 …)
            year = -(-year // 5) * 5
            if year > LAST_YEAR:
                break
        out.append((honor, year))
        year += rng.randint(2, 6)
    return out


def generate_roster_rows(n: int, seed: int = 7, id_prefix: str = "S", units: int | None = None) -> list[dict[str, str]]:
    """n rows with Chinese headers, the same for the same seed. About a third of people
    have a mentor earlier in the list at their unit (chains up to three generations),
    each unit may host a studio with a leader and members, some people join a project
    or serve a village of their region."""
    rng = random.Random(seed)
    pool = UNITS + generated_units(rng, units if units is not None else max(10, n // 40))
    weights = [8 if i < len(UNITS) else 1 for i in range(len(pool))]
    rows: list[dict[str, str]] = []
    at_unit: dict[str, list[tuple[str, int]]] = {}  # unit → [(name, generation)]
    studio_of: dict[str, str] = {}
    for i in range(n):
        unit, region, kind = rng.choices(pool, weights=weights)[0]
        gender = "男" if rng.random() < 0.62 else "女"
        name = person_name(rng, gender)
        born = rng.randint(1958, 1998)
        honors = _honors(rng, region, born) if rng.random() < 0.85 else []
        row = dict.fromkeys(HEADER, "")
        row.update({
            "编号": f"{id_prefix}{i + 1:06d}", "姓名": name, "性别": gender, "出生年份": str(born),
            "工作单位": unit, "职务": rng.choice(ROLES[kind]), "地区": region, "行业": SECTORS[kind],
            "荣誉称号": "、".join(h for h, _ in honors), "授予年份": "、".join(str(y) for _, y in honors),
        })
        colleagues = at_unit.setdefault(unit, [])
        generation = 0
        masters = [c for c in colleagues[-30:] if c[1] < 2 and c[0] != name]
        if masters and rng.random() < 0.35:
            mentor, mentor_generation = rng.choice(masters)
            row["师傅"], generation = mentor, mentor_generation + 1
        if unit not in studio_of and honors and rng.random() < 0.3:
            studio_of[unit] = f"{name}{rng.choice(['劳模创新工作室', '技能大师工作室', '劳模工匠创新工作室'])}"
            row["创新工作室"], row["工作室角色"] = studio_of[unit], "领衔人"
        elif unit in studio_of and rng.random() < 0.3:
            row["创新工作室"], row["工作室角色"] = studio_of[unit], "成员"
        if rng.random() < 0.12:
            row["项目"] = rng.choice(PROJECTS[region] + PROJECTS["嘉兴市"])
        if kind == "farm" or rng.random() < 0.06:
            row["服务村"] = rng.choice(VILLAGES[region])
        colleagues.append((name, generation))
        rows.append(row)
    return rows


def write_csv(path: Path, rows: list[dict[str, str]], encoding: str = "utf-8", note: str | None = None,
              header: list[str] | None = None) -> None:
    """A CSV roster; `note` becomes a leading `#` line (the synthetic marker)."""
    header = header or HEADER
    with open(path, "w", encoding=encoding, newline="") as f:
        if note:
            f.write(note + "\r\n")
        writer = csv.DictWriter(f, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def write_xlsx(path: Path, rows: list[dict[str, str]], english_headers: bool = False, note: str | None = None) -> None:
    """An XLSX roster, years and birth years as numbers as spreadsheets hold them."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "roster"
    if note:
        sheet.append([note])
    sheet.append([ENGLISH[h] if english_headers else h for h in HEADER])
    for r in rows:
        sheet.append([int(r[h]) if h in ("出生年份", "授予年份") and r[h].isdigit() else r[h] for h in HEADER])
    book.save(path)


# ---------------------------------------------------------------- the seed demo roster


def _person(rid: str, name: str, gender: str, born: int, unit: str, role: str, region: str, sector: str,
            honors: list[tuple[str, int]] = (), studio: str = "", studio_role: str = "", mentor: str = "",
            project: str = "", village: str = "", assigned: str = "") -> dict[str, str]:
    row = dict.fromkeys(HEADER, "")
    row.update({"编号": rid, "姓名": name, "性别": gender, "出生年份": str(born), "工作单位": unit, "职务": role,
                "荣誉称号": "、".join(h for h, _ in honors), "授予年份": "、".join(str(y) for _, y in honors),
                "地区": region, "行业": sector, "创新工作室": studio, "工作室角色": studio_role, "师傅": mentor,
                "项目": project, "服务村": village, "挂职": assigned})
    return row


def demo_rows(total: int = 300) -> list[dict[str, str]]:
    """The seed roster: the people of the sample article, consistent with it (张继东's farm
    in 桐乡市, 王金良 assigned to 屏山县, 杨开九's national May Day medal, 孙军 and 柴金甫
    of 嘉善县), a lineage down to 徒孙, a 王金亮 at another unit who must not merge with
    王金良, then generated people of Jiaxing units up to `total` rows."""
    farm = "桐乡市继东家庭农场"
    studio = "张继东劳模创新工作室"
    rows = [
        _person("JX0001", "张继东", "男", 1966, farm, "场长", "桐乡市", "乡村振兴",
                [("桐乡市劳动模范", 2008), ("嘉兴市劳动模范", 2011), ("浙江省劳动模范", 2015), ("全国劳动模范", 2020)],
                studio, "领衔人", "", "桐乡劳模结对帮扶", "乌镇镇陈庄村"),
        _person("JX0002", "沈建华", "男", 1978, farm, "技术员", "桐乡市", "乡村振兴",
                [("桐乡市劳动模范", 2016), ("嘉兴良匠", 2021)], studio, "成员", "张继东", "", "乌镇镇陈庄村"),
        _person("JX0003", "李秀英", "女", 1982, farm, "农艺师", "桐乡市", "乡村振兴",
                [("嘉兴市五一劳动奖章", 2019)], studio, "成员", "张继东", "桐乡劳模结对帮扶"),
        _person("JX0004", "陆佳琪", "女", 1990, farm, "技术员", "桐乡市", "乡村振兴",
                [("桐乡市劳动模范", 2023)], "", "", "沈建华", "", "濮院镇永越村"),
        _person("JX0005", "周子涵", "男", 1995, farm, "技术员", "桐乡市", "乡村振兴", [], "", "", "李秀英"),
        _person("JX0006", "王金良", "男", 1963, "嘉兴市农业科学研究院", "高级农艺师", "嘉兴市", "乡村振兴",
                [("嘉兴市劳动模范", 2012), ("浙江省劳动模范", 2016), ("全国先进工作者", 2020)],
                "", "", "", "东西协作茵红李全产业链增收", "", "四川省宜宾市屏山县"),
        _person("JX0007", "杨开九", "男", 1971, "国网嘉兴供电公司", "高级技师", "嘉兴市", "匠心传承",
                [("嘉兴市五一劳动奖章", 2014), ("浙江省五一劳动奖章", 2018), ("全国五一劳动奖章", 2023)],
                "杨开九技能大师工作室", "领衔人", "", "劳模(工匠)技术志愿服务进企业"),
        _person("JX0008", "钱国庆", "男", 1984, "国网嘉兴供电公司", "班长", "嘉兴市", "匠心传承",
                [("嘉兴市五一劳动奖章", 2021)], "杨开九技能大师工作室", "成员", "杨开九", "", "凤桥镇联丰村"),
        _person("JX0009", "朱雪山", "男", 1974, "巨石集团有限公司", "高级技师", "桐乡市", "匠心传承",
                [("桐乡市劳动模范", 2013), ("嘉兴工匠", 2019), ("浙江工匠", 2022)], "朱雪山劳模创新工作室", "领衔人"),
        _person("JX0010", "孙军", "男", 1969, "嘉善县干窑镇农业服务中心", "高级农艺师", "嘉善县", "乡村振兴",
                [("嘉善县劳动模范", 2010), ("嘉兴市劳动模范", 2016), ("浙江省劳动模范", 2020)], "", "", "",
                "嘉善劳模共富工坊", "姚庄镇横港村"),
        _person("JX0011", "柴金甫", "男", 1972, "嘉善县大云镇碧云花园", "负责人", "嘉善县", "乡村振兴",
                [("嘉善县劳动模范", 2012), ("嘉兴市劳动模范", 2021)], "", "", "", "嘉善劳模共富工坊", "大云镇缪家村"),
        _person("JX0012", "王金亮", "男", 1981, "海宁中国皮革城股份有限公司", "班组长", "海宁市", "匠心传承",
                [("海宁市劳动模范", 2017), ("嘉兴市五一劳动奖章", 2021)]),
        _person("JX0013", "庞珍妮", "女", 2003, "嘉兴技师学院", "学生", "嘉兴市", "立德育人"),
    ]
    generated = generate_roster_rows(total - len(rows), seed=2023, id_prefix="JXG", units=12)
    taken = {r["姓名"] for r in rows}
    for i, r in enumerate(generated):
        if r["姓名"] in taken:  # the named people of the article stay one of a kind
            old, rng = r["姓名"], random.Random(i)
            while r["姓名"] in taken:
                r["姓名"] = person_name(rng, r["性别"])
            for other in generated[i + 1:]:
                if other["师傅"] == old:
                    other["师傅"] = r["姓名"]
        rows.append(r)
    return rows


def write_fixtures(checkout: Path) -> None:
    """Writes the seed demo roster and the test rosters (run once; the files are kept)."""
    write_csv(checkout / "seed" / "synthetic-demo-roster.csv", demo_rows(), note=SYNTHETIC_NOTE)
    data = checkout / "tests" / "data"
    data.mkdir(parents=True, exist_ok=True)
    test_note = "# 合成数据 synthetic test data — not real people"
    write_csv(data / "roster-gbk.csv", generate_roster_rows(24, seed=11, id_prefix="T"), encoding="gbk", note=test_note)
    write_csv(data / "roster-bom.csv", generate_roster_rows(20, seed=14, id_prefix="U"), encoding="utf-8-sig",
              note=test_note)
    write_xlsx(data / "roster-english.xlsx", generate_roster_rows(15, seed=12, id_prefix="E"), english_headers=True,
               note=test_note)
    write_csv(data / "roster-bad.csv", bad_rows(), note=test_note)


def bad_rows() -> list[dict[str, str]]:
    """Six good rows, then one row per kind of problem (row numbers 9.. after note and header)."""
    rows = generate_roster_rows(6, seed=13, id_prefix="B")
    for r in rows:
        r["师傅"] = ""
    template = dict(rows[0], 创新工作室="", 工作室角色="", 项目="", 服务村="")
    bad = [dict(template) for _ in range(6)]
    for i, r in enumerate(bad):
        r["编号"], r["姓名"] = f"B9{i:05d}", f"钱{'立新浩然海峰秀兰丽萍建国'[2 * i:2 * i + 2]}"
    bad[0]["姓名"] = ""
    bad[1]["荣誉称号"], bad[1]["授予年份"] = "宇宙劳动模范", "2020"
    bad[2]["荣誉称号"], bad[2]["授予年份"] = "嘉兴市劳动模范", "1890"
    bad[3]["性别"] = "未知"
    bad[4]["师傅"] = "查无此人"
    bad[5]["编号"] = rows[1]["编号"]
    return rows + bad


if __name__ == "__main__":
    write_fixtures(Path(__file__).resolve().parent.parent)


# ---------------------------------------------------------------- one city's rosters from several offices


@dataclass
class OfficeRoster:
    """One office's roster as it writes it: file name, header, rows (cells by header), and for
    each row the true person it is (the bench's answer key, never in the file)."""

    file: str
    header: list[str]
    rows: list[dict[str, str]]
    truth: list[int]
    title: str | None = None

    def write(self, folder: Path) -> Path:
        path = folder / self.file
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write("# 合成数据 synthetic bench data — not real people\r\n")
            if self.title:
                f.write(self.title + "\r\n")
            writer = csv.DictWriter(f, fieldnames=self.header, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(self.rows)
        return path


TO_TRADITIONAL = str.maketrans("张陈刘杨黄赵吴孙马郑谢韩冯邓肖东国华建军伟强红丽兰龙涛刚凤云锋飞丰荣庆宁亮兴",
                               "張陳劉楊黃趙吳孫馬鄭謝韓馮鄧蕭東國華建軍偉強紅麗蘭龍濤剛鳳雲鋒飛豐榮慶寧亮興")
CITY_HONORS = {"嘉兴市劳动模范": "市劳模", "嘉兴市五一劳动奖章": "市五一劳动奖章", "嘉兴市先进工作者": "市先进工作者"}
PROVINCE_HONORS = {"浙江省劳动模范": "省劳模", "浙江省五一劳动奖章": "省五一劳动奖章"}


def city_rosters(people: int = 500, seed: int = 9) -> list[OfficeRoster]:
    """Four rosters of one city (嘉兴) written by four offices, about two rows per person:

    - 嘉兴市总工会: full titles, 地区 column, birth year;
    - 桐乡市总工会: a title line naming 桐乡市, abbreviations (市劳模 meaning 桐乡市's, 省劳模),
      titles glued to names (省劳模张三), no birth year;
    - 海宁市人力社保局: 工作单位及职务 in one cell, 出生年月, spaces inside names, 序号;
    - 嘉善县档案馆: a traditional-script copy, names with （女）/同志, 县级劳模 from the file name.

    Among the people, more than 5% share an exact name with another person at another unit
    (namesakes), some look alike (one character apart, a homophone), and some changed units
    between the rosters. Deterministic for a seed.
    """
    rng = random.Random(seed)
    pool = UNITS + generated_units(rng, 40)
    persons: list[dict[str, object]] = []
    taken: set[str] = set()
    while len(persons) < people:
        gender = "男" if rng.random() < 0.6 else "女"
        name = person_name(rng, gender)
        if name in taken:
            continue
        taken.add(name)
        persons.append(_office_person(rng, name, gender, pool))
    # namesakes: another person of the same name at another unit, another age (6% of people)
    for original in rng.sample(persons, int(people * 0.06)):
        twin = _office_person(rng, str(original["name"]), str(original["gender"]), pool)
        while twin["unit"] == original["unit"] or abs(int(twin["born"]) - int(original["born"])) < 3:
            twin = _office_person(rng, str(original["name"]), str(original["gender"]), pool)
        persons.append(twin)
    # people who changed units: a later roster shows them at another unit
    for p in rng.sample(persons, int(people * 0.04)):
        p["later_unit"] = rng.choice([u for u in pool if u[0] != p["unit"]])[0]

    offices = [
        ("嘉兴市总工会劳模名单.csv", None, ["编号", "姓名", "性别", "出生年份", "工作单位", "职务", "荣誉称号", "授予年份", "地区"]),
        ("tx-2024.csv", "2024年桐乡市劳动模范和先进工作者名册",
         ["编号", "姓名", "性别", "工作单位", "职务", "荣誉称号", "授予年份"]),
        ("haining-rs.csv", None, ["序号", "姓名", "性别", "出生年月", "工作单位及职务", "荣誉称号", "授予年份", "地区"]),
        ("嘉善县劳模档案.csv", None, ["编号", "姓名", "性别", "工作单位", "职务", "荣誉称号", "授予年份", "地区"]),
    ]
    rosters = [OfficeRoster(file, header, [], [], title) for file, title, header in offices]
    for pid, p in enumerate(persons):
        # each person is in one to four rosters (two on average)
        for k in sorted(rng.sample(range(4), rng.choices([1, 2, 3, 4], weights=[25, 35, 25, 15])[0])):
            row = _office_row(rng, k, p, len(rosters[k].rows) + 1)
            if row is not None:
                rosters[k].rows.append(row)
                rosters[k].truth.append(pid)
    return rosters


def _office_person(rng: random.Random, name: str, gender: str, pool: list[tuple[str, str, str]]) -> dict[str, object]:
    unit, region, kind = rng.choices(pool, weights=[6 if i < len(UNITS) else 1 for i in range(len(pool))])[0]
    born = rng.randint(1958, 1995)
    honors = _honors(rng, region, born) or [("嘉兴市劳动模范", rng.choice([2016, 2019, 2022]))]
    return {"name": name, "gender": gender, "born": born, "unit": unit, "region": region,
            "role": rng.choice(ROLES[kind]), "honors": honors}


def _office_row(rng: random.Random, office: int, p: dict[str, object], n: int) -> dict[str, str] | None:
    name, region = str(p["name"]), str(p["region"])
    honors = list(p["honors"])  # type: ignore[arg-type]
    unit = str(p.get("later_unit") or p["unit"]) if office >= 2 else str(p["unit"])
    if office in (1, 3) and region != ("桐乡市", "嘉善县")[office == 3] and rng.random() < 0.3:
        return None  # a county's office lists mostly its own people
    written = []
    for honor, year in honors:
        if office == 1:  # 桐乡市: 市劳模 is 桐乡市's own honor; the city's are written in full
            short = {"桐乡市劳动模范": "市劳模", **PROVINCE_HONORS}.get(honor, honor)
        elif office == 3:  # 嘉善县: 县级劳模 for its own, the file name says where
            short = {"嘉善县劳动模范": "县级劳模"}.get(honor, honor)
        elif office == 0 and in_scope(region, "city") == "嘉兴市":  # 市劳模 with 地区 南湖区 is the city's
            short = CITY_HONORS.get(honor, honor) if rng.random() < 0.5 else honor
        else:
            short = honor
        written.append((short, year))
    if office == 1 and rng.random() < 0.25:
        name = rng.choice(["省劳模", "市劳模", "劳模"]) + name
    if office == 2 and len(name) == 2 and rng.random() < 0.5:
        name = name[0] + "\u3000" + name[1]
    elif office == 2 and rng.random() < 0.2:
        name = name[0] + " " + name[1:]
    if office == 3:
        name = name.translate(TO_TRADITIONAL)
        if rng.random() < 0.2:
            name += "（女）" if p["gender"] == "女" else "同志"
    row = {
        "编号": f"{'ABCD'[office]}{n:04d}", "序号": str(n), "姓名": name, "性别": str(p["gender"]),
        "出生年份": str(p["born"]), "出生年月": f"{p['born']}-{rng.randint(1, 12):02d}",
        "工作单位": unit, "职务": str(p["role"]), "工作单位及职务": f"{unit}{p['role']}",
        "荣誉称号": "、".join(h for h, _ in written), "授予年份": "、".join(str(y) for _, y in written),
        "地区": region,
    }
    if office == 3 and rng.random() < 0.3:
        row["性别"] = ""
    return row
