// One search box across all types (Chinese, pinyin, initials, traditional, typos) with type
// filters; each hit says what it matched on.
import { gql } from "./api.js";
import { ENTITY_TYPES, SEARCH } from "./queries.js";
import { ENUM_TYPE, LEVEL_LABEL, MATCHED_LABEL, REGION_KIND_LABEL, TYPE_LABEL, clear, entityLink, errorBox, h, label, loading,
  typeBadge } from "./dom.js";

export function searchForm({ q = "", types = [] } = {}, onSubmit) {
  const input = h("input", { type: "search", id: "q", name: "q", value: q, autocomplete: "off",
    placeholder: "人名、单位、荣誉… 支持拼音、首字母（zjd）、繁体、错字", "aria-label": "搜索" });
  const boxes = ENTITY_TYPES.map((t) => {
    const id = `type-${t}`;
    return h("label", { for: id, class: "chip" },
      h("input", { type: "checkbox", id, name: "types", value: t, checked: types.includes(t) }),
      TYPE_LABEL[ENUM_TYPE[t]]);
  });
  const form = h("form", { class: "search", role: "search", "aria-label": "搜索知识图谱" },
    h("div", { class: "row" }, h("label", { for: "q", class: "sr-only" }, "搜索"), input,
      h("button", { type: "submit" }, "搜索")),
    h("fieldset", { class: "types" }, h("legend", {}, "只看类型（不选即全部）："), boxes));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const chosen = [...form.querySelectorAll("input[name=types]:checked")].map((b) => b.value);
    onSubmit({ q: input.value.trim(), types: chosen });
  });
  return form;
}

export async function searchResults(el, { q, types }) {
  if (!q) {
    clear(el);
    return;
  }
  loading(el, "正在搜索…");
  try {
    const data = await gql(SEARCH, { q, types: types.length ? types : null, first: 30 });
    const hits = data.search.nodes; // a connection of hits: each with its score, matchedOn and node
    const total = data.search.totalCount;
    if (!hits.length) {
      clear(el, h("p", { class: "muted", role: "status" }, `没有找到“${q}”。试试拼音、首字母或去掉一个字。`));
      return;
    }
    clear(el,
      h("p", { class: "muted", role: "status" }, `“${q}”：${total} 个结果`, total > hits.length ? `，显示前 ${hits.length} 个` : ""),
      h("ol", { class: "hits", "aria-label": "搜索结果" }, hits.map((hit) => {
        const n = hit.node;
        const extra = [n.region, n.sector, n.unitKind, label(REGION_KIND_LABEL, n.regionKind), label(LEVEL_LABEL, n.level)]
          .filter(Boolean).join(" · ");
        const aliases = (n.aliases || []).filter((a) => a !== n.name);
        return h("li", { class: "hit" },
          typeBadge(n.__typename), " ", entityLink(n),
          extra ? h("span", { class: "muted" }, ` ${extra}`) : "",
          aliases.length ? h("span", { class: "muted" }, ` 别名：${aliases.slice(0, 5).join("、")}`) : "",
          h("span", { class: "matched" }, "匹配：", hit.matchedOn.map((m) => label(MATCHED_LABEL, m)).join("、")));
      })));
  } catch (err) {
    errorBox(el, err);
  }
}
