"""Where things are: place chains written together (四川省宜宾市屏山县 → PART_OF,
姚庄镇北鹤村 → LOCATED_IN, and so each village coordinated after it: 姚庄镇北鹤村、南鹤村), "R的U" (桐乡市的巨石集团 → LOCATED_IN), and a unit's parents
read from its name (巨石集团有限公司玻纤研究院 PART_OF 巨石集团有限公司)."""
from __future__ import annotations

import re

from graph.extract.document import Mention, Span
from graph.extract.facts.recorder import FactRecorder, ref
from graph.extract.mentions.units import unit_parent


_SITED = re.compile(r"(?:位于|坐落在|坐落于|地处|地处于|落户|落户于|扎根于)")


def place_facts(flat: str, b: FactRecorder, ms: list[Mention], sent: Span) -> None:
    for i in range(len(ms) - 1):
        a, c = ms[i], ms[i + 1]
        if a.type == "Region" and c.type == "Region" and a.end == c.start:
            b.add("PART_OF", ref(c), ref(a), sent)
        elif a.type == "Region" and c.type == "Village" and a.end == c.start:
            b.add("LOCATED_IN", ref(c), ref(a), sent)
            # 董马库乡岩科村、夯来村、排吾村: villages coordinated after one place are each in it
            last = c
            for x in ms[i + 2:]:
                if x.type != "Village" or flat[last.end:x.start] not in ("、", "和", "与", "及", "以及"):
                    break
                b.add("LOCATED_IN", ref(x), ref(a), sent)
                last = x
        elif a.type == "Region" and c.type in ("Unit", "Village") and flat[a.end:c.start] in ("的",):
            b.add("LOCATED_IN", ref(c), ref(a), sent)
        elif a.type in ("Unit", "Village") and c.type == "Region" and _SITED.fullmatch(flat[a.end:c.start]) \
                and not (a.type == "Unit" and unit_parent(a.name)):
            # 巨石集团有限公司坐落在浙江省桐乡市: the last place of the chain written after the verb
            last = c
            for x in ms[i + 2:]:
                if x.type != "Region" or x.start != last.end:
                    break
                last = x
            if not last.name.endswith(("园区", "城区", "新区", "开发区")):
                b.add("LOCATED_IN", ref(a), ref(last), sent)
    for m in ms:
        if m.type != "Unit" or m.anaphor:
            continue
        if m.props.get("village"):  # 茶山村村民委员会 LOCATED_IN 茶山村
            b.add("LOCATED_IN", ref(m), ("Village", m.props["village"]), sent)
        child, parent = m.name, m.props.get("parent") or unit_parent(m.name)
        while parent:
            b.add("PART_OF", ("Unit", child), ("Unit", parent), sent)
            child, parent = parent, unit_parent(parent)
