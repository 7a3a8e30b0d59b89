// The graph view (Cytoscape.js): a neighbourhood that grows by clicking nodes, relationship
// types to hide (the shared-honor links first of all), the shortest paths between two
// people with the same filters, a mentorship tree (师傅 → 徒弟 → 徒孙); each edge's evidence
// on hover; a notice when a limit cut the picture; the picture saved as PNG or SVG.
import cytoscape from "cytoscape";
import cytoscapeSvg from "cytoscape-svg";
import { gql, saveBlob } from "./api.js";
import { CONNECTION, FACT_TYPES, LINEAGE, NAME, NEIGHBORHOOD, PEOPLE_HONORS, SEARCH } from "./queries.js";
import { COLORS, FACT_LABEL, TYPE_LABEL, clear, entityLink, errorBox, evidenceList, h, notice, sourceRef } from "./dom.js";
import { exportButtons } from "./exports.js";

cytoscape.use(cytoscapeSvg);

export const LIMIT = 200;

const STYLE = [
  { selector: "node", style: {
    label: "data(name)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3, width: 18, height: 18,
    "background-color": (n) => COLORS[n.data("type")] || "#888", color: "#222", "text-wrap": "ellipsis",
    "text-max-width": 120, "font-family": "sans-serif" } },
  { selector: "node[?center]", style: { width: 30, height: 30, "border-width": 3, "border-color": "#000", "font-weight": "bold" } },
  { selector: "node[?expanded]", style: { "border-width": 2, "border-color": "#555" } },
  { selector: "node:selected", style: { "overlay-color": "#f1c40f", "overlay-opacity": 0.35 } },
  { selector: "edge", style: {
    width: 1.5, "line-color": "#aab", "target-arrow-color": "#aab", "target-arrow-shape": "triangle",
    "curve-style": "bezier", "arrow-scale": 0.8, label: "data(label)", "font-size": 9, color: "#666",
    "text-rotation": "autorotate", "text-background-color": "#fff", "text-background-opacity": 0.8,
    "font-family": "sans-serif" } },
  { selector: "edge[type = 'MENTORS']", style: { width: 2.5, "line-color": "#c0392b", "target-arrow-color": "#c0392b" } },
  { selector: "edge[?onPath]", style: { width: 3, "line-color": "#e67e22", "target-arrow-color": "#e67e22" } },
  { selector: "edge:selected", style: { "line-color": "#f1c40f", "target-arrow-color": "#f1c40f", width: 4 } },
];

function edgeKey(e) {
  return `${e.type}:${e.source}:${e.target}`;
}

// The state of one drawing: nodes and edges by id, which nodes were expanded, what was cut.
class Drawing {
  constructor() {
    this.nodes = new Map();
    this.edges = new Map();
    this.expanded = new Set();
    this.truncated = false;
  }
  add(nodes, edges, extra = {}) {
    for (const n of nodes) if (!this.nodes.has(n.id)) this.nodes.set(n.id, n);
    for (const e of edges) this.edges.set(edgeKey(e), { ...e, ...extra });
  }
  elements(center) {
    return [
      ...[...this.nodes.values()].map((n) => ({ group: "nodes", data: {
        id: n.id, name: n.name, type: n.__typename, center: n.id === center, expanded: this.expanded.has(n.id) } })),
      ...[...this.edges.entries()].filter(([, e]) => this.nodes.has(e.source) && this.nodes.has(e.target))
        .map(([key, e]) => ({ group: "edges", data: {
          id: key, source: e.source, target: e.target, type: e.type, label: FACT_LABEL[e.type] || e.type,
          onPath: !!e.onPath } })),
    ];
  }
}

function typeFilters(hidden, onChange) {
  return h("fieldset", { class: "rel-types" }, h("legend", {}, "显示的关系类型"),
    FACT_TYPES.map((t) => h("label", { class: "chip", for: `rel-${t}` },
      h("input", { type: "checkbox", id: `rel-${t}`, value: t, checked: !hidden.has(t),
        onchange: (e) => {
          if (e.target.checked) hidden.delete(t);
          else hidden.add(t);
          onChange();
        } }),
      `${FACT_LABEL[t]}`, h("span", { class: "muted" }, ` ${t}`))));
}

// A person picker: type a name (or pinyin), choose one of the hits.
function personPicker(label, id, initial, onPick) {
  const input = h("input", { type: "search", id, autocomplete: "off", placeholder: "人名或拼音", value: initial ? initial.name : "" });
  const results = h("ul", { class: "picks", "aria-label": `${label}的候选` });
  const chosen = h("span", { class: "chosen", role: "status" }, initial ? ["已选：", entityLink({ __typename: "Person", ...initial })] : "");
  const find = async () => {
    clear(results, h("li", { class: "muted" }, "正在搜索…"));
    try {
      const hits = (await gql(SEARCH, { q: input.value.trim(), types: ["PERSON"], first: 8 })).search.nodes;
      clear(results, hits.length ? hits.map((hit) => h("li", {}, h("button", { type: "button", class: "pick",
        onclick: () => {
          clear(results);
          input.value = hit.node.name;
          clear(chosen, "已选：", entityLink(hit.node));
          onPick(hit.node);
        } }, hit.node.name, h("span", { class: "muted" }, ` ${[hit.node.region, hit.node.sector].filter(Boolean).join(" · ")}`))))
        : h("li", { class: "muted" }, "没有找到"));
    } catch (err) {
      clear(results, h("li", { class: "error" }, err.message));
    }
  };
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      find();
    }
  });
  return h("div", { class: "picker" }, h("label", { for: id }, label), input,
    h("button", { type: "button", onclick: find }, "查找"), chosen, results);
}

function readableEdge(e, nodes) {
  const a = nodes.get(e.source);
  const b = nodes.get(e.target);
  return `${a ? a.name : e.source} —${FACT_LABEL[e.type] || e.type}→ ${b ? b.name : e.target}`;
}

// Mounts Cytoscape in `box`, with hover tooltips and a details panel; returns the instance.
function mount(box, details, drawing, { center, layout, onNodeTap }) {
  const cy = cytoscape({
    container: box, elements: drawing.elements(center), style: STYLE, minZoom: 0.15, maxZoom: 1.6,
    layout: layout || { name: "cose", animate: false, randomize: true, nodeRepulsion: () => 40000,
      idealEdgeLength: () => 110, nodeOverlap: 20, padding: 30 },
  });
  box.querySelectorAll(".tooltip").forEach((t) => t.remove()); // of the drawing this one replaces
  const tip = h("div", { class: "tooltip", role: "tooltip", hidden: true });
  box.appendChild(tip);
  const showEdge = (edge) => {
    const e = drawing.edges.get(edge.id());
    if (!e) return;
    clear(details, h("h3", {}, readableEdge(e, drawing.nodes), e.year ? `（${e.year}）` : ""), evidenceList(e));
  };
  cy.on("mouseover", "edge", (evt) => {
    const e = drawing.edges.get(evt.target.id());
    if (!e) return;
    const first = (e.sources || [])[0];
    clear(tip, h("strong", {}, readableEdge(e, drawing.nodes)),
      h("div", {}, (first && first.evidence) || (e.evidence || [])[0] || "（无原句）"),
      first ? h("div", { class: "muted" }, first.kind === "ROSTER" ? `名单 ${first.title || ""} ${first.locator || ""}` : `《${first.title || first.id}》 ${first.date || ""}`) : "");
    const p = evt.renderedPosition || evt.target.renderedMidpoint();
    tip.style.left = `${Math.min(p.x + 12, box.clientWidth - 260)}px`;
    tip.style.top = `${p.y + 12}px`;
    tip.hidden = false;
  });
  cy.on("mouseout", "edge", () => { tip.hidden = true; });
  cy.on("tap", "edge", (evt) => showEdge(evt.target));
  cy.on("tap", "node", (evt) => {
    const n = drawing.nodes.get(evt.target.id());
    clear(details, h("h3", {}, h("span", { class: `badge t-${n.__typename}` }, TYPE_LABEL[n.__typename]), " ", entityLink(n)),
      h("p", { class: "muted" }, drawing.expanded.has(n.id) ? "已展开" : "正在展开…"));
    if (onNodeTap) onNodeTap(n);
  });
  return cy;
}

function saveButtons(getCy, name) {
  return h("span", { class: "save", role: "group", "aria-label": "保存图片" }, "保存图片：",
    h("button", { type: "button", class: "small", id: "save-png", onclick: () => {
      const cy = getCy();
      if (cy) saveBlob(cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" }), `${name()}.png`);
    } }, "PNG"),
    h("button", { type: "button", class: "small", id: "save-svg", onclick: () => {
      const cy = getCy();
      if (cy) saveBlob(new Blob([cy.svg({ full: true, bg: "#ffffff" })], { type: "image/svg+xml" }), `${name()}.svg`);
    } }, "SVG"));
}

function edgeTable(drawing, title = "图中的关系") {
  const edges = [...drawing.edges.values()].filter((e) => drawing.nodes.has(e.source) && drawing.nodes.has(e.target));
  return h("details", { class: "edge-table" }, h("summary", {}, `${title}（${edges.length}）`),
    h("ul", { id: "edge-list" }, edges.map((e) => h("li", { dataset: { type: e.type } }, readableEdge(e, drawing.nodes),
      e.year ? `（${e.year}）` : "", " ", sourceRef((e.sources || [])[0])))));
}

function parseHidden(params) {
  return new Set((params.get("hide") || "").split(",").filter((t) => FACT_TYPES.includes(t)));
}

// ---------------------------------------------------------------- neighbourhood

export async function graphPage(el, id, params) {
  const hidden = parseHidden(params);
  let depth = Math.min(3, Math.max(1, Number(params.get("depth")) || 1));
  let drawing = new Drawing();
  let cy = null;
  const status = h("div", { class: "graph-status", role: "status", "aria-live": "polite" });
  const box = h("div", { class: "cy", id: "cy", tabindex: "0", "aria-label": "关系图：点击节点展开，悬停连线看原句" });
  const details = h("aside", { class: "details", "aria-label": "所选节点或关系" }, h("p", { class: "muted" }, "点击节点展开它的邻居；点击或悬停连线查看原句和来源。"));
  const table = h("div");
  const depthSelect = h("select", { id: "depth", onchange: (e) => { depth = Number(e.target.value); reload(); } },
    [1, 2, 3].map((d) => h("option", { value: d, selected: d === depth }, `${d} 层`)));
  const title = h("h1", {}, "关系图");
  const syncUrl = () => {
    const p = new URLSearchParams();
    if (depth !== 1) p.set("depth", depth);
    if (hidden.size) p.set("hide", [...hidden].join(","));
    history.replaceState(null, "", `#/graph/${encodeURIComponent(id)}${p.toString() ? `?${p}` : ""}`);
  };

  const fetchAround = async (nodeId, d) => {
    const { neighborhood } = await gql(NEIGHBORHOOD, { id: nodeId, depth: d, limit: LIMIT, exceptTypes: [...hidden] });
    return neighborhood;
  };

  const draw = () => {
    if (cy) cy.destroy();
    cy = mount(box, details, drawing, { center: id, onNodeTap: expand });
    const n = drawing.nodes.size;
    const m = cy.edges().length;
    clear(status, `${n} 个节点，${m} 条关系`, hidden.size ? `（已隐藏：${[...hidden].map((t) => FACT_LABEL[t]).join("、")}）` : "",
      drawing.truncated ? notice(`结果已按上限截断：每次最多取 ${LIMIT} 条路径，图中并非全部关系。可隐藏关系类型或减少层数。`, "notice truncated") : "");
    clear(table, edgeTable(drawing));
  };

  async function expand(node) {
    if (drawing.expanded.has(node.id)) return;
    try {
      const hood = await fetchAround(node.id, 1);
      drawing.expanded.add(node.id);
      drawing.truncated = drawing.truncated || hood.truncated;
      const before = drawing.nodes.size;
      drawing.add(hood.nodes, hood.edges);
      draw();
      cy.$id(node.id).select();
      clear(details, h("h3", {}, h("span", { class: `badge t-${node.__typename}` }, TYPE_LABEL[node.__typename]), " ", entityLink(node)),
        h("p", { class: "muted" }, `已展开：新增 ${drawing.nodes.size - before} 个节点`),
        hood.truncated ? notice(`展开结果已按上限 ${LIMIT} 截断。`, "notice truncated") : "");
    } catch (err) {
      clear(details, h("p", { class: "error", role: "alert" }, err.message));
    }
  }

  async function reload() {
    syncUrl();
    clear(status, "正在载入…");
    const previous = drawing;
    drawing = new Drawing();
    try {
      const hood = await fetchAround(id, depth);
      drawing.truncated = hood.truncated;
      drawing.add(hood.nodes, hood.edges);
      const center = hood.nodes.find((n) => n.id === id) || hood.nodes[0];
      if (center) title.replaceChildren("关系图：", entityLink(center));
      for (const other of previous.expanded) { // keep what the reader expanded, under the new filter
        if (other === id || !drawing.nodes.has(other)) continue;
        const more = await fetchAround(other, 1);
        drawing.expanded.add(other);
        drawing.truncated = drawing.truncated || more.truncated;
        drawing.add(more.nodes, more.edges);
      }
      drawing.expanded.add(id);
      draw();
    } catch (err) {
      errorBox(status, err);
    }
  }

  clear(el, h("header", {}, title,
    h("nav", { class: "actions" },
      h("a", { href: `#/e/${encodeURIComponent(id)}`, class: "button" }, "条目页"),
      id.startsWith("person") ? h("a", { href: `#/tree/${encodeURIComponent(id)}`, class: "button" }, "师徒树") : "",
      id.startsWith("person") ? h("a", { href: `#/path?from=${encodeURIComponent(id)}`, class: "button" }, "查找关系路径") : "",
      saveButtons(() => cy, () => `kg-${id}`),
      exportButtons(() => ({ around: id, depth, exceptTypes: [...hidden] })))),
  h("div", { class: "graph-controls" },
    h("label", { for: "depth" }, "层数 "), depthSelect,
    h("button", { type: "button", class: "small", id: "hide-shared-honors", onclick: () => {
      hidden.add("RECEIVED");
      const box2 = el.querySelector("#rel-RECEIVED");
      if (box2) box2.checked = false;
      reload();
    } }, "隐藏“同获一项荣誉”的关系"),
    typeFilters(hidden, reload)),
  status, h("div", { class: "graph-area" }, box, details), table);
  await reload();
}

// ---------------------------------------------------------------- path

export async function pathPage(el, params) {
  const hidden = parseHidden(params);
  let from = params.get("from") ? { id: params.get("from"), name: params.get("fromName") || params.get("from") } : null;
  let to = params.get("to") ? { id: params.get("to"), name: params.get("toName") || params.get("to") } : null;
  let maxHops = Math.min(6, Math.max(1, Number(params.get("hops")) || 4));
  let cy = null;
  const result = h("div", { class: "path-result", role: "status", "aria-live": "polite" });
  const box = h("div", { class: "cy", id: "cy", tabindex: "0", "aria-label": "路径图" });
  const details = h("aside", { class: "details", "aria-label": "所选关系" });

  const named = async (who) => { // only an id in the address: its name from the API
    if (!who || who.name !== who.id) return who;
    try {
      const data = await gql(NAME, { id: who.id });
      return data.node ? { id: data.node.id, name: data.node.name } : who;
    } catch (err) {
      return who;
    }
  };
  from = await named(from);
  to = await named(to);

  const run = async () => {
    if (!from || !to) {
      clear(result, h("p", { class: "muted" }, "选出两个人，再点“查找路径”。"));
      return;
    }
    const p = new URLSearchParams({ from: from.id, fromName: from.name, to: to.id, toName: to.name });
    if (hidden.size) p.set("hide", [...hidden].join(","));
    if (maxHops !== 4) p.set("hops", maxHops);
    history.replaceState(null, "", `#/path?${p}`);
    clear(result, "正在查找…");
    try {
      const { connection } = await gql(CONNECTION, { from: from.id, to: to.id, maxHops, exceptTypes: [...hidden] });
      const drawing = new Drawing();
      for (const path of connection) drawing.add(path.nodes, path.edges, { onPath: true });
      if (cy) cy.destroy();
      cy = null;
      if (!connection.length) {
        clear(result, notice(`在 ${maxHops} 步之内没有找到 ${from.name} 与 ${to.name} 之间的路径${hidden.size ? "（已隐藏部分关系类型）" : ""}。`));
        return;
      }
      cy = mount(box, details, drawing, { center: from.id, layout: { name: "breadthfirst", roots: [from.id], directed: false, spacingFactor: 1.2, animate: false } });
      clear(result,
        h("p", {}, `${connection.length} 条最短路径（${connection[0].edges.length} 步）`,
          connection.length >= 5 ? notice("只显示前 5 条最短路径：结果已按上限截断。", "notice truncated") : ""),
        h("ol", { class: "paths", id: "paths" }, connection.map((path) => h("li", {},
          h("div", { class: "reading" }, path.reading),
          h("ul", { class: "path-edges" }, path.edges.map((e) => h("li", {}, readableEdge(e, drawing.nodes), evidenceList(e))))))));
    } catch (err) {
      errorBox(result, err);
    }
  };

  clear(el, h("header", {}, h("h1", {}, "两人之间的关系路径"),
    h("nav", { class: "actions" }, saveButtons(() => cy, () => `kg-path-${from ? from.id : ""}-${to ? to.id : ""}`))),
  h("div", { class: "graph-controls path-controls" },
    personPicker("从", "path-from", from, (n) => { from = n; run(); }),
    personPicker("到", "path-to", to, (n) => { to = n; run(); }),
    h("label", { for: "hops" }, "最多步数 "),
    h("select", { id: "hops", onchange: (e) => { maxHops = Number(e.target.value); run(); } },
      [2, 3, 4, 5, 6].map((d) => h("option", { value: d, selected: d === maxHops }, `${d}`))),
    h("button", { type: "button", id: "find-path", onclick: run }, "查找路径"),
    typeFilters(hidden, run)),
  result, h("div", { class: "graph-area" }, box, details));
  await run();
}

// ---------------------------------------------------------------- mentorship tree

export async function treePage(el, id, params) {
  const depth = Math.min(5, Math.max(1, Number(params.get("depth")) || 3));
  const box = h("div", { class: "cy", id: "cy", tabindex: "0", "aria-label": "师徒树" });
  const details = h("aside", { class: "details", "aria-label": "所选节点" });
  const status = h("div", { role: "status" }, "正在载入…");
  let cy = null;
  clear(el, h("header", {}, h("h1", { id: "tree-title" }, "师徒树"),
    h("nav", { class: "actions" },
      h("a", { href: `#/e/${encodeURIComponent(id)}`, class: "button" }, "条目页"),
      h("a", { href: `#/graph/${encodeURIComponent(id)}?hide=RECEIVED`, class: "button" }, "关系图"),
      h("label", { for: "tree-depth" }, " 代数 "),
      h("select", { id: "tree-depth", onchange: (e) => { location.hash = `#/tree/${encodeURIComponent(id)}?depth=${e.target.value}`; } },
        [1, 2, 3, 4, 5].map((d) => h("option", { value: d, selected: d === depth }, `${d}`))),
      saveButtons(() => cy, () => `kg-tree-${id}`))),
  status, h("div", { class: "graph-area" }, box, details), h("div", { id: "tree-outline" }));
  try {
    const { person } = await gql(LINEAGE, { id, depth });
    const ids = [];
    const walk = (node) => { ids.push(node.person.id); (node.mentees || []).forEach(walk); };
    if (person) walk(person.lineage);
    const honorsOf = new Map();
    for (let i = 0; i < ids.length; i += 50) {
      const { nodes } = await gql(PEOPLE_HONORS, { ids: ids.slice(i, i + 50) });
      for (const n of nodes) if (n) honorsOf.set(n.id, n.honors || []);
    }
    if (!person) {
      errorBox(status, new Error(`没有这个人：${id}`));
      return;
    }
    const drawing = new Drawing();
    let cut = false;
    const GEN = ["", "徒弟", "徒孙", "曾徒孙", "玄徒孙", "第五代"];
    const outline = (node, level) => {
      const p = node.person;
      drawing.add([{ __typename: "Person", id: p.id, name: p.name }], []);
      const honors = (honorsOf.get(p.id) || []).map((a) => `${a.year || ""}${a.honor.name}`).join("、");
      const kids = node.mentees || [];
      if (level >= depth && kids.length) cut = true;
      for (const k of kids) drawing.add([], [{ type: "MENTORS", source: p.id, target: k.person.id, evidence: [], sources: [] }]);
      return h("li", {}, level ? h("span", { class: "muted" }, `${GEN[level] || `第 ${level} 代`}：`) : "", entityLink({ __typename: "Person", ...p }),
        honors ? h("span", { class: "muted" }, ` ${honors}`) : "",
        kids.length ? h("ul", {}, kids.map((k) => outline(k, level + 1))) : "");
    };
    const tree = outline(person.lineage, 0);
    document.getElementById("tree-title").replaceChildren("师徒树：", entityLink({ __typename: "Person", id: person.id, name: person.name }));
    const mentors = person.mentors.map((m) => m.mentor);
    const descendants = drawing.nodes.size - 1;
    clear(status, `${person.name} 之下 ${depth} 代共 ${descendants} 人`,
      mentors.length ? [" · 师傅：", mentors.map((m, i) => [i ? "、" : "", h("a", { href: `#/tree/${encodeURIComponent(m.id)}` }, m.name)])] : "",
      cut ? notice(`只显示到第 ${depth} 代：更下面还有徒弟，可增加代数。`, "notice truncated") : "");
    clear(document.getElementById("tree-outline"), h("h2", {}, "师徒谱（文字）"), h("ul", { class: "tree" }, tree));
    cy = mount(box, details, drawing, { center: id, layout: { name: "breadthfirst", roots: [id], directed: true, spacingFactor: 1.1, animate: false } });
  } catch (err) {
    errorBox(status, err);
  }
}
