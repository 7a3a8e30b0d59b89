#!/usr/bin/env python3
"""Deterministic generator of four synthetic honor rosters of 绵阳市 and their answer key.

Everything about the people is invented (names, companies, cooperatives, dates);
the places (绵阳市 and its districts/counties, 高新区, 经开区) are real.

Run:  tools/.venv/bin/python tools/gen.py          (needs opencc in that venv)
      SEED=... to change the content (default fixed below).
Writes the four roster CSVs, truth.csv, truth_mentors.csv and NOTES.md beside tools/.
"""
import collections
import csv
import io
import os
import random
import sys

try:
    import opencc
except ImportError:  # pragma: no cover
    sys.exit("opencc missing: run with tools/.venv/bin/python")

SEED = int(os.environ.get("SEED", "7031"))
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
rng = random.Random(SEED)
S2T = opencc.OpenCC("s2tw").convert
MARK = "# 合成数据 synthetic data — invented people, real places"

# --------------------------------------------------------------------------------------
# places and units
# --------------------------------------------------------------------------------------
COUNTIES = ["涪城区", "游仙区", "安州区", "江油市", "三台县", "盐亭县", "梓潼县", "平武县",
            "北川羌族自治县", "高新区", "经开区"]

U = {}


def unit(key, full, short, county, sector, depts=(), city_level=False, roles=None):
    U[key] = dict(key=key, full=full, short=short, county=county, sector=sector,
                  depts=list(depts), city=city_level, roles=roles)


# city-level bodies (physically in 涪城区)
unit("szxyy", "绵阳市中心医院", "市中心医院", "涪城区", "hosp", ["心血管内科", "急诊科", "护理部", "重症医学科", "骨科"], True)
unit("ssy", "绵阳市第三人民医院", "市三医院", "涪城区", "hosp", ["护理部", "精神科", "康复科"], True)
unit("gjgs", "绵阳市公共交通有限公司", "市公交公司", "涪城区", "transit", ["第一车队", "第三车队", "保修厂"], True,
     roles=[("驾驶员", ""), ("车队队长", ""), ("维修技师", "技师")])
unit("qxj", "绵阳市气象局", "市气象局", "涪城区", "gov", ["观测站", "预报科"], True,
     roles=[("预报员", "工程师"), ("观测站站长", "高级工程师"), ("科长", "工程师")])
# 涪城区
unit("rfdz", "绵阳瑞丰电子科技有限公司", "瑞丰电子", "涪城区", "factory", ["SMT车间", "质量部", "研发中心", "总装车间"])
unit("fccg", "涪城区城市管理局", "区城管局", "涪城区", "gov", ["环卫所", "市容科"],
     roles=[("环卫工人", ""), ("环卫所所长", ""), ("科长", "")])
unit("fcxx", "涪城区实验小学", "区实验小学", "涪城区", "school")
# 游仙区
unit("yxyy", "游仙区人民医院", "区人民医院", "游仙区", "hosp", ["内科", "护理部", "外科"])
unit("hyjx", "绵阳恒远机械制造有限公司", "恒远机械", "游仙区", "factory", ["机加车间", "装配车间", "技术部"])
unit("hrgs", "游仙区禾润果蔬专业合作社", "禾润合作社", "游仙区", "coop")
unit("yxzx", "游仙区实验中学", "区实验中学", "游仙区", "school")
# 安州区
unit("azyy", "安州区人民医院", "区人民医院", "安州区", "hosp", ["外科", "护理部"])
unit("jajc", "四川锦安建材有限公司", "锦安建材", "安州区", "factory", ["窑炉车间", "生产部", "设备科"])
unit("lycy", "安州区绿野茶叶专业合作社", "绿野茶社", "安州区", "coop")
# 江油市
unit("jyyy", "江油市人民医院", "市人民医院", "江油市", "hosp", ["急诊科", "护理部", "儿科"])
unit("jyzy", "江油市中医医院", "市中医院", "江油市", "hosp", ["针灸科", "护理部", "骨伤科"])
unit("jyyz", "江油市第一中学", "江油一中", "江油市", "school")
unit("jyez", "江油市第二中学", "江油二中", "江油市", "school")
unit("jctg", "江油锦程特钢有限公司", "锦程特钢", "江油市", "factory", ["炼钢车间", "轧钢车间", "设备部", "质检中心"])
unit("hyjx2", "江油市华岳机械有限公司", "华岳机械", "江油市", "factory", ["铸造车间", "金工车间", "技术科"])
unit("fyly", "江油市丰源粮油专业合作社", "丰源合作社", "江油市", "coop")
unit("jyhw", "江油市环境卫生管理所", "环卫所", "江油市", "gov",
     roles=[("环卫工人", ""), ("班长", ""), ("所长", "")])
unit("qmjy", "绵阳启明微电子有限公司江油分公司", "启明江油分公司", "江油市", "factory", ["封装车间", "测试部"])
# 三台县
unit("styy", "三台县人民医院", "县医院", "三台县", "hosp", ["内科", "护理部", "外科", "妇产科"])
unit("stzy", "三台县中医院", "县中医院", "三台县", "hosp", ["针灸科", "护理部"])
unit("styz", "三台县第一中学", "县一中", "三台县", "school")
unit("stzx", "三台县职业技术学校", "县职校", "三台县", "school")
unit("xtjz", "三台县兴潼建筑工程有限公司", "兴潼建司", "三台县", "factory", ["第一项目部", "钢筋班", "木工班", "技术科"])
unit("hfcs", "三台县禾丰蚕桑专业合作社", "禾丰合作社", "三台县", "coop")
unit("lcmd", "三台县绿川麦冬种植专业合作社", "麦冬合作社", "三台县", "coop")
unit("stjt", "三台县交通运输局", "县交通局", "三台县", "gov",
     roles=[("科长", ""), ("路政员", ""), ("副局长", "")])
unit("stny", "三台县农业农村局", "县农业局", "三台县", "gov",
     roles=[("农技站站长", "高级农艺师"), ("科长", "农艺师"), ("副局长", ""), ("站长", "农艺师")])
unit("tcsp", "四川潼川食品有限公司", "潼川食品", "三台县", "factory", ["生产车间", "品控部"])
# 盐亭县
unit("ytyy", "盐亭县人民医院", "县人民医院", "盐亭县", "hosp", ["内科", "护理部"])
unit("qhyz", "盐亭县青禾养殖专业合作社", "青禾合作社", "盐亭县", "coop")
unit("ytxx", "盐亭县实验小学", "县实验小学", "盐亭县", "school")
# 梓潼县
unit("ztyy", "梓潼县人民医院", "县人民医院", "梓潼县", "hosp", ["外科", "护理部"])
unit("xzny", "梓潼县兴梓农业开发有限公司", "兴梓农业", "梓潼县", "coop",
     roles=[("总经理", "高级农艺师"), ("技术员", "农艺师"), ("基地负责人", "农艺师")])
# 平武县
unit("pwyy", "平武县人民医院", "县人民医院", "平武县", "hosp", ["内科", "护理部"])
unit("pwlc", "平武县林业和草原局", "县林草局", "平武县", "gov",
     roles=[("护林员", ""), ("科长", "工程师"), ("林业站站长", "工程师")])
unit("gscy", "平武县高山茶叶专业合作社", "高山茶社", "平武县", "coop")
# 北川
unit("bcyy", "北川羌族自治县人民医院", "县人民医院", "北川羌族自治县", "hosp", ["内科", "护理部"])
unit("qycx", "北川羌韵刺绣专业合作社", "羌韵绣社", "北川羌族自治县", "coop",
     roles=[("理事长", "工艺美术师"), ("绣娘", ""), ("技术指导", "助理工艺美术师"), ("绣娘", "")])
unit("bcxx", "北川羌族自治县实验小学", "县实验小学", "北川羌族自治县", "school")
# 高新区
unit("qmwd", "绵阳启明微电子有限公司", "启明微电子", "高新区", "factory", ["封装车间", "测试部", "研发中心", "设备部"])
unit("hzxx", "绵阳汇智信息技术有限公司", "汇智信息", "高新区", "factory", ["软件研发部", "测试中心"],
     roles=[("软件工程师", "工程师"), ("项目经理", "高级工程师"), ("测试工程师", "工程师"), ("技术总监", "高级工程师")])
unit("krjj", "绵阳科润精密机械有限公司", "科润精机", "高新区", "factory", ["数控车间", "工艺部", "装配车间"])
# 经开区
unit("cjqp", "绵阳辰骏汽车零部件有限公司", "辰骏汽配", "经开区", "factory", ["冲压车间", "焊装车间", "质量部"])
unit("swy", "四川蜀味源食品有限公司", "蜀味源食品", "经开区", "factory", ["生产车间", "品控部"])

ROLES = {  # (职务 for A/B, 职称 for C)
    "hosp": [("护士长", "主管护师"), ("主任医师", "主任医师"), ("副主任医师", "副主任医师"),
             ("科主任", "主任医师"), ("主管护师", "主管护师"), ("主治医师", "主治医师")],
    "school": [("教师", "高级教师"), ("年级组长", "一级教师"), ("副校长", "高级教师"),
               ("教研组长", "高级教师"), ("班主任", "一级教师")],
    "factory": [("高级技师", "高级技师"), ("技师", "技师"), ("车间主任", "高级工程师"),
                ("班长", "技师"), ("工程师", "工程师"), ("高级工程师", "高级工程师"),
                ("质检员", "助理工程师"), ("总经理", "高级经济师")],
    "coop": [("理事长", "农艺师"), ("技术员", "助理农艺师"), ("副理事长", ""), ("社员", "")],
    "gov": [("科长", ""), ("副局长", ""), ("站长", "工程师"), ("环卫工人", "")],
    "transit": [("驾驶员", ""), ("车队队长", ""), ("维修技师", "技师")],
}
PUBLIC = {"hosp", "school", "gov"}

HON = {  # code: (full name, possible years)
    "NAT_LM": ("全国劳动模范", [2010, 2015, 2020]),
    "NAT_51": ("全国五一劳动奖章", list(range(2009, 2025))),
    "PROV_LM": ("四川省劳动模范", [2009, 2014, 2019]),
    "PROV_51": ("四川省五一劳动奖章", list(range(2009, 2025))),
    "CITY_LM": ("绵阳市劳动模范", [2011, 2016, 2021]),
    "CITY_XJ": ("绵阳市先进工作者", [2011, 2016, 2021]),
    "CITY_51": ("绵阳市五一劳动奖章", list(range(2009, 2025))),
    "ST_LM": ("三台县劳动模范", [2012, 2017, 2022]),
    "ST_XJ": ("三台县先进工作者", [2012, 2017, 2022]),
    "JY_LM": ("江油市劳动模范", [2008, 2013, 2018, 2023]),
    "JY_XJ": ("江油市先进工作者", [2008, 2013, 2018, 2023]),
}
CITYPLUS = {"NAT_LM", "NAT_51", "PROV_LM", "PROV_51", "CITY_LM", "CITY_XJ", "CITY_51"}
ABBR_B = {"NAT_LM": "全国劳模", "NAT_51": "全国五一劳动奖章", "PROV_LM": "省劳模",
          "PROV_51": "省五一劳动奖章", "CITY_LM": "市劳模", "CITY_XJ": "市先进工作者",
          "CITY_51": "市五一劳动奖章", "ST_LM": "县级劳模", "ST_XJ": "县先进工作者"}
ABBR_C = dict(ABBR_B, JY_LM="江油市劳模", JY_XJ="江油市先进工作者")
ABBR_D = {"NAT_LM": "全国劳模", "NAT_51": "全国五一劳动奖章", "PROV_LM": "省劳模",
          "PROV_51": "省五一劳动奖章", "CITY_LM": "绵阳市劳模", "CITY_XJ": "绵阳市先进工作者",
          "CITY_51": "绵阳市五一劳动奖章", "JY_LM": "市劳模", "JY_XJ": "市先进工作者"}
EXTRA_C = ["绵阳工匠", "四川省技术能手", "绵阳市技术能手", "市青年岗位能手", "市巾帼建功标兵"]

# --------------------------------------------------------------------------------------
# names
# --------------------------------------------------------------------------------------
SURN = ("王王王李李李张张刘刘陈陈杨杨黄赵周吴徐孙胡朱高何郭马罗梁宋郑谢唐冯董程曹袁邓许曾彭吕"
        "苏卢蒋蔡丁魏叶潘杜戴钟汪田任姜范石姚谭廖邹熊陆孔白崔毛邱秦江史侯邵孟龙段雷汤尹"
        "黎易贺赖龚文母苟蒲敬冉向税青何罗唐邓")
MALE = "建国军强伟勇明华平刚林斌波辉涛杰鹏超峰磊洪志文德良海兵俊宇浩成昌富贵荣祥卫东春利忠松川庆云飞龙康健毅永正光先金红学"
FEMALE = "秀英芳丽敏静燕霞玲梅兰娟琴红艳萍蓉莉婷慧琳洁雪淑珍凤华琼晓春月倩佳素桂玉"
BAD_TRAD_SURN = set("余于范游干后叶钟")  # opencc s2t gets these surnames wrong

USED = set()


def new_name(g):
    chars = MALE if g == "男" else FEMALE
    for _ in range(1000):
        s = rng.choice(SURN)
        if rng.random() < 0.3:
            n = s + rng.choice(chars)
        else:
            a, b = rng.choice(chars), rng.choice(chars)
            if a == b:
                continue
            n = s + a + b
        if n not in USED:
            USED.add(n)
            return n
    raise RuntimeError("names")


# --------------------------------------------------------------------------------------
# people
# --------------------------------------------------------------------------------------
PEOPLE = []


class Person:
    def __init__(self, name, gender, birth, county, hist, honors, eth=None, tags=()):
        self.pid = None
        self.name = name
        self.gender = gender
        self.birth = birth  # (y, m, d)
        self.hist = hist  # [(from_year, unit_key, role, title, dept)]
        self.honors = sorted(honors, key=lambda h: (h[1], list(HON).index(h[0])))
        self.extra = []  # honors only the studio roster knows
        self.county = county
        self.eth = eth or self._eth()
        self.party = self._party()
        self.edu = self._edu()
        self.tags = set(tags)
        self.studio = None  # (sid, role, mentor Person or None)
        self.notes = {}  # per-file overrides
        self.group = None  # namesake group label
        PEOPLE.append(self)

    def _eth(self):
        c = U[self.hist[-1][1]]["county"]
        r = rng.random()
        if c == "北川羌族自治县" and r < 0.55:
            return "羌族"
        if c == "平武县" and r < 0.3:
            return "藏族"
        if r < 0.03:
            return "回族"
        return "汉族"

    def _party(self):
        r = rng.random()
        sec = U[self.hist[-1][1]]["sector"]
        if sec in ("hosp", "school") and r < 0.1:
            return rng.choice(["民盟盟员", "九三学社社员", "农工党党员"])
        return "中共党员" if r < 0.68 else "群众"

    def _edu(self):
        sec = U[self.hist[-1][1]]["sector"]
        if sec == "hosp":
            return rng.choice(["大学本科", "大学本科", "硕士研究生", "大专"])
        if sec == "school":
            return rng.choice(["大学本科", "大学本科", "硕士研究生"])
        if sec == "coop":
            return rng.choice(["初中", "高中", "中专", "大专"])
        return rng.choice(["高中", "中专", "大专", "大学本科", "技工学校"])

    def unit_at(self, year):
        cur = self.hist[0]
        for h in self.hist:
            if h[0] <= year:
                cur = h
        return cur

    @property
    def cur(self):
        return self.hist[-1]

    def cityplus(self):
        return [h for h in self.honors if h[0] in CITYPLUS]


def rand_birth(lo=1962, hi=1990):
    return (rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28))


NURSE = {"护士长", "主管护师"}
NODEPT = {"总经理", "副校长", "副局长", "科长", "理事长", "副理事长", "所长", "技术总监"}


SENIOR = {"主任医师", "副主任医师", "科主任", "副校长", "副局长", "总经理", "理事长", "车间主任", "高级技师",
          "高级工程师", "护士长", "技术总监", "观测站站长", "农技站站长", "林业站站长", "所长", "环卫所所长", "站长",
          "教研组长", "车队队长", "副理事长"}


def role_for(ukey, prefer=None, gender=None, byear=None):
    sec = U[ukey]["sector"]
    opts = U[ukey]["roles"] or ROLES[sec]
    if sec == "hosp" and gender == "男":
        opts = [o for o in opts if o[0] not in NURSE]
    if byear and byear > 1984:
        opts = [o for o in opts if o[0] not in SENIOR]
    if prefer:
        for o in opts:
            if o[0] == prefer:
                return o
    return rng.choice(opts)


def dept_for(ukey):
    d = U[ukey]["depts"]
    return rng.choice(d) if d else ""


def H(ukey, year=2000, role=None, dept=None, gender=None, byear=None):
    r = role_for(ukey, role, gender, byear)
    if dept is None:
        dept = dept_for(ukey)
        if r[0] in NODEPT:
            dept = ""
        elif U[ukey]["sector"] == "hosp" and r[0] not in NURSE and dept == "护理部":
            dept = rng.choice([d for d in U[ukey]["depts"] if d != "护理部"])
    return (year, ukey, r[0], r[1], dept)


def honor_year(code, lo, hi=2024):
    ys = [y for y in HON[code][1] if lo <= y <= hi]
    return rng.choice(ys) if ys else None


def local_code(county, sector, kind="LM"):
    pre = {"三台县": "ST", "江油市": "JY"}[county]
    return pre + ("_XJ" if sector in PUBLIC else "_LM")


def city_code(sector):
    if rng.random() < 0.3:
        return "CITY_51"
    return "CITY_XJ" if sector in PUBLIC else "CITY_LM"


def rand_honors(county, ukey, profile):
    """profile: local (county only), local_city, city"""
    sec = U[ukey]["sector"]
    out = []
    y = 2008
    if profile in ("local", "local_city"):
        c = local_code(county, sec)
        y1 = rng.choice(HON[c][1] if profile == "local" else HON[c][1][:-1])
        out.append((c, y1))
        y = y1 + 1
        if profile == "local":
            if rng.random() < 0.18:
                y2 = honor_year(c, y1 + 8)
                if y2:
                    out.append((c, y2))
            return out
    c = city_code(sec)
    yc = honor_year(c, y)
    out.append((c, yc))
    y = yc + 1
    r = rng.random()
    if r < 0.28:
        c = rng.choice(["PROV_51", "PROV_LM"]) if sec not in PUBLIC else "PROV_51"
        yp = honor_year(c, y)
        if yp:
            out.append((c, yp))
            y = yp + 1
            if rng.random() < 0.15:
                c = rng.choice(["NAT_51", "NAT_LM"])
                yn = honor_year(c, y)
                if yn:
                    out.append((c, yn))
    return out


def person(county=None, ukey=None, gender=None, profile="city", birth=None, name=None,
           honors=None, hist=None, role=None, tags=()):
    if ukey is None and hist is not None:
        ukey = hist[-1][1]
    if ukey is None:
        ukey = rng.choice([k for k, u in U.items() if u["county"] == county and not u["city"]]
                          + ([k for k, u in U.items() if u["city"]] if county == "涪城区" else []))
    county = U[ukey]["county"]
    sec = U[ukey]["sector"]
    if gender is None:
        gender = "女" if rng.random() < (0.7 if sec == "hosp" else 0.45 if sec in ("school", "coop") else 0.25) else "男"
    if honors is None:
        honors = rand_honors(county, ukey, profile)
    if birth is None:
        if honors:
            first = min(h[1] for h in honors)
            birth = rand_birth(max(1958, first - 52), min(1992, first - 29))
        else:
            birth = rand_birth(1978, 1998)
    if name is None:
        name = new_name(gender)
    else:
        USED.add(name)
    if hist is None:
        hist = [H(ukey, 2000, role, gender=gender, byear=birth[0])]
    return Person(name, gender, birth, county, hist, honors, tags=tags)


# ---- namesake groups (fixed design) ------------------------------------------------------
NS = collections.OrderedDict()


def ns(label, p, note):
    p.group = label
    NS.setdefault(label, []).append((p, note))
    return p


for n in ["王建国", "李秀英", "张伟", "刘芳", "陈勇", "杨华", "黄丽", "赵军", "周敏", "吴海燕", "母志强"]:
    USED.add(n)

wjg_a = ns("王建国", person(name="王建国", gender="男", birth=(1966, 4, 17),
                         hist=[H("xtjz", 1990, "班长", "钢筋班")], honors=[("ST_LM", 2012), ("CITY_LM", 2016)]),
           "三台县兴潼建筑 钢筋班班长, b.1966; 县级劳模2012+市劳模2016; 三台 studio leader's 师傅")
wjg_b = ns("王建国", person(name="王建国", gender="男", birth=(1979, 9, 3),
                         hist=[H("lcmd", 2005, "理事长", "")], honors=[("ST_LM", 2017), ("CITY_51", 2020)]),
           "三台县绿川麦冬合作社 理事长, b.1979; 县级劳模2017+市五一2020; leads the 麦冬 studio")
wjg_c = ns("王建国", person(name="王建国", gender="男", birth=(1971, 2, 26),
                         hist=[H("hyjx", 1993, "高级技师", "机加车间")], honors=[("CITY_LM", 2011), ("PROV_51", 2018)]),
           "游仙区恒远机械 高级技师, b.1971; 市劳模2011+省五一2018; leads the 恒远 studio")
lxy_a = ns("李秀英", person(name="李秀英", gender="女", birth=(1968, 11, 9),
                         hist=[H("szxyy", 1988, "护士长", "护理部")], honors=[("CITY_XJ", 2011), ("PROV_51", 2014)]),
           "绵阳市中心医院 护士长, b.1968.11; 市先进2011+省五一2014; retired, 师傅 of the hospital studio leader (A only + as mentor in C)")
lxy_b = ns("李秀英", person(name="李秀英", gender="女", birth=(1973, 6, 20),
                         hist=[H("ssy", 1994, "护士长", "护理部")], honors=[("CITY_XJ", 2021)]),
           "绵阳市第三人民医院 护士长, b.1973.06; 市先进2021 (A only)")
zw_a = ns("张伟", person(name="张伟", gender="男", birth=(1971, 8, 23),
                       hist=[H("jyyz", 1993, "教师", "")], honors=[("JY_XJ", 2013), ("CITY_XJ", 2016)], tags=["trad"]),
          "江油市第一中学 教师, b.1971-08-23; 江油市先进2013+绵阳市先进2016; his D row is in traditional script (張偉)")
zw_b = ns("张伟", person(name="张伟", gender="男", birth=(1984, 3, 2),
                       hist=[H("jctg", 2006, "技师", "轧钢车间")], honors=[("JY_LM", 2018)]),
          "江油锦程特钢 轧钢车间 技师, b.1984-03-02; 江油市劳模2018; member of the 锦程 studio")
lf_a = ns("刘芳", person(name="刘芳", gender="女", birth=(1988, 5, 10),
                       hist=[H("jyyy", 2010, "主管护师", "儿科")], honors=[("JY_XJ", 2023)]),
          "江油市人民医院 主管护师, b.1988-05-10; 江油市先进2023 (D only, D has no unit column)")
lf_b = ns("刘芳", person(name="刘芳", gender="女", birth=(1992, 1, 15),
                       hist=[H("hyjx2", 2014, "质检员", "金工车间")], honors=[]),
          "江油市华岳机械 金工车间 质检员, no honors (C only, C has no birth data)")
cy_a = ns("陈勇", person(name="陈勇", gender="男", birth=(1963, 7, 1),
                       hist=[H("krjj", 1985, "高级技师", "数控车间")], honors=[("PROV_LM", 2009), ("NAT_51", 2012)], tags=["retired"]),
          "高新区科润精机 高级技师, b.1963.07; 省劳模2009+全国五一2012; retired; 师傅 of the 科润 studio leader")
cy_b = ns("陈勇", person(name="陈勇", gender="男", birth=(1986, 10, 12),
                       hist=[H("cjqp", 2008, "班长", "焊装车间")], honors=[("CITY_51", 2022)]),
          "经开区辰骏汽配 焊装车间 班长, b.1986.10; 市五一2022; member of the 辰骏 studio and 师傅 of another member there")
yh_a = ns("杨华", person(name="杨华", gender="女", birth=(1970, 12, 5),
                       hist=[H("jyzy", 1992, "主任医师", "针灸科")], honors=[("JY_XJ", 2013), ("CITY_XJ", 2016), ("PROV_51", 2019)]),
          "女, 江油市中医医院 主任医师, b.1970-12-05; 江油市先进2013, 绵阳市先进2016, 省五一2019; leads the 中医 studio")
yh_b = ns("杨华", person(name="杨华", gender="男", birth=(1976, 7, 18),
                       hist=[H("fyly", 2004, "理事长", "")], honors=[("JY_LM", 2023)]),
          "男, 江油市丰源粮油合作社 理事长, b.1976-07-18; 江油市劳模2023 (D only)")
hl_a = ns("黄丽", person(name="黄丽", gender="女", birth=(1982, 2, 14),
                       hist=[H("styy", 2004, "主管护师", "妇产科")], honors=[("ST_XJ", 2017)]),
          "三台县人民医院(县医院) 主管护师, b.1982; 县先进2017 (B only)")
hl_b = ns("黄丽", person(name="黄丽", gender="女", birth=(1990, 8, 30),
                       hist=[H("tcsp", 2011, "质检员", "品控部")], honors=[("ST_LM", 2022), ("CITY_51", 2023)]),
          "四川潼川食品 质检员, b.1990; 县级劳模2022+市五一2023 (B and A)")
zj_a = ns("赵军", person(name="赵军", gender="男", birth=(1978, 4, 8),
                       hist=[H("qmwd", 2001, "车间主任", "封装车间")], honors=[("CITY_LM", 2016), ("PROV_51", 2021)]),
          "高新区 绵阳启明微电子有限公司 封装车间主任, b.1978.04; 市劳模2016+省五一2021; leads the 启明 studio")
zj_b = ns("赵军", person(name="赵军", gender="男", birth=(1985, 9, 27),
                       hist=[H("qmjy", 2009, "班长", "封装车间")], honors=[("JY_LM", 2018), ("CITY_51", 2019)]),
          "江油 绵阳启明微电子有限公司江油分公司 班长, b.1985.09; 江油市劳模2018+市五一2019 (A and D): same company, other branch")
zm_a = ns("周敏", person(name="周敏", gender="女", birth=(1975, 3, 11),
                       hist=[H("ytyy", 1997, "副主任医师", "内科")], honors=[("CITY_XJ", 2011)]),
          "女, 盐亭县人民医院 副主任医师, b.1975.03; 市先进2011 (A only)")
zm_b = ns("周敏", person(name="周敏", gender="男", birth=(1981, 6, 2),
                       hist=[H("xzny", 2006, "总经理", "")], honors=[("CITY_LM", 2021)]),
          "男, 梓潼县兴梓农业 总经理, b.1981.06; 市劳模2021 (A only)")
whx_a = ns("吴海燕", person(name="吴海燕", gender="女", birth=(1980, 5, 6),
                          hist=[H("qycx", 2008, "理事长", "")], honors=[("CITY_LM", 2016), ("PROV_51", 2020)]),
           "北川羌韵刺绣合作社 理事长, 羌族, b.1980.05; 市劳模2016+省五一2020; leads the 羌绣 studio (A and C)")
whx_a.eth = "羌族"
whx_b = ns("吴海燕", person(name="吴海燕", gender="女", birth=(1977, 12, 24),
                          hist=[H("hfcs", 2003, "社员", "")], honors=[("ST_LM", 2012)]),
           "三台县禾丰蚕桑合作社 社员, b.1977; 县级劳模2012 (B only)")
mzq_a = ns("母志强", person(name="母志强", gender="男", birth=(1974, 1, 19),
                          hist=[H("jajc", 1996, "班长", "窑炉车间")], honors=[("CITY_51", 2015)]),
           "安州区锦安建材 窑炉车间班长, b.1974.01; 市五一2015 (A and C)")
mzq_b = ns("母志强", person(name="母志强", gender="男", birth=(1969, 10, 3),
                          hist=[H("azyy", 1992, "主任医师", "外科")], honors=[("CITY_XJ", 2016)]),
           "安州区人民医院 外科主任医师, b.1969.10; 市先进2016 (A only): same county, same file as the other 母志强")

# ---- unit changers (fixed design) --------------------------------------------------------
CHANGERS = []


def ch(p, note):
    p.tags.add("changer")
    CHANGERS.append((p, note))
    return p


ch(person(gender="男", birth=(1975, 3, 8), hist=[H("stzx", 1998, "教师"), H("styz", 2014, "教研组长")],
          honors=[("ST_XJ", 2012), ("CITY_XJ", 2016)]),
   "县职校 (B row 2012) → 县一中 (B row 2016, A)")
ch2 = ch(person(gender="女", birth=(1979, 9, 14), hist=[H("styy", 2002, "主治医师", "内科"), H("szxyy", 2019, "副主任医师", "心血管内科")],
                honors=[("ST_XJ", 2017), ("CITY_XJ", 2021)]),
         "三台县人民医院 (B, 2017) → 绵阳市中心医院 (A 2021 under 市直; C member): crosses counties")
ch3 = ch(person(gender="男", birth=(1980, 2, 2), hist=[H("hyjx2", 2002, "技师", "金工车间"), H("krjj", 2017, "高级技师", "数控车间")],
                honors=[("JY_LM", 2013), ("PROV_51", 2019)]),
         "江油华岳机械 (D, 江油市劳模2013; D 备注 says he left 江油) → 高新区科润精机 (A 2019; C member)")
ch4 = ch(person(gender="男", birth=(1983, 11, 21), hist=[H("rfdz", 2005, "工程师", "SMT车间"), H("qmwd", 2019, "高级工程师", "研发中心")],
                honors=[("CITY_51", 2014), ("CITY_LM", 2016)]),
         "涪城区瑞丰电子 (A, latest honor 2016) → 高新区启明微电子 (C, current)")
ch5 = ch(person(gender="男", birth=(1977, 5, 30), hist=[H("jctg", 1999, "班长", "炼钢车间"), H("hyjx2", 2020, "车间主任", "铸造车间")],
                honors=[("JY_LM", 2013), ("CITY_51", 2016)]),
         "江油锦程特钢 (A, honors 2013/2016) → 江油华岳机械 (C, current); D has no unit")
ch6 = ch(person(gender="女", birth=(1972, 6, 6), hist=[H("hfcs", 1998, "技术员"), H("qhyz", 2019, "理事长")],
                honors=[("ST_LM", 2012), ("CITY_51", 2016), ("CITY_LM", 2021)]),
         "三台禾丰蚕桑合作社 (B rows 2012, 2016) → 盐亭县青禾养殖合作社 (A, 市劳模2021 under 盐亭县)")
ch7 = ch(person(gender="女", birth=(1981, 4, 4), hist=[H("stzy", 2003, "主管护师", "护理部"), H("styy", 2018, "护士长", "护理部")],
                honors=[("ST_XJ", 2012), ("ST_XJ", 2022)]),
         "县中医院 (B row 2012) → 县医院 (B row 2022); same 编号, B only")
ch8 = ch(person(gender="男", birth=(1976, 12, 1), hist=[H("tcsp", 1997, "班长", "生产车间"), H("xtjz", 2015, "工程师", "技术科")],
                honors=[("ST_LM", 2012), ("CITY_51", 2019)]),
         "潼川食品 (B row 2012, 编号 A) → 兴潼建司 (B row 2019 under a NEW 编号, and A): registered twice in B")
ch9 = ch(person(gender="女", birth=(1984, 8, 8), hist=[H("yxyy", 2006, "主管护师", "护理部"), H("szxyy", 2020, "护士长", "重症医学科")],
                honors=[("CITY_XJ", 2016)]),
         "游仙区人民医院 (A, 2016) → 绵阳市中心医院 (C, current)")
ch10 = ch(person(gender="男", birth=(1973, 9, 9), hist=[H("krjj", 1995, "技师", "装配车间"), H("hyjx", 2018, "高级技师", "技术部")],
                 honors=[("CITY_LM", 2016)]),
          "高新区科润精机 (A, 2016) → 游仙区恒远机械 (C, current)")
ch11 = ch(person(gender="男", birth=(1970, 3, 16), hist=[H("stny", 1993, "站长"), H("lcmd", 2019, "副理事长")],
                 honors=[("ST_XJ", 2017), ("ST_LM", 2022)]),
          "县农业局 (B row 2017, 县先进) → 麦冬合作社 (B row 2022, 县级劳模; C member)")
ch6.tags.add("moved_out_st")
ch2.tags.add("moved_out_st")
ch3.tags.add("moved_out_jy")

# ---- birth-data inconsistencies (fixed design) --------------------------------------------
bd1 = person(ukey="jctg", gender="男", birth=(1976, 7, 15), honors=[("JY_LM", 2008), ("CITY_LM", 2011)],
             hist=[H("jctg", 1998, "高级技师", "轧钢车间")])
bd1.notes["A_birth"] = "1976.06"   # A's clerk wrote June; D has 1976-07-15
bd2 = person(ukey="tcsp", gender="男", birth=(1979, 1, 20), honors=[("ST_LM", 2017), ("CITY_LM", 2021)],
             hist=[H("tcsp", 2001, "车间主任", "生产车间")])
bd2.notes["B_birth"] = "1978"      # B has the lunar-calendar year; A 1979.01

# ---- random population --------------------------------------------------------------------
for _ in range(30):
    person(county="三台县", profile="local")
for _ in range(16):
    person(county="三台县", profile="local_city")
for _ in range(48):
    person(county="江油市", profile="local")
for _ in range(20):
    person(county="江油市", profile="local_city")
OTHER_QUOTA = {"涪城区": 8, "游仙区": 3, "安州区": 3, "盐亭县": 3, "梓潼县": 2, "平武县": 3,
               "北川羌族自治县": 2, "高新区": 4, "经开区": 3}
for c, n in OTHER_QUOTA.items():
    for _ in range(n):
        person(county=c, profile="city")
# a retired national model in 江油, only in D, mentor of the 锦程 studio leader
old_jy = person(ukey="jctg", gender="男", birth=(1956, 2, 11), honors=[("JY_LM", 2008), ("CITY_LM", 2011), ("PROV_LM", 2014)],
                hist=[H("jctg", 1978, "高级技师", "炼钢车间")], tags=["retired"])
# a retired 三台 county model, only in B, mentor in the 麦冬 studio
old_st = person(ukey="lcmd", gender="男", birth=(1958, 8, 8), honors=[("ST_LM", 2012)],
                hist=[H("lcmd", 2003, "技术员", "")], tags=["retired"])

# a 三台 national model (B has four rows for her)
nat_st = person(ukey="hfcs", gender="女", birth=(1968, 3, 3), honors=[("ST_LM", 2012), ("CITY_LM", 2016), ("PROV_LM", 2019), ("NAT_LM", 2020)],
                hist=[H("hfcs", 2000, "理事长", "")])

# ---- studios ------------------------------------------------------------------------------
STUDIOS = []


def leader_for(ukey, honors, **kw):
    return person(ukey=ukey, honors=honors, hist=[H(ukey, 1995, kw.pop("role", None))], **kw)


def studio(name, ukey, leader, leader_mentor, size, fixed=(), reuse=3, local_honor_p=0.0):
    sid = len(STUDIOS) + 1
    members = []
    leader.studio = (sid, "领衔人", leader_mentor)
    for p, mentor in fixed:
        members.append(p)
        p.studio = (sid, "成员", mentor)
    # existing honorees currently at this unit
    pool = [p for p in PEOPLE if p.studio is None and p.cur[1] == ukey and p.honors and "retired" not in p.tags
            and p.group is None]
    rng.shuffle(pool)
    for p in pool[:reuse]:
        members.append(p)
        p.studio = (sid, "成员", None)
    while len(members) < size - 1:
        county = U[ukey]["county"]
        prof = []
        birth = rand_birth(1976, 1998)
        if local_honor_p and rng.random() < local_honor_p:
            c = local_code(county, U[ukey]["sector"])
            ys = [y for y in HON[c][1] if y >= max(2012, birth[0] + 27)]
            if ys:
                prof = [(c, rng.choice(ys))]
        p = person(ukey=ukey, honors=prof, birth=birth)
        if rng.random() < 0.3:
            p.extra.append(rng.choice(EXTRA_C))
        members.append(p)
        p.studio = (sid, "成员", None)
    # mentors of members: often the leader
    for p in members:
        s = p.studio
        if s[2] is None:
            r = rng.random()
            m = leader if r < 0.55 else None
            p.studio = (s[0], rng.choice(["成员", "成员", "核心成员"]), m)
    # decide dept: members share the leader's dept half the time
    for p in members:
        if rng.random() < 0.5 and leader.cur[4] and p.cur[2] not in NODEPT:
            y, k, r1, t1, _d = p.cur
            p.hist[-1] = (y, k, r1, t1, leader.cur[4])
    STUDIOS.append(dict(sid=sid, name=name, unit=ukey, leader=leader, members=members))


l1 = leader_for("szxyy", [("CITY_XJ", 2011), ("PROV_51", 2017)], gender="男", role="科主任")
studio("心血管护理与急救劳模创新工作室", "szxyy", l1, lxy_a, 6, fixed=[(ch2, l1), (ch9, None)])
l2 = leader_for("rfdz", [("CITY_LM", 2016), ("PROV_51", 2022)], role="高级技师")
studio(l2.name + "劳模创新工作室", "rfdz", l2, None, 5)
studio(zj_a.name + "电子封装劳模创新工作室", "qmwd", zj_a, None, 6, fixed=[(ch4, None)])
l4 = leader_for("krjj", [("CITY_LM", 2016), ("PROV_LM", 2019)], gender="男", role="高级技师")
studio(l4.name + "数控技能大师工作室", "krjj", l4, cy_a, 6, fixed=[(ch3, l4)])
l5 = leader_for("hzxx", [("CITY_LM", 2021)], role="高级工程师")
studio("汇智软件创新工作室", "hzxx", l5, None, 4)
l6 = leader_for("cjqp", [("CITY_51", 2015), ("PROV_LM", 2019)], gender="男", role="车间主任")
cj_m = person(ukey="cjqp", gender="男", birth=(1995, 4, 1), honors=[])
studio(l6.name + "焊装劳模创新工作室", "cjqp", l6, None, 6, fixed=[(cy_b, l6), (cj_m, cy_b)])
l7 = leader_for("swy", [("CITY_LM", 2021)], role="车间主任")
studio("蜀味源食品工艺创新工作室", "swy", l7, None, 5)
studio(wjg_c.name + "劳模创新工作室", "hyjx", wjg_c, None, 6, fixed=[(ch10, wjg_c)])
l9 = leader_for("jctg", [("JY_LM", 2013), ("CITY_LM", 2016), ("PROV_LM", 2019), ("NAT_LM", 2020)], gender="男", role="高级技师")
studio(l9.name + "特钢冶炼劳模创新工作室", "jctg", l9, old_jy, 6, fixed=[(zw_b, l9)], local_honor_p=0.25)
l10 = leader_for("hyjx2", [("JY_LM", 2018), ("CITY_51", 2021)], role="高级技师")
studio("华岳机械铸造技能大师工作室", "hyjx2", l10, None, 6, fixed=[(lf_b, l10), (ch5, None)], reuse=0, local_honor_p=0.25)
studio(yh_a.name + "中医针灸创新工作室", "jyzy", yh_a, None, 4, local_honor_p=0.25)
l12 = leader_for("xtjz", [("ST_LM", 2017), ("CITY_LM", 2021)], gender="男", role="工程师")
studio("兴潼建筑技能创新工作室", "xtjz", l12, wjg_a, 5, fixed=[(ch8, None)], local_honor_p=0.3)
studio(wjg_b.name + "麦冬种植创新工作室", "lcmd", wjg_b, old_st, 5, fixed=[(ch11, wjg_b)], local_honor_p=0.3)
studio(whx_a.name + "羌绣技艺传承工作室", "qycx", whx_a, None, 5)
l15 = leader_for("jajc", [("CITY_LM", 2016), ("PROV_51", 2020)], role="车间主任")
studio("锦安建材窑炉节能创新工作室", "jajc", l15, None, 4, fixed=[(mzq_a, l15)])

# ids
for i, p in enumerate(PEOPLE, 1):
    p.pid = "P%03d" % i

# --------------------------------------------------------------------------------------
# which file holds whom
# --------------------------------------------------------------------------------------


def in_A(p):
    return bool(p.cityplus())


def st_honors(p):
    return [h for h in p.honors if U[p.unit_at(h[1])[1]]["county"] == "三台县"]


def jy_honors(p):
    return [h for h in p.honors if U[p.unit_at(h[1])[1]]["county"] == "江油市"]


FILE_A = "绵阳市劳动模范先进工作者及五一劳动奖章获得者名录.csv"
FILE_B = "三台县劳动模范登记册.csv"
FILE_C = "绵阳市劳模和工匠人才创新工作室成员名册.csv"
FILE_D = "江油市历届劳模先进名单.csv"
FILES = [FILE_A, FILE_B, FILE_C, FILE_D]

REGION_ORDER = ["市直"] + COUNTIES
REGION_A = {c: c for c in COUNTIES}
REGION_A["北川羌族自治县"] = "北川县"

rows = {f: [] for f in FILES}  # list of (cells, person, info)
TRUTH_MENTOR = []
TRAD = []      # (file, person)
DECOR = []     # (file, person, written name)


def nm_fullwidth(n):
    return n[0] + "\u3000" + n[1] if len(n) == 2 else n


# ---- A: 绵阳市总工会 劳模办 ---------------------------------------------------------------
HDR_A = ["序号", "姓名", "性别", "出生年月", "民族", "政治面貌", "学历", "工作单位及职务", "地区", "荣誉称号", "授予年份"]
a_people = [p for p in PEOPLE if in_A(p)]


def a_unit(p):
    last = p.cityplus()[-1][1]
    return p.unit_at(last)


def a_region(p):
    u = U[a_unit(p)[1]]
    return "市直" if u["city"] else REGION_A[u["county"]]


def a_sort(p):
    r = a_region(p)
    rr = "北川羌族自治县" if r == "北川县" else r
    return (REGION_ORDER.index(rr), p.cityplus()[0][1], p.pid)


a_people.sort(key=a_sort)
for i, p in enumerate(a_people, 1):
    y, uk, role, title, dept = a_unit(p)
    u = U[uk]
    if role in ("科主任",) and dept:
        uj = u["full"] + dept + "主任"
    elif role == "车间主任" and dept and "车间" in dept:
        uj = u["full"] + dept + "主任"
    else:
        uj = u["full"] + role
    hs = p.cityplus()
    birth = p.notes.get("A_birth", "%d.%02d" % (p.birth[0], p.birth[1]))
    cells = [str(i), nm_fullwidth(p.name), p.gender, birth, p.eth, p.party, p.edu, uj, a_region(p),
             "、".join(HON[h[0]][0] for h in hs), "、".join(str(h[1]) for h in hs)]
    rows[FILE_A].append((cells, p))

# ---- B: 三台县总工会 登记册, one row per honor ------------------------------------------------
HDR_B = ["编号", "姓名", "性别", "出生年份", "单位", "职务", "所获荣誉", "获评年份", "备注"]
b_entries = []
for p in PEOPLE:
    for h in st_honors(p):
        b_entries.append((h[1], p, h))
b_entries.sort(key=lambda e: (e[0], list(HON).index(e[2][0]) if e[2][0] in HON else 0, e[1].pid))
bno = {}
nexti = [1]


def b_id(p, h):
    key = p.pid
    if p is ch8 and h[1] >= 2015:
        key = p.pid + "#2"  # re-registered under a new number after changing units
    if key not in bno:
        bno[key] = "ST-%03d" % nexti[0]
        nexti[0] += 1
    return bno[key]


b_seen = set()
b_space = set(rng.sample([p.pid for p in PEOPLE if st_honors(p) and len(p.name) == 2 and p.group is None], 4))
b_fem = [p for p in PEOPLE if st_honors(p) and p.gender == "女" and p.group is None and p.pid not in b_space]
b_fem = set(x.pid for x in rng.sample(b_fem, 2))
for y, p, h in b_entries:
    uy, uk, role, title, dept = p.unit_at(y)
    name = p.name
    if p.pid in b_space:
        name = p.name[0] + " " + p.name[1]
        if p.pid not in b_seen:
            DECOR.append((FILE_B, p, name, "half-width space, every row"))
    elif p.pid in b_fem and p.pid not in b_seen:
        name = p.name + "（女）"
        DECOR.append((FILE_B, p, name, "（女） glued, first row only"))
    b_seen.add(p.pid)
    note = ""
    if "retired" in p.tags and h == p.honors[-1]:
        note = "已退休"
    if p is ch6 and h[0] == "CITY_51":
        note = "2019年调往盐亭县"
    if p is ch2:
        note = "2019年调绵阳市中心医院"
    cells = [b_id(p, h), name, p.gender, p.notes.get("B_birth", str(p.birth[0])), U[uk]["short"], role,
             ABBR_B[h[0]], str(h[1]), note]
    rows[FILE_B].append((cells, p))

# ---- C: 市总工会经济技术部 创新工作室名册 -------------------------------------------------------
HDR_C = ["序号", "工作室名称", "姓名", "工作室角色", "师傅", "单位", "职称", "所在地", "荣誉"]
i = 0
for s in STUDIOS:
    ppl = [s["leader"]] + s["members"]
    for p in ppl:
        i += 1
        sid, srole, mentor = p.studio
        y, uk, role, title, dept = p.cur
        u = U[uk]
        hs = []
        for h in p.honors:
            if ABBR_C[h[0]] not in hs:
                hs.append(ABBR_C[h[0]])
        hs += p.extra
        cells = [str(i), s["name"], p.name, srole, mentor.name if mentor else "", u["full"] + dept, title,
                 u["county"] if u["county"] != "北川羌族自治县" else "北川县", "、".join(hs)]
        rows[FILE_C].append((cells, p))
        if mentor:
            TRUTH_MENTOR.append((FILE_C, len(rows[FILE_C]) + 3, mentor))

# ---- D: 江油市总工会, no unit column -----------------------------------------------------------
HDR_D = ["序号", "姓名", "性别", "民族", "出生日期", "政治面貌", "荣誉称号", "授予年份", "备注"]
d_people = [p for p in PEOPLE if jy_honors(p)]
d_people.sort(key=lambda p: (jy_honors(p)[0][1], p.pid))
# traditional rows: early honorees copied from an older booklet
cands = [p for p in d_people if jy_honors(p)[0][1] <= 2013 and p.name[0] not in BAD_TRAD_SURN and p is not zw_a]
trad = set([zw_a.pid] + [p.pid for p in rng.sample(cands, 7)])
decor_pool = [p for p in d_people if p.pid not in trad]
fem = [p for p in decor_pool if p.gender == "女"]
d_fem = set(p.pid for p in rng.sample(fem, 4)) | {yh_a.pid}
rest = [p for p in decor_pool if p.pid not in d_fem]
d_tz = set(p.pid for p in rng.sample(rest, 2))
rest = [p for p in rest if p.pid not in d_tz and p.birth[0] < 1968 and p.studio is None
        and p.honors[-1][1] <= 2016 and p.pid not in set(m.pid for _, _, m in TRUTH_MENTOR)]
d_gone = set(p.pid for p in rng.sample(rest, 2))
for i, p in enumerate(d_people, 1):
    hs = jy_honors(p)
    note = ""
    name = p.name
    if "retired" in p.tags:
        note = "已退休"
    if p is ch3:
        note = "2017年调离江油"
    if p.pid in d_gone:
        name = p.name + "（已故）"
        note = "已故"
        DECOR.append((FILE_D, p, name, "（已故） glued"))
    elif p.pid in d_fem:
        name = p.name + "（女）"
        DECOR.append((FILE_D, p, name, "（女） glued"))
    elif p.pid in d_tz:
        name = p.name + "同志"
        DECOR.append((FILE_D, p, name, "同志 glued"))
    birth = "%d-%02d-%02d" % p.birth
    cells = [str(i), name, p.gender, p.eth, birth, p.party, "；".join(ABBR_D[h[0]] for h in hs),
             "；".join(str(h[1]) for h in hs), note]
    if p.pid in trad:
        cells = [cells[0]] + [S2T(c) for c in cells[1:4]] + ["%d年%d月%d日" % p.birth] + [S2T(c) for c in cells[5:]]
        TRAD.append((FILE_D, p, cells[1]))
    rows[FILE_D].append((cells, p))

TITLES = {
    FILE_A: "绵阳市劳动模范、先进工作者及五一劳动奖章获得者名录（2009—2024年）",
    FILE_B: "三台县总工会劳动模范及先进人物登记册（按获评先后登记）",
    FILE_C: "绵阳市劳模和工匠人才创新工作室成员花名册（2024年度）",
    FILE_D: "江油市历届劳动模范和先进工作者名单（2008—2024年）",
}
HDRS = {FILE_A: HDR_A, FILE_B: HDR_B, FILE_C: HDR_C, FILE_D: HDR_D}


def write_csv(fn):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    buf.write(MARK + "\n")
    title = [TITLES[fn]]
    if fn == FILE_A:  # exported from a spreadsheet: padded title row
        title += [""] * (len(HDRS[fn]) - 1)
    w.writerow(title)
    w.writerow(HDRS[fn])
    for cells, p in rows[fn]:
        assert len(cells) == len(HDRS[fn])
        for c in cells:
            assert "\n" not in c and "\r" not in c
        w.writerow(cells)
    with open(os.path.join(OUT, fn), "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


for fn in FILES:
    write_csv(fn)

LINE = {}  # (file, pid) -> [line numbers]
with open(os.path.join(OUT, "truth.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["file", "line", "person"])
    for fn in FILES:
        for k, (cells, p) in enumerate(rows[fn]):
            w.writerow([fn, k + 4, p.pid])
            LINE.setdefault((fn, p.pid), []).append(k + 4)
with open(os.path.join(OUT, "truth_mentors.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["file", "line", "mentor_person"])
    for fn, ln, m in TRUTH_MENTOR:
        w.writerow([fn, ln, m.pid])

# --------------------------------------------------------------------------------------
# NOTES.md
# --------------------------------------------------------------------------------------
SHORT = {FILE_A: "A", FILE_B: "B", FILE_C: "C", FILE_D: "D"}
used = [p for p in PEOPLE if any((fn, p.pid) in LINE for fn in FILES)]
assert len(used) == len(PEOPLE), "person in no file"


def where(p):
    out = []
    for fn in FILES:
        if (fn, p.pid) in LINE:
            out.append("%s:%s" % (SHORT[fn], "/".join(str(x) for x in LINE[(fn, p.pid)])))
    return " ".join(out)


def nfiles(p):
    return sum(1 for fn in FILES if (fn, p.pid) in LINE)


mentor_only = set(m.pid for _, _, m in TRUTH_MENTOR) - set(p.pid for cells, p in rows[FILE_C])
dist = collections.Counter(nfiles(p) for p in PEOPLE)
nrows = {fn: len(rows[fn]) for fn in FILES}
ns_people = sum(len(v) for v in NS.values())

# accidental namesakes would break the design
cnt = collections.Counter(p.name for p in PEOPLE)
for n, c in cnt.items():
    if c > 1:
        assert n in NS, n

L = []
a = L.append
a("# Blind test set: four honor rosters of 绵阳市 (synthetic)\n")
a("All people, companies, cooperatives, ids and dates are invented; the places are real. Generated by "
  "`tools/gen.py` (seed %d, deterministic; run it with `tools/.venv/bin/python tools/gen.py`, the venv only holds opencc "
  "for the traditional-script rows). The answer key is `truth.csv` (`file,line,person`, line = physical line in the file, "
  "data from line 4) and `truth_mentors.csv` (`file,line,mentor_person`, for every C row whose 师傅 cell names someone).\n" % SEED)
a("Every file: line 1 `%s`, line 2 the title line, line 3 the header, UTF-8 without BOM, `\\n` line ends.\n" % MARK)
a("In this note files are called A, B, C, D; line numbers are physical line numbers.\n")
a("## Counts\n")
a("| file | rows | people |\n|---|---|---|")
for fn in FILES:
    a("| %s `%s` | %d | %d |" % (SHORT[fn], fn, nrows[fn], len(set(p.pid for _, p in rows[fn]))))
a("| total | %d | %d distinct |\n" % (sum(nrows.values()), len(PEOPLE)))
a("People by number of files: " + ", ".join("%d file%s: %d" % (k, "" if k == 1 else "s", dist[k]) for k in sorted(dist)) + ".\n")
combo = collections.Counter("+".join(SHORT[fn] for fn in FILES if (fn, p.pid) in LINE) for p in PEOPLE)
a("By combination: " + ", ".join("%s %d" % (k, v) for k, v in sorted(combo.items(), key=lambda kv: (len(kv[0]), kv[0]))) + ".\n")
a("Namesakes: %d groups, %d people (%.1f%% of people) share an exact name with someone else. Apart from these groups "
  "every name is unique in the population (the generator asserts it).\n" % (len(NS), ns_people, 100.0 * ns_people / len(PEOPLE)))
a("Unit changers: %d people (%.1f%%).\n" % (len(CHANGERS), 100.0 * len(CHANGERS) / len(PEOPLE)))

a("## The four files\n")
a("### A `%s`\n" % FILE_A)
a("- Office: 绵阳市总工会 劳模服务办公室 (city federation of trade unions), the city-wide register of everyone holding a 绵阳市 honor "
  "or above (劳动模范, 先进工作者, 五一劳动奖章; 四川省 and 全国 ones too).")
a("- Title line: `%s` (the title row is padded with empty cells, as a spreadsheet export would be)." % TITLES[FILE_A])
a("- Columns: " + "、".join(HDR_A) + ".")
a("- Style: one row per person; every honor written out in full (`绵阳市劳动模范`, `四川省五一劳动奖章`…), several joined with `、`, "
  "授予年份 lists one year per honor in the same order. 工作单位及职务 is unit and role in one cell with no separator "
  "(`三台县人民医院护士长`, `绵阳启明微电子有限公司封装车间主任`), full unit names. The unit is the one the person had at their latest "
  "city-or-higher honor. Two-character names carry a full-width space (`王　刚`). 出生年月 is `YYYY.MM`. 地区 is the county of the unit, "
  "`市直` for city-level bodies (市中心医院, 市三医院, 市公交, 市气象局: they are in 涪城区 but the union files them as 市直), "
  "`北川县` for 北川羌族自治县, `高新区`/`经开区` for the zones. Sorted by 地区, then first honor year.\n")
a("### B `%s`\n" % FILE_B)
a("- Office: 三台县总工会, a register book kept in order of award: **one row per honor**, so a person with three honors has three rows.")
a("- Title line: `%s`. The region (三台县) is only in the title line and the file name: there is no 地区 column." % TITLES[FILE_B])
a("- Columns: " + "、".join(HDR_B) + ".")
a("- Style: 编号 `ST-nnn` is the register's number of the person, given at first registration, repeated on later rows of the same person "
  "(one exception, see caveats). Honors abbreviated: `县级劳模` (=三台县劳动模范), `县先进工作者` (=三台县先进工作者), `市劳模`, "
  "`市先进工作者`, `市五一劳动奖章` (=绵阳市…), `省劳模`, `省五一劳动奖章` (=四川省…), `全国劳模`. Short unit names (`县医院`, `县一中`, "
  "`兴潼建司`, `麦冬合作社`, `潼川食品`); 单位 and 职务 in separate columns; the unit is the one at the time of that honor, so a person's "
  "rows can show different units. 出生年份 is a year. Some names have a half-width space or `（女）` glued (listed below). A row is written "
  "for an honor only while the person worked in 三台县 (people who left are not followed).\n")
a("### C `%s`\n" % FILE_C)
a("- Office: 绵阳市总工会 经济技术工作部, roster of the city's 劳模和工匠人才创新工作室 (innovation studios) and their members, 2024.")
a("- Title line: `%s`." % TITLES[FILE_C])
a("- Columns: " + "、".join(HDR_C) + ".")
a("- Style: one row per studio member, grouped by studio; 工作室角色 `领衔人` (lead) / `核心成员` / `成员`. 单位 is the full unit name "
  "**with the department glued on** (`绵阳市中心医院心血管内科`, `江油锦程特钢有限公司轧钢车间`), the person's current (2024) unit. "
  "职称 is a professional title (may be empty). No birth data, no gender. 所在地 is the unit's county (`北川县` for 北川). 荣誉 lists every "
  "honor abbreviated (`省劳模、市劳模`, `县级劳模`, `江油市劳模`) plus honors no other file carries (`绵阳工匠`, `四川省技术能手`, "
  "`绵阳市技术能手`, `市青年岗位能手`, `市巾帼建功标兵`); no years. 师傅 names a mentor: usually the studio lead, sometimes a retired "
  "model who is only in another file, and some mentors are namesakes (see below).\n")
a("### D `%s`\n" % FILE_D)
a("- Office: 江油市总工会 (江油 is a county-level city), list of 江油 models and advanced workers, for a commemorative booklet.")
a("- Title line: `%s`." % TITLES[FILE_D])
a("- Columns: " + "、".join(HDR_D) + ". **No unit column.**")
a("- Style: one row per person, sorted by first 江油 honor year. 出生日期 is a full date `YYYY-MM-DD` (in the traditional-script rows "
  "`YYYY年M月D日`). Honors joined with `；`, years likewise. **Here `市劳模`/`市先进工作者` mean 江油市劳动模范/江油市先进工作者** "
  "(the office's own city); the prefecture's honors are written `绵阳市劳模`, `绵阳市先进工作者`, `绵阳市五一劳动奖章`. Decorated names "
  "(`（女）`, `同志`, `（已故）`) and rows copied in traditional script from an older booklet (listed below). Only honors earned while "
  "working in 江油 are listed.\n")

a("## Namesake groups\n")
for label, members in NS.items():
    a("### %s (%d people)\n" % (label, len(members)))
    for p, note in members:
        a("- %s — %s — rows %s" % (p.pid, note, where(p)))
    a("")
NS_TELL = {
    "王建国": "Three men. A has two 王建国 rows in 三台县 (different units, births 1966.04/1979.09, different honors); B has both, with "
              "different 编号, units 兴潼建司/麦冬合作社 and birth years 1966/1979. C has the 游仙 one as a studio lead (恒远机械) and "
              "the 三台 麦冬 one as another lead; the 兴潼 studio lead's 师傅 `王建国` is the 兴潼建司 one (same unit, not in C as a row). "
              "Units and birth years tell them apart; C rows give unit only.",
    "李秀英": "Both head nurses in city hospitals (市中心医院 vs 市三医院), both 市先进工作者 (2011 vs 2021), both in A only as rows. "
              "Told apart by unit and birth (1968.11 vs 1973.06). The C 师傅 `李秀英` of the 市中心医院 studio lead is the 市中心医院 one "
              "(retired): same unit is the only clue.",
    "张伟": "Both men in 江油, both in D (no unit column): told apart only by birth date (1971-08-23 vs 1984-03-02) and honors "
            "(先进工作者 vs 劳模). The teacher's D row is in traditional script (`張偉`). The teacher is also in A (江油市第一中学); the "
            "steel worker is in C (锦程特钢 studio).",
    "刘芳": "Nothing in the rows tells them apart or joins them: one is only in D (no unit; b.1988; 江油市先进工作者 2023), the other only "
            "in C (江油 华岳机械, no birth, no honors). Both women in 江油. They are different people; an exact-name match here has no "
            "agreeing fact and must not be merged automatically.",
    "陈勇": "One retired (科润精机 高新区, b.1963, 省劳模/全国五一) in A only, named as 师傅 of the 科润 studio lead; the other (辰骏汽配 "
            "经开区, b.1986) in A and C, and himself 师傅 of a younger member in the 辰骏 studio. Units and birth tell them apart; for the "
            "two 师傅 cells only the studio/unit does.",
    "杨华": "Both in 江油 and both in D: a woman (中医医院, b.1970, written `杨华（女）` in D) and a man (粮油合作社, b.1976). Gender and "
            "birth tell them apart. The woman is also in A and leads a C studio.",
    "黄丽": "Both women in 三台县, both in B: 县医院 b.1982 (县先进工作者 2017) vs 潼川食品 b.1990 (县级劳模 2022, 市五一 2023, also in A). "
            "Units, birth years and 编号 tell them apart.",
    "赵军": "Similar units: 绵阳启明微电子有限公司 (高新区) vs 绵阳启明微电子有限公司江油分公司 (江油市); both men, both in A. Birth "
            "1978.04 vs 1985.09, region, role. The first leads the C 启明 studio; the second is also in D.",
    "周敏": "Both in A only: a woman doctor in 盐亭 (b.1975.03) and a man running a company in 梓潼 (b.1981.06). Gender, unit, region, birth.",
    "吴海燕": "北川 羌绣 cooperative head (羌族, b.1980, A and C) vs 三台 蚕桑 cooperative member (b.1977, B only). Region, unit, birth.",
    "母志强": "Both men in 安州区, both in A only (one also in C): a kiln-shop team leader at 锦安建材 (b.1974.01) and a surgeon at "
              "安州区人民医院 (b.1969.10). Unit, role and birth tell them apart.",
}
for label in NS:
    a("- **%s**: %s" % (label, NS_TELL[label]))
a("")

a("## Unit changers\n")
UNITCOL = {FILE_A: 7, FILE_B: 4, FILE_C: 5}


def seen_units(p):
    out = []
    for fn in (FILE_A, FILE_B, FILE_C):
        us = []
        for cells, q in rows[fn]:
            if q is p and cells[UNITCOL[fn]] not in us:
                us.append(cells[UNITCOL[fn]])
        if us:
            out.append("%s `%s`" % (SHORT[fn], "` / `".join(us)))
    return "; ".join(out)


for p, note in CHANGERS:
    a("- %s %s — %s — rows %s — written: %s" % (p.pid, p.name, note, where(p), seen_units(p)))
a("")
a("## Traditional-script rows\n")
a("Whole row converted with OpenCC s2tw (name, gender, ethnicity, party, honors, note; the birth date is rewritten `YYYY年M月D日`):\n")
for fn, p, n in TRAD:
    a("- %s line %s: `%s` = %s %s" % (SHORT[fn], LINE[(fn, p.pid)][0], n, p.pid, p.name))
a("")
a("## Decorated or spaced names (besides A's full-width spaces, which every two-character name in A has)\n")
for fn, p, n, kind in DECOR:
    a("- %s line %s: `%s` (%s) = %s %s" % (SHORT[fn], "/".join(str(x) for x in LINE[(fn, p.pid)]), n, kind, p.pid, p.name))
a("")
a("## Mentors (C 师傅 column)\n")
a("%d C rows name a 师傅 (see truth_mentors.csv). Mentors who have no row in C themselves: %s.\n" % (
    len(TRUTH_MENTOR), ", ".join("%s %s (%s)" % (p.pid, p.name, where(p)) for p in PEOPLE if p.pid in mentor_only)))

a("## Caveats: where a literal reading would be wrong\n")
a("- **`市劳模` means different cities in different files.** In B and C it means 绵阳市劳动模范. In D it means 江油市劳动模范 "
  "(the office's own county-level city; 绵阳's honor is written `绵阳市劳模`). In C, rows whose 所在地 is `江油市` still mean "
  "绵阳市劳动模范 by `市劳模`; C writes 江油's own honor explicitly as `江油市劳模`. Resolving C's `市劳模` with the row's 所在地 "
  "江油市 would give 江油市劳动模范, which is wrong.")
odd = []
for cells, p in rows[FILE_C]:
    if U[p.cur[1]]["county"] != "三台县" and any(x in cells[8] for x in ("县级劳模", "县先进工作者")):
        odd.append("%s (%s, 所在地 %s)" % (p.pid, p.name, cells[7]))
if odd:
    a("- In C, `县级劳模`/`县先进工作者` are always 三台县 honors, also for people who have since moved elsewhere: " + "; ".join(odd)
      + ". Resolving them with the row's 所在地 would give a wrong county.")
a("- B has no 地区 column: `县级劳模`, `市劳模` there resolve only from the title line / file name (三台县, in 绵阳市).")
a("- A's 地区 `市直` is not a place: it marks city-level bodies (all physically in 涪城区). `北川县` = 北川羌族自治县.")
a("- A's unit is the unit at the latest city-or-higher honor, C's is the current one, B's the one at each honor: a person who moved "
  "shows different units in different files (see unit changers) and is still one person.")
a("- B `编号` normally identifies the person, but %s %s was registered twice (two 编号, %s and %s) after changing units; both are one "
  "person. Conversely different 编号 with the same name (王建国, 黄丽) are different people." % (
      ch8.pid, ch8.name, bno[ch8.pid], bno[ch8.pid + "#2"]))
a("- Birth data disagree for two people (clerical): %s %s is `1976.06` in A but `1976-07-15` in D; %s %s is `1979.01` in A but `1978` "
  "in B (lunar-calendar year). Same person each time." % (bd1.pid, bd1.name, bd2.pid, bd2.name))
a("- D has no unit column, C has no birth and no gender: matches between C and D rest on name, region (江油) and honors only "
  "(C `江油市劳模` = D `市劳模`). The 刘芳 pair shows that a bare name there is not enough.")
a("- Decorations are not part of names: `（女）`, `同志`, `（已故）` glued in D/B; the half-width spaces in B and full-width spaces in A "
  "are not part of names either. Traditional-script rows (D) are the same people as their simplified spellings elsewhere "
  "(e.g. `張偉` = 张伟 the teacher, not the steel worker).")
a("- People who left 三台 or 江油 keep only their earlier rows in B/D (B and D list only honors earned while working there); their later "
  "honors appear in A under another region.")
a("- C's studio column is headed `工作室名称` (the office's own header; HELP lists `工作室`/`创新工作室`), and C's `职称` is a "
  "professional title (高级技师, 主任医师…), not a post; C has no post column. B's `职务` is the post at the time of that honor.")
a("- A's title row is padded with empty cells (`title,,,,…`); B, C, D title rows are a single cell.")
a("- C's 荣誉 includes honors from other bodies (`绵阳工匠`, `四川省技术能手`…) that no other file lists; they are not conflicts.")
a("- 师傅 `王建国`, `李秀英`, `陈勇` each name one of several namesakes; truth_mentors.csv says which.")
with open(os.path.join(OUT, "NOTES.md"), "w", encoding="utf-8", newline="") as f:
    f.write("\n".join(L) + "\n")

print("rows", nrows, "total", sum(nrows.values()))
print("people", len(PEOPLE), "dist", dict(dist), "namesakes", ns_people, "changers", len(CHANGERS))
print("combos", dict(combo))
