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
Unit: 嘉兴市劳模协会|南湖区劳模协会|南湖区总工会|国网嘉兴供电公司|嘉兴市总工会|嘉兴集团|嘉兴技师学院|嘉兴劳模工匠学院|嘉善县总工会|嘉兴市第二医院|海盐县劳模协会|海盐县总工会|海宁市劳模协会|嘉兴市劳模办|嘉善县传媒中心|长城汽车股份有限公司|长城汽车股份有限公司平湖分公司|长城汽车股份有限公司平湖分公司总装车间|平湖劳模工匠学院
Honor: 全国劳动模范|全国先进工作者|享受全国劳动模范待遇|全国五一劳动奖章|全国五一劳动奖状|全国工人先锋号|浙江省五一劳动奖状|浙江省五一劳动奖章|浙江省工人先锋号|嘉兴市劳动模范|嘉兴市先进集体|嘉兴市五一劳动奖状|嘉兴市五一劳动奖章|嘉兴市工人先锋号|浙江工匠|嘉兴良匠|嘉兴大工匠|屏聚英才杰出贡献奖
Project: 劳模入网格 繁星耀南湖|东西协作茵红李全产业链增收|浙江工匠培育工程|嘉兴良匠培育工程
Region: 南湖区|嘉兴市|嘉善县|桐乡市|四川省|宜宾市|屏山县
""", """
RECEIVED 张继东 > 全国劳动模范
RECEIVED 杨开九 > 全国五一劳动奖章
RECEIVED 王金良 > 全国先进工作者
RECEIVED 王金良 > 屏聚英才杰出贡献奖
WORKS_AT 庞珍妮 > 嘉兴技师学院
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
Honor: 全国劳动模范|浙江工匠|海宁市劳动模范
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
SERVES 家纺电商培训 > 杨渡村
""")

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
