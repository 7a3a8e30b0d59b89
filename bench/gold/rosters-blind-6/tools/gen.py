#!/usr/bin/env python3
"""Deterministic generator of four synthetic Baotou (包头市) honor rosters + answer key.

Run with the venv python (needs opencc for the traditional-script rows):
    tools/.venv/bin/python tools/gen.py
Everything is invented except the place names (包头市 and its districts/banners/county).
Per-file style randomness can be re-rolled with FILE_VARIANT_A/B/C/D env vars
(only order/spacing details of that file change; people stay the same).
"""
import csv
import io
import os
import random
from collections import defaultdict, Counter

import opencc

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 20240611
S2T = opencc.OpenCC('s2t')
R = random.Random(SEED)
VARIANT = {k: int(os.environ.get('FILE_VARIANT_' + k, '0')) for k in 'ABCD'}

FIRST_LINE = '# 合成数据 synthetic data — invented people, real places'

FILE_A = '包头市劳动模范和先进工作者名册（2010-2023年）.csv'
FILE_B = '土右旗劳模档案登记表.csv'
FILE_C = '2023年包头市劳模创新工作室成员名单.csv'
FILE_D = '2023年春节走访慰问劳动模范名单.csv'

REGIONS = ['昆都仑区', '青山区', '东河区', '九原区', '石拐区', '白云鄂博矿区',
           '土默特右旗', '固阳县', '达尔罕茂明安联合旗']
SHORT_REGION = {'昆都仑区': '昆区', '青山区': '青山区', '东河区': '东河区', '九原区': '九原区',
                '石拐区': '石拐区', '白云鄂博矿区': '白云矿区', '土默特右旗': '土右旗',
                '固阳县': '固阳县', '达尔罕茂明安联合旗': '达茂旗', '市直': '市直'}
REGION_ORDER = {r: i for i, r in enumerate(REGIONS + ['市直'])}

# ----------------------------------------------------------------------------------
# Units (all invented except generic public bodies).  key: full, short(C), b-form(B),
# region, depts, roles, public?
# ----------------------------------------------------------------------------------
U = {}


def unit(key, full, short, region, depts, roles=None, public=False, bform=None, fem=0.2):
    U[key] = dict(key=key, full=full, short=short, region=region, depts=depts, roles=roles,
                  public=public, bform=bform or short, fem=fem)


unit('bcteg', '包头北辰特钢有限责任公司', '北辰特钢', '昆都仑区',
     {'炼钢厂': ['炉长', '炼钢工', '高级技师', '工段长', '车间主任'], '轧钢厂': ['电工', '轧钢工', '高级技师', '班长'],
      '设备检修中心': ['钳工', '点检员', '工程师'], '动力厂': ['电工', '运行班长']}, fem=0.1)
unit('hyxt', '包头华耀稀土材料股份有限公司', '华耀稀土', '昆都仑区',
     {'萃取车间': ['萃取工', '班长', '车间主任', '化验员'], '研发中心': ['工程师', '高级工程师', '技术员'],
      '质检部': ['化验员', '质检员']}, fem=0.35)
unit('zxyy', '包头市中心医院', '市中心医院', '昆都仑区',
     {'心内科': ['主任医师', '副主任医师', '护士长', '护士'], '急诊科': ['主治医师', '护士长', '护士'],
      '护理部': ['护士长', '主任'], '骨科': ['主任医师', '副主任医师']}, public=True, fem=0.7)
unit('kq1z', '包头市昆都仑区第一中学', '昆区一中', '昆都仑区', {'': ['高级教师', '教师', '副校长', '班主任']},
     public=True, fem=0.6)
unit('hxgj', '包头恒信公交客运有限公司', '恒信公交', '昆都仑区',
     {'第一车队': ['驾驶员', '车队长', '调度员'], '第三车队': ['驾驶员', '车队长'], '保修厂': ['维修工', '班长', '高级技师']},
     fem=0.25)
unit('zcjs', '包头筑诚建设工程有限公司', '筑诚建设', '昆都仑区',
     {'第二项目部': ['项目经理', '施工员', '安全员'], '第五项目部': ['项目经理', '钢筋工班长']}, fem=0.05)
unit('qygz', '包头青岳重型机械有限公司', '青岳重机', '青山区',
     {'铆焊分厂': ['铆焊工', '焊工', '高级技师', '工段长'], '铸锻分厂': ['天车工', '锻工', '工段长'],
      '总装分厂': ['装配钳工', '技师'], '技术中心': ['高级工程师', '工程师']}, fem=0.1)
unit('qsrl', '包头青山热力有限公司', '青山热力', '青山区',
     {'运行部': ['值长', '运行班长'], '检修部': ['检修工', '班长'], '客服中心': ['热网巡检工', '客服主管']}, fem=0.2)
unit('sdyy', '包头市第四医院', '市四医院', '青山区',
     {'急诊科': ['主治医师', '副主任医师', '护士'], '儿科': ['主治医师', '护士'], '护理部': ['护士长']},
     public=True, fem=0.7)
unit('qs1z', '包头市青山区第一中学', '青山一中', '青山区', {'': ['高级教师', '教师', '教务主任']}, public=True, fem=0.6)
unit('ltjx', '包头联拓机械制造有限公司', '联拓机械', '青山区',
     {'机加工车间': ['数控车工', '班长'], '装配车间': ['装配钳工', '班长', '技术员']}, fem=0.1)
unit('tfjx', '包头市青山区铁峰机械厂', '铁峰机械厂', '青山区', {'金工车间': ['数控车工', '技师', '车间主任'], '': ['厂长']},
     fem=0.1)
unit('htsm', '包头市东河区恒泰商贸有限责任公司', '恒泰商贸', '东河区', {'': ['营业部经理', '营业员', '总经理', '店长']},
     fem=0.6)
unit('dhyy', '包头市东河区人民医院', '东河区医院', '东河区',
     {'内科': ['主任医师', '护士'], '妇产科': ['副主任医师', '护士长'], '护理部': ['护士长']}, public=True, fem=0.7)
unit('xyfood', '包头鑫源食品有限公司', '鑫源食品', '东河区',
     {'生产车间': ['车间主任', '面点师', '班长'], '质检科': ['质检员', '科长']}, fem=0.5)
unit('dhhw', '包头市东河区环境卫生服务中心', '东河环卫', '东河区',
     {'清扫一队': ['环卫工', '班长', '队长'], '清扫二队': ['环卫工', '班长']}, public=True, fem=0.5)
unit('lcja', '包头鹿城建筑安装有限公司', '鹿城建安', '九原区',
     {'第一工程处': ['钢筋工班长', '木工', '安全员'], '': ['项目经理', '总工程师']}, fem=0.05)
unit('lcrd', '包头鹿城热电有限责任公司', '鹿城热电', '九原区',
     {'锅炉检修班': ['班长', '检修工'], '运行部': ['值长', '运行班长']}, fem=0.1)
unit('jynj', '包头市九原区农牧业技术推广中心', '九原农技中心', '九原区', {'': ['高级农艺师', '农艺师', '副主任']},
     public=True, fem=0.4)
unit('sbry', '包头塞北乳业有限公司', '塞北乳业', '九原区',
     {'奶源部': ['经理', '技术员'], '液奶车间': ['车间主任', '班长', '操作工'], '质检中心': ['质检员']}, fem=0.4)
unit('xdmy', '包头石拐鑫鼎煤业有限公司', '鑫鼎煤业', '石拐区',
     {'综采队': ['队长', '采煤工', '电工'], '掘进队': ['掘进工', '班长'], '通风区': ['通风工', '安全员']}, fem=0.0)
unit('sgyy', '包头市石拐区医院', '石拐区医院', '石拐区', {'': ['主治医师', '护士长', '院长']}, public=True, fem=0.6)
unit('hjky', '白云鄂博宏基矿业有限公司', '宏基矿业', '白云鄂博矿区',
     {'采矿车间': ['电铲司机', '爆破工', '班长', '车间主任'], '选矿车间': ['选矿工', '班长'], '运输车间': ['矿卡司机', '调度员']},
     fem=0.1)
unit('byxx', '包头市白云鄂博矿区第一小学', '白云一小', '白云鄂博矿区', {'': ['教师', '高级教师', '校长']}, public=True, fem=0.7)
unit('fshz', '土默特右旗丰穗种植农民专业合作社', '丰穗合作社', '土默特右旗', {'': ['理事长', '农技员', '社员']},
     bform='丰穗种植合作社', fem=0.3)
unit('jcyz', '土默特右旗金川养殖农民专业合作社', '金川合作社', '土默特右旗', {'': ['理事长', '养殖技术员', '兽医']},
     bform='金川养殖合作社', fem=0.3)
unit('tyyy', '土默特右旗人民医院', '土右旗医院', '土默特右旗', {'内科': ['主治医师', '护士'], '护理部': ['护士长']},
     public=True, bform='旗医院', fem=0.7)
unit('ty1z', '土默特右旗第一中学', '土右一中', '土默特右旗', {'': ['高级教师', '教师', '副校长']}, public=True,
     bform='旗一中', fem=0.6)
unit('ty2x', '土默特右旗第二小学', '土右二小', '土默特右旗', {'': ['教师', '高级教师']}, public=True, bform='旗二小',
     fem=0.7)
unit('sfnj', '土默特右旗晟丰农机服务有限公司', '晟丰农机', '土默特右旗', {'': ['总经理', '农机手', '维修工']},
     bform='晟丰农机公司', fem=0.05)
unit('tygx', '土默特右旗供销合作社', '土右旗供销社', '土默特右旗', {'': ['主任', '营业员', '业务员']}, public=True,
     bform='旗供销社', fem=0.4)
unit('tynj', '土默特右旗农业技术推广站', '土右旗农技站', '土默特右旗', {'': ['农艺师', '高级农艺师', '站长']},
     public=True, bform='旗农技站', fem=0.3)
unit('gyzl', '固阳县荞丰杂粮农民专业合作社', '荞丰合作社', '固阳县', {'': ['理事长', '农技员', '社员']}, fem=0.3)
unit('gyyy', '固阳县人民医院', '固阳县医院', '固阳县', {'': ['主治医师', '护士长']}, public=True, fem=0.6)
unit('dmmy', '达尔罕茂明安联合旗巴彦牧业农民专业合作社', '巴彦牧业合作社', '达尔罕茂明安联合旗', {'': ['理事长', '牧民']},
     fem=0.3)
unit('dmzx', '达尔罕茂明安联合旗蒙古族中学', '达茂旗蒙中', '达尔罕茂明安联合旗', {'': ['教师', '高级教师']},
     public=True, fem=0.6)
unit('dmfd', '达尔罕茂明安联合旗新能风电运维有限公司', '新能风电', '达尔罕茂明安联合旗',
     {'运维一站': ['站长', '运维工程师'], '': ['运维工程师']}, fem=0.1)
unit('bthw', '包头市环境卫生管理处', '市环卫处', '市直', {'机扫大队': ['环卫工', '班长'], '': ['环卫工']},
     public=True, fem=0.5)
unit('btjj', '包头市公安局交通管理支队', '市交警支队', '市直', {'昆区大队': ['民警', '中队长'], '青山大队': ['民警']},
     public=True, fem=0.2)
for _u in U.values():
    _u['roles'] = sorted({r for rs in _u['depts'].values() for r in rs})

UNITS_BY_REGION = defaultdict(list)
for k, u in U.items():
    UNITS_BY_REGION[u['region']].append(k)

# ----------------------------------------------------------------------------------
# Names
# ----------------------------------------------------------------------------------
SURN = ('王' * 9 + '李' * 7 + '张' * 7 + '刘' * 6 + '赵' * 4 + '杨' * 3 + '高' * 3 + '郝' * 3 + '贾' * 2 +
        '韩' * 2 + '郭' * 3 + '孙' * 2 + '马' * 2 + '陈' * 2 + '任' * 2 + '武' * 2 + '白' * 2 + '闫' * 2 +
        '乔薛侯邢苏冯吕田杜范康石梁魏宋尹云荣胡徐周吴朱何段秦霍樊岳郑崔')
GIVEN = {
    ('M', 'old'): '建国 建华 建军 国强 志刚 海军 永胜 春生 润田 满仓 二虎 福元 存厚 金山 宝成 玉明 树林 占江 德胜 '
                  '文斌 俊明 继红 保平 长青 振华 世荣 忠义 三虎 有才 贵生 平 林 成'.split(),
    ('F', 'old'): '秀英 桂兰 玉梅 凤英 淑珍 桂花 秀兰 翠英 玉兰 淑芳 美荣 润梅 巧玲 俊梅 爱华 秀琴 改梅 '
                  '兰英 金花 素梅 萍 霞'.split(),
    ('M', 'mid'): '军 勇 刚 伟 强 斌 涛 峰 建平 晓东 海涛 志勇 永强 利军 卫东 红军 海峰 俊峰 宏伟 利平 云飞 文军 '
                  '志强 振宇 国庆 海龙 兵 锋 剑 毅'.split(),
    ('F', 'mid'): '丽 红 燕 霞 静 丽娟 红梅 海燕 晓燕 丽华 艳芳 春燕 雅琴 慧敏 彩霞 瑞霞 丽萍 晓梅 敏 '
                  '艳 玲 小平 冬梅'.split(),
    ('M', 'young'): '磊 鹏 超 浩 宇 亮 鑫 博 晨 旭 鹏飞 文博 思远 浩然 俊杰 子豪 晓龙 佳伟 志鹏 凯 '
                    '帅 飞 阳 昊 天宇 一鸣 建峰 雨泽'.split(),
    ('F', 'young'): '婷 娜 雪 晶 欣 佳 丹 璐 晓娟 婷婷 晶晶 雅楠 思雨 佳慧 美琪 悦 蕾 宁 楠 '
                    '慧 瑶 欢 琳 倩'.split(),
}
MONG = {
    'M': '额尔敦 孟和 那顺 朝鲁 宝音 巴图 布和 哈斯 特木尔 乌力吉 格日勒图 达来 白音仓 敖日格乐 图门 苏和 '
         '阿拉坦 毕力格 宝力道 额尔德尼 满都拉 吉日嘎拉'.split(),
    'F': '其其格 斯琴 萨仁 图雅 娜仁花 苏日娜 乌兰 高娃 塔娜 托娅 萨日娜 格日乐 乌日娜 阿拉腾 '
         '斯琴高娃 其木格'.split(),
}
MONG_SURN = '包白韩奇云鲍'

USED_NAMES = set()


def era(byear):
    return 'old' if byear < 1965 else ('mid' if byear < 1981 else 'young')


def make_name(gender, byear, mongol):
    for _ in range(2000):
        if mongol:
            g = R.choice(MONG[gender])
            n = g if R.random() < 0.55 else R.choice(MONG_SURN) + g
        else:
            n = R.choice(SURN) + R.choice(GIVEN[(gender, era(byear))])
        if n not in USED_NAMES:
            USED_NAMES.add(n)
            return n
    raise RuntimeError('name pool exhausted')


# ----------------------------------------------------------------------------------
# Honors
# ----------------------------------------------------------------------------------
RANK = {'QG': 6, 'ZZQ': 5, 'ZZQ51': 4, 'SHI': 3, 'SHIXJ': 3, 'QI': 1, 'XIAN': 1}
CITY_IN = [2010, 2012, 2014, 2016, 2018, 2021, 2023]
CITY_OLD = [1993, 1996, 1999, 2002, 2005, 2008]
ZZQ_Y = [1999, 2004, 2009, 2013, 2016, 2019, 2022]
QG_Y = [2000, 2005, 2010, 2015, 2020]
QI_Y = [2003, 2006, 2009, 2011, 2013, 2015, 2017, 2019, 2022]
XIAN_Y = [1997, 2001, 2005, 2008, 2012, 2016, 2020]
ABBR = {'QG': '全国劳模', 'ZZQ': '自治区劳模', 'ZZQ51': '自治区五一劳动奖章', 'SHI': '市劳模',
        'SHIXJ': '市先进工作者', 'QI': '旗级劳模', 'XIAN': '县级劳模'}
FULL = {'QG': '全国劳动模范', 'ZZQ': '内蒙古自治区劳动模范', 'ZZQ51': '内蒙古自治区五一劳动奖章',
        'SHI': '包头市劳动模范', 'SHIXJ': '包头市先进工作者'}


def in_a(h):
    return h[0] in ('QG', 'ZZQ', 'ZZQ51', 'SHI', 'SHIXJ') and 2010 <= h[1] <= 2023


def yr(pool, lo, hi=2023):
    c = [y for y in pool if lo <= y <= hi]
    return R.choice(c) if c else None


# ----------------------------------------------------------------------------------
# People
# ----------------------------------------------------------------------------------
PEOPLE = []


class P:
    def __init__(self, **kw):
        self.name = None
        self.gender = None
        self.byear = None
        self.bmonth = None
        self.bday = None
        self.eth = '汉族'
        self.party = None
        self.region = None
        self.units = []         # list of (since_year, unit_key, dept, role)
        self.honors = []        # list of (code, year)
        self.files = set()
        self.studio = None      # (sid, '领衔人'/'成员')
        self.mentor = None      # person object
        self.tag = ''
        self.a_split = False    # two rows in file A (unit change between batches)
        self.d_birth_override = None
        self.__dict__.update(kw)
        PEOPLE.append(self)

    def unit_at(self, year):
        best = self.units[0]
        for u in self.units:
            if u[0] <= year:
                best = u
        return best

    def cur_unit(self):
        return self.units[-1]


def fill(p, mongol_p=0.08):
    if p.byear is None:
        raise ValueError
    if p.bmonth is None:
        p.bmonth = R.randint(1, 12)
    if p.bday is None:
        p.bday = R.randint(1, 28)
    if p.party is None:
        x = R.random()
        p.party = '中共党员' if x < 0.62 else ('群众' if x < 0.95 else R.choice(['民盟盟员', '九三学社社员']))
    if p.name is None:
        mongol = R.random() < mongol_p
        if mongol:
            p.eth = '蒙古族'
        elif R.random() < 0.04:
            p.eth = R.choice(['回族', '满族'])
        p.name = make_name(p.gender, p.byear, mongol)
    return p


MONGOL_P = {'达尔罕茂明安联合旗': 0.5, '白云鄂博矿区': 0.3, '土默特右旗': 0.15}


NURSE = ('护士', '护士长')
HEAD_ROLES = {'车间主任', '主任', '总工程师', '项目经理', '队长', '厂长', '院长', '校长', '副校长', '站长', '理事长',
              '总经理', '经理', '科长', '副主任', '教务主任', '营业部经理', '店长', '客服主管', '中队长'}


def new_person(region, ukey=None, byears=(1965, 1990), files=(), gender=None, role=None, dept=None,
               plain=False, **kw):
    if ukey is None:
        ukey = R.choice(UNITS_BY_REGION[region])
    u = U[ukey]
    if role is None:
        if dept is None:
            dept = R.choice(list(u['depts']))
        pool = u['depts'].get(dept) or u['roles']
        if plain:
            pool = [r for r in pool if r not in HEAD_ROLES] or [r for r in u['roles'] if r not in HEAD_ROLES]
        if gender == 'M':
            pool = [r for r in pool if r not in NURSE] or [r for r in u['roles'] if r not in NURSE]
        role = R.choice(pool)
    if dept is None:
        ok = [d for d, rs in u['depts'].items() if role in rs]
        dept = R.choice(ok or list(u['depts']))
    if gender is None:
        gender = 'F' if (role in NURSE or R.random() < u['fem']) else 'M'
    p = P(region=region, gender=gender, byear=R.randint(*byears), files=set(files), **kw)
    p.units = [(0, ukey, dept, role)]
    fill(p, MONGOL_P.get(region, 0.07))
    return p


def city_honors(p, need_in=True, lo_year=None, extra=0.3, top=0.05, older=False):
    """city-level honor ladder; at least one honor in A-range if need_in."""
    pub = U[p.units[0][1]]['public']
    c = 'SHIXJ' if pub else 'SHI'
    lo = max(p.byear + 26, lo_year or 0, 1990)
    if older:
        y = yr(CITY_OLD, lo) or yr(CITY_IN, lo)
    else:
        y = yr(CITY_IN, lo, 2021 if R.random() < 0.8 else 2023)
    if y is None:
        y = 2023
    p.honors.append((c, y))
    if R.random() < extra:
        code = R.choice(['ZZQ51', 'ZZQ51', 'ZZQ'])
        y2 = yr(list(range(y + 2, 2024)) if code == 'ZZQ51' else ZZQ_Y, y + 2)
        if y2:
            p.honors.append((code, y2))
    if R.random() < top:
        y3 = yr(QG_Y, max(h[1] for h in p.honors) + 2)
        if y3:
            p.honors.append(('QG', y3))
    if need_in and not any(in_a(h) for h in p.honors):
        p.honors.append((c, yr(CITY_IN, max(lo, 2010)) or 2023))


# ---------------- namesake specials (hand-made) ----------------
SPEC = {}


def spec(key, **kw):
    p = P(**kw)
    USED_NAMES.add(p.name)
    fill(p)
    p.tag = key
    SPEC[key] = p
    return p


spec('王军a', name='王军', gender='M', byear=1971, bmonth=4, bday=23, region='昆都仑区', party='中共党员',
     units=[(0, 'bcteg', '炼钢厂', '炉长')], honors=[('SHI', 2012), ('ZZQ', 2016)], files={'A', 'D'})
spec('王军b', name='王军', gender='M', byear=1966, bmonth=9, bday=2, region='土默特右旗', party='中共党员',
     units=[(0, 'jcyz', '', '理事长')], honors=[('QI', 2009), ('SHI', 2014)], files={'A', 'B', 'D'})
spec('张伟a', name='张伟', gender='M', byear=1968, bmonth=2, bday=11, region='青山区', party='中共党员',
     units=[(0, 'qygz', '铆焊分厂', '高级技师')], honors=[('SHI', 2010), ('ZZQ51', 2013)], files={'A', 'C'})
spec('张伟b', name='张伟', gender='M', byear=1982, bmonth=11, bday=19, region='青山区', party='群众',
     units=[(0, 'tfjx', '金工车间', '技师')], honors=[('SHI', 2021)], files={'A'})
spec('巴特尔a', name='巴特尔', gender='M', byear=1963, bmonth=7, bday=15, region='达尔罕茂明安联合旗',
     eth='蒙古族', party='中共党员', units=[(0, 'dmmy', '', '理事长')],
     honors=[('QI', 2005), ('SHI', 2010), ('ZZQ', 2013)], files={'A', 'D'})
spec('巴特尔b', name='巴特尔', gender='M', byear=1979, bmonth=3, bday=8, region='白云鄂博矿区', eth='蒙古族',
     party='群众', units=[(0, 'hjky', '采矿车间', '电铲司机'), (2020, 'hjky', '采矿车间', '班长')],
     honors=[('SHI', 2018)], files={'A', 'C'})
spec('巴特尔c', name='巴特尔', gender='M', byear=1958, bmonth=12, bday=1, region='达尔罕茂明安联合旗',
     eth='蒙古族', party='中共党员', units=[(0, 'dmzx', '', '高级教师')], honors=[('QI', 1998 + 1)],
     files={'D'})
spec('李娜a', name='李娜', gender='F', byear=1984, bmonth=5, bday=30, region='昆都仑区', party='中共党员',
     units=[(0, 'zxyy', '心内科', '护士长')], honors=[('SHIXJ', 2021)], files={'A', 'C'})
spec('李娜b', name='李娜', gender='F', byear=1987, bmonth=10, bday=6, region='青山区', party='群众',
     units=[(0, 'sdyy', '急诊科', '护士')], honors=[], files={'C'})
spec('刘洋a', name='刘洋', gender='M', byear=1985, bmonth=1, bday=17, region='昆都仑区', party='中共党员',
     units=[(0, 'bcteg', '轧钢厂', '电工')], honors=[('SHI', 2018)], files={'A', 'C'})
spec('刘洋b', name='刘洋', gender='F', byear=1990, bmonth=6, bday=2, region='固阳县', party='群众',
     units=[(0, 'gyyy', '', '主治医师')], honors=[('XIAN', 2020)], files={'D'})
spec('赵丽a', name='赵丽', gender='F', byear=1975, bmonth=8, bday=14, region='土默特右旗', party='中共党员',
     units=[(0, 'ty2x', '', '教师'), (2014, 'ty1z', '', '高级教师')],
     honors=[('QI', 2011), ('SHIXJ', 2016)], files={'A', 'B'})
spec('赵丽b', name='赵丽', gender='F', byear=1980, bmonth=2, bday=25, region='东河区', party='群众',
     units=[(0, 'htsm', '', '营业部经理')], honors=[('SHI', 2018)], files={'A'})
spec('陈静a', name='陈静', gender='F', byear=1961, bmonth=3, bday=9, region='九原区', party='中共党员',
     units=[(0, 'jynj', '', '农艺师')], honors=[('SHIXJ', 2005)], files={'D'})
spec('陈静b', name='陈静', gender='F', byear=1969, bmonth=11, bday=21, region='固阳县', party='群众',
     units=[(0, 'gyzl', '', '理事长')], honors=[('XIAN', 2008)], files={'D'})
spec('杨帆a', name='杨帆', gender='M', byear=1983, bmonth=9, bday=13, region='青山区', party='中共党员',
     units=[(0, 'qsrl', '运行部', '值长')], honors=[('SHI', 2021)], files={'A', 'C'})
spec('杨帆b', name='杨帆', gender='M', byear=1988, bmonth=4, bday=4, region='九原区', party='群众',
     units=[(0, 'lcrd', '锅炉检修班', '班长')], honors=[('SHI', 2023)], files={'A'})
spec('乌云a', name='乌云', gender='F', byear=1970, bmonth=1, bday=28, region='达尔罕茂明安联合旗',
     eth='蒙古族', party='群众', units=[(0, 'dmmy', '', '牧民')], honors=[('SHI', 2014)], files={'A', 'D'})
spec('乌云b', name='乌云', gender='F', byear=1976, bmonth=6, bday=19, region='土默特右旗', eth='蒙古族',
     party='中共党员', units=[(0, 'tyyy', '护理部', '护士长')], honors=[('QI', 2015)], files={'B'})
spec('王秀英a', name='王秀英', gender='F', byear=1952, bmonth=5, bday=5, region='固阳县', party='群众',
     units=[(0, 'gyzl', '', '社员')], honors=[('XIAN', 1997), ('XIAN', 2005)], files={'D'})
spec('王秀英b', name='王秀英', gender='F', byear=1956, bmonth=10, bday=10, region='东河区', party='中共党员',
     units=[(0, 'xyfood', '生产车间', '车间主任')], honors=[('SHI', 1999), ('ZZQ', 2004)], files={'D'})
spec('高峰a', name='高峰', gender='M', byear=1960, bmonth=8, bday=8, region='青山区', party='中共党员',
     units=[(0, 'qygz', '铆焊分厂', '高级技师')], honors=[('ZZQ', 2004), ('QG', 2010)], files={'A', 'D'})
spec('高峰b', name='高峰', gender='M', byear=1991, bmonth=12, bday=3, region='昆都仑区', party='群众',
     units=[(0, 'hyxt', '萃取车间', '萃取工')], honors=[], files={'C'})
NAMESAKE_GROUPS = ['王军', '张伟', '巴特尔', '李娜', '刘洋', '赵丽', '陈静', '杨帆', '乌云', '王秀英', '高峰']

# ---------------- studios ----------------
# sid, unit, dept, name template ({L} = leader name), size
STUDIOS = [
    (1, 'qygz', '铆焊分厂', '{L}劳模创新工作室', 7),
    (2, 'bcteg', '炼钢厂', '北辰特钢炼钢技能创新工作室', 7),
    (3, 'hyxt', '萃取车间', '{L}劳模创新工作室', 7),
    (4, 'zxyy', '护理部', '市中心医院护理创新工作室', 7),
    (5, 'sdyy', '急诊科', '{L}急救技能创新工作室', 6),
    (6, 'qsrl', '运行部', '{L}劳模创新工作室', 7),
    (7, 'hjky', '采矿车间', '{L}劳模创新工作室', 6),
    (8, 'hxgj', '保修厂', '{L}劳模创新工作室', 7),
    (9, 'lcja', '', '{L}工匠创新工作室', 6),
    (10, 'fshz', '', '{L}劳模创新工作室', 7),
    (11, 'sbry', '液奶车间', '{L}劳模创新工作室', 7),
    (12, 'xdmy', '综采队', '{L}劳模创新工作室', 6),
]
STUDIO = {s[0]: s for s in STUDIOS}
LEADER_ROLE = {'qygz': '高级技师', 'bcteg': '高级技师', 'hyxt': '高级工程师', 'zxyy': '护士长', 'sdyy': '副主任医师',
               'qsrl': '值长', 'hjky': '车间主任', 'hxgj': '高级技师', 'lcja': '项目经理', 'fshz': '理事长',
               'sbry': '车间主任', 'xdmy': '队长'}
members = defaultdict(list)   # sid -> list of person
leaders = {}

# studio 1 leader = 张伟a
SPEC['张伟a'].studio = (1, '领衔人')
leaders[1] = SPEC['张伟a']
for key, sid in [('刘洋a', 2), ('高峰b', 3), ('李娜a', 4), ('李娜b', 5), ('杨帆a', 6), ('巴特尔b', 7)]:
    SPEC[key].studio = (sid, '成员')
    members[sid].append(SPEC[key])

# leaders 2..12
for sid in range(2, 13):
    _, uk, dept, _, _ = STUDIO[sid]
    u = U[uk]
    if sid == 10:   # the four-file leader (B, A, C, D)
        p = new_person('土默特右旗', 'fshz', byears=(1962, 1962), files='ABCD', gender='M', role='理事长')
        p.honors = [('QI', 2006), ('SHI', 2010), ('ZZQ', 2016), ('QG', 2020)]
        p.units = [(0, 'fshz', '', '理事长')]
    elif sid in (2, 7):   # older leaders also in D
        p = new_person(u['region'], uk, byears=(1963, 1964), files='ACD', dept=dept, role=LEADER_ROLE[uk])
        p.honors = [('SHI', 2010), ('ZZQ', 2013)] + ([('QG', 2015)] if sid == 2 else [])
    else:
        p = new_person(u['region'], uk, byears=(1968, 1983), files='AC', dept=dept, role=LEADER_ROLE[uk],
                       gender='F' if uk in ('zxyy', 'sdyy') else None)
        city_honors(p, extra=0.9, top=0.25 if sid in (6, 12) else 0.0, lo_year=2010)
    p.studio = (sid, '领衔人')
    leaders[sid] = p

# changers among leaders: studio 3 leader had his city honor at 北辰特钢; studio 11 at 鑫源食品 (东河区)
L3 = leaders[3]
L3.units = [(0, 'bcteg', '设备检修中心', '工程师'), (2017, 'hyxt', '研发中心', '高级工程师')]
L3.honors = [('SHI', 2014), ('ZZQ51', 2020)]
L3.tag = 'changer'
L11 = leaders[11]
L11.units = [(0, 'xyfood', '生产车间', '车间主任'), (2019, 'sbry', '液奶车间', '车间主任')]
L11.honors = [('SHI', 2016)]
L11.region = '东河区'      # A row (2016) lists 东河区; the 2023 studio is in 九原区
L11.tag = 'changer'

# honored members (A,C): 12 random + 1 A,C,D + B,A,C + 2 B,C
hon_slots = [2, 3, 6, 8, 9, 11, 12, 1, 4, 5, 8, 12]
for sid in hon_slots:
    _, uk, dept, _, _ = STUDIO[sid]
    p = new_person(U[uk]['region'], uk, byears=(1976, 1991), files='AC', dept=dept or None)
    city_honors(p, extra=0.15, lo_year=2010)
    p.studio = (sid, '成员')
    members[sid].append(p)
# member changers A -> C: one from 联拓机械 to studio 1 (青岳重机), one from 市四医院 to studio 4 (市中心医院)
m1 = new_person('青山区', 'ltjx', byears=(1984, 1986), files='AC', role='数控车工', dept='机加工车间')
m1.units = [(0, 'ltjx', '机加工车间', '数控车工'), (2019, 'qygz', '总装分厂', '技师')]
m1.honors = [('SHI', 2016)]
m1.studio = (1, '成员'); m1.tag = 'changer'; members[1].append(m1)
m2 = new_person('青山区', 'sdyy', byears=(1981, 1983), files='AC', gender='F', role='护士', dept='儿科')
m2.units = [(0, 'sdyy', '儿科', '护士'), (2020, 'zxyy', '护理部', '护士长')]
m2.honors = [('SHIXJ', 2018)]
m2.studio = (4, '成员'); m2.tag = 'changer'; members[4].append(m2)
# A,C,D member (older)
m3 = new_person('青山区', 'qsrl', byears=(1962, 1963), files='ACD', role='检修工', dept='检修部')
m3.honors = [('SHI', 2012), ('ZZQ51', 2015)]
m3.studio = (6, '成员'); members[6].append(m3)
# B,A,C member
m4 = new_person('土默特右旗', 'fshz', byears=(1978, 1982), files='ABC', role='农技员')
m4.honors = [('QI', 2013), ('SHI', 2018)]
m4.studio = (10, '成员'); members[10].append(m4)
# B,C members (banner honors only); one changed from 旗农技站 to 丰穗合作社
m5 = new_person('土默特右旗', 'tynj', byears=(1983, 1986), files='BC', role='农艺师')
m5.units = [(0, 'tynj', '', '农艺师'), (2018, 'fshz', '', '农技员')]
m5.honors = [('QI', 2015), ('QI', 2022)]
m5.studio = (10, '成员'); m5.tag = 'changer'; members[10].append(m5)
m6 = new_person('土默特右旗', 'fshz', byears=(1986, 1990), files='BC', role='社员')
m6.honors = [('QI', 2019)]
m6.studio = (10, '成员'); members[10].append(m6)

# plain members
for sid in range(1, 13):
    size = STUDIO[sid][4]
    _, uk, dept, _, _ = STUDIO[sid]
    while 1 + len(members[sid]) < size:
        if sid == 10 and R.random() < 0.4:
            p = new_person('土默特右旗', 'tynj', byears=(1985, 1996), files='C', role='农艺师')
        else:
            p = new_person(U[uk]['region'], uk, byears=(1982, 1998), files='C', dept=dept or None, plain=True)
        p.studio = (sid, '成员')
        members[sid].append(p)

# mentors
MENTOR_NOTE = {}
d_only_mentor = None  # created below (retired 全国劳模 of 北辰特钢 living in 昆区)
a_only_mentor = None


def assign_mentors():
    for sid in range(1, 13):
        L = leaders[sid]
        honored = [m for m in members[sid] if m.honors]
        for m in members[sid]:
            x = R.random()
            seniors = [h for h in honored if h is not m and h.byear <= m.byear - 3 and h.mentor is not m]
            if x < 0.58 and L.byear <= m.byear - 3:
                m.mentor = L
            elif x < 0.78 and seniors:
                m.mentor = R.choice(seniors)
            else:
                m.mentor = None
    SPEC['张伟a'].mentor = SPEC['高峰a']
    # a member of the 北辰特钢 steel studio learnt from 王军 (a), who is not in the studio roster
    cand = [m for m in members[2] if not m.honors]
    cand[0].mentor = SPEC['王军a']
    leaders[2].mentor = d_only_mentor
    leaders[8].mentor = a_only_mentor
    SPEC['高峰b'].mentor = leaders[3]


# ---------------- B people (土默特右旗 register) ----------------
def b_person(files, byears, ladder):
    p = new_person('土默特右旗', None, byears=byears, files=files)
    ladder(p)
    return p


def lad_qi_only(p):
    x = R.random()
    n = 1 if x < 0.25 else (2 if x < 0.75 else 3)
    y = yr(QI_Y, p.byear + 27, 2013 if n == 3 else 2022)
    if y is None:
        y = 2022
    p.honors.append(('QI', y))
    for _ in range(n - 1):
        y2 = yr(QI_Y, y + 4)
        if y2:
            p.honors.append(('QI', y2))
            y = y2


def lad_qi_city(p, older=False):
    y = yr(QI_Y, p.byear + 27, 2015) or 2009
    p.honors.append(('QI', y))
    pub = U[p.units[0][1]]['public']
    c = 'SHIXJ' if pub else 'SHI'
    if older:
        y2 = yr(CITY_OLD, y + 2) or yr(CITY_IN, y + 2)
    else:
        y2 = yr(CITY_IN, y + 2, 2023)
    if y2:
        p.honors.append((c, y2))
    else:
        p.honors.append((c, 2023))
    return p.honors[-1][1]


B_only, BA, BAD, BD = [], [], [], []
for i in range(8):
    p = b_person('AB', (1965, 1984), lambda q: None)
    y = lad_qi_city(p)
    if R.random() < 0.55:
        y3 = yr(list(range(y + 2, 2024)), y + 2)
        if y3:
            p.honors.append(('ZZQ51', y3))
    BA.append(p)
for i in range(5):
    p = b_person('ABD', (1952, 1964), lambda q: None)
    y = yr(QI_Y, 2003, 2009)
    p.honors = [('QI', y), ('SHI' if not U[p.units[0][1]]['public'] else 'SHIXJ', yr(CITY_IN, 2010, 2016)),
                ('ZZQ', yr(ZZQ_Y, 2016, 2022))]
    p.honors.sort(key=lambda h: h[1])
    BAD.append(p)
for i in range(6):
    p = b_person('BD', (1946, 1960), lambda q: None)
    y = yr(QI_Y, 2003, 2006)
    p.honors = [('QI', y)]
    if R.random() < 0.6:
        p.honors.append(('SHIXJ' if U[p.units[0][1]]['public'] else 'SHI', yr(CITY_OLD, y + 1) or 2008))
    else:
        p.honors.append(('QI', yr(QI_Y, y + 3, 2009) or 2009))
    BD.append(p)
for i in range(16):
    p = b_person('B', (1958, 1992), lad_qi_only)
    B_only.append(p)
# B-chain unit changers
ch1 = BA[0]
ch1.units = [(0, 'tygx', '', '业务员'), (2012, 'sfnj', '', '总经理')]
ch1.honors = [('QI', 2009), ('SHI', 2016)]
ch1.tag = 'changer'
ch2 = BAD[0]
ch2.units = [(0, 'jcyz', '', '养殖技术员'), (2011, 'fshz', '', '理事长')]
ch2.honors = [('QI', 2006), ('SHI', 2014), ('ZZQ', 2019)]
ch2.tag = 'changer'
ch3 = B_only[0]
ch3.units = [(0, 'tyyy', '内科', '主治医师'), (2016, 'tyyy', '内科', '副主任医师')]   # role change only
ch4 = B_only[1]
ch4.units = [(0, 'ty2x', '', '教师'), (2017, 'ty1z', '', '高级教师')]
ch4.honors = [('QI', 2013), ('QI', 2019)]
ch4.tag = 'changer'
for q in (ch1, ch2, ch4):
    q.gender = q.gender  # keep

# ---------------- A,D ; D only ; A only ----------------
NON_TY = [r for r in REGIONS if r != '土默特右旗']
W_A = {'昆都仑区': 26, '青山区': 22, '东河区': 15, '九原区': 12, '石拐区': 5, '白云鄂博矿区': 5,
       '固阳县': 5, '达尔罕茂明安联合旗': 5, '市直': 5}


def pick_region(weights):
    ks = list(weights)
    return R.choices(ks, [weights[k] for k in ks])[0]


AD = []
for i in range(18):
    reg = pick_region({k: v for k, v in W_A.items() if k != '市直'})
    p = new_person(reg, None, byears=(1950, 1966), files='AD')
    if R.random() < 0.4:
        p.honors.append(('SHIXJ' if U[p.units[0][1]]['public'] else 'SHI', yr(CITY_OLD, p.byear + 28) or 2008))
        lo = p.honors[-1][1] + 3
        code = R.choice(['ZZQ', 'ZZQ', 'ZZQ51'])
        p.honors.append((code, yr(ZZQ_Y if code == 'ZZQ' else list(range(2010, 2020)), max(lo, 2010)) or 2013))
    else:
        city_honors(p, extra=0.5, top=0.1, lo_year=2010)
    AD.append(p)
# birth-month discrepancy between A and D for one person
AD[3].d_birth_override = 'month'   # D writes another month (clerical error); resolved in birth_d()

D_only = []
for i in range(26):
    reg = R.choice(NON_TY)
    p = new_person(reg, None, byears=(1940, 1966), files='D')
    if reg == '固阳县' or (reg == '达尔罕茂明安联合旗' and R.random() < 0.7):
        code = 'XIAN' if reg == '固阳县' else 'QI'
        pool = XIAN_Y if code == 'XIAN' else QI_Y
        p.honors.append((code, yr(pool, p.byear + 27) or pool[-1]))
    else:
        pub = U[p.units[0][1]]['public']
        y = yr(CITY_OLD, p.byear + 27) or 2008
        p.honors.append(('SHIXJ' if pub else 'SHI', y))
        if R.random() < 0.35:
            p.honors.append(('ZZQ', yr(ZZQ_Y, y + 3, 2009) or 2009))
    D_only.append(p)
# retired 全国劳模 of 北辰特钢, mentor of the steel studio leader; D only
d_only_mentor = new_person('昆都仑区', 'bcteg', byears=(1944, 1946), files='D', gender='M', role='炉长', dept='炼钢厂')
d_only_mentor.honors = [('SHI', 1993), ('ZZQ', 1999), ('QG', 2000)]
D_only[-1].files = set()   # replaced by the mentor (keep D count at 26)
PEOPLE.remove(D_only[-1]); D_only[-1] = d_only_mentor

A_only = []
for i in range(47):
    reg = pick_region({k: v for k, v in W_A.items() if k not in ('土默特右旗', '市直')}) if i >= 3 else '市直'
    p = new_person(reg, None, byears=(1964, 1992), files='A')
    city_honors(p, extra=0.22, top=0.03, lo_year=2010)
    A_only.append(p)
# A-only mentor of the bus studio leader: a 恒信公交 veteran
a_only_mentor = new_person('昆都仑区', 'hxgj', byears=(1964, 1965), files='A', gender='M', role='车队长',
                           dept='第一车队')
a_only_mentor.honors = [('SHI', 2010), ('ZZQ51', 2012)]
USED = A_only.pop(5)
PEOPLE.remove(USED); USED_NAMES.discard(USED.name)
A_only.append(a_only_mentor)
# three A-only people listed twice in A (two batches, two units)
dups = [('昆都仑区', [(0, 'lcja', '第一工程处', '钢筋工班长'), (2015, 'zcjs', '第五项目部', '项目经理')],
         [('SHI', 2012), ('ZZQ51', 2019)], 'M'),
        ('昆都仑区', [(0, 'dhyy', '内科', '护士'), (2016, 'zxyy', '急诊科', '护士长')],
         [('SHIXJ', 2012), ('ZZQ51', 2020)], 'F'),
        ('青山区', [(0, 'tfjx', '金工车间', '数控车工'), (2018, 'ltjx', '装配车间', '班长')],
         [('SHI', 2014), ('SHI', 2021)], 'M')]
for k, (reg, units, hon, g) in enumerate(dups):
    old = A_only[10 + k]
    PEOPLE.remove(old); USED_NAMES.discard(old.name)
    p = new_person(reg, units[0][1], byears=(1975, 1983), files='A', gender=g)
    p.units = units
    p.honors = hon
    p.a_split = True
    p.tag = 'changer'
    A_only[10 + k] = p
# the 东河区医院 -> 市中心医院 nurse lived in 东河区 first; region at A rows follows the unit

# age repair: first honor at >= 24, last honor at <= 58 (shift birth year if needed)
for p in PEOPLE:
    if p.tag in SPEC or not p.honors:
        continue
    ys = [h[1] for h in p.honors]
    lo, hi = max(ys) - (56 if 'C' not in p.files else 58), min(ys) - 24
    assert lo <= hi, (p.name, p.honors)
    p.byear = min(max(p.byear, lo), hi)

assign_mentors()
for p in PEOPLE:
    if p.mentor is not None:
        assert p.mentor.byear < p.byear and p.mentor.mentor is not p, p.name

# sanity on honors
for p in PEOPLE:
    p.honors.sort(key=lambda h: (h[1], RANK[h[0]]))
    if 'A' in p.files:
        assert any(in_a(h) for h in p.honors), (p.name, p.honors, p.files)
    if 'B' in p.files:
        assert p.region == '土默特右旗'
    if 'D' in p.files or 'B' in p.files:
        assert p.honors, p.name

# ----------------------------------------------------------------------------------
# Person ids: order of first appearance A, B, C, D (assigned after rows are built)
# ----------------------------------------------------------------------------------
ROWS = {FILE_A: [], FILE_B: [], FILE_C: [], FILE_D: []}   # list of (cells, person, meta)

RV = {k: random.Random(SEED * 10 + i + 1000 * VARIANT[k]) for i, k in enumerate('ABCD')}


def birth_a(p):
    return f'{p.byear}.{p.bmonth:02d}'


def birth_d(p):
    y, m, d = (p.byear, (p.bmonth + 4) % 12 + 1, 17) if p.d_birth_override else (p.byear, p.bmonth, p.bday)
    return f'{y}-{m:02d}-{d:02d}'


def unit_role_cell(uk, dept, role, rv):
    u = U[uk]
    sep = ' ' if rv.random() < 0.1 else ''
    return f"{u['full']}{dept}{sep}{role}"


GENDER = {'M': '男', 'F': '女'}

# ---------------- File A ----------------
rvA = RV['A']
a_rows = []
for p in PEOPLE:
    if 'A' not in p.files:
        continue
    hs = [h for h in p.honors if in_a(h)]
    groups = [hs]
    if p.a_split:
        groups = [[h] for h in hs]
    for g in groups:
        last = max(h[1] for h in g)
        since, uk, dept, role = p.unit_at(last)
        region = U[uk]['region'] if U[uk]['region'] == '市直' else p.region
        if p.a_split:
            region = U[uk]['region']
        if p is L11:
            region = '东河区'
        a_rows.append(dict(p=p, region=region, first=min(h[1] for h in g), uk=uk, dept=dept, role=role, hs=g))
rvA.shuffle(a_rows)
a_rows.sort(key=lambda r: (REGION_ORDER[r['region']], r['first']))
A_DECOR_FEMALE = set()
fem_rows = [i for i, r in enumerate(a_rows) if r['p'].gender == 'F' and r['p'].tag == '']
for i in rvA.sample(fem_rows, 3):
    A_DECOR_FEMALE.add(i)
trad_cands = [i for i, r in enumerate(a_rows) if r['p'].tag == '' and i not in A_DECOR_FEMALE
              and r['p'].name not in NAMESAKE_GROUPS and len(r['p'].files) >= 2
              and S2T.convert(r['p'].name) != r['p'].name]
A_TRAD = set(rvA.sample(trad_cands, 2))
for i, r in enumerate(a_rows):
    p = r['p']
    name = p.name + ('（女）' if i in A_DECOR_FEMALE else '')
    cells = [str(i + 1), name, GENDER[p.gender], birth_a(p), p.eth, p.party,
             unit_role_cell(r['uk'], r['dept'], r['role'], rvA),
             '、'.join(ABBR[h[0]] for h in r['hs']), '、'.join(str(h[1]) for h in r['hs']), r['region']]
    meta = {}
    if i in A_TRAD:
        cells = [cells[0]] + [S2T.convert(c) for c in cells[1:]]
        meta['trad'] = True
    if i in A_DECOR_FEMALE:
        meta['decor'] = name
    meta['unit'] = U[r['uk']]['full']
    ROWS[FILE_A].append((cells, p, meta))
HEAD_A = ['序号', '姓名', '性别', '出生年月', '民族', '政治面貌', '工作单位及职务', '荣誉称号', '授予年份', '地区']
TITLE_A = '包头市总工会　包头市劳动模范和先进工作者名册（2010—2023年）'

# ---------------- File B ----------------
rvB = RV['B']
b_people = [p for p in PEOPLE if 'B' in p.files]
b_people.sort(key=lambda p: (p.honors[0][1], rvB.random()))
seq_by_year = Counter()
b_rows = []
for p in b_people:
    y0 = p.honors[0][1]
    seq_by_year[y0] += 1
    p.dossier = f'TYQ-{y0}-{seq_by_year[y0]:03d}'
    for h in p.honors:
        since, uk, dept, role = p.unit_at(h[1])
        b_rows.append((p, h, uk, role))


def pad(name):
    return name[0] + '\u3000' + name[1] if len(name) == 2 else name


B_TONGZHI = set()
cand = [i for i, r in enumerate(b_rows) if r[0].tag == '' and r[0].name not in NAMESAKE_GROUPS]
for i in rvB.sample(cand, 2):
    B_TONGZHI.add(i)
for i, (p, h, uk, role) in enumerate(b_rows):
    nm = pad(p.name)
    meta = {'unit': U[uk]['full']}
    if i in B_TONGZHI:
        nm = p.name + '同志'
        meta['decor'] = nm
    note = ''
    prev = [r for r in b_rows[:i] if r[0] is p]
    if prev and prev[-1][2] != uk:
        since = p.unit_at(h[1])[0]
        note = f'{since}年调入{U[uk]["bform"]}' if rvB.random() < 0.6 else '单位变更'
    elif h[0] == 'QG':
        note = '全国总工会表彰'
    cells = [p.dossier, nm, GENDER[p.gender], p.eth, U[uk]['bform'], role, ABBR[h[0]], str(h[1]), note]
    ROWS[FILE_B].append((cells, p, meta))
HEAD_B = ['档案编号', '姓名', '性别', '民族', '工作单位', '职务', '荣誉', '年度', '备注']
TITLE_B = '土默特右旗总工会旗级以上劳动模范档案登记表（按荣誉逐项登记，截至2023年12月）'

# ---------------- File C ----------------
rvC = RV['C']


def c_honor(h, p):
    if h[0] == 'QI':
        return SHORT_REGION[p.region] + '劳模'
    if h[0] == 'XIAN':
        return '固阳县劳模'
    return ABBR[h[0]]


c_rows = []
for sid in range(1, 13):
    L = leaders[sid]
    ms = list(members[sid])
    rvC.shuffle(ms)
    ms.sort(key=lambda m: 0 if m.honors else 1)
    for m in [L] + ms:
        c_rows.append((sid, m))
decor_plan = {}
# decorated names: two 全国劳模 leaders, one 自治区劳模 leader, one 市劳模 member
qg_leaders = [L for L in leaders.values() if any(h[0] == 'QG' for h in L.honors)]
for L in qg_leaders[:2]:
    decor_plan[id(L)] = '全国劳模' + L.name
zzq_leaders = [L for L in leaders.values() if any(h[0] == 'ZZQ' for h in L.honors) and id(L) not in decor_plan
               and not any(h[0] == 'QG' for h in L.honors) and L.name not in NAMESAKE_GROUPS]
if zzq_leaders:
    decor_plan[id(zzq_leaders[0])] = '自治区劳模' + zzq_leaders[0].name
shi_members = [m for ms in members.values() for m in ms if [h[0] for h in m.honors] == ['SHI']
               and m.name not in NAMESAKE_GROUPS and m.tag == '']
decor_plan[id(shi_members[0])] = '市劳模' + shi_members[0].name
for i, (sid, m) in enumerate(c_rows):
    _, uk0, dept0, tmpl, _ = STUDIO[sid]
    since, uk, dept, role = m.cur_unit()
    sname = tmpl.format(L=leaders[sid].name)
    nm = decor_plan.get(id(m), m.name)
    meta = {'unit': U[uk]['full'], 'studio': sname}
    if nm != m.name:
        meta['decor'] = nm
    ucell = U[uk]['short'] + (dept if dept and rvC.random() < 0.35 else '')
    hs = m.honors
    hnames = []
    for h in hs:
        if c_honor(h, m) not in hnames:
            hnames.append(c_honor(h, m))
    cells = [str(i + 1), sname, nm, m.studio[1], m.mentor.name if m.mentor else '', ucell, role,
             '、'.join(hnames), '、'.join(str(h[1]) for h in hs)]
    ROWS[FILE_C].append((cells, m, meta))
HEAD_C = ['序号', '工作室名称', '姓名', '工作室职务', '师傅', '单位', '岗位', '荣誉称号', '获评年份']
TITLE_C = '包头市总工会经济技术工作部　2023年度包头市劳模和工匠人才创新工作室成员名单'

# ---------------- File D ----------------
rvD = RV['D']
d_people = [p for p in PEOPLE if 'D' in p.files]
d_people.sort(key=lambda p: (REGION_ORDER[p.region], p.byear, rvD.random()))
CAT = {'QG': ('全国劳模', 3000), 'ZZQ': ('省部级劳模', 2000), 'ZZQ51': ('省部级劳模', 2000),
       'SHI': ('市级劳模', 1000), 'SHIXJ': ('市级劳模', 1000), 'QI': ('旗县级劳模', 800), 'XIAN': ('旗县级劳模', 800)}
d_trad_names = {'陈静'}  # 陈静b goes traditional
zzq_rows = [p for p in d_people if max(p.honors, key=lambda h: (RANK[h[0]], h[1]))[0] == 'ZZQ'
            and p.name not in NAMESAKE_GROUPS and p.tag == '']
SHENG = set(id(p) for p in zzq_rows[:2])
A_TRAD_P = {id(ROWS[FILE_A][i][1]) for i in A_TRAD}
trad_pool = [p for p in d_people if p.name not in NAMESAKE_GROUPS and p.tag == '' and id(p) not in SHENG
             and id(p) not in A_TRAD_P and S2T.convert(p.name) != p.name]
D_TRAD = set(id(p) for p in rvD.sample(trad_pool, 5)) | {id(SPEC['陈静b'])}
tz_pool = [p for p in d_people if p.name not in NAMESAKE_GROUPS and id(p) not in D_TRAD and id(p) not in SHENG
           and p.tag == '']
D_TONGZHI = set(id(p) for p in rvD.sample(tz_pool, 2))
for i, p in enumerate(d_people):
    top = max(p.honors, key=lambda h: (RANK[h[0]], h[1]))
    hon = ABBR[top[0]]
    if id(p) in SHENG:
        hon = '省劳模'
    cat, money = CAT[top[0]]
    nm = p.name
    meta = {}
    if len(nm) == 2 and rvD.random() < 0.3:
        nm = pad(nm)
    if id(p) in D_TONGZHI:
        nm = p.name + '同志'
        meta['decor'] = nm
    age = 2023 - p.byear
    note = '退休' if age >= (60 if p.gender == 'M' else 55) and 'C' not in p.files else '在职'
    if age >= 75 and rvD.random() < 0.5:
        note = '高龄，上门走访'
    elif rvD.random() < 0.08 and 'C' not in p.files:
        note = '因病致困'
    cells = [str(i + 1), nm, GENDER[p.gender], birth_d(p), p.eth, SHORT_REGION[p.region], hon, str(top[1]),
             cat, str(money), note]
    if id(p) in D_TRAD:
        cells = [cells[0]] + [S2T.convert(c) for c in cells[1:]]
        meta['trad'] = True
    if id(p) in SHENG:
        meta['sheng'] = True
    ROWS[FILE_D].append((cells, p, meta))
HEAD_D = ['序号', '姓名', '性别', '出生日期', '民族', '所在地区', '荣誉称号', '获评年份', '慰问类别', '慰问金（元）', '备注']
TITLE_D = '包头市总工会　2023年春节走访慰问劳动模范人员名单'

# ----------------------------------------------------------------------------------
# ids, writing, truth
# ----------------------------------------------------------------------------------
PID = {}
for fn in (FILE_A, FILE_B, FILE_C, FILE_D):
    for cells, p, meta in ROWS[fn]:
        if id(p) not in PID:
            PID[id(p)] = f'P{len(PID) + 1:03d}'

HEADS = {FILE_A: (TITLE_A, HEAD_A), FILE_B: (TITLE_B, HEAD_B), FILE_C: (TITLE_C, HEAD_C), FILE_D: (TITLE_D, HEAD_D)}


def write_csv(path, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator='\n')
    for r in rows:
        w.writerow(r)
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write(buf.getvalue())


truth = [['file', 'line', 'person']]
truth_m = [['file', 'line', 'mentor_person']]
LINES = defaultdict(list)   # pid -> [(file, line, meta)]
for fn, (title, head) in HEADS.items():
    lines = [FIRST_LINE, title]
    out = []
    with open(os.path.join(OUT, fn), 'w', encoding='utf-8', newline='') as f:
        f.write(FIRST_LINE + '\n')
        f.write(title + '\n')
        w = csv.writer(f, lineterminator='\n')
        w.writerow(head)
        for k, (cells, p, meta) in enumerate(ROWS[fn]):
            assert len(cells) == len(head)
            assert not any('\n' in c or '\r' in c for c in cells)
            w.writerow(cells)
            line = 4 + k
            truth.append([fn, str(line), PID[id(p)]])
            LINES[PID[id(p)]].append((fn, line, meta, cells))
            if fn == FILE_C and p.mentor is not None:
                if id(p.mentor) not in PID:
                    raise RuntimeError('mentor not in any roster: ' + p.mentor.name)
                truth_m.append([fn, str(line), PID[id(p.mentor)]])
write_csv(os.path.join(OUT, 'truth.csv'), truth)
write_csv(os.path.join(OUT, 'truth_mentors.csv'), truth_m)

# ----------------------------------------------------------------------------------
# facts for NOTES.md (written to tools/facts.md; NOTES.md is assembled from it)
# ----------------------------------------------------------------------------------
SHORTF = {FILE_A: 'A', FILE_B: 'B', FILE_C: 'C', FILE_D: 'D'}
P_BY_PID = {PID[id(p)]: p for p in PEOPLE if id(p) in PID}
fx = []
fx.append('## Counts\n')
for fn in HEADS:
    pp = {PID[id(p)] for _, p, _ in ROWS[fn]}
    fx.append(f'- {SHORTF[fn]} `{fn}`: {len(ROWS[fn])} rows, {len(pp)} people')
nfiles = Counter(len({l[0] for l in LINES[pid]}) for pid in LINES)
fx.append(f'- total: {sum(len(v) for v in ROWS.values())} rows, {len(LINES)} people; '
          f'people by number of files: ' + ', '.join(f'{k} file(s): {v}' for k, v in sorted(nfiles.items())))
combo = Counter(''.join(sorted(SHORTF[l[0]] for l in {(x[0],) for x in LINES[pid]})) for pid in LINES)
fx.append('- file combinations: ' + ', '.join(f'{k}: {v}' for k, v in sorted(combo.items())))


def loc(pid):
    return '; '.join(f'{SHORTF[f]}:{ln}' for f, ln, _, _ in LINES[pid])


def desc(p):
    pid = PID[id(p)]
    us = []
    for u in p.units:
        if U[u[1]]['full'] not in us:
            us.append(U[u[1]]['full'])
    hs = '、'.join(f'{ABBR[h[0]]}{h[1]}' for h in p.honors) or '无'
    return (f'{pid} {p.name} {GENDER[p.gender]} b.{p.byear}.{p.bmonth:02d} {p.eth} {p.region}; units: '
            f'{" → ".join(us)}; honors: {hs}; rows {loc(pid)}')


fx.append('\n## Namesake groups (exact same name, different people)\n')
byname = defaultdict(list)
for pid, p in P_BY_PID.items():
    byname[p.name].append(p)
ns_people = 0
for n, ps in sorted(byname.items(), key=lambda kv: kv[0]):
    if len(ps) > 1:
        ns_people += len(ps)
        fx.append(f'- **{n}** ({len(ps)})')
        for p in ps:
            fx.append(f'  - {desc(p)}')
fx.append(f'\nNamesake people: {ns_people} of {len(LINES)} ({100 * ns_people / len(LINES):.1f}%).')
fx.append('\n## Near-namesakes (different people; Mongolian name with / without a Han-style surname)\n')
nbase = defaultdict(list)
for pid, p in P_BY_PID.items():
    b = p.name[1:] if p.eth == '蒙古族' and p.name[0] in MONG_SURN and len(p.name) >= 3 else p.name
    nbase[b].append(p)
for b, ps in sorted(nbase.items()):
    if len({p.name for p in ps}) > 1:
        fx.append(f'- {b}: ' + '; '.join(f'{PID[id(p)]} `{p.name}` ({loc(PID[id(p)])})' for p in ps))
fx.append('\n## Unit changers\n')
for pid, p in P_BY_PID.items():
    if len({u[1] for u in p.units}) > 1:
        fx.append(f'- {desc(p)}')
fx.append('\n## Traditional-script rows\n')
for pid in LINES:
    for f, ln, meta, cells in LINES[pid]:
        if meta.get('trad'):
            fx.append(f'- {SHORTF[f]}:{ln} {pid} written `{cells[1]}` (= {P_BY_PID[pid].name})')
fx.append('\n## Decorated names\n')
for pid in LINES:
    for f, ln, meta, cells in LINES[pid]:
        if meta.get('decor'):
            fx.append(f'- {SHORTF[f]}:{ln} {pid} written `{meta["decor"]}` (= {P_BY_PID[pid].name})')
fx.append('\n## 省劳模 rows in D (mean 内蒙古自治区劳动模范)\n')
for pid in LINES:
    for f, ln, meta, cells in LINES[pid]:
        if meta.get('sheng'):
            fx.append(f'- D:{ln} {pid} {P_BY_PID[pid].name}')
fx.append('\n## 市直 rows in A (region column is not a place: city-level units, i.e. 包头市)\n')
for pid in LINES:
    for f, ln, meta, cells in LINES[pid]:
        if f == FILE_A and cells[-1] == '市直':
            fx.append(f'- A:{ln} {pid} {P_BY_PID[pid].name}')
fx.append('\n## People listed twice in A (two batches, two units)\n')
for pid, p in P_BY_PID.items():
    if p.a_split:
        fx.append(f'- {desc(p)}')
fx.append('\n## Birth date disagreement between files\n')
for pid, p in P_BY_PID.items():
    if p.d_birth_override:
        fx.append(f'- {pid} {p.name}: A 出生年月 {birth_a(p)}, D 出生日期 {birth_d(p)} (same person; clerical error)')
fx.append('\n## Mentors named in C (师傅) who are not in C themselves\n')
c_pids = {PID[id(p)] for _, p, _ in ROWS[FILE_C]}
for f, ln, mp in truth_m[1:]:
    if mp not in c_pids:
        fx.append(f'- C:{ln} 师傅 `{P_BY_PID[mp].name}` = {desc(P_BY_PID[mp])}')
fx.append('\n## Mentor cells naming a namesake\n')
for f, ln, mp in truth_m[1:]:
    if len(byname[P_BY_PID[mp].name]) > 1:
        fx.append(f'- C:{ln} 师傅 `{P_BY_PID[mp].name}` = {mp}')
fx.append('\n## All people (id, name, gender, birth, region, units, honors, rows)\n')
for pid in sorted(P_BY_PID):
    fx.append(f'- {desc(P_BY_PID[pid])}')
with open(os.path.join(OUT, 'tools', 'facts.md'), 'w', encoding='utf-8') as f:
    f.write('\n'.join(fx) + '\n')
with open(os.path.join(OUT, 'tools', 'notes_head.md'), encoding='utf-8') as f:
    head = f.read()
with open(os.path.join(OUT, 'NOTES.md'), 'w', encoding='utf-8') as f:
    f.write(head.rstrip('\n') + '\n\n# Generated facts (from tools/gen.py)\n\n' + '\n'.join(fx).replace('\n## ', '\n### ').replace('## Counts', '### Counts', 1) + '\n')
print('\n'.join(fx[:8]))
print('namesake people', ns_people)
