// Builds the two pages the app serves into dist/ (ignored by git, made at install time):
//   dist/index.html + explorer.js/.css   the explorer at /
//   dist/graphiql.html + graphiql.js/.css GraphiQL at /graphql
// Everything a page loads comes from dist/, so the pages work with no internet.
import { build } from "esbuild";
import { mkdir, rm, writeFile } from "node:fs/promises";

const out = new URL("./dist/", import.meta.url).pathname;
const staging = new URL("./dist.tmp/", import.meta.url).pathname;
await rm(staging, { recursive: true, force: true });
await mkdir(staging, { recursive: true });

const common = {
  bundle: true,
  minify: true,
  sourcemap: false,
  target: ["es2020"],
  outdir: staging,
  define: { "process.env.NODE_ENV": '"production"' },
  jsx: "automatic",
  loader: { ".woff": "dataurl", ".woff2": "dataurl", ".ttf": "dataurl", ".svg": "dataurl", ".png": "dataurl" },
  logLevel: "warning",
  legalComments: "linked",
};

await build({ ...common, entryPoints: { graphiql: "src/graphiql/main.jsx" } });
await build({ ...common, entryPoints: { explorer: "src/explorer/main.js" } });

const page = (title, body, name) => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/${name}.css">
</head>
<body>
${body}
<script src="/assets/${name}.js"></script>
</body>
</html>
`;

await writeFile(staging + "graphiql.html",
  page("GraphiQL · 劳模知识图谱", '<div id="graphiql" style="height:100vh">正在载入 GraphiQL…</div>', "graphiql"));
await writeFile(staging + "index.html",
  page("劳模知识图谱 · 浏览", '<div id="app">正在载入…</div>', "explorer"));

await rm(out, { recursive: true, force: true });
const { rename } = await import("node:fs/promises");
await rename(staging, out);
console.log("web/dist built");
