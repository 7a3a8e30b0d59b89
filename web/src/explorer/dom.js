// Small DOM helpers and the labels every view shares. Text always goes in as text (never
// as HTML), so nothing from the graph can inject markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export const TYPE_LABEL = {
  Person: "人物", Unit: "单位", Honor: "荣誉", Studio: "工作室", Project: "项目", Village: "村社",
  Region: "地区", Article: "文章", Roster: "名单",
};
export const ENUM_TYPE = {
  PERSON: "Person", UNIT: "Unit", HONOR: "Honor", STUDIO: "Studio", PROJECT: "Project", VILLAGE: "Village",
  REGION: "Region",
};
export const FACT_LABEL = {
  MENTORS: "带徒", WORKS_AT: "就职于", RECEIVED: "获评", LEADS: "领衔", MEMBER_OF: "成员", HOSTED_BY: "依托",
  PARTICIPATES_IN: "参与", SERVES: "服务", ASSIGNED_TO: "挂职", LOCATED_IN: "位于", PART_OF: "隶属",
};
// Labels keyed on the API's enum values, which are uppercase (docs/api.md).
export const MATCHED_LABEL = {
  NAME: "名称", PINYIN: "拼音", INITIALS: "首字母", FULLTEXT: "全文（近似）", ALIAS: "别名", PREFIX: "开头（姓氏）",
};
export const LEVEL_LABEL = { NATIONAL: "国家级", PROVINCIAL: "省级", CITY: "市级", COUNTY: "县级" };
export const REGION_KIND_LABEL = { PROVINCE: "省", CITY: "市", COUNTY: "县", DISTRICT: "区", TOWN: "乡镇" };
export const RECIPIENT_LABEL = { PERSON: "授予个人", UNIT: "授予单位", TEAM: "授予班组", STUDIO: "授予工作室" };
export const SOURCE_KIND_LABEL = { ARTICLE: "文章", ROSTER: "名单", MANUAL: "人工录入", UNKNOWN: "来源已不在图中" };

// A label for an enum value (or a free string such as SearchHit.matchedOn, any case); the value
// itself when this explorer has no label for it yet, so a new value still shows.
export function label(map, value) {
  if (value === undefined || value === null || value === "") return "";
  return map[String(value).toUpperCase()] || String(value);
}

// CSS classes stay lowercase (level-national …) whatever the case of the enum.
export function levelClass(level) {
  return `level-${String(level || "other").toLowerCase()}`;
}
export const COLORS = {
  Person: "#c0392b", Unit: "#2471a3", Honor: "#d4ac0d", Studio: "#7d3c98", Project: "#1e8449",
  Village: "#a04000", Region: "#5d6d7e",
};

export function entityLink(node) {
  if (!node) return "";
  return h("a", { href: `#/e/${encodeURIComponent(node.id)}`, class: `entity t-${node.__typename || ""}` },
    node.name || node.title || node.id);
}

export function typeBadge(typename) {
  return h("span", { class: `badge t-${typename}` }, TYPE_LABEL[typename] || typename);
}

// Where a fact comes from, as a reader cites it: article title and date (linked to the
// article's page here, and to its address), or roster and row.
export function sourceRef(s) {
  if (!s) return "";
  const parts = [];
  if (s.kind === "ROSTER") {
    parts.push("名单 ", h("a", { href: `#/e/${encodeURIComponent(s.id)}` }, s.title || s.id));
    if (s.locator) parts.push(`，${s.locator.replace(/^row /, "第 ")}${/^row /.test(s.locator) ? " 行" : ""}`);
  } else if (s.kind === "ARTICLE") {
    parts.push(h("a", { href: `#/e/${encodeURIComponent(s.id)}` }, `《${s.title || s.id}》`));
    if (s.publisher) parts.push(` ${s.publisher}`);
    if (s.date) parts.push(` ${s.date}`);
    if (s.url) parts.push(" ", h("a", { href: s.url, rel: "noopener noreferrer", target: "_blank", class: "ext" }, "原文"));
  } else if (s.kind === "MANUAL" || s.kind === "UNKNOWN") {
    parts.push(`${SOURCE_KIND_LABEL[s.kind]}（${s.title || s.id}）`);
  } else {
    parts.push(s.title || s.id);
  }
  if (s.synthetic) parts.push(" ", h("span", { class: "badge synthetic", title: "来源声明为合成数据，不是真实人物" }, "合成数据"));
  return h("span", { class: "source" }, "— ", parts);
}

// A fact's evidence: each sentence with the source it comes from (same order in the API).
export function evidenceList(fact) {
  const sources = fact.sources || [];
  const items = [];
  const n = Math.max(sources.length, (fact.evidence || []).length);
  for (let i = 0; i < n; i++) {
    const s = sources[i];
    const sentence = (s && s.evidence) || (fact.evidence || [])[i] || "";
    items.push(h("li", { class: "evidence" }, sentence ? h("q", {}, sentence) : h("em", {}, "（无原句）"), " ",
      sourceRef(s)));
  }
  if (!items.length) return h("p", { class: "muted" }, "无来源");
  return h("ul", { class: "evidence-list" }, items);
}

export function loading(el, what = "正在载入…") {
  clear(el, h("p", { class: "loading", role: "status" }, what));
}

// An error to show: a mutation's userErrors one per line (with the input field at fault),
// anything else in one line.
export function errorLine(err, tag = "p") {
  const list = (err && err.userErrors) || [];
  if (!list.length) return h(tag, { class: "error", role: "alert" }, `出错了：${(err && err.message) || err}`);
  return h("div", { class: "error user-errors", role: "alert" }, "未完成：",
    h("ul", {}, list.map((e) => h("li", { dataset: { field: e.field || "", code: e.code || "" } },
      e.message, e.field ? h("span", { class: "muted" }, `（${e.field}）`) : ""))));
}

export function errorBox(el, err) {
  clear(el, errorLine(err));
}

export function notice(text, kind = "notice") {
  return h("p", { class: kind, role: "status" }, text);
}
