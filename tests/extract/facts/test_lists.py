"""facts/lists.py: every item of a list receives the lead's honor and works at its unit."""
from __future__ import annotations

from graph.extract import extract_article
from tests.extract.helpers import extract, facts, names, years


def test_a_line_list_under_a_heading() -> None:
    # 附：2024年“潍坊工匠”名单 — name, padding, unit and role on each line
    text = ("附：2024年“潍坊工匠”名单（部分）\n\n王 琦　潍坊鸿泰动力机械有限公司装配车间钳工\n"
            "刘晓燕（女）潍坊市妇幼保健院检验科主管技师\n\n联系人：市总工会劳动和经济工作部 陈思远\n")
    ex = extract(text)
    assert years(ex, "RECEIVED") == {("王琦", "潍坊工匠"): 2024, ("刘晓燕", "潍坊工匠"): 2024}
    assert {("王琦", "潍坊鸿泰动力机械有限公司装配车间"), ("刘晓燕", "潍坊市妇幼保健院检验科")} <= facts(ex, "WORKS_AT")


def test_a_prose_list_after_他们是() -> None:
    text = ("其中五人获得湖北省劳动模范称号，他们是：宜昌鑫达化工有限公司合成车间主任向德兵、"
            "三峡电力装备有限公司高级技师覃志远。获得湖北省先进工作者称号的是宜昌市第一中学副校长何明辉。")
    ex = extract(text)
    assert facts(ex, "RECEIVED") == {("向德兵", "湖北省劳动模范"), ("覃志远", "湖北省劳动模范"),
                                     ("何明辉", "湖北省先进工作者")}
    assert ("何明辉", "宜昌市第一中学") in facts(ex, "WORKS_AT")


def test_units_and_a_team_on_two_lines_after_名单如下() -> None:
    text = ("日前，我市8个集体获评2023年辽宁工人先锋号。名单如下：\n1.鞍山市第三医院重症医学科\n"
            "2.杜海峰班组\n辽宁华拓精密轴承有限公司\n3.台安县农村商业银行营业部\n")
    ex = extract(text)
    assert years(ex, "RECEIVED") == {("鞍山市第三医院重症医学科", "辽宁工人先锋号"): 2023,
                                     ("辽宁华拓精密轴承有限公司杜海峰班组", "辽宁工人先锋号"): 2023,
                                     ("台安县农村商业银行营业部", "辽宁工人先锋号"): 2023}
    assert ("辽宁华拓精密轴承有限公司杜海峰班组", "辽宁华拓精密轴承有限公司") in facts(ex, "PART_OF")


def test_sections_with_unit_headers_take_the_year_of_the_lead() -> None:
    text = ("决定授予张婷等10名同志2023年度盐城市“十佳护士”称号。\n\n一、盐城市“十佳护士”\n"
            "市第一人民医院：张婷、吴晓雯\n东台市人民医院：陈玉兰\n")
    ex = extract_article(text, publisher="盐城市卫生健康委员会")
    assert years(ex, "RECEIVED") == {("张婷", "盐城市十佳护士"): 2023, ("吴晓雯", "盐城市十佳护士"): 2023,
                                     ("陈玉兰", "盐城市十佳护士"): 2023}
    assert ("吴晓雯", "盐城市第一人民医院") in facts(ex, "WORKS_AT")


def test_candidates_receive_nothing() -> None:
    text = ("关于2025年深圳市劳动模范拟表彰对象的公示\n现将2025年深圳市劳动模范拟表彰对象名单予以公示：\n"
            "文海生（深圳鹏城快递服务有限公司南山分部快递员）\n")
    ex = extract(text)
    assert facts(ex, "RECEIVED") == set()
    assert ("文海生", "深圳鹏城快递服务有限公司南山分部") in facts(ex, "WORKS_AT")


def test_a_village_leader_in_a_line_list() -> None:
    # name　…村党支部书记: the item's person SERVES the village
    ex = extract("2024年青川市劳动模范名单\n罗志诚　青川县白岩镇柳树村党支部书记\n宋一帆（女）　青川县石门乡桃花村党总支书记\n")
    assert facts(ex, "SERVES") == {("罗志诚", "柳树村"), ("宋一帆", "桃花村")}
    assert years(ex, "RECEIVED") == {("罗志诚", "青川市劳动模范"): 2024, ("宋一帆", "青川市劳动模范"): 2024}


def test_a_numbered_list_of_teams_with_their_units_on_the_next_line() -> None:
    # 1　桥梁检测班 / 　　U: the number and its space are no part of the team; 单元 and 室 are sections
    text = ("附件：2024年度青川市工人先锋号名单\n\n1　桥梁检测班\n　　青川路桥养护有限公司\n2　急诊科护理单元\n"
            "　　青川市中心医院\n3　数控实训教研室\n　　青川技师学院\n")
    ex = extract(text)
    assert years(ex, "RECEIVED") == {("青川路桥养护有限公司桥梁检测班", "青川市工人先锋号"): 2024,
                                     ("青川市中心医院急诊科护理单元", "青川市工人先锋号"): 2024,
                                     ("青川技师学院数控实训教研室", "青川市工人先锋号"): 2024}


def test_a_table_of_studios_flattened_under_a_list_heading() -> None:
    # …名单 / (blank) / 序号工作室名称依托单位1S1U12S2U2…: every studio of the table holds the title
    text = ("附件：2023年度（第五批）青川市示范性劳模和工匠人才创新工作室名单\n\n"
            "序号工作室名称依托单位1罗志诚劳模创新工作室青川重型锻压有限公司2宋一帆技能大师工作室青川市中心医院"
            "3刘佳工匠创新工作室青川职业技术学院机电系\n\n青川市总工会\n")
    ex = extract(text)
    title = "青川市示范性劳模和工匠人才创新工作室"
    assert years(ex, "RECEIVED") == {("罗志诚劳模创新工作室", title): 2023, ("宋一帆技能大师工作室", title): 2023,
                                     ("刘佳工匠创新工作室", title): 2023}


def test_sections_titled_by_an_honor_named_in_full_before() -> None:
    # 命名…“青川工匠”和“青川青年工匠” … 一、青川工匠（2名） / items … 二、青川青年工匠（1名） / items
    text = ("青川市总工会决定，命名3名同志为2024年度“青川工匠”和“青川青年工匠”。名单如下：\n\n"
            "一、青川工匠（2名）\n罗志诚　青川重型锻压有限公司锻造车间主任\n宋一帆（女）　青川市中心医院护士长\n\n"
            "二、青川青年工匠（1名）\n刘佳　青川技师学院教师\n")
    ex = extract(text)
    assert years(ex, "RECEIVED") == {("罗志诚", "青川工匠"): 2024, ("宋一帆", "青川工匠"): 2024,
                                     ("刘佳", "青川青年工匠"): 2024}


def test_an_inline_lead_naming_part_of_the_recipients() -> None:
    # 获评H的部分同志是：unit role name，unit role name
    ex = extract("获评西岭省劳动模范的部分同志是：青川重型锻压有限公司锻造车间主任罗志诚，青川市中心医院护士长宋一帆。")
    assert facts(ex, "RECEIVED") == {("罗志诚", "西岭省劳动模范"), ("宋一帆", "西岭省劳动模范")}


def test_a_lead_without_an_honor_takes_the_award_of_its_kind() -> None:
    # 授予30名职工“H1”，授予15个班组“H2”。… 受表彰的职工代表有：persons → H1, not the teams' H2
    text = ("大会授予30名职工“青川市五一劳动奖章”，授予15个班组“青川市工人先锋号”。市总工会主席出席并讲话。\n"
            "受表彰的职工代表有：罗志诚（青川重型锻压有限公司锻造车间主任）、宋一帆（女，青川市中心医院护士长）。")
    ex = extract(text)
    assert facts(ex, "RECEIVED") == {("罗志诚", "青川市五一劳动奖章"), ("宋一帆", "青川市五一劳动奖章")}


def test_a_decision_whose_lead_ends_on_the_title_and_its_colon() -> None:
    # 决定授予以下3名同志2024年度青川市“最美护林员”称号：then numbered name，unit items
    text = ("2024年度青川市“最美护林员”名单\n\n"
            "为弘扬护林精神，决定授予以下3名同志2024年度青川市“最美护林员”称号：\n\n"
            "1．罗志诚，白岩县石门镇护林站护林员\n"
            "2．潘慧敏（女），白岩县梅口镇林业工作站护林员\n"
            "3．宋　帆，青川县东山国有林场护林队队长\n")
    ex = extract(text)
    got = facts(ex, "RECEIVED")
    assert {("罗志诚", "青川市最美护林员"), ("潘慧敏", "青川市最美护林员"), ("宋帆", "青川市最美护林员")} <= got
    assert ("宋帆", "青川县东山国有林场护林队") in facts(ex, "WORKS_AT")
    assert not {u for u, _ in got} & names(ex, "Unit")  # no unit receives an honor for persons


def test_a_lead_whose_items_are_one_line_of_prose() -> None:
    # 他们是：\n U1 role A，U2 role B（女），U3 role C。: each ，-item holds one person
    text = ("12月18日，西岭省工业和信息化厅公布第八批西岭省工艺美术大师评审结果，我市3人榜上有名。他们是：\n"
            "青川陶瓷大学艺术设计学院副教授罗志诚，青川市青云窑陶瓷有限公司主持人潘慧敏（女），"
            "青川市陶瓷研究所所长助理宋一帆。\n"
            "据了解，西岭省工艺美术大师每四年评选一次。")
    ex = extract(text)
    got = facts(ex, "RECEIVED")
    assert {("罗志诚", "西岭省工艺美术大师"), ("潘慧敏", "西岭省工艺美术大师"), ("宋一帆", "西岭省工艺美术大师")} <= got
    assert ("宋一帆", "青川市陶瓷研究所") in facts(ex, "WORKS_AT")


def test_a_list_lead_dated_by_month_and_day_takes_the_publication_year() -> None:
    # 12月18日，…公布…H评审结果…他们是：: every item gets the publication year
    text = ("12月18日，西岭省工业和信息化厅公布第八批西岭省工艺美术大师评审结果，我市2人榜上有名。他们是：\n"
            "青川陶瓷大学艺术设计学院副教授罗志诚，青川市陶瓷研究所所长助理宋一帆。\n")
    ex = extract_article(text, date="2024-12-20")
    got = {(f.subject.name, f.object.name): f.year for f in ex.facts if f.type == "RECEIVED"}
    assert got[("罗志诚", "西岭省工艺美术大师")] == 2024 and got[("宋一帆", "西岭省工艺美术大师")] == 2024


def test_items_before_a_count_that_made_the_list() -> None:
    # 发布2023年“H”名单，全省共50人获此称号，我市U1 role A，U2 role B，U3工艺师C等3人榜上有名
    text = ("5月11日，省总工会发布2023年“西岭工匠”名单，全省共50人获此称号，我市青川瑞达汽车有限公司总装车间调整工罗志诚，"
            "青川市第二人民医院神经外科主任医师潘慧敏，青川市宋氏铁画工艺有限公司工艺师宋长生等3人榜上有名，人数居全省第二。")
    ex = extract(text)
    got = facts(ex, "RECEIVED")
    assert {("罗志诚", "西岭工匠"), ("潘慧敏", "西岭工匠"), ("宋长生", "西岭工匠")} <= got
    assert ("宋长生", "青川市宋氏铁画工艺有限公司") in facts(ex, "WORKS_AT")


def test_a_title_alone_with_a_colon_heads_a_new_section() -> None:
    # 首都劳动奖章获得者： … 首都工人先锋号： (the nickname 首都 is 北京市); the signature before
    # the date line is no item; a decision's name in 《》 awards nothing by itself
    text = ("2024年首都劳动奖章获得者名单\n根据青川市总工会《关于表彰2024年首都劳动奖章获得者和首都工人先锋号的决定》，"
            "我区职工荣获首都劳动奖章。现将名单公布如下：\n首都劳动奖章获得者：\n罗志诚　青川重型锻压有限公司锻造车间主任\n"
            "首都工人先锋号：\n青川市环境卫生服务中心清扫一队\n朝阳区总工会\n2024年4月26日")
    ex = extract(text)
    assert facts(ex, "RECEIVED") == {("罗志诚", "首都劳动奖章"), ("青川市环境卫生服务中心清扫一队", "首都工人先锋号")}


def test_sections_heading_their_people_in_a_units_own_notice() -> None:
    # 我院 notice: 急诊科：A / 重症医学科：熊 莉 → the department of the hospital that signs it
    text = ("关于表彰我院2023年度“十佳护士长”的决定\n决定授予万小芳等2名同志我院2023年度“十佳护士长”称号。名单如下：\n"
            "急诊科：万小芳\n重症医学科：熊 莉\n青川市中心医院\n2023年5月10日")
    ex = extract(text)
    assert facts(ex, "WORKS_AT") == {("万小芳", "青川市中心医院急诊科"), ("熊莉", "青川市中心医院重症医学科")}
    assert ("熊莉", "十佳护士长") in facts(ex, "RECEIVED")


def test_every_name_before_a_count_receives() -> None:
    # U1 role A、U2 role B等10人获评H; A、B、C等8人被授予“H”称号, D等3人被授予“H2”称号
    ex = extract("经层层推荐，青川重型锻压有限公司锻造车间高级技师向天明、青川市中心医院护士长蒲晓丽等10人获评第三届“青川工匠”。")
    assert facts(ex, "RECEIVED") == {("向天明", "青川工匠"), ("蒲晓丽", "青川工匠")}
    ex = extract("我市索朗顿珠、拉巴卓嘎、周立平等8人被授予“西岭省劳动模范”称号，白玛央金等3人被授予“西岭省先进工作者”称号。")
    assert facts(ex, "RECEIVED") == {("索朗顿珠", "西岭省劳动模范"), ("拉巴卓嘎", "西岭省劳动模范"),
                                     ("周立平", "西岭省劳动模范"), ("白玛央金", "西岭省先进工作者")}


def test_items_separated_by_semicolons_keep_their_inner_commas() -> None:
    # …村村民、黄花梨雕刻艺人王亚福；…: 、 joins two roles of one item when ； separates the items
    text = ("青川市公布第二批“椰城工匠”名单，共有3人入选。名单如下：\n"
            "青川航空技术有限公司维修车间主任王家骏；三门坡镇谭文村村民、黄花梨雕刻艺人王亚福；青川市第一中学劳技教师吴海英。")
    assert facts(extract(text), "RECEIVED") == {("王家骏", "椰城工匠"), ("王亚福", "椰城工匠"), ("吴海英", "椰城工匠")}


def test_a_lead_naming_the_items_that_follow() -> None:
    # 决定命名以下2名同志为第四届“冰城工匠”： (the title then a colon) / 命名以下2个集体为“H”。 and
    # numbered rows longer than a heading stay rows
    text = ("经研究，决定命名以下2名同志为第四届“冰城工匠”：\n1.于洪涛　青川电气集团青川电机厂有限责任公司大型电机分厂铆焊工\n"
            "2.金美善（女，朝鲜族）　青川医科大学附属第二医院心内科护士长")
    assert facts(extract(text), "RECEIVED") == {("于洪涛", "冰城工匠"), ("金美善", "冰城工匠")}
    text = "市总工会决定，命名以下2个集体为2024年度“青川市工人先锋号”。\n1\n青川燃气股份有限公司客户服务中心\n2\n青川市第一医院急诊科"
    assert facts(extract(text), "RECEIVED") == {("青川燃气股份有限公司客户服务中心", "青川市工人先锋号"),
                                                ("青川市第一医院急诊科", "青川市工人先锋号")}


def test_unit_header_lines_without_a_lead() -> None:
    # U：A、B on a line of its own: each works at U, whatever title (if any) the text gives
    ex = extract("青川市第一人民医院：罗志诚、潘慧敏\n青川重型锻压有限公司：宋一帆")
    assert facts(ex, "WORKS_AT") == {("罗志诚", "青川市第一人民医院"), ("潘慧敏", "青川市第一人民医院"),
                                     ("宋一帆", "青川重型锻压有限公司")}


def test_rows_under_a_long_section_heading_and_without_a_lead() -> None:
    # 一、拟推荐…人选（12名，以下列出部分） heads its rows; a row name　unit role works there anyway
    text = ("青川市2025年劳动模范拟推荐人选公示\n一、拟推荐青川市劳动模范人选（12名，以下列出部分）\n"
            "雷秀芬（女）　青川荆楚纺织股份有限公司细纱车间挡车工\n包国强　青川市中心医院心血管内科主任医师")
    ex = extract(text)
    assert facts(ex, "WORKS_AT") == {("雷秀芬", "青川荆楚纺织股份有限公司细纱车间"), ("包国强", "青川市中心医院心血管内科")}
    assert facts(ex, "RECEIVED") == set()  # candidates receive nothing


def test_a_unit_header_with_each_name_s_section_in_parentheses() -> None:
    # U：A（心血管内科）、B（急诊科）: each works at the unit's section
    from tests.extract.helpers import extract, facts
    ex = extract("2024年度南宁市优秀护士名单\n南宁市邕江人民医院：韦丽华（心血管内科）、覃秋梅（急诊科）\n")
    assert facts(ex, "WORKS_AT") == {("韦丽华", "南宁市邕江人民医院心血管内科"), ("覃秋梅", "南宁市邕江人民医院急诊科")}
    assert ("南宁市邕江人民医院急诊科", "南宁市邕江人民医院") in facts(ex, "PART_OF")


def test_an_inline_list_that_goes_on_over_lines_ending_with_semicolons() -> None:
    # 入选者为：U1 role A；⏎U2 role B；⏎U3 role C。 — one item a line after the lead's own line
    text = ("日前，湖北省总工会公布第三届“荆楚工匠”名单。\n"
            "宜昌入选者为：宜昌鑫达化工有限公司合成车间主任 罗志诚；\n"
            "三峡电力装备有限公司高级技师 覃志远；\n"
            "宜昌市第一中学教师 何明辉。\n")
    ex = extract(text)
    assert {("罗志诚", "荆楚工匠"), ("覃志远", "荆楚工匠"), ("何明辉", "荆楚工匠")} <= facts(ex, "RECEIVED")
    assert {("覃志远", "三峡电力装备有限公司"), ("何明辉", "宜昌市第一中学")} <= facts(ex, "WORKS_AT")


def test_a_heading_with_the_year_between_place_and_titles() -> None:
    # 六盘水市2024年度劳动模范和先进工作者名单, then sections 一、劳动模范 / 二、先进工作者
    text = ("宜昌市2024年度劳动模范和先进工作者名单\n一、劳动模范\n向德兵　宜昌鑫达化工有限公司合成车间主任\n"
            "二、先进工作者\n何明辉　宜昌市第一中学教师\n")
    ex = extract(text)
    assert years(ex, "RECEIVED") == {("向德兵", "宜昌市劳动模范"): 2024, ("何明辉", "宜昌市先进工作者"): 2024}


def test_a_list_selected_into_a_programme_receives_nothing() -> None:
    # 公布…国家级技能大师工作室建设项目名单，…入选。分别是：… — a selection, not an award
    text = ("近日，人力资源和社会保障部公布2023年国家级技能大师工作室建设项目名单，我市2个工作室入选。\n"
            "分别是：青川重型锻压有限公司的罗志诚技能大师工作室、青川市中心医院的潘慧敏技能大师工作室。")
    ex = extract(text)
    assert facts(ex, "RECEIVED") == set()
    assert ("罗志诚技能大师工作室", "青川重型锻压有限公司") in facts(ex, "HOSTED_BY")
