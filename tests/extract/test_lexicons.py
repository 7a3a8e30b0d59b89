"""lexicons.py: the words the rules know, each list defined once, as data."""
from __future__ import annotations

import re
from pathlib import Path

from graph.extract import lexicons
from graph.extract.lexicons import DATA, cue_words, gazetteer, honor_regex, place_of, surnames

EXTRACT = Path(lexicons.__file__).parent


def test_every_cue_list_is_defined_once_and_used() -> None:
    sections = re.findall(r"^\[(\w+)\]", (DATA / "cue_words.txt").read_text(encoding="utf-8"), re.M)
    assert len(sections) == len(set(sections)), "a list defined twice"
    imported: set[str] = set()  # a stage imports [studio_heads] as STUDIO_HEADS
    for path in EXTRACT.rglob("*.py"):
        for names in re.findall(r"from graph\.extract\.lexicons import (\([^)]*\)|.*)", path.read_text(encoding="utf-8")):
            imported |= {n.lower() for n in re.findall(r"\b[A-Z][A-Z0-9_]*\b", names)}
    assert set(sections) <= imported, "a list no stage uses"
    assert lexicons.STUDIO_HEADS == cue_words("studio_heads")
    for name in sections:
        words = cue_words(name)
        assert words and len(words) == len(set(words)), name


def test_no_stage_spells_out_a_cue_list_of_the_data() -> None:
    # the receiving verbs once lived in three places; a stage now imports them
    for path in EXTRACT.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "被授予|获评|荣获" not in source, path
        assert "同年|同一年|当年" not in source, path
        assert '"省劳模", "省劳动模范"' not in source, path


def test_order_is_kept_where_it_decides() -> None:
    assert cue_words("receive_verbs").index("获评") < cue_words("receive_verbs").index("获")
    assert cue_words("outcome_units").index("人次") < cue_words("outcome_units").index("人")
    heads = cue_words("studio_heads")
    assert heads[-1] == "工作室" and heads.index("劳模创新工作室") < heads.index("创新工作室")


def test_surnames_single_and_compound() -> None:
    single, double = surnames()
    assert {"王", "张", "俞"} <= single and {"欧阳", "司马"} <= double


def test_gazetteer_short_forms_and_place_prefixes() -> None:
    by_name, aliases = gazetteer()
    assert aliases["嘉兴"] == "嘉兴市" and aliases["屏山"] == "屏山县"
    assert {p.kind for p in by_name["纳雍县"]} == {"county"}
    assert place_of("海盐县劳模协会") == "海盐县"
    assert place_of("巨石集团") is None


def test_honor_forms_include_the_relative_short_forms() -> None:
    found = [m.group(0) for m in honor_regex().finditer("全国劳模张继东、省劳模李晓红和市五一劳动奖章获得者")]
    assert found == ["全国劳模", "省劳模", "市五一劳动奖章"]
