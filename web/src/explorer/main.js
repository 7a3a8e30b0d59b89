// The explorer at /: a client of the public GraphQL API (./queries.js) with a hash router,
// so every view has an address a researcher can bookmark or send.
//   #/?q=…&types=…   search          #/e/ID           an entity's (or source's) page
//   #/graph/ID       neighbourhood   #/path?from=&to= path between two people
//   #/tree/ID        mentorship tree #/leads          story leads
//   #/review         records staff   #/charts         charts
import "./style.css";
import { clear, h } from "./dom.js";
import { searchForm, searchResults } from "./search.js";
import { entityPage } from "./entity.js";
import { graphPage, pathPage, treePage } from "./graph.js";
import { leadsPage } from "./leads.js";
import { reviewPage } from "./review.js";
import { chartsPage } from "./charts.js";
import { exportButtons } from "./exports.js";

const NAV = [
  ["#/", "搜索"], ["#/path", "关系路径"], ["#/leads", "报道线索"], ["#/charts", "图表"], ["#/review", "记录审核"],
];

function shell() {
  const main = h("main", { id: "main", tabindex: "-1" });
  const nav = h("nav", { class: "top", "aria-label": "主导航" },
    h("a", { href: "#/", class: "brand" }, "劳模知识图谱"),
    h("ul", {}, NAV.map(([href, label]) => h("li", {}, h("a", { href, dataset: { nav: href } }, label)))),
    h("a", { href: "/graphql", class: "graphiql" }, "GraphQL（GraphiQL）"));
  clear(document.getElementById("app"),
    h("a", { href: "#main", class: "skip" }, "跳到正文"),
    h("header", { class: "site" }, nav), main,
    h("footer", { class: "site" }, "数据来自公开报道与名单；每条关系都附原句和来源。 ",
      h("span", { class: "muted" }, "整个图谱："), exportButtons({ all: true })));
  return main;
}

function parse() {
  const raw = location.hash.replace(/^#/, "") || "/";
  const [path, query = ""] = raw.split("?");
  return { parts: path.split("/").filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
}

async function home(main, params) {
  const q = params.get("q") || "";
  const types = (params.get("types") || "").split(",").filter(Boolean);
  const results = h("div", { id: "results", "aria-live": "polite" });
  clear(main,
    h("h1", {}, "搜索劳模、单位、荣誉、工作室、项目、村社"),
    searchForm({ q, types }, ({ q: nq, types: nt }) => {
      const p = new URLSearchParams();
      if (nq) p.set("q", nq);
      if (nt.length) p.set("types", nt.join(","));
      location.hash = `#/?${p}`;
    }),
    results,
    q ? "" : h("section", { class: "start" }, h("h2", {}, "从这里开始"),
      h("ul", {},
        h("li", {}, "研究者：搜索一个人，打开他的条目页看荣誉时间线和每条关系的原句，再看“关系图”和“师徒树”，导出给 Gephi 或 NetworkX。"),
        h("li", {}, "宣传部门：打开", h("a", { href: "#/leads" }, "报道线索"), "，按类型筛选，导出 CSV 或 Markdown。"),
        h("li", {}, "档案人员：打开", h("a", { href: "#/review" }, "记录审核"), "，用编辑令牌登录，判定并合并重复记录（可撤销）。"),
        h("li", {}, "前端开发：", h("a", { href: "/graphql" }, "GraphiQL"), " 里试查询，文档在右侧。"))));
  document.getElementById("q").focus();
  await searchResults(results, { q, types });
}

async function route() {
  const main = document.getElementById("main") || shell();
  const { parts, params } = parse();
  for (const a of document.querySelectorAll("nav.top a[data-nav]")) {
    const current = a.dataset.nav === `#/${parts[0] || ""}` || (a.dataset.nav === "#/" && !parts.length);
    if (current) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  document.title = "劳模知识图谱 · 浏览";
  const [view, id] = parts;
  if (!view) await home(main, params);
  else if (view === "e" && id) await entityPage(main, id);
  else if (view === "graph" && id) await graphPage(main, id, params);
  else if (view === "path") await pathPage(main, params);
  else if (view === "tree" && id) await treePage(main, id, params);
  else if (view === "leads") await leadsPage(main, params);
  else if (view === "review") await reviewPage(main, params);
  else if (view === "charts") await chartsPage(main);
  else clear(main, h("h1", {}, "没有这个页面"), h("p", {}, h("a", { href: "#/" }, "回到搜索")));
  document.body.dataset.ready = `${view || "home"}`; // for tests and screen readers: the view has rendered
}

window.addEventListener("hashchange", () => {
  document.body.dataset.ready = "";
  route().then(() => {
    const main = document.getElementById("main");
    if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
  });
});
route();
