"""lists.py: names joined by 、/和/与/及 act together."""
from __future__ import annotations

from graph.extract.document import Mention
from graph.extract.lists import coordinated
from tests.extract.helpers import extract, facts


def test_the_last_run_of_joined_names() -> None:
    flat = "王强说，李婷婷、周志刚和郑凯"
    ms = [Mention("Person", "王强", 0, 2), Mention("Person", "李婷婷", 4, 7), Mention("Person", "周志刚", 8, 11),
          Mention("Person", "郑凯", 12, 14)]
    assert [m.name for m in coordinated(flat, ms)] == ["李婷婷", "周志刚", "郑凯"]
    assert [m.name for m in coordinated(flat, ms[:2])] == ["李婷婷"]


def test_every_listed_participant_takes_part() -> None:
    ex = extract("李婷婷、周志刚以及郑凯文共同参与“池窑节能”项目。")
    assert facts(ex, "PARTICIPATES_IN") == {("李婷婷", "池窑节能"), ("周志刚", "池窑节能"), ("郑凯文", "池窑节能")}
