// The review screen for records staff (an editor's token): open candidate pairs, both
// records side by side with their context and the parts of the score, a verdict (same,
// different, unsure), merge and undo, and the history of each pair.
import { gql, mutate, setToken, token } from "./api.js";
import { CANDIDATES, EXPLAIN, JUDGE, MERGE, RECORD, UNMERGE } from "./queries.js";
import { clear, entityLink, errorBox, errorLine, h, label, loading, notice, sourceRef, typeBadge } from "./dom.js";

const VERDICT_LABEL = { SAME: "同一", DIFFERENT: "不同", UNSURE: "不确定" }; // the Verdict enum
const MERGES_KEY = "kg-merges"; // merges done in this tab, so they can be undone after a reload

function merges() {
  try {
    return JSON.parse(sessionStorage.getItem(MERGES_KEY) || "[]");
  } catch (e) {
    return [];
  }
}

function rememberMerge(m) {
  sessionStorage.setItem(MERGES_KEY, JSON.stringify([m, ...merges()].slice(0, 20)));
}

function forgetMerge(mergeId) {
  sessionStorage.setItem(MERGES_KEY, JSON.stringify(merges().filter((m) => m.mergeId !== mergeId)));
}

function loginForm(onDone) {
  const input = h("input", { type: "password", id: "token", autocomplete: "off", placeholder: "kg token create --role editor 给出的令牌" });
  const form = h("form", { class: "login", "aria-label": "编辑登录" },
    h("label", { for: "token" }, "编辑令牌 "), input, h("button", { type: "submit" }, "登录"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    setToken(input.value.trim());
    onDone();
  });
  return form;
}

function record(n) {
  if (!n) return h("div", { class: "record" }, h("p", { class: "muted" }, "（已不存在：可能已被合并）"));
  const props = [n.gender, n.birthYear, n.sector, n.region, n.kind].filter(Boolean).join(" · ");
  return h("div", { class: "record" },
    h("h3", {}, typeBadge(n.__typename), " ", entityLink(n), h("span", { class: "muted" }, ` ${n.id}`)),
    props ? h("p", {}, props) : "",
    (n.aliases || []).length > 1 ? h("p", { class: "muted" }, `别名：${n.aliases.join("、")}`) : "",
    h("ul", { class: "record-links" }, (n.links || []).slice(0, 30).map((l) => h("li", {}, l.reading, l.year ? `（${l.year}）` : "",
      " ", sourceRef((l.sources || [])[0])))),
    (n.mentions || []).length ? h("details", {}, h("summary", {}, `来源中的原句（${n.mentions.length}）`),
      h("ul", {}, n.mentions.map((m) => h("li", {}, (m.evidence || []).join(" … "), " ",
        sourceRef(m.article ? { kind: "ARTICLE", ...m.article } : m.roster ? { kind: "ROSTER", ...m.roster } : null))))) : "");
}

function reasons(list) {
  return h("table", { class: "reasons" }, h("caption", {}, "得分构成"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "特征"), h("th", { scope: "col" }, "分值"), h("th", { scope: "col" }, "说明"))),
    h("tbody", {}, list.map((r) => h("tr", {}, h("td", {}, r.feature), h("td", { class: "num" }, r.contribution.toFixed(2)), h("td", {}, r.detail)))));
}

async function pairPanel(panel, pair, refreshList) {
  loading(panel, "正在载入这一对记录…");
  try {
    const [ra, rb, ex] = await Promise.all([gql(RECORD, { id: pair.a.id }), gql(RECORD, { id: pair.b.id }),
      gql(EXPLAIN, { a: pair.a.id, b: pair.b.id })]);
    const e = ex.explainMatch;
    const status = h("div", { class: "pair-status", role: "status", "aria-live": "polite" });
    const act = (text, id, fn) => h("button", { type: "button", id, onclick: async () => {
      status.textContent = "正在保存…";
      try {
        await fn();
      } catch (err) { // a refusal, or the mutation's userErrors (a blocked merge, say), one per line
        clear(status, errorLine(err));
      }
    } }, text);
    const judge = (verdict) => async () => {
      const j = (await mutate(JUDGE, "judge", { a: pair.a.id, b: pair.b.id, verdict, note: note.value || null })).judgement;
      status.textContent = `已记录：${label(VERDICT_LABEL, j.verdict)}（${j.who}，${j.at}）`;
      await pairPanel(panel, pair, refreshList);
      refreshList();
    };
    const note = h("input", { id: "verdict-note", placeholder: "备注（可选）" });
    const merge = async () => {
      const m = (await mutate(MERGE, "merge", { ids: [pair.a.id, pair.b.id] })).outcome;
      rememberMerge({ mergeId: m.mergeId, survivor: m.survivor, absorbed: m.absorbed, names: `${pair.a.name} ← ${pair.b.name}` });
      clear(status, notice(`已合并：${pair.b.name} 并入 ${pair.a.name}（合并号 ${m.mergeId}，移动 ${m.movedRelationships} 条关系）`),
        m.conflicts.length ? h("p", {}, "取值不一：", m.conflicts.map((c) => `${c.property}: ${c.values.join(" / ")}`).join("；")) : "",
        h("button", { type: "button", id: "undo-merge", onclick: async () => {
          try {
            const u = (await mutate(UNMERGE, "unmerge", { mergeId: m.mergeId })).outcome;
            forgetMerge(m.mergeId);
            clear(status, notice(`已撤销合并 ${u.mergeId}：恢复 ${u.restored.join("、")}`));
            refreshList();
          } catch (err) {
            clear(status, errorLine(err));
          }
        } }, "撤销合并"));
      refreshList();
    };
    clear(panel,
      h("h2", {}, `${pair.a.name} 与 ${pair.b.name}`, h("span", { class: "score" }, ` 得分 ${e.score.toFixed(2)}`),
        e.kind ? h("span", { class: "muted" }, `（${e.kind}）`) : ""),
      e.sameRecord ? notice("这两个编号已指向同一条记录（已合并）。") : "",
      e.blockedBy.length ? notice(`有“不同”的判定阻止合并：${e.blockedBy.map((j) => `${j.who} ${j.at}`).join("；")}`, "notice warn") : "",
      h("div", { class: "side-by-side" }, record(ra.node), record(rb.node)),
      reasons(e.reasons),
      h("div", { class: "verdicts", role: "group", "aria-label": "判定" },
        h("label", { for: "verdict-note", class: "sr-only" }, "备注"), note,
        act("同一（S）", "verdict-same", judge("SAME")), act("不同（D）", "verdict-different", judge("DIFFERENT")),
        act("不确定（U）", "verdict-unsure", judge("UNSURE")), act("合并（M）", "merge", merge)),
      status,
      h("section", { class: "history", "aria-label": "这一对的历史" }, h("h3", {}, "这一对的历史"),
        e.judgements.length ? h("ol", {}, e.judgements.map((j) => h("li", { class: j.current ? "current" : "superseded" },
          `${j.at} ${j.who}：${label(VERDICT_LABEL, j.verdict)}`, j.note ? `（${j.note}）` : "", j.current ? "" : " — 已被后来的判定取代")))
          : h("p", { class: "muted" }, "还没有判定。")));
    panel.onkeydown = (ev) => {
      if (ev.target.tagName === "INPUT") return;
      const key = { s: "verdict-same", d: "verdict-different", u: "verdict-unsure", m: "merge" }[ev.key.toLowerCase()];
      if (key) panel.querySelector(`#${key}`).click();
    };
  } catch (err) {
    errorBox(panel, err);
  }
}

export async function reviewPage(el, params) {
  if (!token()) {
    clear(el, h("h1", {}, "待审核的重复记录"), h("p", {}, "审核需要编辑（editor）令牌。令牌只保存在这个浏览器标签页里。"),
      loginForm(() => reviewPage(el, params)));
    return;
  }
  const status = params.get("status") || "OPEN";
  const list = h("div", { class: "candidates" });
  const panel = h("div", { class: "pair", tabindex: "-1", id: "pair" });
  const undo = h("div", { class: "merges" });
  clear(el, h("header", {}, h("h1", {}, "待审核的重复记录"),
    h("nav", { class: "actions" },
      h("label", { for: "cand-status" }, "状态 "),
      h("select", { id: "cand-status", onchange: (e) => { location.hash = `#/review?status=${e.target.value}`; } },
        [["OPEN", "待审"], ["UNSURE", "不确定"], ["CLOSED", "已处理"]].map(([v, l]) => h("option", { value: v, selected: v === status }, l))),
      h("button", { type: "button", onclick: () => { setToken(""); reviewPage(el, params); } }, "退出"))),
  undo, h("div", { class: "review" }, list, panel));

  const showMerges = () => {
    const done = merges();
    clear(undo, done.length ? h("details", {}, h("summary", {}, `本标签页做过的合并（${done.length}）`),
      h("ul", {}, done.map((m) => {
        const why = h("span", { class: "undo-status" });
        return h("li", {}, `${m.names}（${m.mergeId}） `, h("button", { type: "button", class: "small", onclick: async () => {
          try {
            await mutate(UNMERGE, "unmerge", { mergeId: m.mergeId });
            forgetMerge(m.mergeId);
            showMerges();
            refresh();
          } catch (err) {
            clear(why, errorLine(err)); // e.g. already undone elsewhere: say so next to the merge
          }
        } }, "撤销"), why);
      }))) : "");
  };

  async function refresh() {
    showMerges();
    try {
      const data = await gql(CANDIDATES, { status, first: 50 });
      const pairs = data.duplicateCandidates.edges.map((e) => e.node);
      clear(list, h("p", { class: "muted", role: "status" }, `${data.duplicateCandidates.totalCount} 对`),
        pairs.length ? h("ol", { class: "cand-list", "aria-label": "候选对" }, pairs.map((p) => h("li", {},
          h("button", { type: "button", class: "cand", onclick: () => { pairPanel(panel, p, refresh); panel.focus(); } },
            `${p.a.name} ↔ ${p.b.name}`, h("span", { class: "muted" }, ` ${p.score.toFixed(2)} ${p.kind || ""}`)))))
          : h("p", { class: "muted" }, "没有待审核的候选对。"));
    } catch (err) {
      errorBox(list, err);
      if (err.code === "UNAUTHENTICATED" || /token/i.test(err.message)) list.appendChild(loginForm(() => reviewPage(el, params)));
    }
  }
  loading(list);
  await refresh();
}
