// Charts where people would rather look than read: honors by year and level, honored
// people by region, the largest mentorship trees. Plain HTML bars (readable without
// colour, with the numbers written out).
import { gql } from "./api.js";
import { CHARTS } from "./queries.js";
import { LEVEL_LABEL, clear, entityLink, errorBox, h, levelClass, loading } from "./dom.js";

const LEVELS = ["NATIONAL", "PROVINCIAL", "CITY", "COUNTY"]; // HonorLevel, as HonorStatsRow.level gives it

function bars(title, rows, { id, caption }) {
  const max = Math.max(1, ...rows.map((r) => r.total));
  return h("section", { class: "chart", id, "aria-label": title }, h("h2", {}, title),
    caption ? h("p", { class: "muted" }, caption) : "",
    h("table", { class: "bars" }, h("tbody", {}, rows.map((r) => h("tr", {},
      h("th", { scope: "row" }, r.label),
      h("td", { class: "bar-cell" }, h("div", { class: "bar-track" },
        (r.parts || [{ key: "all", value: r.total }]).filter((p) => p.value).map((p) => h("span", {
          class: `bar ${levelClass(p.key)}`, style: `width:${(100 * p.value) / max}%`, title: `${LEVEL_LABEL[p.key] || ""} ${p.value}`,
        })))),
      h("td", { class: "num" }, r.total, r.note ? h("span", { class: "muted" }, ` ${r.note}`) : ""))))));
}

function legend() {
  return h("p", { class: "legend" }, LEVELS.map((l) => h("span", {}, h("span", { class: `swatch ${levelClass(l)}` }), LEVEL_LABEL[l], " ")));
}

export async function chartsPage(el) {
  loading(el);
  try {
    const { byYear, byRegion, lines: lineConnection, stats } = await gql(CHARTS);
    const lines = lineConnection.nodes; // mentorshipLines is a connection
    const years = new Map();
    for (const r of byYear.rows) {
      const key = r.year || "年份不详";
      if (!years.has(key)) years.set(key, {});
      years.get(key)[r.level || "other"] = (years.get(key)[r.level || "other"] || 0) + r.awards;
    }
    const yearRows = [...years.entries()].sort((a, b) => String(a[0]).localeCompare(String(b[0])))
      .map(([year, levels]) => ({ label: year, total: Object.values(levels).reduce((a, b) => a + b, 0),
        parts: [...LEVELS, "other"].map((k) => ({ key: k, value: levels[k] || 0 })) }));
    const regionRows = byRegion.rows.map((r) => ({ label: r.region || "地区不详", total: r.people, note: `人（${r.awards} 项）` }))
      .sort((a, b) => b.total - a.total);
    clear(el, h("h1", {}, "图表"),
      h("p", { class: "muted" }, `图中共有 ${stats.people} 人、${stats.units} 个单位、${stats.honors} 项荣誉、${stats.studios} 个工作室、`
        + `${stats.projects} 个项目、${stats.villages} 个村社；来源 ${stats.articles} 篇文章、${stats.rosters} 份名单。`),
      legend(),
      bars("每年获得的荣誉（按级别）", yearRows, { id: "chart-years", caption: `共 ${byYear.awards} 项，${byYear.people} 人` }),
      bars("获得荣誉的人（按地区）", regionRows, { id: "chart-regions" }),
      h("section", { class: "chart", id: "chart-lines", "aria-label": "最大的师徒树" }, h("h2", {}, "最大的师徒树"),
        lines.length ? h("table", { class: "lines" },
          h("thead", {}, h("tr", {}, ["开创者", "代数", "最宽一代", "传人", "其中获荣誉", ""].map((t) => h("th", { scope: "col" }, t)))),
          h("tbody", {}, lines.map((l) => h("tr", {}, h("td", {}, entityLink({ __typename: "Person", ...l.founder })),
            h("td", { class: "num" }, l.depth), h("td", { class: "num" }, l.breadth), h("td", { class: "num" }, l.descendants),
            h("td", { class: "num" }, l.honoredDescendants),
            h("td", {}, h("a", { href: `#/tree/${encodeURIComponent(l.founder.id)}` }, "看师徒树")))))) : h("p", { class: "muted" }, "没有师徒关系。")));
  } catch (err) {
    errorBox(el, err);
  }
}
