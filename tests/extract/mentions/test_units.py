"""mentions/units.py: organisations by their head, and the units the tagger cuts."""
from __future__ import annotations

from graph.extract.mentions.units import short_unit_name, unit_ok, unit_parent
from tests.extract.helpers import extract, facts, mentions, names


def test_a_unit_ends_with_an_organisation_head() -> None:
    assert unit_ok("嘉兴市总工会") and unit_ok("巨石集团") and unit_ok("嘉兴市第一医院")
    assert not unit_ok("公司")  # too short
    assert not unit_ok("嘉兴市劳模风采") and not unit_ok("南湖区、秀洲区总工会")


def test_a_county_unit_takes_the_county_of_the_discourse() -> None:
    # 该县总工会 after 海盐县 → 海盐县总工会
    assert "海盐县总工会" in names(extract("海盐县召开会议。该县总工会主席出席。"), "Unit")
    # 市总工会 → the city named anywhere before it: 张家港市委常委、市总工会主席 → 张家港市总工会
    ex = extract("张家港市委常委、市总工会主席陈晓东出席。")
    assert names(ex, "Unit") == {"张家港市总工会"}
    assert ("陈晓东", "张家港市总工会") in facts(ex, "WORKS_AT")


def test_a_county_unit_with_no_county_named_is_dropped() -> None:
    assert mentions("县总工会组织活动。", {"县总工会": "ORG"}) == []
    assert mentions("嘉善县的县总工会组织活动。", {"嘉善县": "LOC", "县总工会": "ORG"}) == [
        ("Region", "嘉善县"), ("Unit", "嘉善县总工会")]


def test_a_place_and_a_head_the_tagger_missed() -> None:
    # 嘉兴市劳模办
    assert names(extract("嘉兴市劳模办组织活动。"), "Unit") == {"嘉兴市劳模办"}


def test_a_child_of_the_last_company() -> None:
    # 公司焊接车间 → 江苏沙钢集团有限公司焊接车间
    ex = extract("刘宏伟进入江苏沙钢集团有限公司。他在公司焊接车间工作。")
    assert "江苏沙钢集团有限公司焊接车间" in names(ex, "Unit")
    assert ("江苏沙钢集团有限公司焊接车间", "江苏沙钢集团有限公司") in facts(ex, "PART_OF")
    assert "嘉兴石化有限公司仪表班" in names(extract("嘉兴石化有限公司成立于2005年，该公司仪表班获奖。"), "Unit")


def test_a_child_glued_behind_its_unit_but_not_a_role() -> None:
    # 嘉兴市第一医院急诊科
    ex = extract("嘉兴市第一医院急诊科护士长周丽萍获奖。")
    assert {"嘉兴市第一医院急诊科", "嘉兴市第一医院"} <= names(ex, "Unit")
    # 国网嘉兴供电公司高级技师: a role, not a child unit
    assert names(extract("国网嘉兴供电公司高级技师徐卫东获奖。"), "Unit") == {"国网嘉兴供电公司"}


def test_a_unit_parent_read_from_its_name() -> None:
    assert unit_parent("长城汽车股份有限公司平湖分公司总装车间") == "长城汽车股份有限公司平湖分公司"
    assert unit_parent("长城汽车股份有限公司平湖分公司") == "长城汽车股份有限公司"
    assert unit_parent("巨石集团有限公司玻纤研究院") == "巨石集团有限公司"
    assert unit_parent("长城汽车股份有限公司") is None


def test_a_company_named_again_by_its_short_name() -> None:
    # 江苏沙钢集团有限公司 … 进入沙钢
    assert short_unit_name("江苏沙钢集团有限公司") == "沙钢"
    assert short_unit_name("巨石集团有限公司") == "巨石"
    assert short_unit_name("嘉兴供电公司") is None  # 供电 alone names no company
    ex = extract("进入沙钢后，刘宏伟一直在轧钢厂工作。江苏沙钢集团有限公司是一家大企业。")
    unit = next(e for e in ex.entities if e.name == "江苏沙钢集团有限公司")
    assert len(unit.spans) == 2


def test_a_bare_team_before_a_role_and_a_name() -> None:
    # 见到了设备维修班班长刘宏伟 → <the last unit>设备维修班
    ex = extract("近日，记者走进江苏沙钢集团有限公司轧钢厂，见到了设备维修班班长刘宏伟。")
    team = "江苏沙钢集团有限公司轧钢厂设备维修班"
    assert team in names(ex, "Unit")
    assert ("刘宏伟", team) in facts(ex, "WORKS_AT")
    assert (team, "江苏沙钢集团有限公司轧钢厂") in facts(ex, "PART_OF")


def test_a_name_is_cut_into_its_levels() -> None:
    # each organisation level is its own Unit, consecutive sections one team (README "Units glued together")
    from graph.extract.mentions.units import unit_levels

    assert unit_levels("温州市公安局鹿城区分局五马派出所") == [
        "温州市公安局", "温州市公安局鹿城区分局", "温州市公安局鹿城区分局五马派出所"]
    assert unit_levels("新乡市中心医院心血管内科护理单元") == ["新乡市中心医院", "新乡市中心医院心血管内科护理单元"]
    assert unit_levels("陕西延河能源集团有限公司化工分公司") == ["陕西延河能源集团有限公司", "陕西延河能源集团有限公司化工分公司"]
    assert unit_levels("洛阳市人力资源和社会保障局") == ["洛阳市人力资源和社会保障局"]  # 社 inside 社会 is no level
    assert unit_levels("宜昌市中心人民医院") == ["宜昌市中心人民医院"]  # 市中心: the city centre


def test_sections_written_after_a_unit_belong_to_it() -> None:
    # the tagger's organisation, then the words of its sections, up to a role
    ex = extract("在四川九峰电子装备有限公司总装车间，老师傅们都知道。")
    assert ("四川九峰电子装备有限公司总装车间", "四川九峰电子装备有限公司") in facts(ex, "PART_OF")
    ex = extract("朱振华（深圳湾区智能装备股份有限公司研发中心主任）")
    assert ("朱振华", "深圳湾区智能装备股份有限公司研发中心") in facts(ex, "WORKS_AT")
    ex = extract("马立军劳模创新工作室就设在徐州恒拓机械股份有限公司结构件分厂。")
    assert "徐州恒拓机械股份有限公司结构件分厂" in names(ex, "Unit")
    # a role is not a section, nor a name: 主席方立群带队
    ex = extract("马鞍山市总工会主席方立群带队慰问。")
    assert names(ex, "Unit") == {"马鞍山市总工会"}


def test_a_bare_province_or_city_is_the_sources_own() -> None:
    # 省委、省政府 acting → the source's province; 市委常委 is an office, not a body
    ex = extract("本报讯 昨日，省委、省政府在武汉召开大会，表彰湖北省劳动模范。宜昌市公安局交警支队民警饶俊获奖。")
    assert {"湖北省委", "湖北省政府"} <= names(ex, "Unit")
    ex = extract("市中心人民医院心血管内科主任医师邓文杰。宜昌鑫达化工有限公司、当阳市庙前镇的黄春梅和宜昌市一中。")
    assert "宜昌市中心人民医院心血管内科" in names(ex, "Unit")


def test_our_hospital_is_the_publisher() -> None:
    # 我院 → meta.publisher; （院工会 刘晓晨） → its union
    from graph.extract import extract_article

    ex = extract_article("我院心血管内科护理单元获评河南省工人先锋号。（院工会 刘晓晨）", publisher="新乡市中心医院")
    assert {"新乡市中心医院心血管内科护理单元", "新乡市中心医院工会"} <= names(ex, "Unit")


def test_a_later_short_form_is_the_unit_named_in_full() -> None:
    ex = extract("温州市公安局鹿城区分局五马派出所获评先进集体。五马派出所地处老城区。")
    assert names(ex, "Unit") >= {"温州市公安局鹿城区分局五马派出所"} and "五马派出所" not in names(ex, "Unit")
    ex = extract("韩立国工作室设在济南泉城职业学院智能制造学院。智能制造学院机电教研室主任贺晓彤教授加入。")
    assert ("贺晓彤", "济南泉城职业学院智能制造学院机电教研室") in facts(ex, "WORKS_AT")


def test_a_team_named_again_by_该班组() -> None:
    ex = extract("鞍山恒盛重工有限公司铸造分厂造型一班获评鞍山市工人先锋号。该班组班长肖国庆带领大家攻关。")
    assert ("肖国庆", "鞍山恒盛重工有限公司铸造分厂造型一班") in facts(ex, "WORKS_AT")
    assert not any(n.endswith("班组") for n in names(ex, "Unit"))


def test_village_committees() -> None:
    ex = extract("每逢采茶季，茶山村村委会的办公室里挤满了茶农。")
    assert "茶山村村民委员会" in names(ex, "Unit")
    assert ("茶山村村民委员会", "茶山村") in facts(ex, "LOCATED_IN")


def test_a_bare_section_word_before_a_role_is_the_section_named_before() -> None:
    # …机车检修车间是… 车间主任罗志诚: that workshop, not …车间车间; no workshop named → no new unit
    ex = extract("青川钢城运输有限公司机车检修车间是一支先进集体。车间主任罗志诚介绍，车间承担大修任务。")
    assert facts(ex, "WORKS_AT") == {("罗志诚", "青川钢城运输有限公司机车检修车间")}
    assert not any(n.endswith("车间车间") for n in names(ex, "Unit"))


def test_a_short_name_the_text_declares() -> None:
    # U（以下简称“恒锐精机”）… 恒锐精机总经理X: the declared short name is that unit
    ex = extract("在青川恒锐精密机械有限公司（以下简称“恒锐精机”）的厂房里，摆满了图纸。恒锐精机总经理许国栋介绍，公司每年拿出专项资金。")
    assert facts(ex, "WORKS_AT") == {("许国栋", "青川恒锐精密机械有限公司")}


def test_a_bare_company_after_拜_before_a_role_and_a_name() -> None:
    # 他拜公司首席技师、全国劳动模范X为师: X works at the company named before
    ex = extract("戚建军是青川甬港机械有限公司数控车工。2015年，他拜公司首席技师、全国劳动模范周国平为师。")
    assert ("周国平", "青川甬港机械有限公司") in facts(ex, "WORKS_AT")


def test_stations_forest_farms_mines_and_customs_are_units() -> None:
    # 林业工作站/护林站, 国有林场, 煤矿, 海关 end an organisation level; places before them are the unit's
    ex = extract("2．周海林，青岚县石桥镇护林站护林员。3．吴春生，白沙县梅口镇林业工作站站长。"
                 "西岭煤业集团有限公司李家庄煤矿机电科副科长周明发言。郑晓，青川新港海关查验一科科长。")
    units = names(ex, "Unit")
    assert {"青岚县石桥镇护林站", "白沙县梅口镇林业工作站", "西岭煤业集团有限公司李家庄煤矿",
            "西岭煤业集团有限公司李家庄煤矿机电科", "青川新港海关", "青川新港海关查验一科"} <= units
    assert not {"石桥镇", "梅口镇"} & names(ex, "Region")


def test_a_place_word_the_tagger_ran_on_into_a_unit() -> None:
    # 顺昌县洋口国有林场护林队 comes tagged as one place: a unit level inside, a section at the end
    ex = extract("叶青松，白沙县桐口国有林场护林队队长。")
    assert {"白沙县桐口国有林场", "白沙县桐口国有林场护林队"} <= names(ex, "Unit")
    assert ("白沙县桐口国有林场护林队", "白沙县桐口国有林场") in facts(ex, "PART_OF")


def test_a_work_area_is_a_section() -> None:
    # 工区/作业区 are sections: one team Unit, PART_OF the company
    ex = extract("青川市城建工程有限公司城东工区班长刘志强说。")
    assert ("刘志强", "青川市城建工程有限公司城东工区") in facts(ex, "WORKS_AT")
    assert ("青川市城建工程有限公司城东工区", "青川市城建工程有限公司") in facts(ex, "PART_OF")


def test_a_company_named_again_by_its_contracted_short_name() -> None:
    # 嘉兴市城市建设集团有限公司 … 进入嘉兴城建: place short form + 城市|建设 → 城建, no Region 嘉兴市
    ex = extract("嘉兴市城市建设集团有限公司第二工程公司项目经理罗志诚获评全国劳动模范。"
                 "罗志诚2006年进入嘉兴城建，从一名施工员干起。")
    assert ("罗志诚", "嘉兴市城市建设集团有限公司") in facts(ex, "WORKS_AT")
    assert "嘉兴市" not in names(ex, "Region")
    assert unit_parent("嘉兴市城市建设集团有限公司第二工程公司") == "嘉兴市城市建设集团有限公司"


def test_a_verb_after_a_unit_starts_no_section() -> None:
    # 进入…医院担任心血管内科护士长, …学校合作开设…培训班: no unit …医院担任心血管内科
    ex = extract("她2010年进入青川市第一人民医院担任心血管内科护士长。工作室与白岩县职业技术学校合作开设浮选工培训班。")
    units = names(ex, "Unit")
    assert {"青川市第一人民医院", "白岩县职业技术学校"} <= units
    assert not any("担任" in u or "合作" in u for u in units)


def test_the_last_section_of_a_team_named_alone_is_that_team() -> None:
    # 焊接二班 after …船体车间焊接二班: the team named in full, not …有限公司焊接二班
    ex = extract("青川船舶制造有限公司船体车间焊接二班班长罗志诚名列其中。焊接二班是个有故事的班组。"
                 "2021年，焊接二班获评“全国工人先锋号”。")
    assert ("青川船舶制造有限公司船体车间焊接二班", "全国工人先锋号") in facts(ex, "RECEIVED")
    assert "青川船舶制造有限公司焊接二班" not in names(ex, "Unit")


def test_a_universitys_teaching_hospital_is_one_level() -> None:
    # 西岭大学第四附属医院儿科 / 西岭医科大学附属第一医院 / 西岭大学第一医院: no university above them
    ex = extract("2024年青川市劳动模范名单\n喻芳　西岭大学第四附属医院儿科护士长\n吴静华　西岭医科大学附属第一医院护理部主任")
    assert names(ex, "Unit") == {"西岭大学第四附属医院儿科", "西岭大学第四附属医院", "西岭医科大学附属第一医院护理部",
                                 "西岭医科大学附属第一医院"}
    assert facts(ex, "PART_OF") == {("西岭大学第四附属医院儿科", "西岭大学第四附属医院"),
                                    ("西岭医科大学附属第一医院护理部", "西岭医科大学附属第一医院")}


def test_teams_named_after_a_person_or_a_trade_are_one_team() -> None:
    # …焊接车间陈立强班, …装配车间钳工组组长P: consecutive sections form one team Unit
    ex = extract("青川华岳车桥有限公司桥壳分厂焊接车间陈立强班榜上有名。")
    assert facts(ex, "PART_OF") == {("青川华岳车桥有限公司桥壳分厂焊接车间陈立强班", "青川华岳车桥有限公司桥壳分厂"),
                                    ("青川华岳车桥有限公司桥壳分厂", "青川华岳车桥有限公司")}
    ex = extract("青川市第二纺织机械厂装配车间钳工组组长石宝林格外引人注目。")
    assert facts(ex, "WORKS_AT") == {("石宝林", "青川市第二纺织机械厂装配车间钳工组")}


def test_a_short_company_with_its_children_is_the_full_company() -> None:
    # 湖南湘江建工集团有限公司 … 湘江建工集团 … （集团工会 易 敏）: the union of the company named in full
    ex = extract("1月13日，湖南湘江建工集团有限公司召开表彰大会。据悉，湘江建工集团下设5个工程公司。\n（集团工会 易 敏）")
    assert ("易敏", "湖南湘江建工集团有限公司工会") in facts(ex, "WORKS_AT")


def test_a_bureau_named_x_and_y() -> None:
    # 松阳县文化和旅游局干部P: one government body, 和 inside its name
    ex = extract("松阳县文化和旅游局干部程立军作为驻村指导员，在村里一住就是三年。程立军说。")
    assert facts(ex, "WORKS_AT") == {("程立军", "松阳县文化和旅游局")}


def test_rail_sections_and_mines_are_organisation_levels() -> None:
    # …集团有限公司金城工务段河口线路车间, …集团有限公司大梁湾煤矿综采一队
    from tests.extract.helpers import extract, facts
    ex = extract("西陇铁路运输集团有限公司金城工务段河口线路车间工长庞继明上了线路。")
    assert ("西陇铁路运输集团有限公司金城工务段", "西陇铁路运输集团有限公司") in facts(ex, "PART_OF")
    ex = extract("陕西榆阳能源集团有限公司大梁湾煤矿综采一队榜上有名。")
    assert ("陕西榆阳能源集团有限公司大梁湾煤矿", "陕西榆阳能源集团有限公司") in facts(ex, "PART_OF")


def test_a_former_post_marker_is_not_part_of_the_unit() -> None:
    # 分配到原凉州工务段: the unit is 凉州工务段, a former post with its year
    from tests.extract.helpers import extract, names, years
    ex = extract("1995年，庞继明从铁路技校毕业，分配到原凉州工务段当巡道工。")
    assert names(ex, "Unit") == {"凉州工务段"}
    assert years(ex, "WORKS_AT") == {("庞继明", "凉州工务段"): 1995}


def test_an_indefinite_unit_is_no_unit() -> None:
    # 从一家纺织厂下岗: no name, no Unit
    from tests.extract.helpers import extract, names
    assert names(extract("她从一家纺织厂下岗后来到清扫队。"), "Unit") == set()


def test_a_headline_short_form_is_spelt_out_by_the_body() -> None:
    # 大梁湾煤矿综采一队获评… (headline) / …陕西榆阳能源集团有限公司大梁湾煤矿综采一队榜上有名 (body)
    from tests.extract.helpers import extract, names
    ex = extract("大梁湾煤矿综采一队获评全国工人先锋号\n\n日前，陕西榆阳能源集团有限公司大梁湾煤矿综采一队榜上有名。"
                 "综采一队现有职工86人。")
    assert "大梁湾煤矿综采一队" not in names(ex, "Unit") and "大梁湾煤矿" not in names(ex, "Unit")


def test_a_child_level_read_as_its_own_word_joins_its_parent() -> None:
    # 成都铁路局集团公司成都机务段司机P: one Unit PART_OF the group; two bodies side by side stay two
    from tests.extract.helpers import extract, facts, names
    ex = extract("成都铁路局集团公司成都机务段电力机车司机杜鹏程获评“天府工匠”。")
    assert facts(ex, "WORKS_AT") == {("杜鹏程", "成都铁路局集团公司成都机务段")}
    assert ("成都铁路局集团公司成都机务段", "成都铁路局集团公司") in facts(ex, "PART_OF")
    assert "南宁市卫生健康委员会南宁市总工会" not in names(extract("南宁市卫生健康委员会南宁市总工会联合发布名单。"), "Unit")


def test_a_declared_short_name_the_tagger_read_as_a_unit_is_the_declared_unit() -> None:
    # U（以下简称“南糖公司”）… 进入南糖公司: the short name ends in 公司 and looks like a unit of its own
    text = "广西崇左南糖制糖有限公司（以下简称“南糖公司”）压榨车间里，检修声此起彼伏。1995年，农建勋进入南糖公司。"
    ex = extract(text)
    assert facts(ex, "WORKS_AT") == {("农建勋", "广西崇左南糖制糖有限公司")}
