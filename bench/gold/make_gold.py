"""How the gold files were written: a compact spec per text -> bench/gold/<name>.json.
The JSON files are the gold; this script only documents and regenerates them.

    .venv/bin/python bench/gold/make_gold.py
"""
import json, re
from pathlib import Path
OUT = Path(__file__).resolve().parent

def build(slug, text_path, meta, ents, facts, aggs=()):
    types = {}
    entities = []
    for line in ents.strip().splitlines():
        t, names = line.split(":", 1)
        for n in names.split("|"):
            n = n.strip()
            if n:
                assert n not in types, n
                types[n] = t.strip(); entities.append({"type": t.strip(), "name": n})
    fs = []
    for line in facts.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("#"): continue
        m = re.fullmatch(r"(\w+) (.+?) > (.+?)(?: @(\d{4}))?", line)
        assert m, line
        ft, s, o, y = m.groups()
        assert s in types and o in types, line
        fs.append({"type": ft, "subject": {"type": types[s], "name": s}, "object": {"type": types[o], "name": o}, "year": int(y) if y else None})
    ag = [dict(zip(("honor", "count", "recipientKind", "region", "year"), a)) for a in aggs]
    (OUT / f"{slug}.json").write_text(json.dumps({"text": text_path, "meta": meta, "entities": entities, "facts": fs, "aggregates": ag}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(slug, len(entities), len(fs), len(ag))

build("jiaxing-model-workers-2023", "seed/jiaxing-model-workers-2023.txt",
 {"title": "深刻领悟红船精神 释放劳模引领力量——嘉兴市劳模协会为劳模建功立业搭好平台载体", "publisher": "嘉兴市劳模协会", "date": "2023"},
 """
Person: 张继东|庞珍妮|杨开九|王金良|孙军|柴金甫|朱雪山
Unit: 嘉兴市劳模协会|南湖区劳模协会|南湖区总工会|国网嘉兴供电公司|嘉兴市总工会|嘉兴集团|嘉兴技师学院|嘉兴技师学院人工智能系|嘉兴劳模工匠学院|嘉善县总工会|嘉兴市第二医院|海盐县劳模协会|海盐县总工会|海宁市劳模协会|嘉兴市劳模办|嘉善县传媒中心|长城汽车股份有限公司|长城汽车股份有限公司平湖分公司|长城汽车股份有限公司平湖分公司总装车间|平湖劳模工匠学院
Honor: 全国劳动模范|全国先进工作者|享受全国劳动模范待遇|全国五一劳动奖章|全国五一劳动奖状|全国工人先锋号|浙江省五一劳动奖状|浙江省五一劳动奖章|浙江省工人先锋号|嘉兴市劳动模范|嘉兴市先进集体|嘉兴市五一劳动奖状|嘉兴市五一劳动奖章|嘉兴市工人先锋号|浙江工匠|嘉兴良匠|嘉兴大工匠|屏聚英才杰出贡献奖
Project: 劳模入网格 繁星耀南湖|东西协作茵红李全产业链增收|浙江工匠培育工程|嘉兴良匠培育工程
Region: 南湖区|嘉兴市|嘉善县|桐乡市|四川省|宜宾市|屏山县
""", """
RECEIVED 张继东 > 全国劳动模范
RECEIVED 杨开九 > 全国五一劳动奖章
RECEIVED 王金良 > 全国先进工作者
RECEIVED 王金良 > 屏聚英才杰出贡献奖
# 来自嘉兴技师学院人工智能系…的学生: the most specific unit, a department PART_OF its college (rules: Units glued together)
WORKS_AT 庞珍妮 > 嘉兴技师学院人工智能系
PART_OF 嘉兴技师学院人工智能系 > 嘉兴技师学院
ASSIGNED_TO 王金良 > 屏山县 @2018
PARTICIPATES_IN 王金良 > 东西协作茵红李全产业链增收
PARTICIPATES_IN 南湖区劳模协会 > 劳模入网格 繁星耀南湖
PARTICIPATES_IN 南湖区总工会 > 劳模入网格 繁星耀南湖
PART_OF 宜宾市 > 四川省
PART_OF 屏山县 > 宜宾市
PART_OF 长城汽车股份有限公司平湖分公司 > 长城汽车股份有限公司
PART_OF 长城汽车股份有限公司平湖分公司总装车间 > 长城汽车股份有限公司平湖分公司
""", [
 ("全国五一劳动奖状", 2, "unit", "嘉兴市", 2022), ("全国五一劳动奖章", 7, "person", "嘉兴市", 2022),
 ("全国工人先锋号", 5, "team", "嘉兴市", 2022), ("浙江省五一劳动奖状", 11, "unit", "嘉兴市", 2022),
 ("浙江省五一劳动奖章", 27, "person", "嘉兴市", 2022), ("浙江省工人先锋号", 34, "team", "嘉兴市", 2022),
 ("嘉兴市劳动模范", 120, "person", "嘉兴市", 2022), ("嘉兴市先进集体", 37, "unit", "嘉兴市", 2022),
 ("嘉兴市五一劳动奖状", 8, "unit", "嘉兴市", 2022), ("嘉兴市五一劳动奖章", 20, "person", "嘉兴市", 2022),
 ("嘉兴市工人先锋号", 50, "team", "嘉兴市", 2022)])

build("mentorship-welding", "bench/gold/texts/mentorship-welding.txt", {"title": "一根焊枪传三代 师徒接力铸匠心"},
"""
Person: 沈国华|陆建平|吴晓燕|钱磊
Unit: 浙江恒力机械有限公司|浙江恒力机械有限公司焊接车间|嘉兴技师学院
Honor: 全国劳动模范|浙江工匠|全国技术能手|浙江省劳动模范|嘉兴市五一劳动奖章|嘉兴良匠|全国工人先锋号
Studio: 沈国华技能大师工作室
Region: 嘉兴市|秀洲区
""", """
PART_OF 秀洲区 > 嘉兴市
LOCATED_IN 浙江恒力机械有限公司 > 秀洲区
PART_OF 浙江恒力机械有限公司焊接车间 > 浙江恒力机械有限公司
WORKS_AT 沈国华 > 浙江恒力机械有限公司 @1985
WORKS_AT 陆建平 > 浙江恒力机械有限公司焊接车间
MENTORS 沈国华 > 陆建平 @1998
MENTORS 陆建平 > 吴晓燕
MENTORS 陆建平 > 钱磊
RECEIVED 沈国华 > 全国劳动模范
RECEIVED 沈国华 > 浙江工匠
RECEIVED 陆建平 > 全国技术能手 @2009
RECEIVED 陆建平 > 浙江省劳动模范 @2016
RECEIVED 吴晓燕 > 嘉兴市五一劳动奖章 @2021
RECEIVED 钱磊 > 嘉兴良匠 @2022
RECEIVED 浙江恒力机械有限公司焊接车间 > 全国工人先锋号 @2023
LEADS 沈国华 > 沈国华技能大师工作室
""")

build("studio-patents", "bench/gold/texts/studio-patents.txt", {"title": "张海峰劳模创新工作室：小团队攻克大难题"},
"""
Person: 张海峰|李婷婷|周志刚|郑凯
Unit: 巨石集团有限公司|巨石集团有限公司玻纤研究院
Studio: 张海峰劳模创新工作室
Honor: 浙江省劳动模范|浙江省五一劳动奖章|桐乡市劳动模范|全国五一劳动奖状|全国示范性劳模和工匠人才创新工作室
Project: 漏板寿命提升
Region: 桐乡市
""", """
LOCATED_IN 巨石集团有限公司 > 桐乡市
PART_OF 巨石集团有限公司玻纤研究院 > 巨石集团有限公司
LEADS 张海峰 > 张海峰劳模创新工作室
HOSTED_BY 张海峰劳模创新工作室 > 巨石集团有限公司玻纤研究院
MEMBER_OF 李婷婷 > 张海峰劳模创新工作室
MEMBER_OF 周志刚 > 张海峰劳模创新工作室
MEMBER_OF 郑凯 > 张海峰劳模创新工作室
PARTICIPATES_IN 李婷婷 > 漏板寿命提升
PARTICIPATES_IN 周志刚 > 漏板寿命提升
PARTICIPATES_IN 郑凯 > 漏板寿命提升
RECEIVED 张海峰 > 浙江省劳动模范
RECEIVED 周志刚 > 浙江省五一劳动奖章 @2022
RECEIVED 李婷婷 > 桐乡市劳动模范
RECEIVED 巨石集团有限公司 > 全国五一劳动奖状 @2021
RECEIVED 张海峰劳模创新工作室 > 全国示范性劳模和工匠人才创新工作室 @2020
""")

build("village-project", "bench/gold/texts/village-project.txt", {"title": "劳模领办共富工坊 小山村走上致富路"},
"""
Person: 蒋新华|顾小英
Unit: 嘉善县农业技术推广中心
Honor: 全国劳动模范|浙江省劳动模范
Project: 黄桃共富工坊
Village: 北鹤村|渔民村
Region: 嘉善县|姚庄镇
""", """
PART_OF 姚庄镇 > 嘉善县
LOCATED_IN 北鹤村 > 姚庄镇
RECEIVED 蒋新华 > 全国劳动模范
RECEIVED 顾小英 > 浙江省劳动模范
SERVES 蒋新华 > 北鹤村
PARTICIPATES_IN 蒋新华 > 黄桃共富工坊 @2021
SERVES 黄桃共富工坊 > 北鹤村
SERVES 黄桃共富工坊 > 渔民村
WORKS_AT 顾小英 > 嘉善县农业技术推广中心
SERVES 顾小英 > 北鹤村
""")

build("guazhi-assignment", "bench/gold/texts/guazhi-assignment.txt", {"title": "从南湖之畔到乌蒙山区：劳模挂职记"},
"""
Person: 徐卫东|杨光明|俞佳丽
Unit: 国网嘉兴供电公司|纳雍县供电局|海宁市中医院
Honor: 浙江省劳动模范|贵州省五一劳动奖章|嘉兴市劳动模范
Project: 纳雍农网改造提升
Village: 营山村
Region: 贵州省|毕节市|纳雍县|龙场镇
""", """
PART_OF 毕节市 > 贵州省
PART_OF 纳雍县 > 毕节市
PART_OF 龙场镇 > 纳雍县
LOCATED_IN 营山村 > 龙场镇
RECEIVED 徐卫东 > 浙江省劳动模范
RECEIVED 杨光明 > 贵州省五一劳动奖章 @2023
RECEIVED 俞佳丽 > 嘉兴市劳动模范
WORKS_AT 徐卫东 > 国网嘉兴供电公司
WORKS_AT 徐卫东 > 纳雍县供电局 @2021
WORKS_AT 杨光明 > 纳雍县供电局
WORKS_AT 俞佳丽 > 海宁市中医院
ASSIGNED_TO 徐卫东 > 纳雍县 @2021
ASSIGNED_TO 俞佳丽 > 营山村 @2021
MENTORS 徐卫东 > 杨光明
PARTICIPATES_IN 徐卫东 > 纳雍农网改造提升
""")

build("traditional-chars", "bench/gold/texts/traditional-chars.txt", {"title": "嘉興「紅船工匠」譜新篇"},
"""
Person: 马建军|孙丽华|何志强
Unit: 浙江嘉兴石化有限公司|浙江嘉兴石化有限公司仪表班
Honor: 全国劳动模范|浙江省五一劳动奖章|嘉兴良匠|全国工人先锋号
Studio: 马建军劳模创新工作室
Region: 嘉兴市
""", """
PART_OF 浙江嘉兴石化有限公司仪表班 > 浙江嘉兴石化有限公司
RECEIVED 马建军 > 全国劳动模范
RECEIVED 孙丽华 > 浙江省五一劳动奖章 @2019
RECEIVED 何志强 > 嘉兴良匠 @2022
RECEIVED 浙江嘉兴石化有限公司仪表班 > 全国工人先锋号 @2021
WORKS_AT 马建军 > 浙江嘉兴石化有限公司
WORKS_AT 孙丽华 > 浙江嘉兴石化有限公司仪表班
MENTORS 马建军 > 孙丽华
MENTORS 马建军 > 何志强
LEADS 马建军 > 马建军劳模创新工作室
MEMBER_OF 孙丽华 > 马建军劳模创新工作室
MEMBER_OF 何志强 > 马建军劳模创新工作室
HOSTED_BY 马建军劳模创新工作室 > 浙江嘉兴石化有限公司
""")

build("roster-prose", "bench/gold/texts/roster-prose.txt", {"title": "2023年嘉兴市劳动模范和先进集体名单揭晓"},
"""
Person: 王建国|刘晓梅|陈立新|沈佳怡|周海涛|朱国强|许文斌|吴春燕
Unit: 嘉兴市第一医院|浙江新凤鸣集团有限公司|嘉善县第一中学|浙江晶科能源有限公司|平湖市公安局|平湖市公安局交警大队|浙江正泰新能源开发有限公司|桐乡市乌镇镇卫生院|嘉兴市第一医院急诊科|海盐县武原街道办事处
Honor: 嘉兴市劳动模范|嘉兴市先进集体
Village: 三星村
Region: 嘉兴市|南湖区|秀洲区|嘉善县|平湖市|海宁市|桐乡市|凤桥镇
""", """
PART_OF 南湖区 > 嘉兴市
PART_OF 凤桥镇 > 南湖区
LOCATED_IN 三星村 > 凤桥镇
PART_OF 平湖市公安局交警大队 > 平湖市公安局
PART_OF 嘉兴市第一医院急诊科 > 嘉兴市第一医院
SERVES 王建国 > 三星村
WORKS_AT 刘晓梅 > 嘉兴市第一医院
WORKS_AT 陈立新 > 浙江新凤鸣集团有限公司
WORKS_AT 沈佳怡 > 嘉善县第一中学
WORKS_AT 周海涛 > 浙江晶科能源有限公司
WORKS_AT 朱国强 > 平湖市公安局交警大队
WORKS_AT 许文斌 > 浙江正泰新能源开发有限公司
WORKS_AT 吴春燕 > 桐乡市乌镇镇卫生院
RECEIVED 王建国 > 嘉兴市劳动模范 @2023
RECEIVED 刘晓梅 > 嘉兴市劳动模范 @2023
RECEIVED 陈立新 > 嘉兴市劳动模范 @2023
RECEIVED 沈佳怡 > 嘉兴市劳动模范 @2023
RECEIVED 周海涛 > 嘉兴市劳动模范 @2023
RECEIVED 朱国强 > 嘉兴市劳动模范 @2023
RECEIVED 许文斌 > 嘉兴市劳动模范 @2023
RECEIVED 吴春燕 > 嘉兴市劳动模范 @2023
RECEIVED 嘉兴市第一医院急诊科 > 嘉兴市先进集体 @2023
RECEIVED 海盐县武原街道办事处 > 嘉兴市先进集体 @2023
""", [("嘉兴市劳动模范", 120, "person", "嘉兴市", 2023), ("嘉兴市先进集体", 37, "unit", "嘉兴市", 2023)])

build("hospital-mentorship", "bench/gold/texts/hospital-mentorship.txt", {"title": "医院里的“传帮带”：一对师徒，两代劳模"},
"""
Person: 陈晨|蔡晓雯|周丽萍|林雨欣|金秀英
Unit: 嘉兴市第一医院|嘉兴市第一医院护理部|嘉兴市第一医院急诊科护理组
Honor: 浙江省劳动模范|全国三八红旗手|全国先进工作者|全国劳动模范|嘉兴市劳动模范|浙江省五一劳动奖章|浙江省工人先锋号
""", """
PART_OF 嘉兴市第一医院护理部 > 嘉兴市第一医院
PART_OF 嘉兴市第一医院急诊科护理组 > 嘉兴市第一医院
WORKS_AT 周丽萍 > 嘉兴市第一医院护理部
MENTORS 周丽萍 > 林雨欣
MENTORS 金秀英 > 周丽萍
RECEIVED 周丽萍 > 浙江省劳动模范
RECEIVED 周丽萍 > 全国三八红旗手
RECEIVED 周丽萍 > 全国先进工作者 @2015
RECEIVED 金秀英 > 全国劳动模范
RECEIVED 嘉兴市第一医院急诊科护理组 > 浙江省工人先锋号 @2022
""", [("嘉兴市劳动模范", 3, "person", None, None), ("浙江省五一劳动奖章", 2, "person", None, None)])

build("studio-network", "bench/gold/texts/studio-network.txt", {"title": "海宁公布首批市级劳模创新工作室"},
"""
Person: 高建明|朱江|欧阳晓峰|徐春华
Unit: 海宁市总工会|浙江海利得新材料股份有限公司
Studio: 高建明劳模创新工作室|徐春华技能大师工作室
Honor: 全国劳动模范|浙江工匠|海宁市劳动模范|海宁市劳模创新工作室
Project: 家纺电商培训
Village: 杨渡村
Region: 海宁市|许村镇
""", """
PART_OF 许村镇 > 海宁市
LOCATED_IN 杨渡村 > 许村镇
LEADS 高建明 > 高建明劳模创新工作室
LEADS 徐春华 > 徐春华技能大师工作室
MEMBER_OF 朱江 > 高建明劳模创新工作室
MEMBER_OF 欧阳晓峰 > 高建明劳模创新工作室
HOSTED_BY 高建明劳模创新工作室 > 浙江海利得新材料股份有限公司
RECEIVED 高建明 > 全国劳动模范
RECEIVED 徐春华 > 浙江工匠
RECEIVED 徐春华 > 海宁市劳动模范
# 首批市级劳模创新工作室名单 … 其中 …高建明劳模创新工作室: a studio title (rules: 省级/市级 + the source's place)
RECEIVED 高建明劳模创新工作室 > 海宁市劳模创新工作室
SERVES 家纺电商培训 > 杨渡村
""", [
 # 10家工作室入选 the 首批市级劳模创新工作室名单: a count of recipients (rules: Aggregates, 我市8人上榜)
 ("海宁市劳模创新工作室", 10, "studio", "海宁市", None)])

build("farmer-coop", "bench/gold/texts/farmer-coop.txt", {"title": "田野里的“稻香”领头雁"},
"""
Person: 沈一鸣|顾建林|徐佳琪
Unit: 嘉兴市秀洲区建林粮油专业合作社
Honor: 嘉兴市劳动模范|浙江省五一劳动奖章|全国农民专业合作社示范社
Project: 稻渔共生
Village: 建林村|南梅村
Region: 秀洲区|王店镇
""", """
PART_OF 王店镇 > 秀洲区
LOCATED_IN 建林村 > 王店镇
WORKS_AT 顾建林 > 嘉兴市秀洲区建林粮油专业合作社
WORKS_AT 徐佳琪 > 嘉兴市秀洲区建林粮油专业合作社
RECEIVED 顾建林 > 嘉兴市劳动模范
RECEIVED 顾建林 > 浙江省五一劳动奖章 @2022
RECEIVED 嘉兴市秀洲区建林粮油专业合作社 > 全国农民专业合作社示范社 @2021
PARTICIPATES_IN 顾建林 > 稻渔共生 @2019
SERVES 稻渔共生 > 建林村
SERVES 稻渔共生 > 南梅村
MENTORS 顾建林 > 徐佳琪
""")

build("jiangsu-steel", "bench/gold/texts/jiangsu-steel.txt", {"title": "“钢铁裁缝”刘宏伟：三十年如一日守护生产线"},
"""
Person: 刘宏伟|张磊|王芳芳|李明
Unit: 江苏沙钢集团有限公司|江苏沙钢集团有限公司轧钢厂|江苏沙钢集团有限公司轧钢厂设备维修班|南京工程学院|张家港市总工会
Honor: 江苏省劳动模范|全国五一劳动奖章|全国劳动模范|江苏工匠
Studio: 刘宏伟劳模创新工作室
""", """
PART_OF 江苏沙钢集团有限公司轧钢厂 > 江苏沙钢集团有限公司
PART_OF 江苏沙钢集团有限公司轧钢厂设备维修班 > 江苏沙钢集团有限公司轧钢厂
WORKS_AT 刘宏伟 > 江苏沙钢集团有限公司轧钢厂设备维修班
WORKS_AT 刘宏伟 > 江苏沙钢集团有限公司 @1994
WORKS_AT 李明 > 张家港市总工会
RECEIVED 刘宏伟 > 江苏省劳动模范
RECEIVED 刘宏伟 > 全国五一劳动奖章
RECEIVED 刘宏伟 > 全国劳动模范 @2020
RECEIVED 张磊 > 江苏工匠 @2023
LEADS 刘宏伟 > 刘宏伟劳模创新工作室
MEMBER_OF 张磊 > 刘宏伟劳模创新工作室
MEMBER_OF 王芳芳 > 刘宏伟劳模创新工作室
MENTORS 刘宏伟 > 张磊
MENTORS 刘宏伟 > 王芳芳
""")

build("school-teacher", "bench/gold/texts/school-teacher.txt", {"title": "讲台上的“追光者”"},
"""
Person: 沈梦琪|冯志远|吴佳|许言
Unit: 嘉兴市实验小学
Honor: 浙江省先进工作者|嘉兴市五一劳动奖章
Project: 四点半课堂
Village: 新安社区|竹林社区
Region: 南湖区|新兴街道
""", """
PART_OF 新兴街道 > 南湖区
LOCATED_IN 新安社区 > 新兴街道
WORKS_AT 沈梦琪 > 嘉兴市实验小学
WORKS_AT 冯志远 > 嘉兴市实验小学
RECEIVED 沈梦琪 > 浙江省先进工作者 @2022
RECEIVED 吴佳 > 嘉兴市五一劳动奖章
SERVES 沈梦琪 > 新安社区
MENTORS 沈梦琪 > 吴佳
MENTORS 沈梦琪 > 许言
PARTICIPATES_IN 沈梦琪 > 四点半课堂
SERVES 四点半课堂 > 新安社区
SERVES 四点半课堂 > 竹林社区
""")

# --- dev set, written from docs/article-structures.md and annotated under bench/gold/README.md ---

build("dev-weifang-craftsmen", "bench/gold/texts/dev-weifang-craftsmen.txt",
 {"title": "潍坊市总工会关于命名2024年“潍坊工匠”的决定", "publisher": "潍坊市总工会", "date": "2024-04-28"},
"""
Person: 王琦|刘晓燕|孙建波|郭立新|韩冰|陈思远
Unit: 潍坊市总工会|潍坊市总工会劳动和经济工作部|潍坊鸿泰动力机械有限公司|潍坊鸿泰动力机械有限公司装配车间|潍坊市妇幼保健院|潍坊市妇幼保健院检验科|山东华裕纺织集团有限公司|山东华裕纺织集团有限公司设备部|潍坊港通物流有限公司|寿光市蔬菜产业发展中心
Honor: 潍坊工匠
""", """
RECEIVED 王琦 > 潍坊工匠 @2024
RECEIVED 刘晓燕 > 潍坊工匠 @2024
RECEIVED 孙建波 > 潍坊工匠 @2024
RECEIVED 郭立新 > 潍坊工匠 @2024
RECEIVED 韩冰 > 潍坊工匠 @2024
WORKS_AT 王琦 > 潍坊鸿泰动力机械有限公司装配车间
WORKS_AT 刘晓燕 > 潍坊市妇幼保健院检验科
WORKS_AT 孙建波 > 山东华裕纺织集团有限公司设备部
WORKS_AT 郭立新 > 潍坊港通物流有限公司
WORKS_AT 韩冰 > 寿光市蔬菜产业发展中心
WORKS_AT 陈思远 > 潍坊市总工会劳动和经济工作部
PART_OF 潍坊鸿泰动力机械有限公司装配车间 > 潍坊鸿泰动力机械有限公司
PART_OF 潍坊市妇幼保健院检验科 > 潍坊市妇幼保健院
PART_OF 山东华裕纺织集团有限公司设备部 > 山东华裕纺织集团有限公司
PART_OF 潍坊市总工会劳动和经济工作部 > 潍坊市总工会
""", [("潍坊工匠", 30, "person", "潍坊市", 2024)])

build("dev-yichang-provincial-models", "bench/gold/texts/dev-yichang-provincial-models.txt",
 {"title": "宜昌七人获评湖北省劳动模范和先进工作者", "publisher": "三峡晚报", "date": "2023-04-27"},
"""
Person: 田向东|覃丽|向德兵|黄春梅|覃志远|邓文杰|杜小琴|何明辉|饶俊
Unit: 三峡晚报|湖北省委|湖北省政府|宜昌鑫达化工有限公司|宜昌鑫达化工有限公司合成车间|三峡电力装备有限公司|宜昌市中心人民医院|宜昌市中心人民医院心血管内科|五峰土家族自治县茶叶产业协会|宜昌市第一中学|宜昌市公安局|宜昌市公安局交通警察支队
Honor: 湖北省劳动模范|湖北省先进工作者
Project: 水轮发电机定子线棒自动包扎
Village: 李湾村
Region: 宜昌市|武汉市|当阳市|庙前镇
""", """
RECEIVED 向德兵 > 湖北省劳动模范 @2023
RECEIVED 黄春梅 > 湖北省劳动模范 @2023
RECEIVED 覃志远 > 湖北省劳动模范 @2023
RECEIVED 邓文杰 > 湖北省劳动模范 @2023
RECEIVED 杜小琴 > 湖北省劳动模范 @2023
RECEIVED 何明辉 > 湖北省先进工作者 @2023
RECEIVED 饶俊 > 湖北省先进工作者 @2023
WORKS_AT 田向东 > 三峡晚报
WORKS_AT 向德兵 > 宜昌鑫达化工有限公司合成车间
WORKS_AT 覃志远 > 三峡电力装备有限公司
WORKS_AT 邓文杰 > 宜昌市中心人民医院心血管内科
WORKS_AT 杜小琴 > 五峰土家族自治县茶叶产业协会
WORKS_AT 何明辉 > 宜昌市第一中学
WORKS_AT 饶俊 > 宜昌市公安局交通警察支队
SERVES 黄春梅 > 李湾村
PART_OF 宜昌鑫达化工有限公司合成车间 > 宜昌鑫达化工有限公司
PART_OF 宜昌市中心人民医院心血管内科 > 宜昌市中心人民医院
PART_OF 宜昌市公安局交通警察支队 > 宜昌市公安局
PART_OF 庙前镇 > 当阳市
LOCATED_IN 李湾村 > 庙前镇
PARTICIPATES_IN 覃志远 > 水轮发电机定子线棒自动包扎
""", [("湖北省劳动模范", 336, "person", "湖北省", 2023), ("湖北省劳动模范", 5, "person", "宜昌市", 2023)])

build("dev-anshan-pioneer-teams", "bench/gold/texts/dev-anshan-pioneer-teams.txt",
 {"title": "2023年辽宁工人先锋号鞍山获评集体名单", "publisher": "鞍山市总工会", "date": "2023-05-06"},
"""
Person: 肖国庆
Unit: 辽宁省总工会|鞍山市总工会|鞍山恒盛重工有限公司|鞍山恒盛重工有限公司铸造分厂|鞍山恒盛重工有限公司铸造分厂造型一班|鞍山市第三医院|鞍山市第三医院重症医学科|海城市供水有限公司|海城市供水有限公司管网抢修队|鞍山矿建工程有限公司|鞍山矿建工程有限公司大孤山项目部爆破组|辽宁华拓精密轴承有限公司|辽宁华拓精密轴承有限公司杜海峰班组|台安县农村商业银行|台安县农村商业银行营业部|鞍山市公共交通集团有限公司|鞍山市公共交通集团有限公司3路车队|岫岩满族自治县疾病预防控制中心|岫岩满族自治县疾病预防控制中心检验科
Honor: 辽宁工人先锋号|鞍山市工人先锋号
Project: 大型轧辊砂型快速成型
Region: 鞍山市
""", """
RECEIVED 鞍山恒盛重工有限公司铸造分厂造型一班 > 辽宁工人先锋号 @2023
RECEIVED 鞍山市第三医院重症医学科 > 辽宁工人先锋号 @2023
RECEIVED 海城市供水有限公司管网抢修队 > 辽宁工人先锋号 @2023
RECEIVED 鞍山矿建工程有限公司大孤山项目部爆破组 > 辽宁工人先锋号 @2023
RECEIVED 辽宁华拓精密轴承有限公司杜海峰班组 > 辽宁工人先锋号 @2023
RECEIVED 台安县农村商业银行营业部 > 辽宁工人先锋号 @2023
RECEIVED 鞍山市公共交通集团有限公司3路车队 > 辽宁工人先锋号 @2023
RECEIVED 岫岩满族自治县疾病预防控制中心检验科 > 辽宁工人先锋号 @2023
RECEIVED 鞍山恒盛重工有限公司铸造分厂造型一班 > 鞍山市工人先锋号 @2019
PART_OF 鞍山恒盛重工有限公司铸造分厂 > 鞍山恒盛重工有限公司
PART_OF 鞍山恒盛重工有限公司铸造分厂造型一班 > 鞍山恒盛重工有限公司铸造分厂
PART_OF 鞍山市第三医院重症医学科 > 鞍山市第三医院
PART_OF 海城市供水有限公司管网抢修队 > 海城市供水有限公司
PART_OF 鞍山矿建工程有限公司大孤山项目部爆破组 > 鞍山矿建工程有限公司
PART_OF 辽宁华拓精密轴承有限公司杜海峰班组 > 辽宁华拓精密轴承有限公司
PART_OF 台安县农村商业银行营业部 > 台安县农村商业银行
PART_OF 鞍山市公共交通集团有限公司3路车队 > 鞍山市公共交通集团有限公司
PART_OF 岫岩满族自治县疾病预防控制中心检验科 > 岫岩满族自治县疾病预防控制中心
WORKS_AT 肖国庆 > 鞍山恒盛重工有限公司铸造分厂造型一班
PARTICIPATES_IN 肖国庆 > 大型轧辊砂型快速成型
""", [("辽宁工人先锋号", 8, "team", "鞍山市", 2023)])

build("dev-yancheng-nurses", "bench/gold/texts/dev-yancheng-nurses.txt",
 {"title": "关于表彰2023年度盐城市“十佳护士”和“优秀护士”的决定", "publisher": "盐城市卫生健康委员会", "date": "2023-05-11"},
"""
Person: 张婷|吴晓雯|季红|陈玉兰|王春燕|陆佳|徐静|孙悦
Unit: 盐城市卫生健康委员会|盐城市第一人民医院|盐城市中医院|东台市人民医院|东台市人民医院手术室|建湖县上冈镇卫生院|滨海县人民医院
Honor: 盐城市十佳护士|盐城市优秀护士
""", """
RECEIVED 张婷 > 盐城市十佳护士 @2023
RECEIVED 吴晓雯 > 盐城市十佳护士 @2023
RECEIVED 季红 > 盐城市十佳护士 @2023
RECEIVED 陈玉兰 > 盐城市十佳护士 @2023
RECEIVED 王春燕 > 盐城市十佳护士 @2023
RECEIVED 陆佳 > 盐城市优秀护士 @2023
RECEIVED 徐静 > 盐城市优秀护士 @2023
RECEIVED 孙悦 > 盐城市优秀护士 @2023
WORKS_AT 张婷 > 盐城市第一人民医院
WORKS_AT 吴晓雯 > 盐城市第一人民医院
WORKS_AT 季红 > 盐城市中医院
WORKS_AT 陈玉兰 > 东台市人民医院
WORKS_AT 陈玉兰 > 东台市人民医院手术室
WORKS_AT 王春燕 > 建湖县上冈镇卫生院
WORKS_AT 陆佳 > 盐城市第一人民医院
WORKS_AT 徐静 > 盐城市第一人民医院
WORKS_AT 孙悦 > 滨海县人民医院
PART_OF 东台市人民医院手术室 > 东台市人民医院
""", [("盐城市十佳护士", 10, "person", "盐城市", 2023), ("盐城市优秀护士", 20, "person", "盐城市", 2023)])

build("dev-luoyang-master-studios", "bench/gold/texts/dev-luoyang-master-studios.txt",
 {"title": "2024年洛阳市技能大师工作室名单公布", "publisher": "洛阳日报", "date": "2024-12-20"},
"""
Person: 马成林|牛海涛|卢建华|苏秀梅|杨振国|郑一鸣|谢玉洁|白晓丹
Unit: 洛阳日报|洛阳市人力资源和社会保障局|洛阳中联重型机床有限公司|洛阳市第二职业高级中学|洛阳东方轴承科技有限公司|洛阳城建工程有限公司|洛阳城建工程有限公司第三分公司|洛阳石化检修有限公司|洛阳牡丹茶点食品有限公司
Studio: 牛海涛技能大师工作室|卢建华技能大师工作室|苏秀梅技能大师工作室|杨振国技能大师工作室|郑一鸣技能大师工作室|谢玉洁技能大师工作室
Honor: 洛阳市技能大师工作室|河南省技术能手
""", """
LEADS 牛海涛 > 牛海涛技能大师工作室
LEADS 卢建华 > 卢建华技能大师工作室
LEADS 苏秀梅 > 苏秀梅技能大师工作室
LEADS 杨振国 > 杨振国技能大师工作室
LEADS 郑一鸣 > 郑一鸣技能大师工作室
LEADS 谢玉洁 > 谢玉洁技能大师工作室
HOSTED_BY 牛海涛技能大师工作室 > 洛阳中联重型机床有限公司
HOSTED_BY 卢建华技能大师工作室 > 洛阳市第二职业高级中学
HOSTED_BY 苏秀梅技能大师工作室 > 洛阳东方轴承科技有限公司
HOSTED_BY 杨振国技能大师工作室 > 洛阳城建工程有限公司第三分公司
HOSTED_BY 郑一鸣技能大师工作室 > 洛阳石化检修有限公司
HOSTED_BY 谢玉洁技能大师工作室 > 洛阳牡丹茶点食品有限公司
RECEIVED 牛海涛技能大师工作室 > 洛阳市技能大师工作室 @2024
RECEIVED 卢建华技能大师工作室 > 洛阳市技能大师工作室 @2024
RECEIVED 苏秀梅技能大师工作室 > 洛阳市技能大师工作室 @2024
RECEIVED 杨振国技能大师工作室 > 洛阳市技能大师工作室 @2024
RECEIVED 郑一鸣技能大师工作室 > 洛阳市技能大师工作室 @2024
RECEIVED 谢玉洁技能大师工作室 > 洛阳市技能大师工作室 @2024
RECEIVED 牛海涛 > 河南省技术能手
PART_OF 洛阳城建工程有限公司第三分公司 > 洛阳城建工程有限公司
WORKS_AT 马成林 > 洛阳日报
WORKS_AT 白晓丹 > 洛阳日报
""", [("洛阳市技能大师工作室", 6, "studio", "洛阳市", 2024)])

build("dev-quanzhou-labor-medals-trad", "bench/gold/texts/dev-quanzhou-labor-medals-trad.txt",
 {"title": "泉州12人獲評省五一勞動獎章", "publisher": "泉州晚报", "date": "2024-04-29"},
"""
Person: 林清源|蔡雅琳|许文龙|黄志强|李素芬|张金水|苏明哲|吴建辉|庄晓玲
Unit: 泉州晚报|福建省总工会|泉州市总工会|晋江恒远鞋业有限公司|晋江恒远鞋业有限公司制鞋车间|泉州港务集团有限公司|南安市石材研究所|泉州市第一医院|泉州市第一医院神经外科|泉州宏达纺织有限公司|德化县陶瓷职业技术学校
Honor: 福建省五一劳动奖章|福建省五一劳动奖状|福建省工人先锋号
Project: 卒中急救地图
Village: 大岞村
Region: 泉州市|惠安县|崇武镇
""", """
RECEIVED 许文龙 > 福建省五一劳动奖章 @2024
RECEIVED 黄志强 > 福建省五一劳动奖章 @2024
RECEIVED 李素芬 > 福建省五一劳动奖章 @2024
RECEIVED 张金水 > 福建省五一劳动奖章 @2024
RECEIVED 苏明哲 > 福建省五一劳动奖章 @2024
RECEIVED 泉州宏达纺织有限公司 > 福建省五一劳动奖状 @2024
RECEIVED 德化县陶瓷职业技术学校 > 福建省五一劳动奖状 @2024
WORKS_AT 林清源 > 泉州晚报
WORKS_AT 许文龙 > 晋江恒远鞋业有限公司制鞋车间
WORKS_AT 许文龙 > 晋江恒远鞋业有限公司 @2005
WORKS_AT 黄志强 > 泉州港务集团有限公司
WORKS_AT 李素芬 > 南安市石材研究所
WORKS_AT 苏明哲 > 泉州市第一医院神经外科
SERVES 张金水 > 大岞村
PART_OF 晋江恒远鞋业有限公司制鞋车间 > 晋江恒远鞋业有限公司
PART_OF 泉州市第一医院神经外科 > 泉州市第一医院
PART_OF 崇武镇 > 惠安县
LOCATED_IN 大岞村 > 崇武镇
MENTORS 许文龙 > 吴建辉
MENTORS 许文龙 > 庄晓玲
PARTICIPATES_IN 苏明哲 > 卒中急救地图
""", [("福建省五一劳动奖章", 12, "person", "泉州市", 2024), ("福建省五一劳动奖状", 5, "unit", "泉州市", 2024), ("福建省工人先锋号", 9, "team", "泉州市", 2024)])

build("dev-foshan-nanyue-craftsmen", "bench/gold/texts/dev-foshan-nanyue-craftsmen.txt",
 {"title": "2023年“南粤工匠”发布 佛山两人入选", "publisher": "中新网", "date": "2024-01-10"},
"""
Person: 梁嘉欣|伍国栋|欧阳慧
Unit: 中新网|佛山华瑞精工机械有限公司|顺德区均安镇陶艺研究会
Honor: 南粤工匠|佛山市技术能手|广东省五一劳动奖章|广东省工艺美术大师
Project: 汽车覆盖件模具快速修复|石湾公仔进校园
Region: 广州市|佛山市
""", """
WORKS_AT 梁嘉欣 > 中新网
RECEIVED 伍国栋 > 南粤工匠 @2023
RECEIVED 欧阳慧 > 南粤工匠 @2023
RECEIVED 伍国栋 > 佛山市技术能手
RECEIVED 伍国栋 > 广东省五一劳动奖章
RECEIVED 欧阳慧 > 广东省工艺美术大师
WORKS_AT 伍国栋 > 佛山华瑞精工机械有限公司
WORKS_AT 欧阳慧 > 顺德区均安镇陶艺研究会
PARTICIPATES_IN 伍国栋 > 汽车覆盖件模具快速修复
PARTICIPATES_IN 欧阳慧 > 石湾公仔进校园 @2023
""", [("南粤工匠", 10, "person", "广东省", 2023), ("南粤工匠", 2, "person", "佛山市", 2023)])

build("dev-xuzhou-studio-feature", "bench/gold/texts/dev-xuzhou-studio-feature.txt",
 {"title": "“金刚钻”团队的创新经——走进徐州恒拓机械马立军劳模创新工作室", "publisher": "彭城晚报", "date": "2023-09-15"},
"""
Person: 马立军|陈一楠|邵志鹏|季晓冬|彭欣然
Unit: 徐州恒拓机械股份有限公司|徐州恒拓机械股份有限公司结构件分厂|江苏省总工会|彭城晚报
Studio: 马立军劳模创新工作室
Honor: 江苏省劳动模范|全国技术能手|徐州市职工优秀技术创新成果一等奖|江苏省示范性劳模和工匠人才创新工作室|彭城工匠
Project: 大型箱体焊接变形控制
""", """
LEADS 马立军 > 马立军劳模创新工作室
MEMBER_OF 陈一楠 > 马立军劳模创新工作室
MEMBER_OF 邵志鹏 > 马立军劳模创新工作室
MEMBER_OF 季晓冬 > 马立军劳模创新工作室
HOSTED_BY 马立军劳模创新工作室 > 徐州恒拓机械股份有限公司
HOSTED_BY 马立军劳模创新工作室 > 徐州恒拓机械股份有限公司结构件分厂
PART_OF 徐州恒拓机械股份有限公司结构件分厂 > 徐州恒拓机械股份有限公司
RECEIVED 马立军 > 江苏省劳动模范
RECEIVED 马立军 > 全国技术能手
RECEIVED 马立军劳模创新工作室 > 徐州市职工优秀技术创新成果一等奖 @2021
RECEIVED 马立军劳模创新工作室 > 江苏省示范性劳模和工匠人才创新工作室 @2022
RECEIVED 邵志鹏 > 彭城工匠 @2023
PARTICIPATES_IN 马立军劳模创新工作室 > 大型箱体焊接变形控制
WORKS_AT 彭欣然 > 彭城晚报
""")

build("dev-dalian-master-studio-trad", "bench/gold/texts/dev-dalian-master-studio-trad.txt",
 {"title": "大連：國家級技能大師工作室落戶職業學院", "publisher": "大连日报", "date": "2022-06-08"},
"""
Person: 赵海鸥|孙德胜|郑永昌|马晓芸
Unit: 大连日报|大连海湾职业技术学院|大连海湾职业技术学院机电工程系|人力资源社会保障部|大连船舶海工装备有限公司|大连市轻工业学校
Studio: 孙德胜技能大师工作室
Honor: 国家级技能大师工作室|辽宁省劳动模范|全国劳动模范|全国技术能手
Region: 大连市
""", """
WORKS_AT 赵海鸥 > 大连日报
LEADS 孙德胜 > 孙德胜技能大师工作室
HOSTED_BY 孙德胜技能大师工作室 > 大连海湾职业技术学院机电工程系
PART_OF 大连海湾职业技术学院机电工程系 > 大连海湾职业技术学院
RECEIVED 孙德胜技能大师工作室 > 国家级技能大师工作室 @2021
WORKS_AT 孙德胜 > 大连船舶海工装备有限公司
RECEIVED 孙德胜 > 辽宁省劳动模范
RECEIVED 孙德胜 > 全国技术能手 @2003
MENTORS 郑永昌 > 孙德胜
RECEIVED 郑永昌 > 全国劳动模范
MEMBER_OF 马晓芸 > 孙德胜技能大师工作室
WORKS_AT 马晓芸 > 大连海湾职业技术学院机电工程系
""")

build("dev-mianyang-three-generations", "bench/gold/texts/dev-mianyang-three-generations.txt",
 {"title": "三代钳工的“传家宝”", "publisher": "绵阳日报", "date": "2023-11-02"},
"""
Person: 范德厚|周光明|何晓军|罗婷|唐浩
Unit: 四川九峰电子装备有限公司|四川九峰电子装备有限公司总装车间
Honor: 四川省劳动模范|天府工匠|四川省五一劳动奖章|绵阳工匠
""", """
PART_OF 四川九峰电子装备有限公司总装车间 > 四川九峰电子装备有限公司
WORKS_AT 周光明 > 四川九峰电子装备有限公司 @1988
MENTORS 范德厚 > 周光明 @1988
RECEIVED 范德厚 > 四川省劳动模范
RECEIVED 周光明 > 四川省劳动模范 @2006
RECEIVED 周光明 > 天府工匠 @2015
MENTORS 周光明 > 何晓军
MENTORS 周光明 > 罗婷
RECEIVED 何晓军 > 四川省五一劳动奖章 @2019
RECEIVED 罗婷 > 绵阳工匠 @2022
MENTORS 何晓军 > 唐浩
""")

build("dev-taizhou-craftsman-interview", "bench/gold/texts/dev-taizhou-craftsman-interview.txt",
 {"title": "专访“浙江工匠”叶海波：把一根管子做到极致", "publisher": "台州日报", "date": "2024-05-03"},
"""
Person: 潘雨桐|叶海波|林国平|应丽娜|郑佳怡
Unit: 台州日报|台州永兴塑胶管业有限公司|台州永兴塑胶管业有限公司挤出车间
Honor: 浙江工匠|台州市劳动模范|台州市五一劳动奖章
Project: 大口径管材节能挤出
Region: 路桥区
""", """
WORKS_AT 潘雨桐 > 台州日报
WORKS_AT 郑佳怡 > 台州日报
WORKS_AT 叶海波 > 台州永兴塑胶管业有限公司挤出车间
PART_OF 台州永兴塑胶管业有限公司挤出车间 > 台州永兴塑胶管业有限公司
RECEIVED 叶海波 > 浙江工匠 @2024
MENTORS 林国平 > 叶海波
RECEIVED 林国平 > 台州市劳动模范
MENTORS 叶海波 > 应丽娜
RECEIVED 应丽娜 > 台州市五一劳动奖章 @2023
PARTICIPATES_IN 叶海波 > 大口径管材节能挤出
""")

build("dev-xinjiang-aid-doctors", "bench/gold/texts/dev-xinjiang-aid-doctors.txt",
 {"title": "天山脚下的“芜湖医生”", "publisher": "芜湖日报", "date": "2024-08-20"},
"""
Person: 阿布都热合曼·吐尔逊|汪振宇|买买提·艾力|孙雅琴|沈一鸣
Unit: 皮山县人民医院|皮山县人民医院骨科|芜湖市第二人民医院|芜湖市第二人民医院骨科|芜湖市中医医院|芜湖日报
Honor: 安徽省五一劳动奖章
Village: 喀拉苏村
Region: 新疆维吾尔自治区|和田地区|皮山县|木奎拉乡
""", """
PART_OF 和田地区 > 新疆维吾尔自治区
PART_OF 皮山县 > 和田地区
PART_OF 皮山县人民医院骨科 > 皮山县人民医院
PART_OF 芜湖市第二人民医院骨科 > 芜湖市第二人民医院
WORKS_AT 汪振宇 > 芜湖市第二人民医院骨科
ASSIGNED_TO 汪振宇 > 皮山县 @2022
WORKS_AT 汪振宇 > 皮山县人民医院 @2022
WORKS_AT 买买提·艾力 > 皮山县人民医院骨科
MENTORS 汪振宇 > 买买提·艾力
WORKS_AT 孙雅琴 > 芜湖市中医医院
ASSIGNED_TO 孙雅琴 > 喀拉苏村 @2022
LOCATED_IN 喀拉苏村 > 木奎拉乡
RECEIVED 孙雅琴 > 安徽省五一劳动奖章 @2024
WORKS_AT 沈一鸣 > 芜湖日报
""")

build("dev-zunyi-two-secretaries", "bench/gold/texts/dev-zunyi-two-secretaries.txt",
 {"title": "茶山村的“双书记”", "publisher": "遵义日报", "date": "2023-03-15"},
"""
Person: 冉光荣|杨帆|龙泽宇|田甜
Unit: 贵州电网有限责任公司|贵州电网有限责任公司遵义供电局|湄潭县茶山白茶专业合作社|茶山村村民委员会|遵义日报
Honor: 全国文明村
Project: 茶山光伏助农
Village: 茶山村
Region: 贵州省|遵义市|湄潭县|兴隆镇
""", """
PART_OF 遵义市 > 贵州省
PART_OF 湄潭县 > 遵义市
PART_OF 兴隆镇 > 湄潭县
LOCATED_IN 茶山村 > 兴隆镇
RECEIVED 茶山村村民委员会 > 全国文明村 @2022
LOCATED_IN 茶山村村民委员会 > 茶山村
SERVES 冉光荣 > 茶山村
WORKS_AT 冉光荣 > 湄潭县茶山白茶专业合作社
ASSIGNED_TO 杨帆 > 茶山村 @2021
WORKS_AT 杨帆 > 贵州电网有限责任公司遵义供电局
PART_OF 贵州电网有限责任公司遵义供电局 > 贵州电网有限责任公司
PARTICIPATES_IN 杨帆 > 茶山光伏助农
SERVES 茶山光伏助农 > 茶山村
WORKS_AT 龙泽宇 > 遵义日报
""")

build("dev-laifeng-model-card", "bench/gold/texts/dev-laifeng-model-card.txt",
 {"title": "“荆楚楷模”名单揭晓 来凤一人上榜", "publisher": "恩施日报", "date": "2024-09-26"},
"""
Person: 向春花
Unit: 湖北省委宣传部|来凤县凤竹藤茶专业合作社
Honor: 荆楚楷模|国家农民合作社示范社|全国优秀农民工|湖北荆楚工匠
Project: 藤茶富民工程
Village: 凤竹村|石桥村
Region: 来凤县|绿水乡
""", """
PART_OF 绿水乡 > 来凤县
LOCATED_IN 凤竹村 > 绿水乡
RECEIVED 向春花 > 荆楚楷模 @2024
SERVES 向春花 > 凤竹村
WORKS_AT 向春花 > 来凤县凤竹藤茶专业合作社
PARTICIPATES_IN 向春花 > 藤茶富民工程
SERVES 藤茶富民工程 > 凤竹村
SERVES 藤茶富民工程 > 石桥村
RECEIVED 来凤县凤竹藤茶专业合作社 > 国家农民合作社示范社 @2020
RECEIVED 向春花 > 全国优秀农民工
RECEIVED 向春花 > 湖北荆楚工匠
""")

build("dev-maanshan-union-visit", "bench/gold/texts/dev-maanshan-union-visit.txt",
 {"title": "马鞍山市劳模协会走访慰问老劳模", "publisher": "马鞍山市总工会", "date": "2024-01-30"},
"""
Person: 方立群|陶永福|钱秀英|韦建中
Unit: 马鞍山市总工会|马鞍山市劳模协会|马鞍山钢城机械厂|马鞍山市第四中学
Honor: 全国劳动模范|安徽省劳动模范
Village: 福民村
Region: 花山区|金家庄街道|含山县|运漕镇
""", """
WORKS_AT 方立群 > 马鞍山市总工会
PART_OF 金家庄街道 > 花山区
RECEIVED 陶永福 > 全国劳动模范 @1979
WORKS_AT 陶永福 > 马鞍山钢城机械厂
RECEIVED 钱秀英 > 安徽省劳动模范
SERVES 钱秀英 > 福民村
PART_OF 运漕镇 > 含山县
LOCATED_IN 福民村 > 运漕镇
WORKS_AT 韦建中 > 马鞍山市劳模协会
WORKS_AT 韦建中 > 马鞍山市第四中学
""")

build("dev-xinxiang-hospital-pioneers", "bench/gold/texts/dev-xinxiang-hospital-pioneers.txt",
 {"title": "我院心内科护理单元获评河南省工人先锋号", "publisher": "新乡市中心医院", "date": "2023-05-04"},
"""
Person: 冯建国|崔丽萍|刘晓晨
Unit: 新乡市中心医院|新乡市中心医院心血管内科护理单元|新乡市中心医院心血管内科|新乡市中心医院工会|河南省总工会
Honor: 河南省工人先锋号|河南省五一劳动奖章|新乡市巾帼文明岗|新乡市劳动模范
""", """
PART_OF 新乡市中心医院心血管内科护理单元 > 新乡市中心医院
PART_OF 新乡市中心医院心血管内科 > 新乡市中心医院
PART_OF 新乡市中心医院工会 > 新乡市中心医院
RECEIVED 新乡市中心医院心血管内科护理单元 > 河南省工人先锋号 @2023
RECEIVED 冯建国 > 河南省五一劳动奖章 @2023
WORKS_AT 冯建国 > 新乡市中心医院心血管内科
WORKS_AT 崔丽萍 > 新乡市中心医院心血管内科护理单元
RECEIVED 新乡市中心医院心血管内科护理单元 > 新乡市巾帼文明岗 @2021
RECEIVED 冯建国 > 新乡市劳动模范
WORKS_AT 刘晓晨 > 新乡市中心医院工会
""")

build("dev-jinan-studio-school", "bench/gold/texts/dev-jinan-studio-school.txt",
 {"title": "大师工作室进校园：高级技师的“第二课堂”", "publisher": "济南日报", "date": "2024-10-12"},
"""
Person: 郝文静|邢悦|韩立国|贺晓彤|武晨|齐梦瑶
Unit: 济南日报|济南泉城职业学院|济南泉城职业学院智能制造学院|济南泉城职业学院智能制造学院机电教研室|济南重工机床集团有限公司
Studio: 韩立国技能大师工作室
Honor: 齐鲁工匠|全国五一劳动奖章
Project: 五轴数控加工实训平台
""", """
WORKS_AT 郝文静 > 济南日报
PART_OF 济南泉城职业学院智能制造学院 > 济南泉城职业学院
PART_OF 济南泉城职业学院智能制造学院机电教研室 > 济南泉城职业学院智能制造学院
LEADS 韩立国 > 韩立国技能大师工作室
HOSTED_BY 韩立国技能大师工作室 > 济南泉城职业学院智能制造学院
WORKS_AT 韩立国 > 济南重工机床集团有限公司
RECEIVED 韩立国 > 齐鲁工匠
RECEIVED 韩立国 > 全国五一劳动奖章 @2018
MEMBER_OF 贺晓彤 > 韩立国技能大师工作室
MEMBER_OF 武晨 > 韩立国技能大师工作室
WORKS_AT 贺晓彤 > 济南泉城职业学院智能制造学院机电教研室
MENTORS 韩立国 > 齐梦瑶
PARTICIPATES_IN 韩立国技能大师工作室 > 五轴数控加工实训平台 @2024
""")

build("dev-repeat-models-profiles", "bench/gold/texts/dev-repeat-models-profiles.txt",
 {"title": "他们，是新一届全国劳模中的“老面孔”", "publisher": "工人周刊", "date": "2025-05-06"},
"""
Person: 邱德明|聂红英|包海龙|温晓岚
Unit: 中国东方航天材料研究院|中国东方航天材料研究院特种焊接研究室|内蒙古鄂尔多斯市东胜区环卫中心|内蒙古鄂尔多斯市东胜区环卫中心清扫班|工人周刊
Honor: 全国劳动模范|全国先进工作者
Project: 新一代贮箱搅拌摩擦焊|寒地水稻提质工程
Village: 东兴村|西兴村
Region: 黑龙江省|富锦市|锦山镇
""", """
WORKS_AT 邱德明 > 中国东方航天材料研究院特种焊接研究室
PART_OF 中国东方航天材料研究院特种焊接研究室 > 中国东方航天材料研究院
RECEIVED 邱德明 > 全国劳动模范 @2005
PARTICIPATES_IN 邱德明 > 新一代贮箱搅拌摩擦焊
PART_OF 富锦市 > 黑龙江省
PART_OF 锦山镇 > 富锦市
LOCATED_IN 东兴村 > 锦山镇
SERVES 聂红英 > 东兴村
RECEIVED 聂红英 > 全国劳动模范 @2010
PARTICIPATES_IN 聂红英 > 寒地水稻提质工程
SERVES 寒地水稻提质工程 > 东兴村
SERVES 寒地水稻提质工程 > 西兴村
WORKS_AT 包海龙 > 内蒙古鄂尔多斯市东胜区环卫中心清扫班
PART_OF 内蒙古鄂尔多斯市东胜区环卫中心清扫班 > 内蒙古鄂尔多斯市东胜区环卫中心
RECEIVED 包海龙 > 全国先进工作者 @2020
RECEIVED 包海龙 > 全国劳动模范 @2025
WORKS_AT 温晓岚 > 工人周刊
""")

build("dev-linyi-pioneer-team-trad", "bench/gold/texts/dev-linyi-pioneer-team-trad.txt",
 {"title": "臨沂一班組獲全國工人先鋒號", "publisher": "临沂日报", "date": "2024-04-30"},
"""
Person: 颜子涵|褚卫东
Unit: 临沂日报|全国总工会|山东临沂恒通重机有限公司|山东临沂恒通重机有限公司装载机总装二线班组
Honor: 全国工人先锋号|临沂市工人先锋号|山东省工人先锋号|沂蒙工匠
Project: 总装一次合格率提升
Region: 临沂市
""", """
WORKS_AT 颜子涵 > 临沂日报
PART_OF 山东临沂恒通重机有限公司装载机总装二线班组 > 山东临沂恒通重机有限公司
RECEIVED 山东临沂恒通重机有限公司装载机总装二线班组 > 全国工人先锋号 @2024
RECEIVED 山东临沂恒通重机有限公司装载机总装二线班组 > 临沂市工人先锋号 @2016
RECEIVED 山东临沂恒通重机有限公司装载机总装二线班组 > 山东省工人先锋号 @2020
WORKS_AT 褚卫东 > 山东临沂恒通重机有限公司装载机总装二线班组
PARTICIPATES_IN 山东临沂恒通重机有限公司装载机总装二线班组 > 总装一次合格率提升
RECEIVED 褚卫东 > 沂蒙工匠 @2023
""")

build("dev-jiangsu-medal-counts", "bench/gold/texts/dev-jiangsu-medal-counts.txt",
 {"title": "今年江苏126人获全国五一劳动奖章", "publisher": "金陵晚报", "date": "2024-04-28"},
"""
Person: 孔令辉|苏文|丁伟|王静
Unit: 金陵晚报|江苏省总工会|南京紫金港机电设备有限公司
Honor: 全国五一劳动奖状|全国五一劳动奖章|全国工人先锋号|江苏省五一劳动奖章
Village: 殷巷社区
Region: 江苏省|南京市|江宁区|秣陵街道
""", """
WORKS_AT 孔令辉 > 金陵晚报
RECEIVED 丁伟 > 全国五一劳动奖章 @2024
RECEIVED 王静 > 全国五一劳动奖章 @2024
WORKS_AT 丁伟 > 南京紫金港机电设备有限公司
SERVES 王静 > 殷巷社区
PART_OF 江宁区 > 南京市
PART_OF 秣陵街道 > 江宁区
LOCATED_IN 殷巷社区 > 秣陵街道
""", [("全国五一劳动奖状", 6, "unit", "江苏省", 2024), ("全国五一劳动奖章", 126, "person", "江苏省", 2024),
      ("全国工人先锋号", 58, "team", "江苏省", 2024), ("全国五一劳动奖章", 21, "person", "南京市", 2024),
      ("江苏省五一劳动奖章", 300, "person", "江苏省", 2024)])

build("dev-wuhan-1984-apprentices", "bench/gold/texts/dev-wuhan-1984-apprentices.txt",
 {"title": "名师收高徒 技艺有传人", "publisher": "长江日报", "date": "1984-03-21"},
"""
Person: 邹国华|曹建|熊德才|甘小梅|程华
Unit: 长江日报|武汉市第一机床厂|武汉市总工会
Honor: 全国劳动模范
""", """
WORKS_AT 邹国华 > 长江日报
RECEIVED 熊德才 > 全国劳动模范
WORKS_AT 熊德才 > 武汉市第一机床厂
MENTORS 熊德才 > 甘小梅 @1984
WORKS_AT 程华 > 武汉市第一机床厂
""")

build("dev-press-meeting-two-generations", "bench/gold/texts/dev-press-meeting-two-generations.txt",
 {"title": "“父亲的奖章，是我的第一课”——新当选劳模代表与媒体见面会侧记", "publisher": "劳动时报", "date": "2025-04-30"},
"""
Person: 蒋思远|闫振华|曲晓婷|热依拉·买买提|付国强|闫长山|沈国良|许安
Unit: 劳动时报|吉林长岭油田采油三厂|宁波北仑港集装箱码头有限公司
Honor: 全国劳动模范|吉林省劳动模范
Region: 浙江省|宁波市
""", """
WORKS_AT 蒋思远 > 劳动时报
WORKS_AT 许安 > 劳动时报
RECEIVED 闫振华 > 全国劳动模范 @2025
RECEIVED 曲晓婷 > 全国劳动模范 @2025
RECEIVED 热依拉·买买提 > 全国劳动模范 @2025
RECEIVED 付国强 > 全国劳动模范 @2025
RECEIVED 闫长山 > 吉林省劳动模范
WORKS_AT 闫振华 > 吉林长岭油田采油三厂
PART_OF 宁波市 > 浙江省
WORKS_AT 曲晓婷 > 宁波北仑港集装箱码头有限公司
MENTORS 沈国良 > 曲晓婷
RECEIVED 沈国良 > 全国劳动模范
""")

build("dev-chengdu-chefs-honors", "bench/gold/texts/dev-chengdu-chefs-honors.txt",
 {"title": "成都餐饮业的“匠心”群像", "publisher": "成都商报", "date": "2024-11-18"},
"""
Person: 罗素芬|严冬|段明亮|钟雨涵
Unit: 成都商报|成都蜀香园餐饮管理有限公司|成都锦城宾馆|成都川菜研究院|成都川菜研究院烹饪工艺研究所
Honor: 四川省技术能手|成都市五一劳动奖章|天府工匠|中华技能大奖|蓉城工匠|成都市最美职工|成都工匠
Project: 川菜烹饪技艺标准化
Region: 成都市
""", """
WORKS_AT 罗素芬 > 成都蜀香园餐饮管理有限公司
RECEIVED 罗素芬 > 四川省技术能手
RECEIVED 罗素芬 > 成都市五一劳动奖章
RECEIVED 罗素芬 > 天府工匠 @2022
RECEIVED 罗素芬 > 中华技能大奖 @2024
MENTORS 罗素芬 > 严冬
WORKS_AT 严冬 > 成都锦城宾馆
RECEIVED 严冬 > 蓉城工匠 @2023
RECEIVED 严冬 > 成都市最美职工 @2024
WORKS_AT 段明亮 > 成都川菜研究院烹饪工艺研究所
PART_OF 成都川菜研究院烹饪工艺研究所 > 成都川菜研究院
PARTICIPATES_IN 段明亮 > 川菜烹饪技艺标准化
WORKS_AT 钟雨涵 > 成都商报
""")

build("dev-wenzhou-advanced-collectives", "bench/gold/texts/dev-wenzhou-advanced-collectives.txt",
 {"title": "温州28个集体获评浙江省先进集体", "publisher": "温州都市报", "date": "2024-12-27"},
"""
Person: 章晨阳|林启明|周若溪
Unit: 温州都市报|浙江省人民政府|温州市人民医院|温州市人民医院急诊医学科|温州市公安局|温州市公安局鹿城区分局|温州市公安局鹿城区分局五马派出所|温州瓯江口新区开发建设集团有限公司|瑞安市塘下镇人民政府|瑞安华盛汽车部件有限公司|瑞安华盛汽车部件有限公司质检部|乐清市柳市镇长虹村股份经济合作社
Honor: 浙江省先进集体
Region: 温州市|鹿城区|瓯海区|瑞安市|乐清市
""", """
WORKS_AT 章晨阳 > 温州都市报
WORKS_AT 周若溪 > 温州都市报
RECEIVED 温州市人民医院急诊医学科 > 浙江省先进集体 @2024
RECEIVED 温州市公安局鹿城区分局五马派出所 > 浙江省先进集体 @2024
RECEIVED 温州瓯江口新区开发建设集团有限公司 > 浙江省先进集体 @2024
RECEIVED 瑞安市塘下镇人民政府 > 浙江省先进集体 @2024
RECEIVED 瑞安华盛汽车部件有限公司质检部 > 浙江省先进集体 @2024
RECEIVED 乐清市柳市镇长虹村股份经济合作社 > 浙江省先进集体 @2024
PART_OF 温州市人民医院急诊医学科 > 温州市人民医院
PART_OF 温州市公安局鹿城区分局 > 温州市公安局
PART_OF 温州市公安局鹿城区分局五马派出所 > 温州市公安局鹿城区分局
PART_OF 瑞安华盛汽车部件有限公司质检部 > 瑞安华盛汽车部件有限公司
WORKS_AT 林启明 > 温州市人民医院急诊医学科
""", [("浙江省先进集体", 300, "unit", "浙江省", 2024), ("浙江省先进集体", 28, "unit", "温州市", 2024)])

build("dev-shenzhen-candidates-notice", "bench/gold/texts/dev-shenzhen-candidates-notice.txt",
 {"title": "关于2025年深圳市劳动模范拟表彰对象的公示", "publisher": "深圳市总工会", "date": "2025-03-03"},
"""
Person: 文海生|邝美玲|朱振华|欧阳斌|黎淑贞|邓凯
Unit: 深圳市委|深圳市政府|深圳市总工会|深圳鹏城快递服务有限公司|深圳鹏城快递服务有限公司南山分部|深圳市宝安区人民医院|深圳市宝安区人民医院儿科|深圳湾区智能装备股份有限公司|深圳湾区智能装备股份有限公司研发中心|深圳市地铁运营集团有限公司|深圳市地铁运营集团有限公司车辆检修中心
Honor: 深圳市劳动模范|深圳市先进工作者|深圳市五一劳动奖章|鹏城工匠
Project: 高速贴片机视觉定位
Village: 六联社区
Region: 龙岗区|坪地街道
""", """
WORKS_AT 文海生 > 深圳鹏城快递服务有限公司南山分部
PART_OF 深圳鹏城快递服务有限公司南山分部 > 深圳鹏城快递服务有限公司
WORKS_AT 邝美玲 > 深圳市宝安区人民医院儿科
PART_OF 深圳市宝安区人民医院儿科 > 深圳市宝安区人民医院
WORKS_AT 朱振华 > 深圳湾区智能装备股份有限公司研发中心
PART_OF 深圳湾区智能装备股份有限公司研发中心 > 深圳湾区智能装备股份有限公司
WORKS_AT 欧阳斌 > 深圳市地铁运营集团有限公司车辆检修中心
PART_OF 深圳市地铁运营集团有限公司车辆检修中心 > 深圳市地铁运营集团有限公司
SERVES 黎淑贞 > 六联社区
PART_OF 坪地街道 > 龙岗区
LOCATED_IN 六联社区 > 坪地街道
RECEIVED 朱振华 > 深圳市五一劳动奖章 @2021
PARTICIPATES_IN 朱振华 > 高速贴片机视觉定位
MENTORS 朱振华 > 邓凯
RECEIVED 邓凯 > 鹏城工匠 @2025
""")

build("dev-xian-company-models", "bench/gold/texts/dev-xian-company-models.txt",
 {"title": "延河能源集团表彰2023年度劳动模范", "publisher": "陕西延河能源集团有限公司工会", "date": "2024-03-16"},
"""
Person: 白建军|田甜甜|冯朝阳|郝佳
Unit: 陕西延河能源集团有限公司|陕西延河能源集团有限公司第一工程公司|陕西延河能源集团有限公司第一工程公司采煤队|陕西延河能源集团有限公司第二工程公司|陕西延河能源集团有限公司第二工程公司机电科|陕西延河能源集团有限公司化工分公司|陕西延河能源集团有限公司化工分公司甲醇车间|陕西延河能源集团有限公司物资供应中心|陕西延河能源集团有限公司工会
Honor: 延河能源集团劳动模范|延河能源集团先进集体|陕西省五一劳动奖章
""", """
RECEIVED 白建军 > 延河能源集团劳动模范 @2023
RECEIVED 田甜甜 > 延河能源集团劳动模范 @2023
RECEIVED 冯朝阳 > 延河能源集团劳动模范 @2023
WORKS_AT 白建军 > 陕西延河能源集团有限公司第一工程公司采煤队
WORKS_AT 田甜甜 > 陕西延河能源集团有限公司第二工程公司机电科
WORKS_AT 冯朝阳 > 陕西延河能源集团有限公司化工分公司甲醇车间
PART_OF 陕西延河能源集团有限公司第一工程公司 > 陕西延河能源集团有限公司
PART_OF 陕西延河能源集团有限公司第一工程公司采煤队 > 陕西延河能源集团有限公司第一工程公司
PART_OF 陕西延河能源集团有限公司第二工程公司 > 陕西延河能源集团有限公司
PART_OF 陕西延河能源集团有限公司第二工程公司机电科 > 陕西延河能源集团有限公司第二工程公司
PART_OF 陕西延河能源集团有限公司化工分公司 > 陕西延河能源集团有限公司
PART_OF 陕西延河能源集团有限公司化工分公司甲醇车间 > 陕西延河能源集团有限公司化工分公司
PART_OF 陕西延河能源集团有限公司物资供应中心 > 陕西延河能源集团有限公司
PART_OF 陕西延河能源集团有限公司工会 > 陕西延河能源集团有限公司
RECEIVED 陕西延河能源集团有限公司第一工程公司采煤队 > 延河能源集团先进集体 @2023
RECEIVED 陕西延河能源集团有限公司化工分公司甲醇车间 > 延河能源集团先进集体 @2023
RECEIVED 陕西延河能源集团有限公司物资供应中心 > 延河能源集团先进集体 @2023
RECEIVED 白建军 > 陕西省五一劳动奖章 @2019
WORKS_AT 郝佳 > 陕西延河能源集团有限公司工会
""", [("延河能源集团劳动模范", 12, "person", None, 2023), ("延河能源集团先进集体", 3, "unit", None, 2023)])

build("dev-liuyang-rural-craftsmen", "bench/gold/texts/dev-liuyang-rural-craftsmen.txt",
 {"title": "浏阳：乡村工匠唱主角 花炮小镇添新彩", "publisher": "浏阳日报", "date": "2025-04-26"},
"""
Person: 易思远|钟国庆|谭小勇|卢佳佳|李冬梅
Unit: 浏阳日报|浏阳市总工会|南山村村民委员会
Honor: 浏阳市劳动模范|浏阳乡村工匠|湖南省美丽乡村示范村
Village: 南山村
Region: 浏阳市|大瑶镇
""", """
WORKS_AT 易思远 > 浏阳日报
RECEIVED 钟国庆 > 浏阳市劳动模范 @2025
RECEIVED 钟国庆 > 浏阳乡村工匠 @2025
MENTORS 钟国庆 > 谭小勇
MENTORS 钟国庆 > 卢佳佳
SERVES 李冬梅 > 南山村
RECEIVED 李冬梅 > 浏阳市劳动模范
LOCATED_IN 南山村 > 大瑶镇
RECEIVED 南山村村民委员会 > 湖南省美丽乡村示范村 @2024
LOCATED_IN 南山村村民委员会 > 南山村
""", [("浏阳市劳动模范", 28, "person", "浏阳市", 2025), ("浏阳乡村工匠", 15, "person", "浏阳市", 2025)])

build("dev-hangzhou-beautiful-craftsmen", "bench/gold/texts/dev-hangzhou-beautiful-craftsmen.txt",
 {"title": "百名“最美工匠”发布 杭州十人登台领奖", "publisher": "钱塘新闻网", "date": "2024-09-12"},
"""
Person: 任思涵|陆一帆|庞建国|俞晓峰|桑雪梅|钟立|方国华|韦丽娟|诸葛明|何芸|赖春生|童佳怡|邵可欣
Unit: 钱塘新闻网|杭州天目山汽轮机有限公司|杭州天目山汽轮机有限公司叶片车间|杭州西溪丝绸文化研究会
Honor: 最美工匠
Region: 杭州市
""", """
WORKS_AT 任思涵 > 钱塘新闻网
WORKS_AT 邵可欣 > 钱塘新闻网
RECEIVED 庞建国 > 最美工匠 @2024
RECEIVED 俞晓峰 > 最美工匠 @2024
RECEIVED 桑雪梅 > 最美工匠 @2024
RECEIVED 钟立 > 最美工匠 @2024
RECEIVED 方国华 > 最美工匠 @2024
RECEIVED 韦丽娟 > 最美工匠 @2024
RECEIVED 诸葛明 > 最美工匠 @2024
RECEIVED 何芸 > 最美工匠 @2024
RECEIVED 赖春生 > 最美工匠 @2024
RECEIVED 童佳怡 > 最美工匠 @2024
WORKS_AT 庞建国 > 杭州天目山汽轮机有限公司
WORKS_AT 庞建国 > 杭州天目山汽轮机有限公司叶片车间
PART_OF 杭州天目山汽轮机有限公司叶片车间 > 杭州天目山汽轮机有限公司
MENTORS 庞建国 > 俞晓峰
WORKS_AT 桑雪梅 > 杭州西溪丝绸文化研究会
""", [("最美工匠", 100, "person", None, 2024)])

build("dev-baise-first-secretary-trad", "bench/gold/texts/dev-baise-first-secretary-trad.txt",
 {"title": "百坡村來了個“電力書記”", "publisher": "右江日报", "date": "2024-07-15"},
"""
Person: 韦金凤|农志刚|黄秀英|黄海|梁小宁
Unit: 右江日报|广西电网有限责任公司|广西电网有限责任公司百色供电局
Honor: 广西五一劳动奖章
Project: 百坡芒果提质增收
Village: 百坡村
Region: 广西壮族自治区|百色市|田东县|林逢镇
""", """
WORKS_AT 韦金凤 > 右江日报
PART_OF 百色市 > 广西壮族自治区
PART_OF 田东县 > 百色市
PART_OF 林逢镇 > 田东县
LOCATED_IN 百坡村 > 林逢镇
WORKS_AT 农志刚 > 广西电网有限责任公司百色供电局
PART_OF 广西电网有限责任公司百色供电局 > 广西电网有限责任公司
RECEIVED 农志刚 > 广西五一劳动奖章
ASSIGNED_TO 农志刚 > 百坡村 @2022
PARTICIPATES_IN 农志刚 > 百坡芒果提质增收
SERVES 百坡芒果提质增收 > 百坡村
SERVES 黄秀英 > 百坡村
MENTORS 农志刚 > 黄海
MENTORS 农志刚 > 梁小宁
""")
