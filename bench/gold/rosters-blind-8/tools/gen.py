#!/usr/bin/env python3
"""Generate four synthetic honor rosters of 遵义市 (贵州) and their answer key.

Everything about people is invented: names, birth dates, companies, cooperatives,
villages, residential compounds, ids, phone numbers.  Places down to the
county/district/county-level city (and the towns/streets of 播州区 and 仁怀市
used in addresses) are real.

Deterministic: fixed seed.  Run with tools/.venv/bin/python (needs opencc for
the traditional-script rows).

Outputs (in the folder above tools/):
  遵义市总工会_劳动模范名册.csv            (A) one row per person
  遵义市人社局_表彰奖励登记台账.csv        (B) one row per honor, 编号 repeated
  仁怀市总工会_劳模创新工作室成员名单.csv  (C) studios, 师傅 column
  播州区总工会_2025年春节走访慰问劳模名单.csv (D) no unit column
  truth.csv, truth_mentors.csv, tools/stats.json
"""
import csv
import io
import json
import os
import random
import sys

from opencc import OpenCC

SEED = 20250808
rng = random.Random(SEED)
S2T = OpenCC("s2t")
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
SYN = "# 合成数据 synthetic data — invented people, real places"
FW = "\u3000"  # full-width space

FILE_A = "遵义市总工会_劳动模范名册.csv"
FILE_B = "遵义市人社局_表彰奖励登记台账.csv"
FILE_C = "仁怀市总工会_劳模创新工作室成员名单.csv"
FILE_D = "播州区总工会_2025年春节走访慰问劳模名单.csv"

# --------------------------------------------------------------------------
# places
DISTRICTS = {"红花岗区", "汇川区", "播州区"}
COUNTY_CITIES = {"仁怀市", "赤水市"}
COUNTIES = ["红花岗区", "汇川区", "播州区", "桐梓县", "绥阳县", "正安县", "道真县",
            "务川县", "凤冈县", "湄潭县", "余庆县", "习水县", "赤水市", "仁怀市"]
A_ORDER = ["市直"] + COUNTIES  # the grouping of roster A
BOZHOU_TOWNS = ["南白街道", "龙坑街道", "鸭溪镇", "枫香镇", "三岔镇", "苟江镇", "乌江镇",
                "尚嵇镇", "团溪镇", "新民镇", "西坪镇", "泮水镇", "马蹄镇", "石板镇"]
# invented compounds / villages
BOZHOU_SPOTS = ["桂苑小区", "南湖花园", "金桥小区", "锦绣家园", "电厂宿舍", "建材厂宿舍",
                "青杠坝村", "石龙村", "上坝村", "新场村", "大水井村", "红岩组", "兴隆社区",
                "柏杨湾村", "河坝组", "老街", "和平小区", "滨江苑"]

# --------------------------------------------------------------------------
# units: key -> full, short, county ("市直" for city-level units), type, depts
U = {}


def unit(key, full, short, county, typ, depts=()):
    U[key] = dict(full=full, short=short, county=county, type=typ, depts=list(depts))


unit("ZY1Y", "遵义市第一人民医院", "市一院", "市直", "hospital", ["心血管内科", "急诊科", "护理部", "骨科", "神经外科"])
unit("ZYZY", "遵义市中医院", "市中医院", "市直", "hospital", ["针灸科", "护理部", "脾胃病科", "康复科"])
unit("ZY1Z", "遵义市第一中学", "市一中", "市直", "school")
unit("ZYJY", "遵义市教育局", "市教育局", "市直", "gov", ["教研室", "基础教育科"])
unit("ZYJJ", "遵义市公安局交通警察支队", "市交警支队", "市直", "police", ["秩序大队", "事故处理大队"])
unit("ZYZR", "遵义市自然资源局", "市自然资源局", "市直", "gov", ["测绘科", "耕地保护科"])
unit("ZYYJ", "遵义市应急管理局", "市应急局", "市直", "gov", ["救援协调科", "安全生产基础科"])
unit("QCGJ", "遵义黔程公共交通有限公司", "黔程公交", "市直", "bus", ["第一分公司", "第三分公司", "保修厂"])
unit("ZDLQ", "贵州遵道路桥建设有限公司", "遵道路桥", "市直", "build", ["第二项目部", "技术部", "桥梁分公司"])
unit("QBZG", "贵州黔北重工机械有限公司", "黔北重工", "汇川区", "factory", ["铸造车间", "机加工车间", "技术中心", "装配车间"])
unit("HXQX", "遵义汇鑫汽车维修有限公司", "汇鑫汽修", "汇川区", "factory", ["机修车间", "钣喷车间"])
unit("HCXX", "遵义市汇川区第七小学", "汇川七小", "汇川区", "school")
unit("HCJY", "遵义市汇川区教育局", "汇川区教育局", "汇川区", "gov", ["教研室"])
unit("HCFY", "遵义市汇川区人民法院", "汇川区法院", "汇川区", "gov", ["民一庭", "执行局"])
unit("HHSQ", "遵义市红花岗区老城街道石巷社区居委会", "石巷社区", "红花岗区", "community")
unit("HHXX", "遵义市红花岗区第十小学", "红花岗十小", "红花岗区", "school")
unit("HHYL", "遵义市红花岗区妇幼保健院", "红花岗区妇幼保健院", "红花岗区", "hospital", ["儿保科", "产科"])
unit("HHCY", "遵义红城餐饮管理有限公司", "红城餐饮", "红花岗区", "service", ["中央厨房"])
unit("BZYY", "遵义市播州区人民医院", "区医院", "播州区", "hospital", ["外科", "内科", "护理部"])
unit("BZ3Z", "遵义市播州区第三中学", "区三中", "播州区", "school")
unit("XLXC", "遵义鑫铝新材料股份有限公司", "鑫铝新材", "播州区", "factory", ["电解车间", "铸造车间", "动力车间"])
unit("HDJC", "遵义鸭溪恒达建材有限公司", "恒达建材", "播州区", "factory", ["水泥车间", "机修车间"])
unit("LYHZ", "遵义市播州区枫香镇绿源蔬菜种植专业合作社", "绿源合作社", "播州区", "coop")
unit("QGBC", "遵义市播州区枫香镇青杠坝村", "青杠坝村", "播州区", "village")
unit("BZNY", "遵义市播州区农业农村局", "播州区农业农村局", "播州区", "gov", ["农技站"])
unit("TZYY", "桐梓县人民医院", "县医院", "桐梓县", "hospital", ["心血管内科", "外科", "护理部"])
unit("TZ1Z", "桐梓县第一中学", "县一中", "桐梓县", "school")
unit("TZGA", "桐梓县公安局", "县公安局", "桐梓县", "police", ["城关派出所", "刑侦大队"])
unit("TNMY", "贵州桐能煤业有限公司", "桐能煤业", "桐梓县", "mine", ["综采一队", "机电队", "通风队"])
unit("SYHZ", "绥阳县红火辣椒种植专业合作社", "红火合作社", "绥阳县", "coop")
unit("SY1Z", "绥阳县第一中学", "县一中", "绥阳县", "school")
unit("SYSP", "贵州绥味食品有限公司", "绥味食品", "绥阳县", "factory", ["生产部", "质检部"])
unit("ZAYQ", "正安县弦音乐器制造有限公司", "弦音乐器", "正安县", "factory", ["木工车间", "涂装车间", "调音车间"])
unit("ZAYY", "正安县人民医院", "县医院", "正安县", "hospital", ["内科", "护理部"])
unit("DZHZ", "道真仡佬族苗族自治县傩乡农旅专业合作社", "傩乡合作社", "道真县", "coop")
unit("DZNY", "道真仡佬族苗族自治县农业农村局", "道真县农业农村局", "道真县", "gov", ["农技推广站"])
unit("WCNY", "务川仡佬族苗族自治县丹砂农业发展有限公司", "丹砂农业", "务川县", "company", ["种植基地"])
unit("WCXX", "务川仡佬族苗族自治县民族中学", "务川民中", "务川县", "school")
unit("FGHZ", "凤冈县翠芽茶叶专业合作社", "翠芽合作社", "凤冈县", "coop")
unit("FG2Z", "凤冈县第二中学", "县二中", "凤冈县", "school")
unit("MTCY", "遵义茗湄茶业有限公司", "茗湄茶业", "湄潭县", "tea", ["制茶车间", "品控部"])
unit("MTYY", "湄潭县人民医院", "县医院", "湄潭县", "hospital", ["护理部", "内科", "急诊科"])
unit("MTNY", "湄潭县农业农村局", "县农业农村局", "湄潭县", "gov", ["茶叶站"])
unit("YQHZ", "余庆县白泥生态茶业专业合作社", "白泥合作社", "余庆县", "coop")
unit("YQWS", "余庆县龙溪镇卫生院", "龙溪卫生院", "余庆县", "hospital")
unit("XSNY", "习水县红谷农业开发有限公司", "红谷农业", "习水县", "company", ["种植基地", "加工厂"])
unit("XS3X", "习水县第三小学", "县三小", "习水县", "school")
unit("XSGA", "习水县公安局", "县公安局", "习水县", "police", ["东皇派出所"])
unit("CSZY", "赤水市竹韵竹业有限公司", "竹韵竹业", "赤水市", "factory", ["竹材加工车间", "竹编车间"])
unit("CSLY", "赤水市丹岩旅游服务有限公司", "丹岩旅游", "赤水市", "service", ["景区运营部"])
unit("CSYY", "赤水市人民医院", "市医院", "赤水市", "hospital", ["外科", "护理部"])
unit("DLCS", "黔北电力工程有限公司赤水分公司", "黔北电力赤水分公司", "赤水市", "power", ["变电运维班", "输电运检班", "配电班"])
unit("DLRH", "黔北电力工程有限公司仁怀分公司", "黔北电力仁怀分公司", "仁怀市", "power", ["输电运检班", "变电运维班", "配电抢修班"])
unit("CLJY", "贵州赤岭酱香酒业有限公司", "赤岭酒业", "仁怀市", "liquor", ["制酒一车间", "制酒二车间", "包装车间", "勾调中心"])
unit("GTJY", "仁怀市国坛酒业有限公司", "国坛酒业", "仁怀市", "liquor", ["制曲车间", "制酒车间", "勾调中心", "包装车间"])
unit("JYJT", "贵州酱源酒业集团有限公司", "酱源集团", "仁怀市", "liquor", ["技术中心", "勾调中心", "制酒三车间"])
unit("RHYY", "仁怀市人民医院", "市医院", "仁怀市", "hospital", ["护理部", "急诊科", "内分泌科"])
unit("RHZX", "仁怀市中等职业学校", "仁怀职校", "仁怀市", "school", ["酿酒专业部", "机电专业部"])
unit("RHHZ", "仁怀市喜头镇红粱种植专业合作社", "红粱合作社", "仁怀市", "coop")

unit("ZYHW", "遵义市环境卫生管理处", "市环卫处", "市直", "sanitation", ["清扫一队", "清扫三队", "清运大队"])
unit("QYGS", "遵义清源供水有限公司", "清源供水", "市直", "factory", ["管网所", "第二水厂", "营业所"])
unit("QWYS", "遵义黔味源食品有限公司", "黔味源食品", "红花岗区", "factory", ["生产车间", "质检部"])
unit("HCMJ", "遵义汇川精密模具有限公司", "汇川精模", "汇川区", "factory", ["模具车间", "数控车间"])
unit("YXWS", "遵义市播州区鸭溪镇卫生院", "鸭溪卫生院", "播州区", "hospital")
unit("LSSP", "贵州娄岭食品有限公司", "娄岭食品", "桐梓县", "factory", ["方竹笋加工车间", "包装车间"])
unit("CSNY", "赤水市金钗石斛种植专业合作社", "石斛合作社", "赤水市", "coop")

# roles: (roles with a department, roles of the whole unit)
ROLES = {
    "hospital": (["主任医师", "副主任医师", "主治医师", "护士长", "主管护师", "科主任"], ["院长", "副院长"]),
    "school": (["高级教师", "一级教师", "教研组长", "年级组长"], ["校长", "副校长"]),
    "gov": (["科长", "副科长", "一级主任科员"], ["副局长"]),
    "police": (["所长", "副所长", "民警", "大队长", "副大队长"], ["副局长"]),
    "bus": (["驾驶员", "线路长", "调度员", "修理工"], ["总经理"]),
    "build": (["项目经理", "高级工程师", "工程师", "施工员"], ["总工程师", "总经理"]),
    "factory": (["高级技师", "技师", "车间主任", "班长", "高级工程师", "工程师", "焊工", "钳工"],
                ["总经理", "党委书记、董事长", "副总经理"]),
    "mine": (["队长", "副队长", "高级技师", "班长", "采煤机司机"], ["矿长"]),
    "power": (["班长", "高级技师", "技师", "工程师"], ["经理"]),
    "liquor": (["高级酿酒师", "酿酒师", "勾调师", "制酒班长", "车间主任"], ["技术总监", "副总经理"]),
    "tea": (["制茶师", "车间主任", "高级评茶员"], ["总经理"]),
    "coop": (["技术员", "种植大户", "社员"], ["理事长"]),
    "village": (["村民小组长", "种植大户"], ["党支部书记", "村委会主任"]),
    "community": (["网格长"], ["党委书记、主任", "副主任"]),
    "company": (["技术员", "基地负责人"], ["总经理"]),
    "service": (["厨师长", "面点师"], ["总经理"]),
    "sanitation": (["环卫工", "班长", "队长"], ["副主任"]),
}
UNIT_ROLES = {
    "ZYJY": (["教研员", "科长"], ["副局长"]), "HCJY": (["教研员"], ["副局长"]),
    "BZNY": (["站长", "高级农艺师", "农艺师"], ["副局长"]), "DZNY": (["站长", "高级农艺师"], ["副局长"]),
    "MTNY": (["站长", "高级农艺师"], ["副局长"]), "HCFY": (["庭长", "审判员", "法官助理"], ["副院长"]),
    "CSLY": (["导游", "讲解员"], ["经理"]), "YQWS": (["主治医师", "全科医师"], ["院长", "副院长"]),
    "YXWS": (["主治医师", "全科医师"], ["院长", "副院长"]), "ZYJJ": (["大队长", "副大队长", "民警"], ["副支队长"]),
}


def roles_of(k):
    return UNIT_ROLES.get(k) or ROLES[U[k]["type"]]


PUBLIC = {"hospital", "school", "gov", "police", "community"}
UNITS_BY_COUNTY = {}
for k, u in U.items():
    UNITS_BY_COUNTY.setdefault(u["county"], []).append(k)

# --------------------------------------------------------------------------
# names
SURN = ("王" * 10 + "李" * 9 + "张" * 9 + "刘" * 8 + "陈" * 8 + "杨" * 8 + "黄" * 5 + "赵" * 5 + "吴" * 6
        + "周" * 5 + "罗" * 6 + "徐" * 3 + "何" * 4 + "胡" * 3 + "田" * 4 + "冉" * 3 + "龙" * 3 + "袁" * 3
        + "邓" * 3 + "付" * 3 + "宋" * 2 + "唐" * 2 + "蔡" * 2 + "韩" * 2 + "申" * 2 + "穆" * 2 + "母" * 2
        + "骆" * 2 + "晏" * 2 + "郑" * 2 + "谢" * 2 + "彭" * 2 + "曾" * 2 + "肖" * 2 + "潘" * 2 + "蒋" * 2
        + "杜" * 2 + "程" * 2 + "石" * 2 + "孙" * 2 + "马" * 2 + "朱" * 2 + "高" * 2 + "梁" * 2 + "余" * 2
        + "谭" * 2 + "熊" * 2 + "敖" * 2 + "喻" * 2 + "林卢姚雷侯汪夏钟秦舒犹黎简")
SURN = list(SURN) + ["令狐", "令狐"]
GM = list("明华军建国勇强伟平刚林斌波涛杰磊鹏飞超辉海峰文武德忠庆荣贵富祥兴成光先学永志春中良洪松云江川宇浩俊龙发")
GF = list("芳红英丽敏静娟霞梅兰琴燕玲萍艳秀莉婷雪慧丹琳颖洁倩晶欣悦华琼凤珍菊蓉莎")
FAMOUS = {"雷军", "马云", "李宁", "刘翔", "王菲", "李娜", "王刚", "张杰", "陈红", "周杰", "刘强", "王强", "李静",
          "张丽", "黄渤", "孙俪", "马丽", "王涛", "李明", "赵薇", "刘涛", "陈坤", "王芳", "张伟", "杨洋"}
RESERVED = {"王军", "李红", "张勇", "陈刚", "刘芳", "杨波", "周敏", "赵磊", "吴静", "黄伟", "罗平",
            "李娟", "刘洋", "张建华"}
USED = set()


def gen_name(g):
    pool = GM if g == "男" else GF
    while True:
        s = rng.choice(SURN)
        if rng.random() < 0.30:
            n = s + rng.choice(pool)
        else:
            a, b = rng.choice(pool), rng.choice(pool)
            if a == b and rng.random() < 0.8:
                continue
            n = s + a + b
        if n in USED or n in RESERVED or n in FAMOUS:
            continue
        return n


# --------------------------------------------------------------------------
# honors
ZY_Y = [1998, 2003, 2008, 2013, 2018, 2023]
GZ_Y = [1996, 2001, 2006, 2011, 2016, 2021]
QG_Y = [1995, 2000, 2005, 2010, 2015, 2020]

FULL = {"ZY_LM": "遵义市劳动模范", "ZY_XJ": "遵义市先进工作者", "ZY_51": "遵义市五一劳动奖章",
        "GZ_LM": "贵州省劳动模范", "GZ_XJ": "贵州省先进工作者", "GZ_51": "贵州省五一劳动奖章",
        "QG_LM": "全国劳动模范", "QG_XJ": "全国先进工作者", "QG_51": "全国五一劳动奖章"}
ABBR = {"ZY_LM": "市劳模", "ZY_XJ": "市先进工作者", "ZY_51": "市五一劳动奖章",
        "GZ_LM": "省劳模", "GZ_XJ": "省先进工作者", "GZ_51": "省五一劳动奖章",
        "QG_LM": "全国劳模", "QG_XJ": "全国先进工作者", "QG_51": "全国五一劳动奖章"}
LEVEL = {"QG": 4, "GZ": 3, "ZY": 2, "CT": 1}
BODY = {"ZY": "中共遵义市委、遵义市人民政府", "GZ": "中共贵州省委、贵州省人民政府", "QG": "中共中央、国务院"}


def lvl(code):
    return LEVEL[code[:2]]


def honor_full(code, year, county):
    if code in FULL:
        return FULL[code]
    kind = "劳动模范" if code == "CT_LM" else "五一劳动奖章"
    return cty_name(county, year) + kind


def cty_name(county, year):
    if county == "播州区" and year < 2016:
        return "遵义县"
    return {"道真县": "道真仡佬族苗族自治县", "务川县": "务川仡佬族苗族自治县"}.get(county, county)


# --------------------------------------------------------------------------
# people
class Person:
    def __init__(self, pid, **kw):
        self.pid = pid
        self.name = kw.pop("name")
        self.gender = kw.pop("gender")
        self.birth = kw.pop("birth")  # (y, m, d)
        self.eth = kw.pop("eth", "汉族")
        self.pol = kw.pop("pol", "中共党员")
        self.edu = kw.pop("edu", "大专")
        self.jobs = kw.pop("jobs")  # [(unit key, dept, role, start year)]
        self.honors = kw.pop("honors")  # [(code, year)]
        self.status = kw.pop("status", "在职")
        self.files = set(kw.pop("files"))
        self.flags = kw.pop("flags", {})
        self.tag = kw.pop("tag", "")
        self.home = kw.pop("home", None)
        assert not kw, kw

    def job_at(self, year):
        cur = self.jobs[0]
        for j in self.jobs:
            if j[3] <= year:
                cur = j
        return cur

    @property
    def county(self):
        return U[self.jobs[-1][0]]["county"]

    def county_at(self, year):
        return U[self.job_at(year)[0]]["county"]


PEOPLE = []
PCOUNT = [0]


def new_pid():
    PCOUNT[0] += 1
    return "P%03d" % PCOUNT[0]


def add(**kw):
    if kw["name"] not in RESERVED:
        assert kw["name"] not in USED, kw["name"]
        USED.add(kw["name"])
    p = Person(new_pid(), **kw)
    register_heads(p.jobs)
    PEOPLE.append(p)
    return p


def rdate(y0, y1):
    return (rng.randint(y0, y1), rng.randint(1, 12), rng.randint(1, 28))


def edu_for(typ, age_young=False):
    if typ in ("hospital", "gov", "build"):
        return rng.choice(["本科", "本科", "研究生", "大学"])
    if typ == "school":
        return rng.choice(["本科", "本科", "大专", "研究生"])
    if typ in ("coop", "village"):
        return rng.choice(["初中", "高中", "中专", "大专"])
    return rng.choice(["高中", "中专", "大专", "大专", "本科", "技校"])


def eth_for(county):
    if county in ("道真县", "务川县"):
        return rng.choice(["仡佬族", "仡佬族", "苗族", "汉族"])
    return rng.choice(["汉族"] * 12 + ["苗族", "土家族", "布依族", "仡佬族"])


def pol_for():
    return rng.choice(["中共党员"] * 7 + ["群众", "群众", "民盟盟员", "九三学社社员", "无党派人士", "农工党党员"])


DEPT_ROLES = {
    "护理部": ["护士长", "主管护师", "副主任护师"], "品控部": ["高级评茶员", "评茶员"],
    "质检部": ["质检主管", "质检员"], "技术中心": ["高级工程师", "工程师", "主任"],
    "技术部": ["高级工程师", "工程师"], "勾调中心": ["勾调师", "高级勾调师"],
    "景区运营部": ["导游", "讲解员"], "管网所": ["管网维修工", "班长", "所长"], "营业所": ["所长", "抄表员"],
    "第二水厂": ["制水工", "高级技师", "厂长"], "中央厨房": ["厨师长", "面点师"],
    "种植基地": ["基地负责人", "技术员"], "加工厂": ["厂长", "技术员"], "生产部": ["班长", "技师"],
    "儿保科": ["主任医师", "主治医师"], "产科": ["主任医师", "助产士"],
}
HEAD_TAKEN = set()
UNIQUE_IN_DEPT = {"车间主任", "护士长", "科主任", "所长", "站长", "厂长", "大队长", "队长", "庭长", "基地负责人",
                  "主任", "副大队长", "副队长", "副所长"}


def register_heads(jobs):
    for k, dept, role, _ in jobs:
        if k in U and not dept and role in roles_of(k)[1]:
            HEAD_TAKEN.add((k, role))
        if k in U and dept and role in UNIQUE_IN_DEPT:
            HEAD_TAKEN.add((k, dept, role))


def pick_job(county, public=None, typ=None, gender="男"):
    keys = UNITS_BY_COUNTY[county]
    if typ:
        keys = [k for k in keys if U[k]["type"] in typ]
    elif public is True:
        keys = [k for k in keys if U[k]["type"] in PUBLIC]
    elif public is False:
        keys = [k for k in keys if U[k]["type"] not in PUBLIC]
    for _ in range(50):
        k = rng.choice(keys)
        u = U[k]
        dr, hr = roles_of(k)
        free = [r for r in hr if (k, r) not in HEAD_TAKEN]
        if free and (not dr or rng.random() < 0.25):
            r = rng.choice(free)
            HEAD_TAKEN.add((k, r))
            return (k, "", r)
        if not dr:
            continue
        if u["type"] == "school" or not u["depts"]:
            return (k, "", rng.choice(dr))
        depts = [d for d in u["depts"] if not (d == "护理部" and gender == "男")] or u["depts"]
        d = rng.choice(depts)
        opts = [r for r in DEPT_ROLES.get(d, dr) if (k, d, r) not in HEAD_TAKEN]
        if not opts:
            continue
        r = rng.choice(opts)
        if r in UNIQUE_IN_DEPT:
            HEAD_TAKEN.add((k, d, r))
        return (k, d, r)
    raise RuntimeError("no job in %s" % county)


def bulk(files, county, honors_fn, born, public=None, status="在职", typ=None, tag="bulk", home=None):
    g = "女" if rng.random() < 0.3 else "男"
    k, dept, role = pick_job(county, public, typ, g)
    by = rng.randint(*born)
    hon = honors_fn(by, county)
    start = min(h[1] for h in hon) - rng.randint(3, 12) if hon else 2000
    return add(name=gen_name(g), gender=g, birth=(by, rng.randint(1, 12), rng.randint(1, 28)),
               eth=eth_for(county), pol=pol_for(), edu=edu_for(U[k]["type"]),
               jobs=[(k, dept, role, start)], honors=hon, status=status, files=files, tag=tag,
               home=home)


def yrs_after(years, by, lo=28, hi=60, minyear=None, maxyear=2024):
    ok = [y for y in years if by + lo <= y <= by + hi and y <= maxyear and (minyear is None or y >= minyear)]
    return ok


def h_A_only(by, county):
    """A only: 五一 honors, or 劳模 honors all before 2008 (B's ledger starts 2008)."""
    r = rng.random()
    out = []
    if r < 0.55:
        y = rng.randint(max(2008, by + 28), min(2024, by + 58))
        out.append(("ZY_51", y))
        if rng.random() < 0.35 and y + 2 <= 2024:
            out.append(("GZ_51", rng.randint(y + 2, min(2024, y + 6))))
        if rng.random() < 0.3 and county != "市直":
            out.insert(0, ("CT_LM", rng.randint(max(1995, by + 25), y - 1)))
    else:
        ys = yrs_after(ZY_Y, by, maxyear=2003)
        if not ys:
            return h_A_only(by, county)
        y = rng.choice(ys)
        out.append(("ZY_LM", y))
        if rng.random() < 0.4:
            g = [x for x in GZ_Y if y < x < 2008]
            if g:
                out.append(("GZ_LM", rng.choice(g)))
        if rng.random() < 0.4 and county != "市直":
            out.insert(0, ("CT_LM", rng.randint(max(1988, by + 24), y - 1)))
    return out


def h_AB(by, county, public=False):
    """in A and B: at least one 劳模 honor from 2008 on."""
    out = []
    if county != "市直" and rng.random() < 0.5:
        out.append(("CT_LM", rng.randint(max(1998, by + 25), 2012)))
    ys = yrs_after(ZY_Y, by, hi=55, minyear=2008)
    y = rng.choice(ys[:-1] if len(ys) > 1 else ys)
    if out and out[0][1] >= y:
        out[0] = ("CT_LM", y - rng.randint(2, 5))
    out.append(("ZY_XJ" if public else "ZY_LM", y))
    if rng.random() < 0.7:
        g = [x for x in GZ_Y if y < x <= by + 57]
        if g:
            out.append(("GZ_XJ" if public else "GZ_LM", rng.choice(g[:2])))
            if rng.random() < 0.15:
                q = [x for x in QG_Y if x > out[-1][1]]
                if q:
                    out.append(("QG_XJ" if public else "QG_LM", q[0]))
    if not public and rng.random() < 0.3:
        y51 = rng.randint(max(2008, by + 27), 2022)
        if y51 not in [h[1] for h in out]:
            out.append(("ZY_51" if rng.random() < 0.6 else "GZ_51", y51))
    if public:  # A lists them through a 五一 medal
        out.append(("ZY_51", rng.randint(max(2009, by + 27), 2022)))
    out.sort(key=lambda h: h[1])
    return out


def h_B_only(by, county):
    ys = yrs_after(ZY_Y, by, minyear=2008)
    y = rng.choice(ys)
    out = [("ZY_XJ", y)]
    g = [x for x in GZ_Y if y < x <= by + 57]
    if g and rng.random() < 0.55:
        out.append(("GZ_XJ", g[0]))
    return out


def h_D_only(by, county):
    r = rng.random()
    if r < 0.75:
        y = rng.randint(max(1985, by + 25), min(2023, by + 58))
        return [("CT_LM", y)]
    ys = yrs_after(ZY_Y, by, maxyear=2003)
    if not ys:
        return [("CT_LM", rng.randint(max(1985, by + 25), min(2023, by + 58)))]
    return [("CT_LM", ys[0] - rng.randint(2, 6)), ("ZY_LM", ys[0])]


def h_A_old(by, county):
    """retired, A only: 劳模 honors before 2008."""
    y = rng.choice(yrs_after(ZY_Y, by, maxyear=2003))
    out = [("ZY_LM", y)]
    if rng.random() < 0.35:
        g = [x for x in GZ_Y if y < x < 2008]
        if g:
            out.append(("GZ_LM", g[0]))
    if rng.random() < 0.4 and county != "市直":
        out.insert(0, ("CT_LM", rng.randint(max(1985, by + 24), y - 1)))
    return out


def h_AD(by, county):
    if by < 1956:
        return h_A_old(by, county)
    out = []
    if rng.random() < 0.6:
        out.append(("CT_LM", rng.randint(max(1988, by + 24), min(2015, by + 50))))
    if rng.random() < 0.5:
        ys = yrs_after(ZY_Y, by, maxyear=2003)
        if ys:
            y = rng.choice(ys)
            if out and out[0][1] >= y:
                out[0] = ("CT_LM", y - 3)
            out.append(("ZY_LM", y))
            if rng.random() < 0.4:
                g = [x for x in GZ_Y if y < x < 2008]
                if g:
                    out.append(("GZ_LM", g[0]))
            return out
    y = rng.randint(max(2008, by + 28), min(2023, by + 58))
    if out and out[0][1] >= y:
        out[0] = ("CT_LM", y - 2)
    out.append(("ZY_51", y))
    return out


def h_member(by, county):
    r = rng.random()
    if r < 0.68:
        return []
    if r < 0.85 or by + 28 > 2023:
        return [("CT_51", rng.randint(max(2015, by + 24), 2024))]
    return [("CT_LM", rng.randint(max(2014, by + 28), 2023))]


# ============================== special people ==============================
F_A, F_B, F_C, F_D = "A", "B", "C", "D"

# --- namesake groups ---
N = {}
N["N1a"] = add(name="王军", gender="男", birth=(1971, 3, 17), edu="技校",
               jobs=[("QBZG", "铸造车间", "高级技师", 1992)], honors=[("ZY_LM", 2013), ("GZ_LM", 2016)],
               files={F_A, F_B}, tag="N1 王军 a")
N["N1b"] = add(name="王军", gender="男", birth=(1958, 11, 2), jobs=[("HDJC", "", "", 1978)],
               honors=[("CT_LM", 2006)], status="退休", files={F_D}, tag="N1 王军 b", home="鸭溪镇")
N["N1c"] = add(name="王军", gender="男", birth=(1986, 6, 9), pol="群众", edu="中专",
               jobs=[("GTJY", "制酒车间", "酿酒师", 2006)], honors=[], files={F_C}, tag="N1 王军 c")
N["N2a"] = add(name="李红", gender="女", birth=(1974, 8, 22), edu="本科",
               jobs=[("ZY1Y", "护理部", "护士长", 1995)], honors=[("ZY_51", 2015), ("ZY_XJ", 2018), ("GZ_XJ", 2021)],
               files={F_A, F_B}, tag="N2 李红 a")
N["N2b"] = add(name="李红", gender="女", birth=(1980, 2, 5), edu="大专", pol="群众",
               jobs=[("MTCY", "制茶车间", "车间主任", 2001)], honors=[("CT_LM", 2009), ("ZY_51", 2016)],
               files={F_A}, tag="N2 李红 b")
N["N3a"] = add(name="张勇", gender="男", birth=(1982, 4, 30), edu="大专",
               jobs=[("DLRH", "输电运检班", "班长", 2003)], honors=[("CT_51", 2020)], files={F_C}, tag="N3 张勇 a")
N["N3b"] = add(name="张勇", gender="男", birth=(1979, 12, 14), edu="本科",
               jobs=[("DLCS", "变电运维班", "班长", 2001)], honors=[("ZY_51", 2017), ("GZ_51", 2020)],
               files={F_A}, tag="N3 张勇 b")
N["N4a"] = add(name="陈刚", gender="男", birth=(1966, 7, 19), edu="高中",
               jobs=[("HDJC", "", "总经理", 1988)], honors=[("CT_LM", 1999), ("ZY_LM", 2003)],
               files={F_A, F_D}, tag="N4 陈刚 a", home="鸭溪镇")
N["N4b"] = add(name="陈刚", gender="男", birth=(1952, 1, 8), jobs=[("QGBC", "", "村委会主任", 1975)],
               honors=[("CT_LM", 2004)], status="退休", files={F_D}, tag="N4 陈刚 b", home="枫香镇")
N["N4c"] = add(name="陈刚", gender="男", birth=(1948, 5, 1), jobs=[("GTJY", "制酒车间", "高级酿酒师", 1968)],
               honors=[("GZ_LM", 1996)], status="退休", files=set(), tag="N4 陈刚 c (mentor only)")
N["N5a"] = add(name="刘芳", gender="女", birth=(1963, 9, 9), jobs=[("LYHZ", "", "社员", 1990)],
               honors=[("CT_LM", 2017)], status="退休", files={F_D}, tag="N5 刘芳 a")
N["N5b"] = add(name="刘芳", gender="女", birth=(1971, 3, 3), jobs=[("BZYY", "护理部", "主管护师", 1992)],
               honors=[("CT_LM", 2019)], files={F_D}, tag="N5 刘芳 b")
N["N6a"] = add(name="杨波", gender="男", birth=(1975, 3, 11), edu="大专",
               jobs=[("XLXC", "电解车间", "技师", 1996)], honors=[("ZY_51", 2018)], files={F_A}, tag="N6 杨波 a")
N["N6b"] = add(name="杨波", gender="男", birth=(1961, 10, 25), jobs=[("HDJC", "", "", 1980)],
               honors=[("ZY_LM", 2003)], status="退休", files={F_D}, tag="N6 杨波 b", home="南白街道")
N["N7a"] = add(name="周敏", gender="女", birth=(1979, 5, 18), edu="本科",
               jobs=[("HHXX", "", "高级教师", 2000)], honors=[("ZY_XJ", 2018)], files={F_B}, tag="N7 周敏 a")
N["N7b"] = add(name="周敏", gender="女", birth=(1960, 1, 20), jobs=[("BZ3Z", "", "高级教师", 1980)],
               honors=[("ZY_XJ", 2008)], status="退休", files={F_D}, tag="N7 周敏 b", home="南白街道")
N["N8a"] = add(name="赵磊", gender="男", birth=(1978, 9, 6), edu="高中",
               jobs=[("SYHZ", "", "理事长", 2006)], honors=[("CT_LM", 2010), ("ZY_51", 2019)],
               files={F_A}, tag="N8 赵磊 a")
N["N8b"] = add(name="赵磊", gender="男", birth=(1990, 12, 1), pol="共青团员", edu="中专",
               jobs=[("CLJY", "包装车间", "班长", 2010)], honors=[], files={F_C}, tag="N8 赵磊 b")
N["N9a"] = add(name="吴静", gender="女", birth=(1970, 6, 28), edu="研究生",
               jobs=[("TZYY", "心血管内科", "主任医师", 1994)], honors=[("ZY_XJ", 2013), ("GZ_XJ", 2016)],
               files={F_B}, tag="N9 吴静 a")
N["N9b"] = add(name="吴静", gender="女", birth=(1983, 11, 15), edu="本科",
               jobs=[("XS3X", "", "一级教师", 2005)], honors=[("ZY_XJ", 2023)], files={F_B}, tag="N9 吴静 b")
N["N10a"] = add(name="黄伟", gender="男", birth=(1976, 4, 2), edu="中专",
                jobs=[("ZAYQ", "调音车间", "高级技师", 1998)], honors=[("CT_LM", 2011), ("ZY_LM", 2013), ("GZ_LM", 2016)],
                files={F_A, F_B}, tag="N10 黄伟 a")
N["N10b"] = add(name="黄伟", gender="男", birth=(1985, 8, 16), pol="群众", edu="高中",
                jobs=[("QCGJ", "第三分公司", "驾驶员", 2008)], honors=[("ZY_51", 2019)], files={F_A}, tag="N10 黄伟 b")
N["N11a"] = add(name="罗平", gender="男", birth=(1969, 2, 24), edu="大专",
                jobs=[("CLJY", "制酒一车间", "高级酿酒师", 1989), ("CLJY", "", "技术总监", 2018)],
                honors=[("CT_LM", 2010), ("ZY_LM", 2013), ("GZ_LM", 2016)],
                files={F_A, F_B, F_C}, tag="N11 罗平 a (leader S1)")
N["N11b"] = add(name="罗平", gender="男", birth=(1972, 7, 7), edu="本科",
                jobs=[("CSZY", "", "党委书记、董事长", 1998)], honors=[("ZY_51", 2014), ("GZ_51", 2018)],
                files={F_A}, tag="N11 罗平 b")
N["N12a"] = add(name="李娟", gender="女", birth=(1977, 1, 30), edu="高中",
                jobs=[("YQHZ", "", "理事长", 2008)], honors=[("CT_LM", 2012), ("ZY_51", 2017)], files={F_A}, tag="N12 李娟 a")
N["N12b"] = add(name="李娟", gender="女", birth=(1981, 10, 12), edu="本科",
                jobs=[("YQWS", "", "院长", 2004)], honors=[("ZY_XJ", 2023)], files={F_B}, tag="N12 李娟 b")
N["N13a"] = add(name="刘洋", gender="男", birth=(1991, 5, 5), pol="群众", edu="大专",
                jobs=[("GTJY", "勾调中心", "勾调师", 2012)], honors=[], files={F_C}, tag="N13 刘洋 a")
N["N13b"] = add(name="刘洋", gender="男", birth=(1984, 2, 19), jobs=[("LYHZ", "", "理事长", 2010)],
                honors=[("CT_LM", 2019)], files={F_D}, tag="N13 刘洋 b", home="枫香镇")
N["N14a"] = add(name="张建华", gender="男", birth=(1968, 12, 3), edu="本科",
                jobs=[("FG2Z", "", "高级教师", 1990)], honors=[("ZY_51", 2016)], files={F_A}, tag="N14 张建华 a")
N["N14b"] = add(name="张建华", gender="男", birth=(1973, 9, 21), edu="本科",
                jobs=[("DZNY", "农技推广站", "站长", 1996)], honors=[("ZY_XJ", 2018)], files={F_B}, tag="N14 张建华 b")

# --- unit changers ---
UC = {}
UC["U1"] = add(name="穆德林", gender="男", birth=(1972, 10, 8), edu="大专",
               jobs=[("CLJY", "制酒二车间", "车间主任", 1993), ("GTJY", "制酒车间", "车间主任", 2020)],
               honors=[("CT_LM", 2012), ("ZY_51", 2015)], files={F_A, F_C}, flags={"a_stale": True},
               tag="U1 leader S2 (A: 赤岭酒业, C: 国坛酒业)")
UC["U2"] = add(name="令狐青松", gender="男", birth=(1975, 6, 12), edu="本科",
               jobs=[("GTJY", "勾调中心", "勾调师", 1997), ("JYJT", "技术中心", "主任", 2019)],
               honors=[("CT_LM", 2014), ("ZY_51", 2017)], files={F_A, F_C}, flags={"a_stale": True},
               tag="U2 leader S3 (A: 国坛酒业, C: 酱源集团)")
UC["U3"] = add(name="冉小英", gender="女", birth=(1973, 12, 26), edu="研究生", eth="仡佬族",
               jobs=[("TZYY", "心血管内科", "副主任医师", 1996), ("ZY1Y", "心血管内科", "主任医师", 2016)],
               honors=[("ZY_XJ", 2013), ("ZY_51", 2017), ("GZ_XJ", 2021)], files={F_A, F_B},
               tag="U3 (B 2013: 桐梓县人民医院; B 2021 and A: 市一院)")
UC["U4"] = add(name="骆文杰", gender="男", birth=(1970, 5, 14), edu="本科",
               jobs=[("QBZG", "技术中心", "高级工程师", 1992), ("ZDLQ", "", "总工程师", 2019)],
               honors=[("ZY_LM", 2013), ("GZ_LM", 2021)], files={F_A, F_B}, flags={"a_stale": True},
               tag="U4 (A and B 2013: 黔北重工; B 2021: 遵道路桥)")
UC["U5"] = add(name="晏春梅", gender="女", birth=(1972, 3, 9), edu="本科",
               jobs=[("ZY1Z", "", "高级教师", 1994), ("ZYJY", "教研室", "教研员", 2017)],
               honors=[("ZY_51", 2011), ("ZY_XJ", 2013), ("GZ_XJ", 2021)], files={F_A, F_B}, flags={"a_stale": True},
               tag="U5 (A and B 2013: 市一中; B 2021: 市教育局)")
UC["U6"] = add(name="申国华", gender="男", birth=(1974, 8, 1), edu="本科", eth="仡佬族",
               jobs=[("TZGA", "城关派出所", "所长", 1997), ("ZYJJ", "秩序大队", "副大队长", 2020)],
               honors=[("ZY_51", 2016), ("ZY_XJ", 2018), ("GZ_XJ", 2021)], files={F_A, F_B},
               flags={"a_stale": True, "a_note": "2020年调市交警支队"},
               tag="U6 (A and B 2018: 桐梓县公安局; B 2021: 市交警支队; A 备注 says so)")
UC["U7"] = add(name="敖丽萍", gender="女", birth=(1976, 10, 19), edu="本科",
               jobs=[("MTYY", "护理部", "护士长", 1997), ("ZYZY", "护理部", "护士长", 2017)],
               honors=[("CT_LM", 2010), ("ZY_XJ", 2013), ("ZY_51", 2019), ("GZ_XJ", 2021)], files={F_A, F_B},
               tag="U7 (B 2013: 湄潭县人民医院; A and B 2021: 市中医院)")
UC["U8"] = add(name="何光荣", gender="男", birth=(1964, 2, 11), edu="中专",
               jobs=[("HDJC", "机修车间", "车间主任", 1984), ("XLXC", "动力车间", "车间主任", 2012)],
               honors=[("CT_LM", 2005), ("ZY_LM", 2008), ("GZ_LM", 2016)], status="退休",
               files={F_A, F_B, F_D}, flags={"b_oldname": True}, home="鸭溪镇",
               tag="U8 (B 2008: 遵义县鸭溪恒达建材厂; B 2016 and A: 鑫铝新材)")
UC["U10"] = add(name="田茂林", gender="男", birth=(1970, 7, 23), edu="高中",
                jobs=[("LYHZ", "", "理事长", 2009), ("QGBC", "", "党支部书记", 2021)],
                honors=[("CT_LM", 2013), ("ZY_LM", 2018), ("GZ_LM", 2021)],
                files={F_A, F_B, F_D}, flags={"a_stale": True}, home="枫香镇",
                tag="U10 (A and B 2018: 绿源合作社; B 2021: 青杠坝村)")
UC["U11"] = add(name="邓晓燕", gender="女", birth=(1978, 4, 4), edu="本科",
                jobs=[("HCXX", "", "副校长", 2000), ("HCJY", "教研室", "教研员", 2019)],
                honors=[("ZY_XJ", 2013), ("GZ_XJ", 2021)], files={F_B},
                tag="U11 B only (2013: 汇川七小; 2021: 汇川区教育局)")
UC["U9"] = add(name="宋志强", gender="男", birth=(1985, 1, 16), edu="大专",
               jobs=[("GTJY", "制曲车间", "班长", 2005), ("JYJT", "制酒三车间", "班长", 2021)],
               honors=[("CT_51", 2016), ("ZY_51", 2019)], files={F_A, F_C}, flags={"a_stale": True},
               tag="U9 member S3 (A: 国坛酒业, C: 酱源集团)")

# --- 仁怀 studio leaders (not yet defined) ---
L = {"S1": N["N11a"], "S2": UC["U1"], "S3": UC["U2"]}
L["S4"] = add(name="胡建明", gender="男", birth=(1971, 11, 30), edu="本科",
              jobs=[("DLRH", "", "高级技师", 1993)], honors=[("CT_LM", 2009), ("ZY_LM", 2013), ("GZ_LM", 2021)],
              files={F_A, F_B, F_C}, tag="leader S4")
L["S5"] = add(name="付秀琴", gender="女", birth=(1975, 9, 14), edu="本科",
              jobs=[("RHYY", "护理部", "护士长", 1996)], honors=[("CT_LM", 2015), ("ZY_51", 2019)],
              files={F_A, F_C}, tag="leader S5")
L["S6"] = add(name="谭永辉", gender="男", birth=(1974, 1, 5), edu="本科",
              jobs=[("RHZX", "酿酒专业部", "高级教师", 1997)], honors=[("CT_LM", 2013), ("ZY_51", 2018)],
              files={F_A, F_C}, tag="leader S6")
L["S7"] = add(name="母光明", gender="男", birth=(1968, 4, 21), edu="中专",
              jobs=[("GTJY", "制曲车间", "车间主任", 1987)],
              honors=[("CT_LM", 2005), ("ZY_LM", 2008), ("GZ_LM", 2011), ("QG_LM", 2015)],
              files={F_A, F_B, F_C}, tag="leader S7")
L["S8"] = add(name="犹德富", gender="男", birth=(1966, 8, 8), edu="初中",
              jobs=[("RHHZ", "", "理事长", 2008)], honors=[("CT_LM", 2012), ("ZY_51", 2020)],
              files={F_A, F_C}, tag="leader S8")

# --- mentors not in C ---
R1 = add(name="龙正清", gender="男", birth=(1950, 3, 6), edu="初中",
         jobs=[("GTJY", "勾调中心", "勾调师", 1970)], honors=[("GZ_LM", 1996), ("QG_LM", 2000)], status="退休",
         files={F_A}, tag="R1 retired 全国劳模 in A only, mentor of S3 leader and a S3 member")
B1 = add(name="蔡雪梅", gender="女", birth=(1969, 12, 9), edu="本科",
         jobs=[("RHYY", "内分泌科", "主任医师", 1992)], honors=[("ZY_XJ", 2013), ("GZ_XJ", 2016)],
         files={F_B}, tag="B1 B only, mentor of a S5 member")
M2 = add(name="母德容", gender="女", birth=(1949, 7, 15), jobs=[("RHZX", "", "高级讲师", 1972)],
         honors=[("CT_LM", 1995)], status="退休", files=set(), tag="M2 mentor only (retired teacher)")
M3 = add(name="令狐世昌", gender="男", birth=(1945, 2, 2), jobs=[("GTJY", "", "酿酒师", 1965)],
         honors=[("GZ_LM", 1996)], status="退休", files=set(), tag="M3 mentor only (retired distiller)")

# --- C members also in A ---
CA2 = add(name="韩桂兰", gender="女", birth=(1973, 5, 28), edu="初中", pol="群众",
          jobs=[("RHHZ", "", "种植大户", 2008)], honors=[("CT_LM", 2014), ("ZY_LM", 2018)],
          files={F_A, F_C}, tag="member S8 also in A")
CA3 = add(name="徐海涛", gender="男", birth=(1988, 9, 3), edu="大专",
          jobs=[("GTJY", "制曲车间", "制曲班长", 2008)], honors=[("ZY_51", 2021)],
          files={F_A, F_C}, tag="member S7 also in A")
DBL = add(name="唐俊", gender="男", birth=(1992, 7, 11), edu="大专", pol="群众",
          jobs=[("GTJY", "制曲车间", "制曲工", 2013)], honors=[], files={F_C},
          tag="member of S7 and S2 (two rows)")


# ============================== bulk people ==============================
SPECIAL_COUNT = len(PEOPLE)
BULK_COUNTIES_A = [c for c in A_ORDER if c != "播州区"]

# A only: 43
for i in range(43):
    c = BULK_COUNTIES_A[i % len(BULK_COUNTIES_A)] if i < 28 else rng.choice(BULK_COUNTIES_A)
    old = rng.random() < 0.3
    if old:
        p = bulk({F_A}, c, h_A_old, (1942, 1962), public=False, status="退休", tag="A only")
    else:
        p = bulk({F_A}, c, h_A_only, (1965, 1990), public=rng.random() < 0.2, tag="A only")
# A and B: 30
for i in range(30):
    c = BULK_COUNTIES_A[(i * 3) % len(BULK_COUNTIES_A)]
    pub = rng.random() < 0.35
    p = bulk({F_A, F_B}, c, lambda by, cc: h_AB(by, cc, pub), (1962, 1984), public=pub, tag="A+B")
# A and D (播州): 13
for i in range(13):
    old = rng.random() < 0.7
    p = bulk({F_A, F_D}, "播州区", h_AD, (1944, 1963) if old else (1965, 1980), public=None,
             status="退休" if old else "在职", tag="A+D", home=rng.choice(BOZHOU_TOWNS))
# A, B and D (播州): 3
for i in range(3):
    pub = i == 2
    p = bulk({F_A, F_B, F_D}, "播州区", lambda by, cc: h_AB(by, cc, pub), (1958, 1966), public=pub,
             tag="A+B+D", home=rng.choice(BOZHOU_TOWNS))
# B only: 18
for i in range(18):
    c = rng.choice([x for x in A_ORDER if x != "播州区"])
    p = bulk({F_B}, c, h_B_only, (1965, 1986), public=True, tag="B only")
# B and D (播州, public sector): 3
for i in range(3):
    p = bulk({F_B, F_D}, "播州区", h_B_only, (1956, 1963), public=True, status="退休", tag="B+D",
             home=rng.choice(BOZHOU_TOWNS))
# D only: 28
for i in range(28):
    old = rng.random() < 0.75
    p = bulk({F_D}, "播州区", h_D_only, (1938, 1962) if old else (1965, 1988), public=None,
             status="退休" if old else "在职", tag="D only", home=rng.choice(BOZHOU_TOWNS))

# retirement by 2024: men born 1963 or before, women 1968 or before
for p in PEOPLE:
    farmer = U[p.jobs[-1][0]]["type"] in ("village", "coop")
    if farmer and p.birth[0] > 1955:
        continue
    if p.status == "在职" and (p.birth[0] <= 1963 or (p.gender == "女" and p.birth[0] <= 1968)):
        p.status = "退休"

# C-only members: per studio, filled below
STUDIO_UNIT = {"S1": "CLJY", "S2": "GTJY", "S3": "JYJT", "S4": "DLRH", "S5": "RHYY", "S6": "RHZX",
               "S7": "GTJY", "S8": "RHHZ"}
STUDIO_SIZE = {"S1": 7, "S2": 6, "S3": 7, "S4": 6, "S5": 6, "S6": 6, "S7": 7, "S8": 6}
STUDIO_NAME = {
    "S1": "罗平劳模创新工作室", "S2": "穆德林技能大师工作室", "S3": "令狐青松勾调技术创新工作室",
    "S4": "胡建明劳模创新工作室", "S5": "付秀琴护理创新工作室", "S6": "谭永辉劳模创新工作室",
    "S7": "母光明制曲技艺传承工作室", "S8": "犹德富红粱种植创新工作室"}
FIXED_MEMBERS = {"S1": [N["N8b"]], "S2": [N["N1c"], N["N13a"], DBL], "S3": [UC["U9"]],
                 "S4": [N["N3a"]], "S5": [], "S6": [], "S7": [CA3, DBL], "S8": [CA2]}
MEMBERS = {}
for s in ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8"]:
    mem = list(FIXED_MEMBERS[s])
    uk = STUDIO_UNIT[s]
    while len(mem) < STUDIO_SIZE[s]:
        u = U[uk]
        g = "女" if rng.random() < (0.8 if uk == "RHYY" else 0.3) else "男"
        by = rng.randint(1980, 1998)
        dept = rng.choice(u["depts"]) if u["depts"] else ""
        if u["type"] == "liquor":
            role = rng.choice({"制酒一车间": ["酿酒工", "酿酒师", "制酒班长"], "制酒二车间": ["酿酒工", "酿酒师"],
                               "制酒三车间": ["酿酒工", "酿酒师", "制酒班长"], "制酒车间": ["酿酒工", "酿酒师"],
                               "制曲车间": ["制曲工", "制曲班长"], "包装车间": ["包装工", "质检员", "班长"],
                               "勾调中心": ["勾调师", "品酒师"], "技术中心": ["技术员", "工程师"]}[dept])
        else:
            role = rng.choice({"power": ["运检工", "技术员", "副班长", "工程师"],
                               "hospital": ["主管护师", "护师", "护师", "副主任护师"],
                               "school": ["专业教师", "实训指导教师", "一级教师"],
                               "coop": ["种植户", "技术员", "种植大户"]}[u["type"]])
        hon = h_member(by, "仁怀市")
        p = add(name=gen_name(g), gender=g, birth=(by, rng.randint(1, 12), rng.randint(1, 28)),
                eth=eth_for("仁怀市"), pol=rng.choice(["中共党员", "群众", "群众", "共青团员"]),
                edu=edu_for(u["type"]), jobs=[(uk, dept, role, by + 20)], honors=hon,
                files={F_C}, tag="C only member")
        mem.append(p)
    rng.shuffle(mem)
    MEMBERS[s] = mem

# mentors of C rows: (studio, member index or 'L') -> mentor person, written form
MENTOR = {}


def set_mentor(s, who, mentor, written=None):
    MENTOR[(s, who.pid)] = (mentor, written or mentor.name)


set_mentor("S1", L["S1"], N["N4c"], "陈刚（已退休）")
set_mentor("S2", L["S2"], M3)
set_mentor("S3", L["S3"], R1)
set_mentor("S6", L["S6"], M2)
set_mentor("S7", L["S7"], M3)


def members_wo(s, exclude):
    return [m for m in MEMBERS[s] if m not in exclude]


# S1: 4 of the members learn from 罗平 (one cell written with a note)
ms = members_wo("S1", [])
for i, m in enumerate(ms[:4]):
    set_mentor("S1", m, L["S1"], "罗平（领衔人）" if i == 1 else None)
# S2: 王军(c) learns from the leader; two others learn from 王军(c); 刘洋(a) from the leader
set_mentor("S2", N["N1c"], L["S2"])
set_mentor("S2", N["N13a"], L["S2"])
others = members_wo("S2", [N["N1c"], N["N13a"], DBL])
for m in others[:2]:
    set_mentor("S2", m, N["N1c"])
# S3: three from the leader, one from R1
others = members_wo("S3", [])
for m in others[:3]:
    set_mentor("S3", m, L["S3"])
set_mentor("S3", others[3], R1)
# S4: 张勇(a) from the leader, two members from 张勇(a)
set_mentor("S4", N["N3a"], L["S4"])
others = members_wo("S4", [N["N3a"]])
for m in others[:2]:
    set_mentor("S4", m, N["N3a"])
# S5: two from leader, one from B1 (a person of roster B)
others = members_wo("S5", [])
for m in others[:2]:
    set_mentor("S5", m, L["S5"])
set_mentor("S5", others[2], B1)
# S6: two from M2 (listed nowhere), two from leader
others = members_wo("S6", [])
for m in others[:2]:
    set_mentor("S6", m, M2)
for m in others[2:4]:
    set_mentor("S6", m, L["S6"])
# S7: three from leader (not the double member)
others = members_wo("S7", [DBL])
for m in others[:3]:
    set_mentor("S7", m, L["S7"])
# S8: two from leader
others = members_wo("S8", [])
for m in others[:2]:
    set_mentor("S8", m, L["S8"])


# ============================== rendering helpers ==============================
def pad2(name):
    return name[0] + FW + name[1] if len(name) == 2 else name


def a_birth(p):
    y, m, _ = p.birth
    if p.flags.get("a_month_typo"):
        m = p.flags["a_month_typo"]
    return "%d.1" % y if m == 10 else "%d.%02d" % (y, m)  # numeric cell: 1968.10 -> 1968.1


def a_region(p):
    k = p.job_at(9999)[0] if not p.flags.get("a_stale") else p.jobs[0][0]
    return U[k]["county"]


def a_unit(p, short):
    j = p.jobs[0] if p.flags.get("a_stale") else p.jobs[-1]
    k, dept, role, _ = j
    u = U[k]
    name = u["short"] if short else u["full"]
    if p.status == "退休":
        if u["type"] == "village" and role not in ("党支部书记", "村委会主任"):
            return name + "村民"
        if u["type"] == "coop" and role != "理事长":
            return name + "社员"
        return name + dept + ("原" + role if role else "退休职工")
    if p.status == "已故":
        return name + dept + ("原" + role if role else "职工")
    return name + dept + role


def a_honor_abbr(code, year, county):
    if code in ABBR:
        return ABBR[code]
    kind = "劳模" if code == "CT_LM" else "五一劳动奖章"
    if county == "播州区" and year < 2016:
        return "遵义县" + kind
    if county in DISTRICTS:
        return "区" + kind
    if county in COUNTY_CITIES:
        return county + kind
    return ("县级" if rng.random() < 0.4 else "县") + kind


def a_honors(p, style):
    parts = []
    for code, y in sorted(p.honors, key=lambda h: h[1]):
        ab = a_honor_abbr(code, y, p.county_at(y))
        parts.append("%d年%s" % (y, ab) if style == 0 else "%s（%d）" % (ab, y))
    return ("、" if style == 0 else "；").join(parts)


def c_honor_abbr(code, y):
    if code == "CT_LM":
        return "市劳模"  # = 仁怀市劳动模范 (the roster is 仁怀市's)
    if code == "CT_51":
        return "市五一劳动奖章"  # = 仁怀市五一劳动奖章
    if code.startswith("ZY"):
        return "遵义" + ABBR[code]
    return ABBR[code]


def top(p):
    return max(lvl(h[0]) for h in p.honors) if p.honors else 0


def mask_phone():
    return "1" + rng.choice(["39", "38", "35", "51", "58", "87", "89", "80", "36"]) + "****" + "%04d" % rng.randint(0, 9999)


def write_csv(fname, title, header, rows, key_rows):
    """rows: list of lists; key_rows: list of pid (same length).  Returns truth entries."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    buf.write(SYN + "\n")
    w.writerow([title] + [""] * (len(header) - 1))  # merged title cell exported by Excel
    w.writerow(header)
    for r in rows:
        assert len(r) == len(header), (fname, r)
        w.writerow(r)
    text = buf.getvalue()
    with open(os.path.join(OUT, fname), "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return [(fname, i + 4, pid) for i, pid in enumerate(key_rows)]


TRUTH = []
TRUTH_M = []

# ============================== roster A ==============================
A_people = [p for p in PEOPLE if F_A in p.files]
rng.shuffle(A_people)
late = [p for p in A_people if p.tag.startswith("A only")][:6] + [N["N10b"], N["N3b"]]
late_ids = {p.pid for p in late}
# deaths among A+D retirees
ad_retired = [p for p in PEOPLE if p.files == {F_A, F_D} and p.status == "退休"]
ad_retired[0].status = "已故"
ad_retired[0].flags["death"] = 2021
DEAD_AD = ad_retired[0]
main = [p for p in A_people if p.pid not in late_ids]
main.sort(key=lambda p: (A_ORDER.index(a_region(p)), -top(p), p.birth))
# a month typo in A for one person who is also in B
N["N1a"].flags["a_month_typo"] = 5
short_A = set()
for p in A_people:
    j = p.jobs[0] if p.flags.get("a_stale") else p.jobs[-1]
    if U[j[0]]["short"] in ("市一中", "县医院", "市一院", "县一中", "区医院") and rng.random() < 0.6:
        short_A.add(p.pid)
    elif rng.random() < 0.12:
        short_A.add(p.pid)
short_A.add(UC["U5"].pid)  # 市一中
short_A.add(N["N2a"].pid)  # 市一院

hdrA = ["序号", "姓名", "性别", "民族", "出生年月", "政治面貌", "文化程度", "工作单位及职务", "所获荣誉",
        "所在县（市、区）", "备注"]
rowsA, keyA = [], []
prev_region = None
for i, p in enumerate(main + late):
    is_late = p.pid in late_ids
    region = a_region(p)
    shown_region = region
    if not is_late and region == prev_region:
        shown_region = ""  # merged cell: blank means same as above
    prev_region = region if not is_late else prev_region
    name = p.name if is_late else pad2(p.name)
    note = []
    if p.status == "退休":
        note.append("已退休")
    if p.status == "已故":
        note.append("已故（%d年）" % p.flags.get("death", 2020))
    if p.flags.get("a_note"):
        note.append(p.flags["a_note"])
    if is_late:
        note.append("2024年补录")
    birth = "" if p.flags.get("a_birth_blank") else a_birth(p)
    style = 1 if (i % 7 == 3) else 0
    rowsA.append([str(i + 1), name, p.gender, p.eth, birth, p.pol, p.edu,
                  a_unit(p, p.pid in short_A), a_honors(p, style), shown_region, "；".join(note)])
    keyA.append(p.pid)
TRUTH += write_csv(FILE_A, "遵义市总工会劳动模范（五一劳动奖章获得者）名册（截至2024年12月）", hdrA, rowsA, keyA)

# ============================== roster B ==============================
B_people = [p for p in PEOPLE if F_B in p.files]
rng.shuffle(B_people)
bid = {}
nums = rng.sample(range(101, 999), len(B_people))
for p, n in zip(B_people, nums):
    bid[p.pid] = "ZYRS-%04d" % n
hdrB = ["编号", "姓名", "性别", "民族", "出生日期", "工作单位", "职务", "荣誉称号", "授予年份", "授予机关",
        "人员状态", "备注"]
recs = []
for p in B_people:
    for code, y in p.honors:
        if code not in ("ZY_LM", "ZY_XJ", "GZ_LM", "GZ_XJ", "QG_LM", "QG_XJ") or y < 2008:
            continue
        k, dept, role, _ = p.job_at(y)
        full = U[k]["full"]
        if p.flags.get("b_oldname") and y < 2016 and k == "HDJC":
            full = "遵义县鸭溪恒达建材厂"
        recs.append((y, bid[p.pid], p, code, full, role))
recs.sort(key=lambda r: (r[0], r[1]))
rowsB, keyB = [], []
b_space = {N["N10a"].pid}
for y, b, p, code, full, role in recs:
    name = p.name
    if p.pid in b_space:
        name = p.name[0] + " " + p.name[1]
    status = {"在职": "在职", "退休": "退休", "已故": "已故"}[p.status]
    note = ""
    if code.endswith("LM") and code.startswith("GZ"):
        note = "享受省劳模待遇"
    if code.startswith("QG"):
        note = "享受全国劳模待遇"
    rowsB.append([b, name, p.gender, p.eth, "%d-%02d-%02d" % p.birth, full, role, FULL[code], str(y),
                  BODY[code[:2]], status, note])
    keyB.append(p.pid)
TRUTH += write_csv(FILE_B, "遵义市市级以上劳动模范和先进工作者表彰奖励登记台账（2008—2024年）", hdrB, rowsB, keyB)
missing_B = [p.pid for p in B_people if p.pid not in keyB]
assert not missing_B, missing_B

# ============================== roster C ==============================
hdrC = ["序号", "工作室名称", "工作室职务", "姓名", "性别", "出生年月", "所在单位", "岗位", "荣誉", "师傅", "备注"]
rowsC, keyC = [], []
c_trad = set()
n = 0
s8_trad = [m for m in MEMBERS["S8"] if S2T.convert(m.name) != m.name and m is not CA2][:2]
c_trad = {m.pid for m in s8_trad}
for s in ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8"]:
    first = True
    for who, role in [(L[s], "领衔人")] + [(m, "成员") for m in MEMBERS[s]]:
        n += 1
        k, dept, jrole, _ = who.jobs[-1]
        uname = U[k]["short"] + (dept if dept and rng.random() < 0.55 else "")
        hon = "、".join("%d年%s" % (y, c_honor_abbr(c, y)) for c, y in sorted(who.honors, key=lambda h: h[1]))
        ment = MENTOR.get((s, who.pid))
        mcell = ment[1] if ment else ""
        note = ""
        if who is DBL:
            note = "同时为%s成员" % (STUDIO_NAME["S2"] if s == "S7" else STUDIO_NAME["S7"])
        if who is UC["U1"]:
            note = "2020年由赤岭酒业调入"
        row = [str(n), STUDIO_NAME[s] if first else "", role, who.name, who.gender,
               "%d年%d月" % (who.birth[0], who.birth[1]), uname, jrole, hon, mcell, note]
        if who.pid in c_trad:
            row = [S2T.convert(x) for x in row]
        rowsC.append(row)
        keyC.append(who.pid)
        if ment:
            TRUTH_M.append((FILE_C, len(rowsC) + 3, ment[0].pid))
        first = False
TRUTH += write_csv(FILE_C, "仁怀市总工会劳模（工匠）创新工作室成员名单（2024年度）", hdrC, rowsC, keyC)

# ============================== roster D ==============================
D_people = [p for p in PEOPLE if F_D in p.files]
# a D-only death
donly = [p for p in D_people if p.files == {F_D} and p.status == "退休" and p.tag == "D only"]
donly[0].status = "已故"


def d_honor(p, i):
    hs = sorted(p.honors, key=lambda h: (lvl(h[0]), h[1]), reverse=True)
    parts = []
    for code, y in hs[:2]:
        if code == "CT_LM":
            if y < 2016:
                ab = "县级劳模（原遵义县）" if i % 3 == 0 else "县级劳模"
            else:
                ab = "区劳模"
        elif code == "CT_51":
            ab = "区五一劳动奖章"
        else:
            ab = FULL[code] if i % 9 == 4 else ABBR[code]
        if code != "CT_LM" and i % 2 == 0 and p not in (N["N7b"],):
            ab += "（%d）" % y
        parts.append(ab)
    if p in (N["N5a"], N["N5b"]):
        return "区劳模"
    return "、".join(parts)


def d_amount(p):
    t = top(p)
    return {4: "2000", 3: "1000", 2: "800", 1: "500"}[t]


D_people.sort(key=lambda p: (-top(p), p.birth))
# decorations
d_trad = [p for p in D_people if S2T.convert(p.name) != p.name and p not in (N["N5a"], N["N5b"])]
rngD = random.Random(SEED + 4)
d_trad = set(x.pid for x in rngD.sample(d_trad, 4)) | {N["N1b"].pid}
two_char = [p for p in D_people if len(p.name) == 2 and p.pid not in d_trad and p not in (N["N5a"], N["N5b"])]
d_halfspace = set(x.pid for x in rngD.sample(two_char, 3)) | {N["N13b"].pid}
d_tongzhi = set(x.pid for x in rngD.sample([p for p in D_people if p.gender == "男" and p.pid not in d_trad
                                                 and p.pid not in d_halfspace], 3))
d_title = [p for p in D_people if any(h[0] in ("QG_LM", "GZ_LM") for h in p.honors) and p.pid not in d_trad and p.pid not in d_halfspace
           and p.pid not in d_tongzhi][:2]
d_title = {p.pid for p in d_title}
hdrD = ["序号", "姓名", "出生年份", "荣誉称号", "现居住地", "联系电话", "慰问金额（元）", "备注"]
rowsD, keyD = [], []
for i, p in enumerate(D_people):
    name = p.name
    if p.pid in d_halfspace:
        name = name[0] + " " + name[1]
    if p.pid in d_tongzhi:
        name += "同志"
    if p.pid in d_title:
        name = ("全国劳模" if any(h[0] == "QG_LM" for h in p.honors) else "省劳模") + name
    if p.gender == "女":
        name += "（女）"
    blank_birth = (p in (N["N5a"], N["N5b"], N["N7b"])) or rngD.random() < 0.2
    birth = "" if blank_birth else str(p.birth[0])
    if p in (N["N5a"], N["N5b"]):
        addr, phone = "", ""
    else:
        home = p.home or rngD.choice(BOZHOU_TOWNS)
        utown = [t for t in BOZHOU_TOWNS if t in U[p.jobs[-1][0]]["full"]]
        if utown:
            home = utown[0]
        addr = home + rngD.choice(BOZHOU_SPOTS)
        phone = mask_phone() if p.status != "已故" else ""
    note = []
    if p.status == "已故":
        note.append("已故，慰问遗属")
    elif p.status == "退休":
        note.append(rngD.choice(["已退休", "已退休", "已退休", "已退休，卧病在床", "退休，困难劳模"]))
    if p is N["N5b"]:
        note.append("困难劳模")
    row = [str(i + 1), name, birth, d_honor(p, i), addr, phone, d_amount(p), "；".join(note)]
    if p.pid in d_trad:
        row = [S2T.convert(x) for x in row]
    rowsD.append(row)
    keyD.append(p.pid)
TRUTH += write_csv(FILE_D, "播州区总工会2025年春节走访慰问劳模名单", hdrD, rowsD, keyD)

# ============================== answer key ==============================
with open(os.path.join(OUT, "truth.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["file", "line", "person"])
    for r in TRUTH:
        w.writerow(r)
with open(os.path.join(OUT, "truth_mentors.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["file", "line", "mentor_person"])
    for r in TRUTH_M:
        w.writerow(r)

# ============================== stats ==============================
row_people = {}
for fn, line, pid in TRUTH:
    row_people.setdefault(pid, set()).add(fn)
by_files = {}
for pid, fs in row_people.items():
    by_files[len(fs)] = by_files.get(len(fs), 0) + 1
names = {}
for p in PEOPLE:
    if p.pid in row_people:
        names.setdefault(p.name, []).append(p.pid)
ns = {k: v for k, v in names.items() if len(v) > 1}
mentor_only = [p.pid for p in PEOPLE if p.pid not in row_people]
changers = []
for p in PEOPLE:
    if p.pid in row_people and len({U[j[0]]["full"] for j in p.jobs}) > 1:
        changers.append(p.pid)
by_pid = {p.pid: p for p in PEOPLE}
stats = {
    "rows": {fn: sum(1 for r in TRUTH if r[0] == fn) for fn in (FILE_A, FILE_B, FILE_C, FILE_D)},
    "rows_total": len(TRUTH),
    "people_with_rows": len(row_people),
    "mentor_only_people": {pid: by_pid[pid].name for pid in mentor_only},
    "people_by_number_of_files": by_files,
    "namesake_groups": {k: [(pid, by_pid[pid].tag) for pid in v] for k, v in ns.items()},
    "namesake_people": sum(len(v) for v in ns.values()),
    "unit_changers": {pid: by_pid[pid].tag for pid in changers},
    "mentor_rows": len(TRUTH_M),
    "trad_rows": {"C": sorted(c_trad), "D": sorted(d_trad)},
    "people": {p.pid: {"name": p.name, "tag": p.tag, "files": sorted(p.files)} for p in PEOPLE},
}
with open(os.path.join(HERE, "stats.json"), "w", encoding="utf-8") as f:
    json.dump(stats, f, ensure_ascii=False, indent=1)
print(json.dumps({k: v for k, v in stats.items() if k != "people"}, ensure_ascii=False, indent=1))
