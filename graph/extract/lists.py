"""List items: names joined by 、/和/与/及 act together (李婷婷、周志刚和郑凯参与……)."""
from __future__ import annotations

import re

from graph.extract.document import Mention
from graph.extract.lexicons import JOINERS

COORDINATORS = (*JOINERS, "以及", "同")


def coordinated(flat: str, ms: list[Mention]) -> list[Mention]:
    """The last run of mentions joined by 、/和/与/及/以及/同, ending with the last one."""
    group = [ms[-1]]
    for m in reversed(ms[:-1]):
        gap = flat[m.end:group[0].start]
        if gap in COORDINATORS:
            group.insert(0, m)
        else:
            break
    return group


_ROLE_JOIN = re.compile(r"(?:和|与|及|同|、)[\u4e00-\u9fff]{1,8}")


def coordinated_with_roles(flat: str, ms: list[Mention], role_words: tuple[str, ...]) -> list[Mention]:
    """Like `coordinated`, and a name joined with its own role between (他和村党总支书记P一起…,
    A与技术员B): the role belongs to the next name, the two act together."""
    group = [ms[-1]]
    for m in reversed(ms[:-1]):
        gap = flat[m.end:group[0].start]
        if gap in COORDINATORS or _ROLE_JOIN.fullmatch(gap) and gap.endswith(role_words):
            group.insert(0, m)
        else:
            break
    return group
