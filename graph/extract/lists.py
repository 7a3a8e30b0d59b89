"""List items: names joined by 、/和/与/及 act together (李婷婷、周志刚和郑凯参与……)."""
from __future__ import annotations

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
