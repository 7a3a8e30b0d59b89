"""The graph's vocabulary: labels and relationship types, with their Chinese readings."""
from __future__ import annotations

from dataclasses import dataclass

ENTITY_LABELS: tuple[str, ...] = ("Person", "Unit", "Honor", "Studio", "Project", "Village", "Region")
SOURCE_LABELS: tuple[str, ...] = ("Article", "Roster")

RELATIONSHIP_TYPES: tuple[str, ...] = (
    "MENTORS",
    "WORKS_AT",
    "RECEIVED",
    "LEADS",
    "MEMBER_OF",
    "HOSTED_BY",
    "PARTICIPATES_IN",
    "SERVES",
    "ASSIGNED_TO",
    "LOCATED_IN",
    "PART_OF",
    "MENTIONS",
)

# How a path is read aloud: 张继东 —获评→ 全国劳动模范
READING: dict[str, str] = {
    "MENTORS": "带徒",
    "WORKS_AT": "就职于",
    "RECEIVED": "获评",
    "LEADS": "领衔",
    "MEMBER_OF": "成员",
    "HOSTED_BY": "依托",
    "PARTICIPATES_IN": "参与",
    "SERVES": "服务",
    "ASSIGNED_TO": "挂职",
    "LOCATED_IN": "位于",
    "PART_OF": "隶属",
    "MENTIONS": "提及",
}

# The facts a source states (everything but the source's own MENTIONS).
FACT_TYPES: tuple[str, ...] = tuple(t for t in RELATIONSHIP_TYPES if t != "MENTIONS")

# Personal data of a Person: stored only in these properties, shown only to editor and
# admin, never copied into evidence, reasons, search text, logs or error messages.
# `extra` holds a roster's unknown columns (JSON), which may be anything.
PERSONAL_PROPERTIES: frozenset[str] = frozenset({
    "phone", "idNumber", "birthDate", "birthYear", "address", "email", "ethnicity",
    "politicalStatus", "education", "note", "extra",
})


# ---------------------------------------------------------------- the kinds, as the API names them
# Interfaces (the GraphQL schema, the command line) are generated from these tables: a new label
# or filter is added here and appears everywhere at once.


@dataclass(frozen=True)
class EntityKind:
    """One entity label: the name of its list, what it is, and which filters its lists take
    (the fields of graph/read.py's EntityFilter that mean something for it). The one table of
    which filter applies to which type: the API's `PersonFilter`, `ProjectFilter` … are
    generated from it, so a list never accepts a filter it would silently ignore.

    What each filter does per label (graph/read.py, `_conditions` and `_region_of`): `name`
    any label; `region` everything but an honor (which lies nowhere); `sector` a person's own
    property; `honor`, `honor_level`, `year_from`, `year_to` what the node RECEIVED (people and
    units); `unit` WORKS_AT, HOSTED_BY or PART_OF a unit (people, studios, units); `has_outcomes`
    a project's outcomes; `level` the node's own level (honors, studios)."""

    label: str
    plural: str
    description: str
    filters: tuple[str, ...]


_HONORED = ("honor", "honor_level", "year_from", "year_to")

ENTITY_KINDS: tuple[EntityKind, ...] = (
    EntityKind("Person", "people", "A model worker, or anyone linked to one (mentee, student).",
               ("name", "region", "sector", *_HONORED, "unit")),
    EntityKind("Unit", "units", "An employer or organisation; a team (班组) is a Unit of kind TEAM, PART_OF its unit.",
               ("name", "region", *_HONORED, "unit")),
    EntityKind("Honor", "honors", "An honor title (not an award event), with its level and issuer.",
               ("name", "level")),
    EntityKind("Studio", "studios", "An innovation studio (劳模创新工作室, 技能大师工作室).",
               ("name", "region", "unit", "level")),
    EntityKind("Project", "projects", "A programme or project, with outcomes where the source states them.",
               ("name", "region", "has_outcomes")),
    EntityKind("Village", "villages", "A village or community served.", ("name", "region")),
    EntityKind("Region", "regions", "A province, city, county, district or town; PART_OF forms the hierarchy.",
               ("name", "region")),
)
assert tuple(k.label for k in ENTITY_KINDS) == ENTITY_LABELS

SOURCE_KINDS: dict[str, str] = {
    "Article": "A news article, a source of facts.",
    "Roster": "An honor roster (CSV or XLSX), a source of facts.",
}
assert tuple(SOURCE_KINDS) == SOURCE_LABELS

# Which labels each fact joins (subject → object), and what it says.
FACT_KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "MENTORS": (("Person",), ("Person",), "a person mentors another (师傅 → 徒弟), `since` a year"),
    "WORKS_AT": (("Person",), ("Unit",), "a person works at a unit, in a `role`"),
    "RECEIVED": (("Person", "Unit"), ("Honor",), "a person or unit received an honor, in a `year`"),
    "LEADS": (("Person",), ("Studio",), "a person leads a studio"),
    "MEMBER_OF": (("Person",), ("Studio",), "a person is a member of a studio"),
    "HOSTED_BY": (("Studio",), ("Unit",), "a studio is hosted by a unit"),
    "PARTICIPATES_IN": (("Person", "Unit"), ("Project",), "a person or unit takes part in a project, in a `role`"),
    "SERVES": (("Project", "Person"), ("Village",), "a project or person serves a village"),
    "ASSIGNED_TO": (("Person",), ("Region", "Village"), "a person was assigned (挂职) to a place"),
    "LOCATED_IN": (("Unit", "Village"), ("Region",), "a unit or village lies in a region"),
    "PART_OF": (("Region", "Unit"), ("Region", "Unit"), "a region or unit belongs to a larger one"),
}
assert tuple(FACT_KINDS) == FACT_TYPES

# Honor levels as stored (Honor.level), each with the words people write for it.
HONOR_LEVELS: dict[str, tuple[str, ...]] = {
    "national": ("全国", "全国级", "国家", "国家级", "中央"),
    "provincial": ("省", "省级", "省部级", "全省"),
    "city": ("市", "市级", "地市级", "全市"),
    "county": ("县", "县级", "区", "区级", "县区级", "全县"),
}
HONOR_LEVEL_NAMES: dict[str, str] = {"national": "全国", "provincial": "省级", "city": "市级", "county": "县级"}

REGION_KINDS: dict[str, str] = {"province": "省", "city": "市", "county": "县", "district": "区", "town": "乡镇"}
UNIT_KINDS: dict[str, str] = {"company": "企业", "hospital": "医院", "school": "学校", "union": "工会",
                              "association": "协会", "government": "机关", "team": "班组"}
RECIPIENT_KINDS: dict[str, str] = {"person": "个人", "unit": "单位", "team": "班组", "studio": "工作室"}
