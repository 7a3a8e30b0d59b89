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
  search(q: "zjd", first: 5) { totalCount nodes { matchedOn node { __typename id name } } }
  stats { people units honors articles }
}
`;

// The query is kept by GraphiQL itself (localStorage), not in the address: a GET of
// /graphql?query=… runs the query and answers JSON, so a reload would lose the page.
const url = window.location.origin + window.location.pathname;
const fetcher = createGraphiQLFetcher({ url });
const explorer = explorerPlugin();

function App() {
  return (
    <GraphiQL
      fetcher={fetcher}
      plugins={[explorer]}
      defaultQuery={EXAMPLE}
      isHeadersEditorEnabled
      shouldPersistHeaders
      defaultEditorToolsVisibility
    />
  );
}

createRoot(document.getElementById("graphiql")).render(<App />);
