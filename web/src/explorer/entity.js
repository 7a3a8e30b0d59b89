// Entity pages: a person's honors as a timeline in year order, units, studios, projects,
// villages, mentors and mentees, every fact with its evidence sentence and source; unit,
// honor, studio, project, village, region pages alike (their facts grouped by kind), and
// the pages of the sources themselves (articles, rosters).
import { gql } from "./api.js";
import { ENTITY } from "./queries.js";
import { LEVEL_LABEL, RECIPIENT_LABEL, REGION_KIND_LABEL, TYPE_LABEL, clear, entityLink, errorBox, evidenceList, h, label, levelClass,
  loading, sourceRef, typeBadge } from "./dom.js";
import { exportButtons } from "./exports.js";

// Headings of a non-person entity's facts, by type and direction (OUT: this entity is the subject).
const GROUPS = {
  "RECEIVED:IN": "获得者", "RECEIVED:OUT": "获得荣誉", "WORKS_AT:IN": "人员", "WORKS_AT:OUT": "任职",
  "HOSTED_BY:IN": "依托的工作室", "HOSTED_BY:OUT": "依托单位", "LEADS:IN": "领衔人", "LEADS:OUT": "领衔",
  "MEMBER_OF:IN": "成员", "MEMBER_OF:OUT": "所属工作室", "PARTICIPATES_IN:IN": "参与者",
  "PARTICIPATES_IN:OUT": "参与项目", "SERVES:IN": "服务它的项目和人", "SERVES:OUT": "服务的村社",
  "ASSIGNED_TO:IN": "挂职于此的人", "ASSIGNED_TO:OUT": "挂职", "LOCATED_IN:IN": "位于此地",
  "LOCATED_IN:OUT": "所在地", "PART_OF:IN": "下属", "PART_OF:OUT": "上级", "MENTORS:IN": "师傅",
  "MENTORS:OUT": "徒弟",
};

function section(title, items, render, { id, empty = "无记录" } = {}) {
  return h("section", { class: "facts", id, "aria-label": title },
    h("h2", {}, title, h("span", { class: "count" }, ` ${items.length}`)),
    items.length ? h("ul", { class: "fact-list" }, items.map((it) => h("li", { class: "fact" }, render(it))))
      : h("p", { class: "muted" }, empty));
}

function fact(head, f) {
  return [h("div", { class: "fact-head" }, head), evidenceList(f)];
}

function yearOf(f) {
  return f.year || f.since || "";
}

function actions(node) {
  const links = [h("a", { href: `#/graph/${encodeURIComponent(node.id)}`, class: "button" }, "关系图")];
  if (node.__typename === "Person") {
    links.push(h("a", { href: `#/tree/${encodeURIComponent(node.id)}`, class: "button" }, "师徒树"));
    links.push(h("a", { href: `#/path?from=${encodeURIComponent(node.id)}`, class: "button" }, "查找关系路径"));
  }
  return h("nav", { class: "actions", "aria-label": "对此条目的操作" }, links,
    exportButtons({ around: node.id, depth: 1 }));
}

function mentionsSection(mentions) {
  return section("报道与名单", mentions, (m) => {
    const src = m.article ? { kind: "ARTICLE", ...m.article } : m.roster ? { kind: "ROSTER", ...m.roster } : null;
    return [h("div", { class: "fact-head" }, sourceRef(src), m.names.length ? h("span", { class: "muted" }, ` 称作：${m.names.join("、")}`) : ""),
      h("ul", { class: "evidence-list" }, (m.evidence || []).map((e) => h("li", { class: "evidence" }, h("q", {}, e))))];
  }, { id: "mentions" });
}

function person(n) {
  const honors = n.honors; // in year order, from the API
  const covered = new Set(["RECEIVED", "WORKS_AT", "LEADS", "MEMBER_OF", "PARTICIPATES_IN", "SERVES", "ASSIGNED_TO", "MENTORS"]);
  const other = n.links.filter((l) => !covered.has(l.type) || (l.type === "ASSIGNED_TO" && l.node.__typename !== "Village"));
  return [
    h("section", { class: "timeline", id: "honors", "aria-label": "荣誉时间线" },
      h("h2", {}, "荣誉时间线", h("span", { class: "count" }, ` ${honors.length}`)),
      honors.length ? h("ol", { class: "timeline-list" }, honors.map((a) => h("li", { class: "fact honor" },
        h("div", { class: "fact-head" }, h("span", { class: "year" }, a.year || "年份不详"), " ", entityLink({ __typename: "Honor", ...a.honor }),
          a.honor.level ? h("span", { class: `badge ${levelClass(a.honor.level)}` }, label(LEVEL_LABEL, a.honor.level)) : ""),
        evidenceList(a)))) : h("p", { class: "muted" }, "无记录")),
    section("单位", n.units, (u) => fact([entityLink({ __typename: "Unit", ...u.unit }), u.role ? `，${u.role}` : "", yearOf(u) ? `（${yearOf(u)}）` : ""], u), { id: "units" }),
    section("工作室", n.studios, (s) => fact([entityLink({ __typename: "Studio", ...s.studio }), s.type === "LEADS" ? "（领衔人）" : "（成员）"], s), { id: "studios" }),
    section("项目", n.projects, (l) => fact([entityLink(l.node), l.role ? `，${l.role}` : ""], l), { id: "projects" }),
    section("服务的村社", n.villages, (l) => fact([entityLink(l.node), l.type === "ASSIGNED_TO" ? "（挂职）" : ""], l), { id: "villages" }),
    section("师傅", n.mentors, (m) => fact([entityLink({ __typename: "Person", ...m.mentor }), yearOf(m) ? `（${yearOf(m)} 年起）` : ""], m), { id: "mentors" }),
    section("徒弟", n.mentees, (m) => fact([entityLink({ __typename: "Person", ...m.mentee }), yearOf(m) ? `（${yearOf(m)} 年起）` : ""], m), { id: "mentees" }),
    other.length ? section("其他关系", other, (l) => fact([l.reading], l), { id: "other" }) : "",
    mentionsSection(n.mentions),
  ];
}

function otherEntity(n) {
  const groups = new Map();
  for (const l of n.links) {
    const key = `${l.type}:${l.direction}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(l);
  }
  const sections = [];
  if (n.outcomes && n.outcomes.length) {
    sections.push(h("section", { class: "facts", id: "outcomes" }, h("h2", {}, "成效"),
      h("ul", {}, n.outcomes.map((o) => h("li", {}, o)))));
  }
  for (const [key, links] of groups) {
    links.sort((a, b) => (a.year || 9999) - (b.year || 9999) || a.node.name.localeCompare(b.node.name, "zh"));
    sections.push(section(GROUPS[key] || key, links, (l) => fact([entityLink(l.node), l.year ? `（${l.year}）` : "",
      l.role ? `，${l.role}` : ""], l), { id: key.toLowerCase().replace(":", "-") }));
  }
  sections.push(mentionsSection(n.mentions));
  return sections;
}

function sourcePage(n) {
  const facts = [];
  if (n.date) facts.push(`日期：${n.date}`);
  if (n.publisher) facts.push(`来源：${n.publisher}`);
  if (n.path) facts.push(`文件：${n.path}`);
  if (n.rows) facts.push(`${n.rows} 行`);
  return [
    h("p", { class: "muted" }, facts.join(" · "),
      n.url ? [" · ", h("a", { href: n.url, rel: "noopener noreferrer", target: "_blank" }, "原文地址")] : ""),
    section("提及的条目", n.mentioned, (m) => [typeBadge(m.node.__typename), " ", entityLink(m.node)], { id: "mentioned" }),
  ];
}

export async function entityPage(el, id) {
  loading(el);
  try {
    const { node } = await gql(ENTITY, { id });
    if (!node) {
      clear(el, h("p", { class: "error", role: "alert" }, `没有这个条目：${id}`));
      return;
    }
    const isSource = node.__typename === "Article" || node.__typename === "Roster";
    const props = [node.gender, node.sector, node.region, node.unitKind, label(REGION_KIND_LABEL, node.regionKind),
      label(LEVEL_LABEL, node.level), node.issuer, label(RECIPIENT_LABEL, node.recipientKind)].filter(Boolean);
    const aliases = (node.aliases || []).filter((a) => a !== node.name);
    document.title = `${node.name || node.title} · 劳模知识图谱`;
    clear(el,
      h("header", { class: "entity-head" },
        h("h1", {}, typeBadge(node.__typename), " ", node.name || node.title || node.id),
        props.length ? h("p", { class: "props" }, props.join(" · ")) : "",
        aliases.length ? h("p", { class: "muted" }, `别名：${aliases.join("、")}`) : "",
        isSource ? "" : actions(node)),
      isSource ? sourcePage(node) : node.__typename === "Person" ? person(node) : otherEntity(node));
    if (id !== node.id) history.replaceState(null, "", `#/e/${encodeURIComponent(node.id)}`); // merged: the survivor
  } catch (err) {
    errorBox(el, err);
  }
}

export { TYPE_LABEL };
