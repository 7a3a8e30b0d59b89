"""Deterministic synthetic rosters: realistic names (surnames by real frequency), Jiaxing
units, honors over the years, mentor chains, studios, projects and villages.

Used for the seed demo roster (marked synthetic), the test rosters and the load bench.
None of the generated people are real.
"""
from __future__ import annotations

import csv
import random
from pathlib import Path

# The most common surnames with rough shares (per mille) of China's population.
SURNAMES = [
    ("王", 71), ("李", 71), ("张", 69), ("刘", 54), ("陈", 45), ("杨", 31), ("黄", 22), ("赵", 21),
    ("吴", 20), ("周", 19), ("徐", 17), ("孙", 15), ("马", 15), ("朱", 14), ("胡", 13), ("郭", 12),
    ("何", 12), ("高", 11), ("林", 11), ("罗", 10), ("郑", 10), ("梁", 9), ("谢", 8), ("宋", 8),
    ("唐", 8), ("许", 7), ("韩", 7), ("冯", 7), ("邓", 7), ("曹", 6), ("彭", 6), ("曾", 6), ("肖", 6),
    ("田", 6), ("董", 5), ("袁", 5), ("潘", 5), ("于", 5), ("蒋", 5), ("蔡", 5), ("余", 5), ("杜", 5),
    ("叶", 4), ("程", 4), ("苏", 4), ("魏", 4), ("吕", 4), ("丁", 4), ("任", 4), ("沈", 4), ("姚", 3),
    ("卢", 3), ("姜", 3), ("崔", 3), ("钟", 3), ("谭", 3), ("陆", 3), ("汪", 3), ("范", 3), ("金", 3),
    ("石", 3), ("廖", 3), ("贾", 3), ("夏", 3), ("韦", 2), ("方", 2), ("白", 2), ("邹", 2), ("孟", 2),
    ("熊", 2), ("秦", 2), ("邱", 2), ("江", 2), ("尹", 2), ("薛", 2), ("段", 2), ("雷", 2), ("侯", 2),
    ("龙", 2), ("史", 2), ("陶", 2), ("黎", 2), ("贺", 2), ("顾", 2), ("毛", 2), ("郝", 2), ("龚", 2),
    ("邵", 2), ("万", 2), ("钱", 2), ("严", 2), ("武", 2), ("戴", 2), ("莫", 1), ("孔", 1), ("欧阳", 1),
]
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
HONORS_BY_YEAR = ["全国劳动模范", "全国先进工作者", "全国五一劳动奖章", "浙江省劳动模范", "浙江省五一劳动奖章",
                  "浙江工匠", "嘉兴市劳动模范", "嘉兴市五一劳动奖章", "嘉兴良匠", "桐乡市劳动模范"]
SECTORS = ["乡村振兴", "匠心传承", "社会治理", "立德育人", "医疗卫生", "电力保障"]
PROJECTS = ["劳模入网格 繁星耀南湖", "劳模工匠进校园", "东西协作茵红李全产业链增收", "共富工坊帮扶计划", "电力助农共富行动"]
VILLAGES = ["凤桥镇新民村", "大云镇缪家村", "王店镇建林村", "屏山县龙华村", "乌镇镇陈庄村", "独山港镇黄姑村"]
HEADER = ["编号", "姓名", "性别", "出生年份", "工作单位", "职务", "荣誉称号", "授予年份", "地区", "行业",
          "创新工作室", "工作室角色", "师傅", "项目", "服务村"]


def _name(rng: random.Random) -> str:
    surname = rng.choices([s for s, _ in SURNAMES], weights=[w for _, w in SURNAMES])[0]
    given = rng.choice(GIVEN) if rng.random() < 0.25 else rng.choice(GIVEN) + rng.choice(GIVEN)
    return surname + given


def generate_roster_rows(n: int, seed: int = 7, id_prefix: str = "S") -> list[dict[str, str]]:
    """n rows with Chinese headers; about a third of people have a mentor earlier in the list
    at the same unit, so chains three generations deep appear."""
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    by_unit: dict[str, list[dict[str, str]]] = {}
    for i in range(n):
        unit, region = rng.choice(UNITS)
        name = _name(rng)
        year = rng.randint(1995, 2024)
        honor = rng.choice(HONORS_BY_YEAR)
        row = {
            "编号": f"{id_prefix}{i + 1:06d}", "姓名": name, "性别": rng.choice("男女"),
            "出生年份": str(rng.randint(1955, 1995)), "工作单位": unit, "职务": rng.choice(["高级技师", "工程师", "班组长", "主任", "技术员"]),
            "荣誉称号": honor, "授予年份": str(year), "地区": region, "行业": rng.choice(SECTORS),
            "创新工作室": "", "工作室角色": "", "师傅": "", "项目": "", "服务村": "",
        }
        colleagues = by_unit.setdefault(unit, [])
        if colleagues and rng.random() < 0.35:
            row["师傅"] = rng.choice(colleagues[-20:])["姓名"]
        if rng.random() < 0.15:
            row["创新工作室"] = f"{unit[:4]}{rng.choice(['劳模创新工作室', '技能大师工作室'])}"
            row["工作室角色"] = "领衔人" if rng.random() < 0.2 else "成员"
        if rng.random() < 0.2:
            row["项目"] = rng.choice(PROJECTS)
        if rng.random() < 0.15:
            row["服务村"] = rng.choice(VILLAGES)
        colleagues.append(row)
        rows.append(row)
    # a mentor must be unambiguous in a roster: keep only mentors whose name is unique
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["姓名"]] = counts.get(r["姓名"], 0) + 1
    for r in rows:
        if r["师傅"] and counts[r["师傅"]] != 1:
            r["师傅"] = ""
    return rows


def write_csv(path: Path, rows: list[dict[str, str]], encoding: str = "utf-8", note: str | None = None) -> None:
    with open(path, "w", encoding=encoding, newline="") as f:
        if note:
            f.write(note + "\n")
        writer = csv.DictWriter(f, fieldnames=HEADER)
        writer.writeheader()
        writer.writerows(rows)


ENGLISH = {"编号": "Record ID", "姓名": "Name", "性别": "Gender", "出生年份": "Birth Year", "工作单位": "Employer",
           "职务": "Role", "荣誉称号": "Honor", "授予年份": "Year", "地区": "Region", "行业": "Sector",
           "创新工作室": "Studio", "工作室角色": "Studio Role", "师傅": "Mentor", "项目": "Project", "服务村": "Village"}


def write_xlsx(path: Path, rows: list[dict[str, str]], english_headers: bool = False) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append([ENGLISH[h] if english_headers else h for h in HEADER])
    for r in rows:
        ws.append([r[h] for h in HEADER])
    wb.save(path)


def _row(rid: str, name: str, gender: str, born: str, unit: str, role: str, honor: str, year: str, region: str,
         sector: str, studio: str = "", studio_role: str = "", mentor: str = "", project: str = "",
         village: str = "") -> dict[str, str]:
    return dict(zip(HEADER, [rid, name, gender, born, unit, role, honor, year, region, sector, studio,
                             studio_role, mentor, project, village]))


def demo_rows() -> list[dict[str, str]]:
    """The seed roster: the people of the sample article, consistent with it, a mentor
    chain down to 徒孙 and beyond, a near-duplicate (王金亮) that must not merge, then
    generated people of Jiaxing units."""
    farm = "桐乡市振东家庭农场"
    rows = [
        _row("D0001", "张继东", "男", "1968", farm, "场长", "全国劳动模范", "2020", "桐乡市", "乡村振兴",
             "张继东劳模创新工作室", "领衔人", "", "劳模入网格 繁星耀南湖", "乌镇镇陈庄村"),
        _row("D0001", "张继东", "男", "1968", farm, "场长", "浙江省劳动模范", "2015", "桐乡市", "乡村振兴"),
        _row("D0003", "王金良", "男", "1963", "嘉兴市农业科学研究院", "研究员", "全国先进工作者", "2020", "嘉兴市",
             "乡村振兴", "", "", "", "东西协作茵红李全产业链增收", "屏山县龙华村"),
        _row("D0003", "王金良", "男", "1963", "嘉兴市农业科学研究院", "研究员", "浙江省劳动模范", "2015", "嘉兴市", "乡村振兴"),
        _row("D0005", "杨开九", "男", "1970", "国网嘉兴供电公司", "高级技师", "全国五一劳动奖章", "2019", "嘉兴市", "电力保障",
             "杨开九技能大师工作室", "领衔人"),
        _row("D0006", "朱雪山", "男", "1972", "桐乡市巨石集团有限公司", "高级技师", "浙江工匠", "2021", "桐乡市", "匠心传承"),
        _row("D0007", "孙军", "男", "1975", "嘉善县大云镇农业合作社", "社长", "嘉兴市劳动模范", "2022", "嘉善县", "乡村振兴"),
        _row("D0008", "柴金甫", "男", "1966", "嘉善县大云镇农业合作社", "技术员", "嘉兴良匠", "2022", "嘉善县", "乡村振兴",
             "", "", "", "", "大云镇缪家村"),
        _row("D0009", "王金亮", "男", "1981", "海宁市皮革城股份有限公司", "班组长", "嘉兴市五一劳动奖章", "2021", "海宁市", "匠心传承"),
        _row("D0010", "沈建华", "男", "1978", farm, "技术员", "嘉兴良匠", "2019", "桐乡市", "乡村振兴",
             "张继东劳模创新工作室", "成员", "张继东"),
        _row("D0011", "李晓东", "男", "1982", farm, "技术员", "桐乡市劳动模范", "2021", "桐乡市", "乡村振兴",
             "张继东劳模创新工作室", "成员", "张继东"),
        _row("D0012", "陆佳琪", "女", "1990", farm, "技术员", "嘉兴市劳动模范", "2023", "桐乡市", "乡村振兴",
             "", "", "沈建华"),
        _row("D0013", "周子涵", "女", "1996", farm, "技术员", "", "", "桐乡市", "乡村振兴", "", "", "陆佳琪"),
        _row("D0014", "钱国庆", "男", "1976", "国网嘉兴供电公司", "班组长", "浙江省五一劳动奖章", "2018", "嘉兴市", "电力保障",
             "杨开九技能大师工作室", "成员", "杨开九", "电力助农共富行动", "凤桥镇新民村"),
    ]
    generated = generate_roster_rows(290, seed=2023, id_prefix="G")
    taken = {r["姓名"] for r in rows}
    return rows + [r for r in generated if r["姓名"] not in taken and r["师傅"] not in taken]


SYNTHETIC_NOTE = "# 合成数据 synthetic demo data — not real people; the names of the sample article are used consistently with it"


def write_fixtures(checkout: Path) -> None:
    """Writes the seed demo roster and the test rosters (run once; the files are committed)."""
    write_csv(checkout / "seed" / "synthetic-demo-roster.csv", demo_rows(), note=SYNTHETIC_NOTE)
    data = checkout / "tests" / "data"
    data.mkdir(parents=True, exist_ok=True)
    write_csv(data / "roster-gbk.csv", generate_roster_rows(20, seed=11, id_prefix="T"), encoding="gbk",
              note="# 合成数据 synthetic test data")
    write_csv(data / "roster-bom.csv", generate_roster_rows(20, seed=14, id_prefix="U"), encoding="utf-8-sig")
    write_xlsx(data / "roster-english.xlsx", generate_roster_rows(15, seed=12, id_prefix="E"), english_headers=True)
    bad = generate_roster_rows(6, seed=13, id_prefix="B")
    bad[0]["姓名"] = ""
    bad[1]["荣誉称号"] = "宇宙劳动模范"
    bad[2]["授予年份"] = "1890"
    bad[3]["性别"] = "未知"
    bad[4]["师傅"] = "查无此人"
    bad[5]["编号"] = bad[4]["编号"]
    write_csv(data / "roster-bad.csv", bad)


if __name__ == "__main__":
    write_fixtures(Path(__file__).resolve().parent.parent)
