// Story leads for the publicity team: ranked, with who, why now, the evidence and its
// source, the person's unit and honors; CSV and Markdown made from what is on screen.
import { gql, saveBlob } from "./api.js";
import { LEADS, LEAD_KINDS } from "./queries.js";
import { clear, entityLink, errorBox, evidenceList, h, loading } from "./dom.js";

export const KIND_LABEL = {
  UNSUNG: "未被报道的荣誉获得者", LINEAGE: "师徒传承", IMPACT: "可量化的成效", ANNIVERSARY: "荣誉周年",
  NEW_HONOR: "新获荣誉", FAR_FROM_HOME: "挂职援建", BRIDGE: "连接不同群体的人",
};

function honorsText(p) {
  return (p.honors || []).map((a) => `${a.year || ""}${a.honor.name}`).join("、");
}

function sourceText(s) {
  if (!s) return "";
  if (s.kind === "ROSTER") return `名单《${s.title || s.id}》${s.locator ? ` ${s.locator}` : ""}`;
  return `《${s.title || s.id}》${s.date ? ` ${s.date}` : ""}${s.url ? ` ${s.url}` : ""}`;
}

// A cell a spreadsheet will not run as a formula (as graph/spreadsheet.py does server-side).
function safeCell(value) {
  const text = value === null || value === undefined ? "" : String(value);
  const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function synthetic(lead) {
  return [...lead.evidence, ...lead.sources].some((s) => s.synthetic);
}

export function leadsCsv(leads) {
  const head = ["排名", "类型", "分数", "标题", "为何是现在", "人物", "单位", "荣誉", "证据", "来源", "合成数据"];
  const rows = leads.map((l, i) => [i + 1, KIND_LABEL[l.kind] || l.kind, l.score.toFixed(2), l.headline, l.whyNow || "",
    l.people.map((p) => p.name).join("、"), l.units.map((u) => u.name).join("、"),
    l.people.map(honorsText).filter(Boolean).join("；"),
    l.evidence.map((e) => e.evidence || "").filter(Boolean).join(" | "),
    l.evidence.map(sourceText).filter(Boolean).join(" | "), synthetic(l) ? "是" : ""]);
  return "\ufeff" + [head, ...rows].map((r) => r.map(safeCell).join(",")).join("\r\n") + "\r\n";
}

export function leadsMarkdown(leads) {
  const out = ["# 报道线索", ""];
  leads.forEach((l, i) => {
    out.push(`## ${i + 1}. ${l.headline}`, "");
    if (synthetic(l)) out.push("> **合成数据**：这条线索的来源声明为合成数据，不是真实人物。", "");
    out.push(`- 类型：${KIND_LABEL[l.kind] || l.kind}（分数 ${l.score.toFixed(2)}）`);
    if (l.whyNow) out.push(`- 为何是现在：${l.whyNow}`);
    if (l.people.length) out.push(`- 人物：${l.people.map((p) => `${p.name}${honorsText(p) ? `（${honorsText(p)}）` : ""}`).join("；")}`);
    if (l.units.length) out.push(`- 单位：${l.units.map((u) => u.name).join("、")}`);
    if (l.summary) out.push(`- 概要：${l.summary}`);
    for (const e of l.evidence) out.push(`- > ${e.evidence || ""} —— ${sourceText(e)}`);
    out.push("");
  });
  return out.join("\n");
}

export async function leadsPage(el, params) {
  const kinds = (params.get("kinds") || "").split(",").filter((k) => LEAD_KINDS.includes(k));
  const region = params.get("region") || "";
  let leads = [];
  const list = h("div", { id: "leads" });
  const status = h("p", { role: "status", class: "muted" });
  const form = h("form", { class: "lead-filters", "aria-label": "筛选线索" },
    h("fieldset", {}, h("legend", {}, "线索类型（不选即全部）"),
      LEAD_KINDS.map((k) => h("label", { class: "chip", for: `kind-${k}` },
        h("input", { type: "checkbox", id: `kind-${k}`, name: "kinds", value: k, checked: kinds.includes(k) }), KIND_LABEL[k]))),
    h("label", { for: "lead-region" }, "地区 "), h("input", { id: "lead-region", name: "region", value: region, placeholder: "如 桐乡市" }),
    h("button", { type: "submit" }, "筛选"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    const chosen = [...form.querySelectorAll("input[name=kinds]:checked")].map((b) => b.value);
    if (chosen.length) p.set("kinds", chosen.join(","));
    const r = form.querySelector("#lead-region").value.trim();
    if (r) p.set("region", r);
    location.hash = `#/leads${p.toString() ? `?${p}` : ""}`;
  });
  clear(el, h("header", {}, h("h1", {}, "报道线索"),
    h("nav", { class: "actions", "aria-label": "导出线索" },
      h("button", { type: "button", id: "leads-csv", onclick: () => saveBlob(new Blob([leadsCsv(leads)], { type: "text/csv;charset=utf-8" }), "story-leads.csv") }, "导出 CSV"),
      h("button", { type: "button", id: "leads-md", onclick: () => saveBlob(new Blob([leadsMarkdown(leads)], { type: "text/markdown;charset=utf-8" }), "story-leads.md") }, "导出 Markdown"))),
  form, status, list);
  loading(list);
  try {
    const { storyLeads } = await gql(LEADS, { first: 50, kinds: kinds.length ? kinds : null, region: region || null });
    leads = storyLeads.edges.map((e) => e.node);
    status.textContent = `共 ${storyLeads.totalCount} 条，显示前 ${leads.length} 条` +
      (storyLeads.hiddenCount ? `；另有 ${storyLeads.hiddenCount} 条已被标记（已用或不感兴趣）而不列出` : "");
    clear(list, leads.length ? h("ol", { class: "leads" }, leads.map((l) => h("li", { class: "lead" },
      h("h2", {}, h("span", { class: `badge kind-${l.kind}` }, KIND_LABEL[l.kind] || l.kind), " ",
        synthetic(l) ? [h("span", { class: "badge synthetic", title: "来源声明为合成数据，不是真实人物" }, "合成数据"), " "] : "", l.headline,
        h("span", { class: "score", title: l.scoreParts.map((p) => `${p.detail}：${p.value}`).join("；") }, ` ${l.score.toFixed(1)} 分`)),
      l.whyNow ? h("p", { class: "why-now" }, "为何是现在：", l.whyNow) : "",
      h("p", {}, l.summary),
      h("dl", { class: "lead-facts" },
        h("dt", {}, "人物"), h("dd", {}, l.people.map((p) => h("span", { class: "lead-person" }, entityLink({ __typename: "Person", ...p }),
          honorsText(p) ? h("span", { class: "muted" }, `（${honorsText(p)}）`) : ""))),
        h("dt", {}, "单位"), h("dd", {}, l.units.length ? l.units.map((u, i) => [i ? "、" : "", entityLink({ __typename: "Unit", ...u })]) : "—"),
        h("dt", {}, "得分构成"), h("dd", {}, l.scoreParts.map((p) => `${p.detail} ${p.value > 0 ? "+" : ""}${p.value}`).join("；"))),
      h("details", { open: true }, h("summary", {}, "证据与来源"), evidenceList({ sources: l.evidence, evidence: l.evidence.map((e) => e.evidence || "") })))))
      : h("p", { class: "muted" }, "没有符合条件的线索。"));
  } catch (err) {
    errorBox(list, err);
  }
}
