#!/usr/bin/env python3
"""Generate four synthetic honor rosters of 泉州市 plus their truth.

Deterministic: fixed seed, no clock, no environment input.
Every person, unit, phone and id is invented; place names (districts,
counties, towns, streets) are real places of 泉州市.

Run:  tools/.venv/bin/python tools/gen.py      (from the folder above tools/)
"""
import csv
import os
import random
import sys

try:
    import opencc
    _S2T = opencc.OpenCC('s2t')

    def trad(s):
        return _S2T.convert(s)
except ImportError:  # pragma: no cover
    sys.exit('needs opencc-python-reimplemented (see tools/.venv)')

SEED = 20240917
R = random.Random(SEED)
OUT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
BANNER = '# 合成数据 synthetic data — invented people, real places'

FILE_A = 'qz_zgh_laomo_mingce.csv'        # 泉州市总工会 劳模名册
FILE_B = 'qz_rsj_biaozhang_taizhang.csv'  # 泉州市人社局 表彰奖励台账
FILE_C = 'jj_zgh_gongzuoshi_chengyuan.csv'  # 晋江市总工会 创新工作室成员
FILE_D = 'fz_zgh_chunjie_weiwen_2024.csv'  # 丰泽区总工会 春节走访慰问

# ---------------------------------------------------------------- places (real)
TOWNS = {
    '鲤城区': ['开元街道', '海滨街道', '浮桥街道', '江南街道', '常泰街道', '临江街道'],
    '丰泽区': ['东海街道', '城东街道', '北峰街道', '清源街道', '华大街道', '东湖街道', '丰泽街道', '泉秀街道'],
    '洛江区': ['万安街道', '双阳街道', '河市镇', '马甲镇', '罗溪镇', '虹山乡'],
    '泉港区': ['山腰街道', '南埔镇', '界山镇', '后龙镇', '峰尾镇', '前黄镇', '涂岭镇'],
    '石狮市': ['湖滨街道', '凤里街道', '灵秀镇', '宝盖镇', '蚶江镇', '祥芝镇', '鸿山镇', '锦尚镇', '永宁镇'],
    '晋江市': ['青阳街道', '梅岭街道', '西园街道', '罗山街道', '安海镇', '磁灶镇', '陈埭镇', '池店镇', '内坑镇',
            '东石镇', '深沪镇', '金井镇', '龙湖镇', '英林镇', '永和镇', '紫帽镇'],
    '南安市': ['溪美街道', '柳城街道', '美林街道', '水头镇', '石井镇', '官桥镇', '省新镇', '洪濑镇', '英都镇',
            '码头镇', '诗山镇', '仑苍镇', '康美镇'],
    '惠安县': ['螺城镇', '螺阳镇', '崇武镇', '张坂镇', '东岭镇', '涂寨镇', '山霞镇', '净峰镇', '黄塘镇'],
    '安溪县': ['凤城镇', '城厢镇', '蓬莱镇', '感德镇', '西坪镇', '龙门镇', '湖头镇', '官桥镇', '虎邱镇', '祥华乡'],
    '永春县': ['桃城镇', '五里街镇', '蓬壶镇', '达埔镇', '岵山镇', '东平镇', '石鼓镇'],
    '德化县': ['浔中镇', '龙浔镇', '三班镇', '盖德镇', '水口镇', '雷峰镇', '上涌镇'],
}
COUNTY_SHORT = {k: k[:-1] for k in TOWNS}

# industry by county: (industry word for company name, typical roles)
INDUSTRY = {
    '晋江市': ['鞋业', '鞋材', '服装', '陶瓷', '食品', '纺织', '伞业', '机械', '包装'],
    '石狮市': ['服装', '服饰', '水产', '纺织印染', '辅料'],
    '南安市': ['石材', '水暖洁具', '建材', '机械', '阀门'],
    '惠安县': ['石雕工艺', '石材', '船舶修造', '电子'],
    '安溪县': ['茶业', '藤铁工艺', '茶叶机械'],
    '永春县': ['香业', '老醋', '食品', '纸织画工艺'],
    '德化县': ['陶瓷', '瓷业', '工艺品'],
    '泉港区': ['石化', '化工', '物流', '港务'],
    '洛江区': ['机械', '电子', '食品', '模具'],
    '鲤城区': ['机械', '电气', '印刷', '食品'],
    '丰泽区': ['电力工程', '物业服务', '软件', '建筑工程'],
}
BRAND = list('鑫泰宏锦源铭盛誉恒达隆丰协兴瑞佳宝嘉永益荣辉晟邦峻舜朗澜骏祺溢骐钧翔亿昇睿德禾茂裕钰炜')
ENT_ROLES = ['车间主任', '班长', '高级技师', '技师', '技术员', '生产总监', '总经理', '董事长', '质检员', '工程师',
             '高级工程师', '机修工', '操作工', '设计总监', '技术部经理', '工会主席', '副总经理', '研发主管']
PUB_ROLES = ['主任', '副主任', '护士长', '主任医师', '副主任医师', '教师', '校长', '党支部书记', '所长', '站长',
             '驾驶员', '环卫工人', '高级讲师', '科长']
FARM_ROLES = ['理事长', '副理事长', '社员', '技术员', '种植户', '养殖户']

SURN = (['陈'] * 16 + ['林'] * 10 + ['黄'] * 8 + ['王'] * 5 + ['张'] * 5 + ['李'] * 4 + ['吴'] * 5 + ['蔡'] * 4 +
        ['许'] * 4 + ['郑'] * 3 + ['洪'] * 3 + ['苏'] * 3 + ['庄'] * 3 + ['施'] * 3 + ['杨'] * 2 + ['刘'] * 2 +
        ['郭'] * 2 + ['曾'] * 2 + ['柯'] * 2 + ['傅'] * 2 + ['颜'] + ['肖'] + ['谢'] + ['周'] + ['叶'] + ['潘'] +
        ['戴'] + ['尤'] + ['卢'] + ['骆'] + ['康'] + ['龚'] + ['吕'] + ['孙'] + ['何'] + ['方'] + ['邱'] + ['余'] +
        ['连'] + ['留'] + ['涂'] + ['粘'] + ['丁'])
GIV_M1 = ['志强', '建华', '国栋', '明辉', '文彬', '振东', '清水', '金山', '荣辉', '建平', '少华', '锦泉', '天赐', '金水',
          '福来', '清源', '泉生', '亚坤', '火炎', '再兴', '培元', '志明', '俊杰', '晓东', '海峰', '朝阳', '永福', '炳南',
          '进财', '世杰', '家豪', '添福', '加成', '德明', '文龙', '启明', '东升', '长青', '宗泽', '一鸣', '子轩', '嘉诚',
          '毅鹏', '振华', '光辉', '顺发', '水生', '春木', '鸿斌', '锦辉', '伟鹏', '聪明', '荣华', '思远', '书恒', '耀宗',
          '坤山', '銮生', '景阳', '承志', '达明', '泽民', '奕辉', '育才', '文渊', '建设', '江海', '连生', '宝林', '泰山']
GIV_M2 = ['伟', '强', '斌', '鑫', '杰', '军', '勇', '峰', '涛', '彬', '辉', '超', '亮', '坚', '毅']
GIV_F1 = ['秀英', '丽娟', '美玲', '淑珍', '秀琴', '玉兰', '丽华', '雅琳', '婉婷', '晓燕', '惠敏', '碧霞', '秀梅', '宝珠',
          '素贞', '佩玲', '燕萍', '月华', '丽芬', '阿娥', '雪梅', '小红', '美华', '丽卿', '淑惠', '琼瑶', '秋霞', '春燕',
          '慧玲', '静怡', '梦婷', '丽贞', '婉如', '海燕', '秀治', '金花', '雅芳', '瑞琴']
GIV_F2 = ['芳', '静', '丽', '燕', '娟', '玲', '霞', '琳', '红', '敏']
# names seen in public news while studying layouts -- never produce these
BLACKLIST = {'林孝发', '许福忠', '吴阿宁', '林丽娜', '侯国建', '陈剑洪', '庄耀东', '曾旭晴', '吴金笔', '刘志军',
             '苏天恭', '陈仁海', '庄丽芬', '张剑平', '苏文连', '张文山', '陈乘顺', '洪碧清', '张彩云', '蔡明哲'}

# ------------------------------------------------------------------ honors
HON = {  # code: (full name, abbreviation as offices write it)
    'QZ_LM': ('泉州市劳动模范', '市劳模'),
    'QZ_XJ': ('泉州市先进工作者', '市先进工作者'),
    'FJ_LM': ('福建省劳动模范', '省劳模'),
    'FJ_XJ': ('福建省先进工作者', '省先进工作者'),
    'QG_LM': ('全国劳动模范', '全国劳模'),
    'QG_XJ': ('全国先进工作者', '全国先进工作者'),
    'QZ_51': ('泉州市五一劳动奖章', '市五一劳动奖章'),
    'FJ_51': ('福建省五一劳动奖章', '省五一劳动奖章'),
    'QG_51': ('全国五一劳动奖章', '全国五一劳动奖章'),
    'JJ_LM': ('晋江市劳动模范', '市劳模'),          # as written in the 晋江 list
    'JJ_51': ('晋江市五一劳动奖章', '市五一劳动奖章'),
    'FZ_LM': ('丰泽区劳动模范', '区劳模'),
}
RANK = {'QG_LM': 9, 'QG_XJ': 9, 'QG_51': 7, 'FJ_LM': 6, 'FJ_XJ': 6, 'FJ_51': 5, 'QZ_LM': 4, 'QZ_XJ': 4,
        'QZ_51': 3, 'JJ_LM': 2, 'FZ_LM': 2, 'JJ_51': 1}
YEARS_NEW = {'QZ_LM': [2013, 2018, 2023], 'QZ_XJ': [2013, 2018, 2023], 'FJ_LM': [2015, 2019, 2023],
             'FJ_XJ': [2015, 2019, 2023], 'QG_LM': [2015, 2020], 'QG_XJ': [2015, 2020],
             'QZ_51': list(range(2013, 2024)), 'FJ_51': list(range(2013, 2024)), 'QG_51': list(range(2014, 2024)),
             'JJ_LM': [2011, 2016, 2021], 'JJ_51': list(range(2014, 2024)), 'FZ_LM': [2012, 2017, 2022]}
YEARS_OLD = {'QZ_LM': [1982, 1986, 1990, 1995, 2000, 2005, 2008], 'FJ_LM': [1979, 1983, 1989, 1995, 2000, 2005, 2010],
             'QG_LM': [1989, 1995, 2000, 2005, 2010], 'QZ_XJ': [1995, 2000, 2005, 2008],
             'FJ_XJ': [1995, 2000, 2005, 2010], 'FZ_LM': [2002, 2007]}

PARTY = ['中共党员'] * 12 + ['群众'] * 6 + ['致公党党员', '民革党员', '民盟盟员', '无党派人士', '中共预备党员']
EDU = ['大学本科', '大专', '高中', '中专', '初中', '硕士研究生', '大学本科', '大专', '技工学校']

USED_NAMES = set()
PEOPLE = []  # list of dicts


def new_name(gender):
    for _ in range(1000):
        s = R.choice(SURN)
        if gender == '男':
            g = R.choice(GIV_M1) if R.random() < 0.85 else R.choice(GIV_M2)
        else:
            g = R.choice(GIV_F1) if R.random() < 0.85 else R.choice(GIV_F2)
        n = s + g
        if n not in USED_NAMES and n not in BLACKLIST:
            return n
    raise RuntimeError('names exhausted')


def brand():
    a = R.choice(BRAND)
    b = R.choice([x for x in BRAND if x != a])
    return a + b


def company(county, town=None, industry=None):
    town = town or R.choice(TOWNS[county])
    industry = industry or R.choice(INDUSTRY[county])
    b = brand()
    style = R.random()
    if style < 0.45:
        full = f'{county}{town}{b}{industry}有限公司'
    elif style < 0.75:
        full = f'福建{b}{industry}有限公司'
    else:
        full = f'泉州{b}{industry}股份有限公司' if R.random() < 0.5 else f'福建省{COUNTY_SHORT[county]}{b}{industry}有限公司'
    short = b + industry
    return {'full': full, 'short': short, 'county': county, 'town': town, 'kind': 'ent'}


def pub_unit(county, town=None):
    town = town or R.choice(TOWNS[county])
    b = brand()
    kind = R.choice(['school', 'clinic', 'community', 'bus', 'sanit', 'hospital'])
    if kind == 'school':
        full = f'{county}{town}{b}小学' if R.random() < 0.5 else f'泉州{b}实验学校'
    elif kind == 'clinic':
        full = f'{county}{town}{b}社区卫生服务站'
    elif kind == 'community':
        full = f'{county}{town}{b}社区居委会'
    elif kind == 'bus':
        full = f'泉州{b}公共交通有限公司'
    elif kind == 'sanit':
        full = f'泉州{b}环境服务有限公司'
    else:
        full = f'泉州{b}医院'
    return {'full': full, 'short': full.replace(county, '').replace('泉州', ''), 'county': county, 'town': town,
            'kind': 'pub', 'sub': kind}


def farm_unit(county, town=None):
    town = town or R.choice(TOWNS[county])
    b = brand()
    prod = {'安溪县': '茶叶', '永春县': '芦柑', '德化县': '黑鸡', '南安市': '蔬菜', '惠安县': '水产'}.get(county, '果蔬')
    full = f'{county}{town}{b}{prod}专业合作社'
    return {'full': full, 'short': f'{b}{prod}合作社', 'county': county, 'town': town, 'kind': 'farm'}


def role_for(u):
    if u['kind'] == 'ent':
        return R.choice(ENT_ROLES)
    if u['kind'] == 'farm':
        return R.choice(FARM_ROLES)
    sub = u.get('sub')
    return {'school': R.choice(['教师', '校长', '副校长', '教导主任']),
            'clinic': R.choice(['主任', '护士长', '全科医师', '副主任医师']),
            'community': R.choice(['主任', '党委书记', '网格员', '副主任']),
            'bus': R.choice(['驾驶员', '车队长', '安全员']),
            'sanit': R.choice(['环卫工人', '站长', '班长']),
            'hospital': R.choice(['主任医师', '护士长', '副主任医师', '科主任'])}.get(sub, R.choice(PUB_ROLES))


def person(name=None, gender=None, by=None, bm=None, county=None, group='other', **kw):
    gender = gender or ('男' if R.random() < 0.68 else '女')
    name = name or new_name(gender)
    USED_NAMES.add(name)
    p = {
        'name': name, 'gender': gender, 'by': by, 'bm': bm or R.randint(1, 12), 'bd': R.randint(1, 28),
        'eth': '汉族', 'party': R.choice(PARTY), 'edu': R.choice(EDU), 'county': county, 'group': group,
        'units': [], 'switch': None, 'honors': [], 'files': set(), 'phone': f'1{R.choice("3589")}{R.randint(0,9)}****{R.randint(0,9999):04d}',
        'notes': [],
    }
    p.update(kw)
    PEOPLE.append(p)
    return p


def unit_at(p, year):
    if p['switch'] and year >= p['switch']:
        return p['units'][1]
    return p['units'][0]


def add_honor(p, code, year):
    if (code, year) not in p['honors']:
        p['honors'].append((code, year))


# ======================================================== planted people (hard)
SP = {}  # tag -> person


def sp(tag, **kw):
    p = person(**kw)
    p['tag'] = tag
    SP[tag] = p
    return p


def U(full, short, county, kind='ent', town=None, sub=None):
    return {'full': full, 'short': short, 'county': county, 'town': town or '', 'kind': kind, 'sub': sub}


# -- 陈志强 x3 (very common name)
p = sp('czq_jj', name='陈志强', gender='男', by=1978, bm=4, county='晋江市', group='jj', party='中共党员')
p['units'] = [U('晋江市陈埭镇宏锦鞋业有限公司', '宏锦鞋业', '晋江市', town='陈埭镇')]
p['roles'] = ['鞋底模具车间主任']
for h in [('JJ_LM', 2016), ('QZ_LM', 2018), ('FJ_51', 2021)]:
    add_honor(p, *h)
p['leader'] = True
p = sp('czq_fz', name='陈志强', gender='男', by=1969, bm=11, county='丰泽区', group='fz_work')
p['units'] = [U('泉州瑞禾医院', '瑞禾医院', '丰泽区', 'pub', '东海街道', 'hospital')]
p['roles'] = ['主任医师']
for h in [('QZ_XJ', 2013), ('FJ_XJ', 2019)]:
    add_honor(p, *h)
p = sp('czq_na', name='陈志强', gender='男', by=1985, bm=7, county='南安市')
p['units'] = [U('南安市水头镇鼎钧石材有限公司', '鼎钧石材', '南安市', town='水头镇')]
p['roles'] = ['数控切割班长']
add_honor(p, 'FJ_51', 2021)
# -- 林秀英 x3
p = sp('lxy_ax', name='林秀英', gender='女', by=1966, bm=2, county='安溪县')
p['units'] = [U('安溪县感德镇茂禾茶叶专业合作社', '茂禾茶叶合作社', '安溪县', 'farm', '感德镇')]
p['roles'] = ['理事长']
add_honor(p, 'QZ_LM', 2013); add_honor(p, 'FJ_LM', 2015)
p = sp('lxy_fz', name='林秀英', gender='女', by=1952, bm=5, county='丰泽区', group='fz_ret')
p['units'] = [U('泉州市骐丰棉纺织厂', '骐丰棉纺厂', '丰泽区', town='城东街道')]
p['roles'] = ['挡车工']
add_honor(p, 'QZ_LM', 1982); add_honor(p, 'FJ_LM', 1989)
p = sp('lxy_ha', name='林秀英', gender='女', by=1974, bm=9, county='惠安县')
p['units'] = [U('惠安县崇武镇祺翔石雕工艺有限公司', '祺翔石雕', '惠安县', town='崇武镇')]
p['roles'] = ['雕刻师']
add_honor(p, 'QZ_LM', 2023)
# -- 黄建明 x2
p = sp('hjm_jj', name='黄建明', gender='男', by=1981, bm=3, county='晋江市', group='jj')
p['units'] = [U('晋江市磁灶镇溢盛陶瓷有限公司', '溢盛陶瓷', '晋江市', town='磁灶镇')]
p['roles'] = ['窑炉班长']
add_honor(p, 'JJ_51', 2019)
p = sp('hjm_qg', name='黄建明', gender='男', by=1972, bm=10, county='泉港区')
p['units'] = [U('福建骐翔石化有限公司', '骐翔石化', '泉港区', town='南埔镇')]
p['roles'] = ['高级技师']
add_honor(p, 'QZ_LM', 2018); add_honor(p, 'FJ_LM', 2023)
# -- 王建国 x2
p = sp('wjg_lj', name='王建国', gender='男', by=1960, bm=8, county='洛江区')
p['units'] = [U('泉州市洛江区河市镇钧源果蔬专业合作社', '钧源合作社', '洛江区', 'farm', '河市镇')]
p['roles'] = ['理事长']
add_honor(p, 'QZ_LM', 2013)
p = sp('wjg_fz', name='王建国', gender='男', by=1948, bm=1, county='丰泽区', group='fz_ret')
p['units'] = [U('泉州市恒隆机床厂', '恒隆机床厂', '丰泽区')]
p['roles'] = ['钳工']
add_honor(p, 'QZ_LM', 1990)
# -- 张伟 x2 (two-character, padded in file A)
p = sp('zw_ss', name='张伟', gender='男', by=1983, bm=6, county='石狮市')
p['units'] = [U('石狮市宝盖镇朗誉服饰有限公司', '朗誉服饰', '石狮市', town='宝盖镇')]
p['roles'] = ['设计总监']
add_honor(p, 'QZ_51', 2019)
p = sp('zw_jj', name='张伟', gender='男', by=1990, bm=12, county='晋江市', group='jj')
p['units'] = [U('晋江市陈埭镇宏锦鞋业有限公司', '宏锦鞋业', '晋江市', town='陈埭镇')]
p['roles'] = ['机修工']
add_honor(p, 'JJ_LM', 2021)
# -- 吴丽娟 x2
p = sp('wlj_lc', name='吴丽娟', gender='女', by=1979, bm=3, county='鲤城区')
p['units'] = [U('泉州市鲤城区开元街道锦澜社区居委会', '锦澜社区', '鲤城区', 'pub', '开元街道', 'community')]
p['roles'] = ['党委书记']
add_honor(p, 'QZ_XJ', 2018)
p = sp('wlj_jj', name='吴丽娟', gender='女', by=1986, bm=9, county='晋江市', group='jj')
p['units'] = [U('福建盛源食品有限公司', '盛源食品', '晋江市', town='安海镇')]
p['roles'] = ['质检员']
add_honor(p, 'QZ_51', 2022)
# -- 许文华 x2 (different gender)
p = sp('xwh_dh', name='许文华', gender='男', by=1970, bm=5, county='德化县')
p['units'] = [U('德化县浔中镇骏禾陶瓷有限公司', '骏禾陶瓷', '德化县', town='浔中镇')]
p['roles'] = ['工艺美术师']
add_honor(p, 'FJ_LM', 2015)
p = sp('xwh_fz', name='许文华', gender='女', by=1982, bm=2, county='丰泽区', group='fz_work')
p['units'] = [U('泉州市丰泽区城东街道钰德小学', '钰德小学', '丰泽区', 'pub', '城东街道', 'school')]
p['roles'] = ['教师']
add_honor(p, 'QZ_XJ', 2023)
# -- 蔡明辉 x2 ; the first changed units (晋江 -> 石狮) between two batches
p = sp('cmh_move', name='蔡明辉', gender='男', by=1975, bm=6, county='晋江市')
p['units'] = [U('晋江市池店镇炜达机械有限公司', '炜达机械', '晋江市', town='池店镇'),
              U('石狮市鸿山镇炜达精工科技有限公司', '炜达精工', '石狮市', town='鸿山镇')]
p['switch'] = 2019
p['roles'] = ['技术部经理', '总经理']
add_honor(p, 'QZ_LM', 2013); add_honor(p, 'FJ_LM', 2023)
p = sp('cmh_dh', name='蔡明辉', gender='男', by=1988, bm=1, county='德化县')
p['units'] = [U('德化县三班镇宝泰瓷业有限公司', '宝泰瓷业', '德化县', town='三班镇')]
p['roles'] = ['成型工']
add_honor(p, 'QZ_51', 2020)
# -- 郑少华 x2
p = sp('zsh_yc', name='郑少华', gender='男', by=1965, bm=4, county='永春县')
p['units'] = [U('永春县达埔镇荣德香业有限公司', '荣德香业', '永春县', town='达埔镇')]
p['roles'] = ['董事长']
add_honor(p, 'QZ_LM', 2013)
p = sp('zsh_fz', name='郑少华', gender='男', by=1977, bm=8, county='丰泽区', group='fz_work')
p['units'] = [U('泉州亿昇电力工程有限公司', '亿昇电力', '丰泽区', town='丰泽街道')]
p['roles'] = ['带电作业班班长']
add_honor(p, 'QZ_LM', 2023)
# -- 洪美玲 x2
p = sp('hml_jj', name='洪美玲', gender='女', by=1980, bm=7, county='晋江市', group='jj')
p['units'] = [U('福建盛源食品有限公司', '盛源食品', '晋江市', town='安海镇')]
p['roles'] = ['包装车间组长']
p = sp('hml_na', name='洪美玲', gender='女', by=1971, bm=12, county='南安市')
p['units'] = [U('南安市洪濑镇澜源社区卫生服务站', '澜源卫生服务站', '南安市', 'pub', '洪濑镇', 'clinic')]
p['roles'] = ['护士长']
add_honor(p, 'QZ_XJ', 2018)
# -- 陈建华 x2, both in the 晋江 studio list, different studios/units
p = sp('cjh_a', name='陈建华', gender='男', by=1976, bm=9, county='晋江市', group='jj')
p['units'] = [U('晋江市磁灶镇溢盛陶瓷有限公司', '溢盛陶瓷', '晋江市', town='磁灶镇')]
p['roles'] = ['釉料技师']
p = sp('cjh_b', name='陈建华', gender='男', by=1992, bm=3, county='晋江市', group='jj')
p['units'] = [U('晋江市东石镇锦泰伞业有限公司', '锦泰伞业', '晋江市', town='东石镇')]
p['roles'] = ['伞骨车间技术员']
add_honor(p, 'JJ_51', 2022)
# -- 李秀琴: one with rows, one only named as a retired 师傅 (no row)
p = sp('lxq_row', name='李秀琴', gender='女', by=1984, bm=5, county='石狮市')
p['units'] = [U('石狮市蚶江镇晟源水产有限公司', '晟源水产', '石狮市', town='蚶江镇')]
p['roles'] = ['加工车间主任']
add_honor(p, 'QZ_51', 2017)
p = sp('lxq_mentor', name='李秀琴', gender='女', by=1958, bm=1, county='晋江市', group='mentor_only')
p['units'] = [U('福建盛源食品有限公司', '盛源食品', '晋江市', town='安海镇')]
p['roles'] = ['退休高级技师']
# -- other mentor-only people (no rows anywhere)
p = sp('m_su', name='苏国梁', gender='男', by=1950, bm=3, county='晋江市', group='mentor_only')
p['units'] = [U('晋江市磁灶镇溢盛陶瓷有限公司', '溢盛陶瓷', '晋江市')]
p['roles'] = ['退休老窑工']
p = sp('m_ke', name='柯天佑', gender='男', by=1955, bm=10, county='晋江市', group='mentor_only')
p['units'] = [U('晋江市池店镇炜达机械有限公司', '炜达机械', '晋江市')]
p['roles'] = ['退休钳工']
# -- a national model of 晋江 who is in file A only and is the mentor of a studio leader
p = sp('qg_jj', name='施振南', gender='男', by=1963, bm=2, county='晋江市', group='other')
p['units'] = [U('福建峻邦鞋业股份有限公司', '峻邦鞋业', '晋江市', town='陈埭镇')]
p['roles'] = ['总工程师']
add_honor(p, 'FJ_LM', 2015); add_honor(p, 'QG_LM', 2020)
# -- 回族 person of 陈埭 (note glued to the name in file C)
p = sp('hui', name='丁文渊', gender='男', by=1987, bm=6, county='晋江市', group='jj', eth='回族')
p['units'] = [U('晋江市陈埭镇峻邦鞋材有限公司', '峻邦鞋材', '晋江市', town='陈埭镇')]
p['roles'] = ['大底车间技术员']
add_honor(p, 'QZ_51', 2021)
# -- birth month differs between A and B (data-entry slip), same person
p = sp('bm_slip', name='骆雅芳', gender='女', by=1976, bm=3, county='鲤城区')
p['units'] = [U('泉州翔瑞电气有限公司', '翔瑞电气', '鲤城区', town='常泰街道')]
p['roles'] = ['质量部经理']
add_honor(p, 'QZ_LM', 2018); add_honor(p, 'FJ_LM', 2023)
p['bm_b'] = 8
# -- unit written long in one list, short alias in another + promoted
p = sp('alias', name='庄锦辉', gender='男', by=1979, bm=11, county='晋江市', group='jj')
p['units'] = [U('晋江市陈埭镇峻邦鞋材有限公司', '峻邦鞋材', '晋江市', town='陈埭镇')]
p['roles'] = ['技术员', '研发中心主任']
p['switch_role'] = 2020
add_honor(p, 'QZ_LM', 2018); add_honor(p, 'JJ_LM', 2016)
p['leader'] = True
# -- Fengze worker who moved to a 鲤城 unit (A old unit, B/D new)
p = sp('fz_move', name='颜婉婷', gender='女', by=1983, bm=4, county='丰泽区', group='fz_work')
p['units'] = [U('泉州市丰泽区东湖街道骐禾社区卫生服务站', '骐禾社区卫生服务站', '丰泽区', 'pub', '东湖街道', 'clinic'),
              U('泉州市鲤城区浮桥街道锦誉社区卫生服务站', '锦誉社区卫生服务站', '鲤城区', 'pub', '浮桥街道', 'clinic')]
p['switch'] = 2021
p['roles'] = ['护士长', '主任']
add_honor(p, 'QZ_XJ', 2018); add_honor(p, 'FJ_XJ', 2023)

# ======================================================== random population
def rand_group(group, n):
    out = []
    for _ in range(n):
        if group == 'jj':
            county = '晋江市'
            by = R.randint(1968, 1996)
            p = person(county=county, by=by, group=group)
            p['units'] = [None]  # filled when studios are built
            out.append(p)
        elif group == 'fz_ret':
            p = person(county='丰泽区', by=R.randint(1934, 1960), group=group)
            u = company('丰泽区') if R.random() < 0.6 else pub_unit('丰泽区')
            # old state enterprises
            if u['kind'] == 'ent':
                b = brand()
                u = U(f'泉州市{b}{R.choice(["机械厂", "纺织厂", "食品厂", "电机厂", "陶瓷厂", "化工厂", "运输公司"])}',
                      '', '丰泽区')
                u['short'] = u['full'].replace('泉州市', '')
            p['units'] = [u]
            p['roles'] = [R.choice(['车工', '钳工', '挡车工', '技术员', '厂长', '班组长', '电工'])] if u['kind'] == 'ent' \
                else [role_for(u)]
            p['edu'] = R.choice(['小学', '初中', '初中', '高中', '中专', '大专'])
            codes = R.choices(['QZ_LM', 'FJ_LM', 'QG_LM', 'QZ_XJ', 'FJ_XJ'], [5, 4, 1, 2, 1])[0]
            def ok_years(c):
                ys = [y for y in YEARS_OLD[c] if p['by'] + 24 <= y <= p['by'] + 58]
                return ys or [min(YEARS_OLD[c], key=lambda y: abs(y - p['by'] - 40))]
            add_honor(p, codes, R.choice(ok_years(codes)))
            if R.random() < 0.3:
                c2 = R.choice([c for c in ['FJ_LM', 'QZ_LM', 'FZ_LM'] if c != codes])
                add_honor(p, c2, R.choice(ok_years(c2)))
            out.append(p)
        elif group == 'fz_work':
            p = person(county='丰泽区', by=R.randint(1966, 1992), group=group)
            u = pub_unit('丰泽区') if R.random() < 0.55 else company('丰泽区')
            p['units'] = [u]
            p['roles'] = [role_for(u)]
            c = 'QZ_XJ' if u['kind'] == 'pub' else 'QZ_LM'
            add_honor(p, c, R.choice(YEARS_NEW[c]))
            r = R.random()
            if r < 0.25:
                c2 = 'FJ_XJ' if u['kind'] == 'pub' else 'FJ_LM'
                add_honor(p, c2, R.choice([y for y in YEARS_NEW[c2] if y > p['honors'][0][1]] or [2023]))
            elif r < 0.45:
                add_honor(p, 'FZ_LM', R.choice(YEARS_NEW['FZ_LM']))
            elif r < 0.6:
                add_honor(p, 'QZ_51', R.randint(2013, 2023))
            out.append(p)
        else:
            county = R.choice(['鲤城区', '洛江区', '泉港区', '石狮市', '南安市', '惠安县', '安溪县', '永春县', '德化县',
                               '晋江市', '南安市', '石狮市', '鲤城区'])
            p = person(county=county, by=R.randint(1962, 1995), group='other')
            r = R.random()
            u = company(county) if r < 0.6 else (pub_unit(county) if r < 0.85 else farm_unit(county))
            p['units'] = [u]
            p['roles'] = [role_for(u)]
            pub = u['kind'] == 'pub'
            r = R.random()
            if r < 0.45:
                c = 'QZ_XJ' if pub else 'QZ_LM'
                add_honor(p, c, R.choice(YEARS_NEW[c]))
                if R.random() < 0.3:
                    c2 = 'FJ_XJ' if pub else 'FJ_LM'
                    ys = [y for y in YEARS_NEW[c2] if y > p['honors'][0][1]]
                    if ys:
                        add_honor(p, c2, R.choice(ys))
            elif r < 0.6:
                c = 'FJ_XJ' if pub else 'FJ_LM'
                add_honor(p, c, R.choice(YEARS_NEW[c]))
            elif r < 0.8:
                add_honor(p, 'QZ_51', R.randint(2013, 2023))
            elif r < 0.95:
                add_honor(p, 'FJ_51', R.randint(2013, 2023))
            else:
                add_honor(p, 'QG_51', R.randint(2014, 2023))
            if R.random() < 0.15 and not any(c.endswith('51') for c, _ in p['honors']):
                add_honor(p, R.choice(['QZ_51', 'FJ_51']), R.randint(2013, 2023))
            if R.random() < 0.03:
                add_honor(p, 'QG_XJ' if pub else 'QG_LM', 2020)
            # changed units
            if R.random() < 0.07:
                c2 = R.choice(list(TOWNS))
                p['units'].append(company(c2) if not pub else pub_unit(c2))
                p['roles'].append(role_for(p['units'][1]))
                p['switch'] = R.choice([2017, 2019, 2021])
            out.append(p)
    return out


JJ = rand_group('jj', 52)
FZR = rand_group('fz_ret', 24)
FZW = rand_group('fz_work', 24)
OTH = rand_group('other', 110)

# ------------------------------------------------------------ 晋江 studios
jj_people = [p for p in PEOPLE if p['group'] == 'jj']
jj_ent_units = []
for town, ind in [('陈埭镇', '鞋业'), ('磁灶镇', '陶瓷'), ('安海镇', '食品'), ('东石镇', '伞业'), ('池店镇', '机械'),
                  ('深沪镇', '纺织'), ('英林镇', '服装'), ('龙湖镇', '包装'), ('内坑镇', '鞋材'), ('金井镇', '纺织')]:
    jj_ent_units.append(company('晋江市', town, ind))
leaders = [SP['czq_jj'], SP['alias']]
rest = [p for p in jj_people if p not in leaders and p['units'] and p['units'][0] is None]
R.shuffle(rest)
while len(leaders) < 11:
    leaders.append(rest.pop())
STUDIOS = []
for i, L in enumerate(leaders):
    if L['units'][0] is None:
        L['units'] = [jj_ent_units[i % len(jj_ent_units)]]
        L['roles'] = [R.choice(['高级技师', '车间主任', '技术部经理', '高级工程师', '生产总监'])]
        add_honor(L, 'JJ_LM', R.choice(YEARS_NEW['JJ_LM']))
        if R.random() < 0.7:
            add_honor(L, 'QZ_LM', R.choice([2013, 2018, 2023]))
        if R.random() < 0.3:
            add_honor(L, 'FJ_51', R.randint(2015, 2023))
    L['leader'] = True
    has_lm = any(c in ('QZ_LM', 'FJ_LM', 'JJ_LM') for c, _ in L['honors'])
    sname = f'{L["name"]}劳模创新工作室' if has_lm else f'{L["units"][0]["short"]}技能大师工作室'
    STUDIOS.append({'name': sname, 'leader': L, 'members': [], 'unit': L['units'][0]})
# planted members
st_czq = STUDIOS[0]
st_alias = STUDIOS[1]
st_czq['members'] += [SP['zw_jj'], SP['hui']]
STUDIOS[2]['members'] += [SP['hjm_jj'], SP['cjh_a']]
STUDIOS[3]['members'] += [SP['wlj_jj'], SP['hml_jj']]
STUDIOS[4]['members'] += [SP['cjh_b']]
for i, p in enumerate(rest):
    st = STUDIOS[i % len(STUDIOS)]
    st['members'].append(p)
for st in STUDIOS:
    for m in st['members']:
        if m['units'] and m['units'][0] is None:
            u = st['unit'] if R.random() < 0.8 else jj_ent_units[R.randrange(len(jj_ent_units))]
            m['units'] = [u]
            m['roles'] = [R.choice(['技术员', '操作工', '班长', '质检员', '机修工', '技师', '设计师', '工艺员'])]
            r = R.random()
            if r < 0.25:
                add_honor(m, 'JJ_LM', R.choice(YEARS_NEW['JJ_LM']))
            elif r < 0.45:
                add_honor(m, 'JJ_51', R.randint(2014, 2023))
            elif r < 0.55:
                add_honor(m, 'QZ_51', R.randint(2014, 2023))
# a few people in two studios (second membership), one leader also member elsewhere
extra_member = [(STUDIOS[5], STUDIOS[6]['members'][0]), (STUDIOS[7], STUDIOS[8]['members'][1]),
                (STUDIOS[0], STUDIOS[2]['leader']), (STUDIOS[9], STUDIOS[3]['members'][2])]
for st, p in extra_member:
    st['members'].append(p)
# one 晋江 member who changed company (A has old unit, C has the new one)
mover = STUDIOS[6]['members'][1]
mover['units'] = [company('晋江市', '内坑镇', '鞋材')] + mover['units']
mover['roles'] = ['班长'] + mover['roles']
mover['switch'] = 2020
add_honor(mover, 'QZ_LM', 2018)
mover['tag'] = 'jj_move'
SP['jj_move'] = mover

# mentors (师傅) per studio membership
MENTOR_OF = {}  # (studio index, mentee id(obj)) -> mentor person
for si, st in enumerate(STUDIOS):
    for j, m in enumerate(st['members']):
        if m is st['leader']:
            continue
        r = R.random()
        if r < 0.55:
            MENTOR_OF[(si, id(m))] = st['leader']
        elif r < 0.7 and j > 0 and st['members'][0] is not m:
            MENTOR_OF[(si, id(m))] = st['members'][0]
        # else no mentor written
# planted mentor links
MENTOR_OF[(0, id(SP['zw_jj']))] = SP['czq_jj']             # 师傅 陈志强 (one of three 陈志强)
MENTOR_OF[(0, id(SP['hui']))] = SP['czq_jj']
MENTOR_OF[(3, id(SP['hml_jj']))] = SP['lxq_mentor']        # retired 李秀琴, no row (namesake has rows)
MENTOR_OF[(3, id(SP['wlj_jj']))] = SP['lxq_mentor']
MENTOR_OF[(2, id(SP['hjm_jj']))] = SP['m_su']              # retired, no row
MENTOR_OF[(2, id(SP['cjh_a']))] = SP['m_su']
LEADER_MENTOR = {0: SP['qg_jj'], 1: SP['qg_jj'], 4: SP['m_ke'], 2: SP['m_su']}

# ------------------------------------------------------------ file membership
for p in PEOPLE:
    g = p['group']
    if g == 'mentor_only':
        continue
    a_h = [h for h in p['honors'] if h[0][:2] in ('QZ', 'FJ', 'QG') and h[1] >= 2013]
    b_h = [h for h in p['honors'] if h[0][3:] in ('LM', 'XJ') and h[0][:2] in ('QZ', 'FJ', 'QG')]
    if a_h and (g != 'jj' or R.random() < 0.9):
        p['files'].add('A')
    if b_h:
        if g == 'fz_ret' and R.random() < 0.5:
            p['files'].add('B')
        elif g in ('other', 'fz_work') and R.random() < 0.5:
            p['files'].add('B')
        elif g == 'jj' and R.random() < 0.3:
            p['files'].add('B')
    if g == 'jj':
        p['files'].add('C')
    if g in ('fz_ret', 'fz_work'):
        p['files'].add('D')
    if not p['files']:
        p['files'].add('A' if a_h else 'B')
# forced memberships for planted cases
for tag, fs in {'czq_jj': 'AC', 'czq_fz': 'ABD', 'czq_na': 'A', 'lxy_ax': 'AB', 'lxy_fz': 'BD', 'lxy_ha': 'A',
                'hjm_jj': 'C', 'hjm_qg': 'AB', 'wjg_lj': 'AB', 'wjg_fz': 'BD', 'zw_ss': 'A', 'zw_jj': 'C',
                'wlj_lc': 'AB', 'wlj_jj': 'AC', 'xwh_dh': 'AB', 'xwh_fz': 'ABD', 'cmh_move': 'AB', 'cmh_dh': 'A',
                'zsh_yc': 'A', 'zsh_fz': 'ABD', 'hml_jj': 'C', 'hml_na': 'AB', 'cjh_a': 'C', 'cjh_b': 'C',
                'lxq_row': 'A', 'qg_jj': 'A', 'hui': 'AC', 'bm_slip': 'AB', 'alias': 'ABC', 'fz_move': 'ABD',
                'jj_move': 'AC'}.items():
    SP[tag]['files'] = set(fs)
for tag in ('lxq_mentor', 'm_su', 'm_ke'):
    SP[tag]['files'] = set()

# ids
for i, p in enumerate(PEOPLE, 1):
    p['pid'] = f'P{i:04d}'
    p.setdefault('roles', ['技术员'])
    p.setdefault('tag', '')
    while len(p['roles']) < len(p['units']):
        p['roles'].append(p['roles'][-1])


def role_at(p, year):
    if p.get('switch') and year >= p['switch'] and len(p['roles']) > 1:
        return p['roles'][1]
    if p.get('switch_role') and year >= p['switch_role']:
        return p['roles'][1]
    return p['roles'][0]


def cur_unit(p):
    return p['units'][-1]


def cur_role(p):
    return role_at(p, 2024)


def pad(name):
    return name[0] + '\u3000' + name[1] if len(name) == 2 else name


TRUTH = []  # (file, line, pid)


def write(fname, rows_with_pid, preamble):
    """preamble: list of raw rows (lists) written before the data; header last."""
    path = os.path.join(OUT, fname)
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write(BANNER + '\n')
        w = csv.writer(f, lineterminator='\n')
        line = 1
        for r in preamble:
            w.writerow(r)
            line += 1
        for pid, r in rows_with_pid:
            for cell in r:
                assert '\n' not in str(cell)
            w.writerow(r)
            line += 1
            TRUTH.append((fname, line, pid))


# ================================================================ FILE A
# 泉州市总工会 劳动模范（先进工作者）及五一劳动奖章获得者名册, concatenated batches.
A_items = []
for p in PEOPLE:
    if 'A' not in p['files']:
        continue
    hs = sorted([h for h in p['honors'] if h[0][:2] in ('QZ', 'FJ', 'QG') and h[1] >= 2013], key=lambda h: h[1])
    if not hs:
        continue
    for h in hs:
        A_items.append((h[1], -RANK[h[0]], R.random(), p, h))
A_items.sort(key=lambda t: t[:3])
A_rows = []
HONOR_STYLE_A = {'QZ_LM': 0.35, 'QZ_XJ': 0.4, 'FJ_LM': 0.5, 'FJ_XJ': 0.3, 'QG_LM': 0.5, 'QZ_51': 0.5, 'FJ_51': 0.6}
for n, (y, _, _, p, h) in enumerate(A_items, 1):
    code = h[0]
    full, abbr = HON[code]
    hon = abbr if R.random() < HONOR_STYLE_A.get(code, 0) else full
    u = unit_at(p, y)
    bm = p['bm']
    note = ''
    if p['tag'] == 'fz_move' and y >= 2021:
        note = '原泉州市丰泽区东湖街道骐禾社区卫生服务站护士长'
    elif p['group'] == 'fz_ret':
        note = '已退休'
    if p['tag'] == 'alias':
        unit_txt = u['full'] + role_at(p, y)
    else:
        unit_txt = (u['full'] if R.random() < 0.93 else u['full'].replace('有限公司', '')) + role_at(p, y)
    A_rows.append((p['pid'], [n, pad(p['name']), p['gender'], f'{p["by"]}.{bm:02d}', p['eth'], p['party'], unit_txt,
                              hon, y, u['county'], note]))
write(FILE_A, A_rows, [
    ['泉州市劳动模范（先进工作者）及五一劳动奖章获得者名册（2013—2023年）'] + [''] * 10,
    ['序号', '姓名', '性别', '出生年月', '民族', '政治面貌', '工作单位及职务', '荣誉称号', '授予年份', '县（市、区）', '备注'],
])

# ================================================================ FILE B
# 泉州市人力资源和社会保障局 表彰奖励台账: one row per award, 编号 repeats per person,
# some rows pasted again from a traditional-script source (no 编号).
B_people = [p for p in PEOPLE if 'B' in p['files']]
R.shuffle(B_people)
bno = {}
B_items = []
for k, p in enumerate(B_people):
    bno[p['pid']] = f'QZRS{R.randint(1, 9)}{k + 101:03d}'
    hs = [h for h in p['honors'] if h[0][3:] in ('LM', 'XJ') and h[0][:2] in ('QZ', 'FJ', 'QG')]
    if not hs:  # forced into B without a qualifying honour: take the first honor anyway
        hs = p['honors'][:1]
    for h in hs:
        B_items.append((h[1], R.random(), p, h))
B_items.sort(key=lambda t: t[:2])


def bdate(p, style, bm=None):
    bm = bm or p['bm']
    if style == 0:
        return f'{p["by"]}-{bm:02d}-{p["bd"]:02d}'
    if style == 1:
        return f'{p["by"]}.{bm}'
    return f'{p["by"]}年{bm}月'


B_rows = []
trad_pool = []
for y, _, p, h in B_items:
    code = h[0]
    full, abbr = HON[code]
    if code[:2] == 'QZ':
        hon = full
    else:
        hon = abbr if R.random() < 0.6 else full
    u = unit_at(p, y)
    name = p['name']
    if R.random() < 0.05:
        name = name + '同志'
    bm = p.get('bm_b', p['bm'])
    note = ''
    if y < 2000:
        note = '据档案补录'
    row = [bno[p['pid']], name, p['gender'], bdate(p, R.choice([0, 0, 1, 2]), bm), p['edu'], u['full'],
           role_at(p, y), hon, y, u['county'], p['phone'] if y >= 2013 else '', note]
    B_rows.append((p['pid'], row))
    trad_pool.append((p, row))
# planted: 同志 on the 丰泽 陈志强 in B; traditional-script copies
for pid, row in B_rows:
    if pid == SP['czq_fz']['pid']:
        row[1] = '陈志强同志'
        break
cands = [t for t in trad_pool if trad(t[0]['name']) != t[0]['name'] and t[1][8] >= 2013]
R.shuffle(cands)
tcopies = cands[:7]
# also one traditional copy whose name does not change in traditional script
same = [t for t in trad_pool if trad(t[0]['name']) == t[0]['name'] and t[1][8] >= 2013]
if same:
    tcopies.append(R.choice(same))
for p, row in tcopies:
    r2 = [''] + [trad(str(c)) if isinstance(c, str) else c for c in row[1:]]
    r2[1] = trad(p['name'])
    r2[10] = ''
    r2[11] = '（繁體稿重錄）'
    B_rows.append((p['pid'], r2))
write(FILE_B, B_rows, [
    ['编号', '姓名', '性别', '出生日期', '学历', '单位名称', '职务职称', '称号', '年度', '地区', '联系电话', '备注'],
])

# ================================================================ FILE C
# 晋江市总工会 劳模（职工）创新工作室成员名单: no 地区 column, 市劳模 here = 晋江市劳模.
C_rows = []
n = 0
SPACE_NAMES = {SP['cjh_b']['pid']}
for si, st in enumerate(STUDIOS):
    L = st['leader']
    order = [L] + [m for m in st['members'] if m is not L]
    for m in order:
        n += 1
        is_leader = m is L
        hons = []
        for code, y in sorted(m['honors'], key=lambda h: (-RANK[h[0]], h[1])):
            if code == 'JJ_LM':
                hons.append(R.choice(['市劳模', '市劳模', '晋江市劳模', '县级劳模']) + (f'（{y}）' if R.random() < 0.3 else ''))
            elif code == 'JJ_51':
                hons.append('市五一劳动奖章')
            elif code == 'QZ_LM':
                hons.append(R.choice(['泉州市劳模', '泉州市劳动模范']))
            elif code == 'QZ_51':
                hons.append('泉州市五一劳动奖章')
            elif code == 'FJ_LM':
                hons.append('省劳模')
            elif code == 'FJ_51':
                hons.append('省五一劳动奖章')
            elif code == 'QG_LM':
                hons.append('全国劳模')
        mentor = ''
        if is_leader and si in LEADER_MENTOR:
            mentor = LEADER_MENTOR[si]
        elif not is_leader:
            mentor = MENTOR_OF.get((si, id(m)), '')
        mname = ''
        if mentor:
            mname = mentor['name']
            if mentor['group'] == 'mentor_only' and R.random() < 0.5:
                mname += '（已退休）'
        name = m['name']
        if m['tag'] == 'hui':
            name = name + '（回族）'
        elif m['pid'] in SPACE_NAMES:
            name = name[0] + ' ' + name[1:]
        u = cur_unit(m)
        unit_txt = u['short'] if R.random() < 0.6 else u['full']
        if m['tag'] == 'alias':
            unit_txt = '峻邦鞋材'
        sector = {'鞋': '制鞋', '陶': '建筑陶瓷', '食': '食品加工', '伞': '伞业', '机': '机械制造', '纺': '纺织',
                  '服': '服装', '包': '包装印刷'}
        sec = next((v for k, v in sector.items() if k in u['short']), '制造业')
        C_rows.append((m['pid'], [n, st['name'], name, m['gender'], '领衔人' if is_leader else '成员', mname, unit_txt,
                                  cur_role(m), '、'.join(hons), sec, m['phone']]))
write(FILE_C, C_rows, [
    ['晋江市劳模（职工）创新工作室成员名单'] + [''] * 10,
    ['序号', '工作室名称', '姓名', '性别', '工作室职务', '师傅', '工作单位', '岗位', '荣誉', '行业', '手机号码'],
])

# ================================================================ FILE D
# 丰泽区总工会 2024年春节走访慰问劳模名单: no unit, no gender column ((女) glued), titles glued.
D_people = [p for p in PEOPLE if 'D' in p['files']]
D_people.sort(key=lambda p: (p['group'] != 'fz_ret', min(y for _, y in p['honors']), R.random()))
D_rows = []
XQ = [brand() + s for s in ['花园', '新村', '小区', '公寓', '花园', '苑']]


def d_hon(code, y):
    if code == 'QZ_LM':
        s = R.choice(['泉州市劳模', '泉州市劳动模范'])
    elif code == 'QZ_XJ':
        s = '泉州市先进工作者'
    elif code == 'FJ_LM':
        s = R.choice(['省劳模', '福建省劳动模范', '省劳模'])
    elif code == 'FJ_XJ':
        s = '省先进工作者'
    elif code == 'QG_LM':
        s = '全国劳模'
    elif code == 'FZ_LM':
        s = '区劳模'
    elif code == 'QZ_51':
        s = '泉州市五一劳动奖章'
    else:
        s = HON[code][0]
    return s


n = 0
for p in D_people:
    n += 1
    hs = sorted(p['honors'], key=lambda h: -RANK[h[0]])
    style = R.random()
    if style < 0.2:
        hon = '、'.join(f'{y}年{d_hon(c, y)}' for c, y in hs)
        yrs = ''
    else:
        hon = '、'.join(d_hon(c, y) for c, y in hs)
        yrs = '、'.join(str(y) for _, y in hs)
    name = p['name']
    top = hs[0][0]
    if R.random() < 0.12 and top in ('FJ_LM', 'QG_LM'):
        name = HON[top][1] + name
    elif len(name) == 2 and R.random() < 0.5:
        name = pad(name)
    if p['gender'] == '女' and R.random() < 0.75:
        name = name + '（女）'
    town = R.choice(TOWNS['丰泽区'])
    addr = f'丰泽区{town}{R.choice(XQ)}{R.randint(1, 30)}幢{R.randint(1, 18)}0{R.randint(1, 4)}室'
    if p['group'] == 'fz_ret':
        money = R.choice([1000, 1000, 1500, 2000]) if top in ('FJ_LM', 'QG_LM') else 800
        note = R.choice(['退休', '已退休', '退休，独居', '困难劳模', '退休'])
        if R.random() < 0.3:
            note += f'，原{p["units"][0]["full"]}{p["roles"][0]}'
    else:
        money = 800
        note = R.choice(['在职', '', '', '在职'])
    D_rows.append((p['pid'], [n, name, f'{p["by"]}.{p["bm"]:02d}', hon, yrs, addr, p['phone'], money, note], p))
# planted: glued title + (女) on the retired 林秀英; 全国劳模 glue on another
for pid, row, p in D_rows:
    if p['tag'] == 'lxy_fz':
        row[1] = '省劳模林秀英（女）'
    if p['tag'] == 'xwh_fz':
        row[1] = '许文华（女）'
# traditional-script copies appended by a 街道 that re-submitted its names
tc = [t for t in D_rows if t[2]['group'] == 'fz_ret']
R.shuffle(tc)
tc = tc[:5] + [t for t in D_rows if t[2]['tag'] == 'lxy_fz']
extra = []
for pid, row, p in tc:
    n += 1
    r2 = [n] + [trad(c) if isinstance(c, str) else c for c in row[1:]]
    r2[8] = (r2[8] + '；' if r2[8] else '') + '街道補報'
    extra.append((pid, r2, p))
D_rows += extra
write(FILE_D, [(pid, r) for pid, r, _ in D_rows], [
    ['丰泽区总工会2024年春节走访慰问劳动模范名单'],
    ['序号', '姓名', '出生年月', '荣誉称号', '获评年份', '家庭住址', '联系电话', '慰问标准（元）', '备注'],
])

# ================================================================ truth
with open(os.path.join(OUT, 'truth.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['file', 'line', 'person'])
    for t in TRUTH:
        w.writerow(t)
links = set()
for si, st in enumerate(STUDIOS):
    for m in st['members']:
        if m is st['leader']:
            continue
        mt = MENTOR_OF.get((si, id(m)))
        if mt:
            links.add((mt['pid'], m['pid']))
    if si in LEADER_MENTOR:
        links.add((LEADER_MENTOR[si]['pid'], st['leader']['pid']))
with open(os.path.join(OUT, 'truth_mentors.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['mentor_person', 'mentee_person'])
    for l in sorted(links):
        w.writerow(l)
# debug listing of the invented people (canonical name, birth, tag) for the checker and NOTES
with open(os.path.join(OUT, 'tools', 'persons_debug.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['person', 'name', 'gender', 'birth', 'group', 'tag', 'files', 'units', 'honors'])
    for p in PEOPLE:
        w.writerow([p['pid'], p['name'], p['gender'], f'{p["by"]}.{p["bm"]:02d}', p['group'], p['tag'],
                    ''.join(sorted(p['files'])), ' | '.join(u['full'] for u in p['units']),
                    '、'.join(f'{y}{HON[c][0]}' for c, y in p['honors'])])

# summary
from collections import Counter, defaultdict
per_file = Counter(t[0] for t in TRUTH)
people_rows = {t[2] for t in TRUTH}
names = defaultdict(set)
for p in PEOPLE:
    if p['pid'] in people_rows:
        names[p['name']].add(p['pid'])
shared = sum(len(v) for v in names.values() if len(v) > 1)
print('rows per file', dict(per_file), 'total', len(TRUTH))
print('people with rows', len(people_rows), 'sharing an exact name', shared,
      f'({shared / len(people_rows):.1%})', 'mentor links', len(links))
print('namesake groups', {k: len(v) for k, v in names.items() if len(v) > 1})
