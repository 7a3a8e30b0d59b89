"""The pages in a real browser (Debian's chromium, driven by Playwright), over the seed,
with every request that would leave 127.0.0.1 refused: GraphiQL at /graphql and the
explorer at / work offline. What a person does first: search 张继东 by `zjd`, open the
person, draw the neighbourhood, hide shared-honor links, expand a node, save the picture,
find the path to 王金良, read the mentorship tree; read story leads and download them;
log in as an editor, merge a planted pair and undo it. Each step leaves a screenshot in
tests/artifacts/."""
from __future__ import annotations

import csv
import io
import re

import pytest

from graph.config import CHECKOUT
from graph.identity import matching_props
from graph.loaders.seed import load_seed
from graph.tokens import create_token
from tests.browser import DIST, Offline, chromium, shot
from tests.conftest import wipe

CHROMIUM = chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium on this machine: `make test` installs it (apt-get install chromium)")

TWIN = "person_000000twin01"


@pytest.fixture(scope="module")
def seeded(db):
    """The seed, plus a planted duplicate of 张继东 (張繼東: same unit, same honor and year)
    that the review screen lists as an open candidate."""
    from graph.dedupe.candidates import check_new, store_candidates

    wipe(db)
    list(load_seed(db, CHECKOUT / "seed"))
    db.write("CREATE (n:Person:Entity) SET n = $props",
             props={"id": TWIN, "name": "張繼東", "aliases": ["張繼東"], "aliasText": " 張繼東",
                    "gender": "男", "region": "桐乡市", **matching_props("Person", "張繼東")})
    db.write("MATCH (t:Person {id: $t}), (p:Person {name: '张继东'})-[r:RECEIVED]->(h:Honor {name: '全国劳动模范'}) "
             "CREATE (t)-[:RECEIVED {year: r.year, sourceIds: r.sourceIds, evidence: r.evidence, "
             "locators: r.locators}]->(h)", t=TWIN)
    db.write("MATCH (t:Person {id: $t}), (p:Person {name: '张继东'})-[r:WORKS_AT]->(u:Unit) "
             "CREATE (t)-[:WORKS_AT {sourceIds: r.sourceIds, evidence: r.evidence, locators: r.locators}]->(u)", t=TWIN)
    found = [c for c in check_new(db, [TWIN]) if TWIN in (c.a.id, c.b.id)]
    assert found, "the planted twin must be a candidate"
    store_candidates(db, found)
    return db


@pytest.fixture(scope="module")
def server(live_server, seeded):
    if not (DIST / "index.html").exists() or not (DIST / "graphiql.html").exists():
        pytest.fail("web/dist is not built: run `make web` (make test does it)")
    return live_server


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    offline = Offline()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN", accept_downloads=True,
                                  base_url=server.url)
    context.route("**/*", offline)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.set_default_timeout(60_000)  # a cold graph on a busy 2-core machine: the first leads take ~15 s
    yield pg
    context.close()
    assert offline.blocked == [], f"requests left 127.0.0.1: {offline.blocked}"
    assert errors == [], f"errors in the page: {errors}"


def ready(page, view: str) -> None:
    page.wait_for_selector(f"body[data-ready='{view}']")


def person_id(server, name: str) -> str:
    body = server.graphql('query($q: String!) { search(q: $q, types: [PERSON], first: 1) { nodes { node { id name } } } }',
                          {"q": name})
    hit = body["data"]["search"]["nodes"][0]["node"]
    assert hit["name"] == name
    return hit["id"]


def click_node(page, name: str) -> None:
    """A real mouse click on the node of that name in the Cytoscape canvas."""
    point = page.evaluate("""(name) => {
        const cy = document.getElementById('cy')._cyreg.cy;
        const node = cy.nodes().filter((n) => n.data('name') === name)[0];
        if (!node) return null;
        cy.center(node);
        const p = node.renderedPosition(), box = cy.container().getBoundingClientRect();
        return {x: box.left + p.x, y: box.top + p.y};
    }""", name)
    assert point, f"{name} is not drawn"
    page.mouse.click(point["x"], point["y"])


def edge_types(page) -> set[str]:
    return set(page.eval_on_selector_all("#edge-list li", "els => els.map((e) => e.dataset.type)"))


def test_graphiql_works_offline_and_runs_a_query(page) -> None:
    page.goto("/graphql")
    page.wait_for_selector(".graphiql-container")
    page.wait_for_selector(".graphiql-query-editor .CodeMirror, .graphiql-query-editor textarea")
    page.get_by_label("Execute query (Ctrl-Enter)").click()
    page.wait_for_function("() => (document.querySelector('.graphiql-response') || {}).innerText?.includes('张继东')")
    shot(page, "graphiql")
    # the docs come from introspection of this server, not from anywhere else
    page.get_by_label("Show Documentation Explorer").click()
    page.wait_for_selector(".graphiql-doc-explorer")


def test_researcher_search_person_page_graph_path_tree(page, server) -> None:
    page.goto("/")
    ready(page, "home")
    page.get_by_label("搜索", exact=True).first.fill("zjd")
    page.keyboard.press("Enter")
    hit = page.locator("ol.hits li", has_text="张继东").first
    hit.wait_for()
    assert "首字母" in hit.inner_text(), "the hit says it matched on the initials"
    shot(page, "search")
    page.get_by_label("搜索", exact=True).first.fill("张")  # a surname alone
    page.keyboard.press("Enter")
    page.locator("ol.hits li", has_text="张继东").filter(has_text="开头（姓氏）").first.wait_for()

    hit.get_by_role("link", name="张继东").click()
    ready(page, "e")
    timeline = page.locator("#honors li.honor")
    years = [int(y) for y in timeline.locator(".year").all_inner_texts() if y.isdigit()]
    assert len(years) >= 3 and years == sorted(years), years
    assert "全国劳动模范" in page.inner_text("#honors")
    # every fact with its evidence sentence and source
    for section in ("#honors", "#units", "#studios", "#mentees"):
        facts = page.locator(f"{section} li.fact")
        assert facts.count() > 0, section
        for i in range(facts.count()):
            fact = facts.nth(i)
            assert fact.locator("li.evidence q").count() > 0, fact.inner_text()
            assert fact.locator(".source a").count() > 0, fact.inner_text()
    assert page.locator("#mentions .source a", has_text="嘉兴市劳模协会").count() or page.locator("#mentions .source").count()
    shot(page, "person")

    page.get_by_role("link", name="关系图").click()
    ready(page, "graph")
    page.wait_for_selector(".graph-status:has-text('个节点')")
    assert "RECEIVED" in edge_types(page)
    page.get_by_label("获评 RECEIVED").uncheck()
    page.wait_for_function("() => location.hash.includes('hide=RECEIVED')")
    page.wait_for_function("() => !document.querySelector('#edge-list li[data-type=RECEIVED]')"
                           " && document.querySelectorAll('#edge-list li').length > 0")
    assert "RECEIVED" not in edge_types(page) and "MENTORS" in edge_types(page)
    before = page.locator("#edge-list li").count()
    click_node(page, "沈建华")  # a mentee: expanding shows 沈建华's own mentee
    page.wait_for_function(f"() => document.querySelectorAll('#edge-list li').length > {before}")
    assert "陆佳琪" in page.text_content("#edge-list")
    assert "RECEIVED" not in edge_types(page), "the filter holds for expanded nodes too"
    shot(page, "graph")
    with page.expect_download() as png:
        page.locator("#save-png").click()
    data = open(png.value.path(), "rb").read()
    assert png.value.suggested_filename.endswith(".png") and data[:8] == b"\x89PNG\r\n\x1a\n"
    with page.expect_download() as svg:
        page.locator("#save-svg").click()
    assert b"<svg" in open(svg.value.path(), "rb").read()[:2000]

    # a picture cut by the limit says so
    page.goto(f"/#/graph/{person_id(server, '张继东')}?depth=3")
    ready(page, "graph")
    page.wait_for_selector(".graph-status:has-text('个节点')")
    assert page.locator(".truncated").count() == 1 and "截断" in page.inner_text(".graph-status")

    page.goto(f"/#/path?from={person_id(server, '张继东')}")
    ready(page, "path")
    page.get_by_label("到", exact=True).fill("王金良")
    page.keyboard.press("Enter")
    page.locator("ul.picks button", has_text="王金良").first.click()
    page.wait_for_selector("#paths li")
    readings = page.locator("#paths .reading").all_inner_texts()
    assert readings and all(r.startswith("张继东") and r.endswith("王金良") for r in readings), readings
    assert page.locator("#paths li.evidence q").count() > 0, "each edge of the path with its evidence"
    shot(page, "path")
    page.get_by_label("获评 RECEIVED").uncheck()
    page.wait_for_function("() => location.hash.includes('hide=RECEIVED')")
    page.wait_for_function("() => !document.querySelector('#paths') || "
                           "![...document.querySelectorAll('#paths .reading')].some((r) => r.innerText.includes('获评'))")
    without = page.inner_text(".path-result")
    assert "获评" not in without or "没有找到" in without

    page.goto(f"/#/tree/{person_id(server, '张继东')}")
    ready(page, "tree")
    outline = page.inner_text("#tree-outline")
    assert "徒弟：沈建华" in outline and "徒孙：陆佳琪" in outline
    shot(page, "tree")


def test_publicity_reads_leads_and_downloads_them(page) -> None:
    page.goto("/#/leads")
    ready(page, "leads")
    leads = page.locator("ol.leads > li")
    assert leads.count() > 5
    first = leads.first
    assert first.locator(".lead-person a").count() > 0 and first.locator("li.evidence q").count() > 0
    assert first.locator(".source").count() > 0
    shot(page, "leads")
    with page.expect_download() as download:
        page.locator("#leads-csv").click()
    text = open(download.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:4] == ["排名", "类型", "分数", "标题"] and len(rows) == leads.count() + 1
    # the seed's roster says it is synthetic: the leads from it are labelled, on screen and in the file
    assert page.locator("ol.leads > li h2 .badge.synthetic").count() > 0
    assert rows[0][-1] == "合成数据" and "是" in {row[-1] for row in rows[1:]}
    assert all(not re.match(r"^[=+\-@]", cell) for row in rows for cell in row)
    with page.expect_download() as md:
        page.locator("#leads-md").click()
    assert open(md.value.path(), encoding="utf-8").read().startswith("# 报道线索")
    # filtered by kind
    page.get_by_label("师徒传承").check()
    page.get_by_role("button", name="筛选").click()
    page.wait_for_function("() => location.hash.includes('kinds=LINEAGE')")
    ready(page, "leads")
    kinds = page.locator("ol.leads > li h2 .badge[class*=kind-]").all_inner_texts()
    assert kinds and set(kinds) == {"师徒传承"}


def test_records_staff_merge_and_undo_a_planted_pair(page, server, seeded) -> None:
    token = create_token(seeded, "editor", "records-desk")
    page.goto("/#/review")
    ready(page, "review")
    page.get_by_label("编辑令牌").fill(token)
    page.keyboard.press("Enter")
    pair = page.locator("button.cand", has_text="張繼東").first
    pair.click()
    page.wait_for_selector(".side-by-side .record >> nth=1")
    assert "得分构成" in page.inner_text("#pair") and page.locator("table.reasons tbody tr").count() > 0
    shot(page, "review")
    zhang = seeded.read("MATCH (p:Person {name: '张继东'}) RETURN p.id AS id")[0]["id"]

    def resolved() -> set[str]:
        body = server.graphql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {"ids": [zhang, TWIN]})
        return {n["id"] for n in body["data"]["nodes"]}

    assert resolved() == {zhang, TWIN}
    page.locator("#merge").click()
    page.wait_for_selector("text=已合并")
    assert len(resolved()) == 1, "after the merge both ids resolve to the survivor"
    shot(page, "review-merged")
    page.locator("#undo-merge").click()
    page.wait_for_selector("text=已撤销合并")
    assert resolved() == {zhang, TWIN}, "the undo brings both records back"
    page.locator("button.cand", has_text="張繼東").first.click()
    page.locator("#verdict-different").click()
    page.wait_for_selector(".history li:has-text('不同')")
    # a merge the DIFFERENT verdict blocks: the payload's userErrors are shown, nothing merged
    page.locator("#merge").click()
    page.wait_for_selector(".pair-status .user-errors[role=alert] li")
    assert resolved() == {zhang, TWIN}
    shot(page, "review-blocked")


def test_charts_labels_and_keyboard(page, server) -> None:
    page.goto("/#/charts")
    ready(page, "charts")
    assert page.locator("#chart-years tr").count() > 5 and page.locator("#chart-lines tbody tr").count() > 0
    shot(page, "charts")
    # every control of every view has a label a screen reader can read
    zhang = person_id(server, "张继东")
    for path, view in (("/#/charts", "charts"), (f"/#/e/{zhang}", "e"), (f"/#/graph/{zhang}", "graph"),
                       (f"/#/path?from={zhang}", "path"), (f"/#/tree/{zhang}", "tree"), ("/#/leads", "leads"),
                       ("/#/review", "review"), ("/", "home")):
        page.goto(path)
        ready(page, view)
        unlabeled = page.evaluate("""() => [...document.querySelectorAll('input, select, button')].filter((el) =>
            !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.innerText.trim())
            .map((el) => el.outerHTML)""")
        assert unlabeled == [], path
    assert page.evaluate("() => document.activeElement.id") == "q", "the search box has the keyboard on arrival"
    page.keyboard.type("王金良")
    page.keyboard.press("Enter")
    page.locator("ol.hits li a", has_text="王金良").first.focus()
    page.keyboard.press("Enter")
    ready(page, "e")
