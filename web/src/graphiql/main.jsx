// GraphiQL at /graphql, bundled at install time from npm (graphiql, react, the explorer
// plugin): every script and style is served by the app itself, so the page works offline.
import React from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { explorerPlugin } from "@graphiql/plugin-explorer";
import "graphiql/style.css";
import "@graphiql/plugin-explorer/style.css";

const EXAMPLE = `# 劳模知识图谱 GraphQL — Ctrl-Enter runs the query, Ctrl-Space completes.
# Mutations and personal data need a header: {"Authorization": "Bearer <token>"}
{
  search(q: "zjd", first: 5) { node { id name __typename } matchedOn }
  stats { people units honors articles }
}
`;

const params = new URLSearchParams(window.location.search);
const url = window.location.origin + window.location.pathname;
const fetcher = createGraphiQLFetcher({ url });
const explorer = explorerPlugin();

function App() {
  const onEditQuery = (q) => {
    const next = new URLSearchParams(window.location.search);
    next.set("query", q);
    window.history.replaceState(null, "", "?" + next.toString());
  };
  return (
    <GraphiQL
      fetcher={fetcher}
      plugins={[explorer]}
      defaultQuery={EXAMPLE}
      query={params.get("query") || undefined}
      variables={params.get("variables") || undefined}
      onEditQuery={onEditQuery}
      isHeadersEditorEnabled
      shouldPersistHeaders
      defaultEditorToolsVisibility
    />
  );
}

createRoot(document.getElementById("graphiql")).render(<App />);
