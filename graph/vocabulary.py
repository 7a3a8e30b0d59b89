"""The graph's vocabulary: labels and relationship types, with their Chinese readings."""
from __future__ import annotations

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
