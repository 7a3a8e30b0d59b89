// Download buttons for /export/{format} (GraphML and GEXF for Gephi, node-link JSON for
// NetworkX, CSV zipped): the same files as `kg export`, with the same access rules.
import { download } from "./api.js";
import { h } from "./dom.js";

const FORMATS = [
  ["graphml", "GraphML", "Gephi、NetworkX"],
  ["gexf", "GEXF", "Gephi"],
  ["json", "JSON", "NetworkX node-link"],
  ["csv", "CSV", "节点表和关系表（zip）"],
];

export function exportUrl(fmt, { around, depth = 1, exceptTypes = [], all = false }) {
  const params = new URLSearchParams();
  if (all) params.set("all", "1");
  else {
    params.set("around", around);
    params.set("depth", String(depth));
  }
  if (exceptTypes.length) params.set("exceptTypes", exceptTypes.join(","));
  return `/export/${fmt}?${params}`;
}

export function exportButtons(what) {
  const status = h("span", { class: "muted export-status", role: "status" });
  const get = typeof what === "function" ? what : () => what;
  return h("span", { class: "exports", role: "group", "aria-label": "导出" }, "导出：",
    FORMATS.map(([fmt, label, hint]) => h("button", {
      type: "button", class: "small", title: `下载 ${label}（${hint}）`, "aria-label": `导出 ${label}（${hint}）`,
      dataset: { format: fmt },
      onclick: async () => {
        status.textContent = "正在导出…";
        try {
          await download(exportUrl(fmt, get()), `kg.${fmt === "csv" ? "zip" : fmt}`);
          status.textContent = "";
        } catch (err) {
          status.textContent = err.message;
        }
      },
    }, label)), status);
}
