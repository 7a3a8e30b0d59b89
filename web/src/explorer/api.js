// The one way the explorer talks to the service: POST /graphql (the public API), with the
// editor's token when records staff gave one (kept for this browser tab only).

const TOKEN_KEY = "kg-token";

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) || "";
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export class ApiError extends Error {
  constructor(message, code, userErrors = []) {
    super(message);
    this.code = code;
    this.userErrors = userErrors; // a mutation's mistakes in the input: [{field, message, code}]
  }
}

export async function gql(query, variables = {}) {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  if (token()) headers.Authorization = `Bearer ${token()}`;
  let response;
  try {
    response = await fetch("/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  } catch (e) {
    throw new ApiError("无法连接服务 · the service cannot be reached", "NETWORK");
  }
  let body;
  try {
    body = await response.json();
  } catch (e) {
    throw new ApiError(`服务返回 ${response.status}`, "HTTP");
  }
  if (body.errors && body.errors.length) {
    const first = body.errors[0];
    throw new ApiError(first.message, first.extensions && first.extensions.code);
  }
  return body.data;
}

// A mutation: one `input`, a payload under `name`. Mistakes in the input come back in the
// payload's userErrors (nothing was written then): they are thrown, with each message, so the
// screen that sent them shows them; the payload otherwise.
export async function mutate(query, name, input) {
  const payload = (await gql(query, { input }))[name];
  const errors = (payload && payload.userErrors) || [];
  if (errors.length) {
    const text = errors.map((e) => (e.field ? `${e.field}：${e.message}` : e.message)).join("；");
    throw new ApiError(text, errors[0].code, errors);
  }
  return payload;
}

// A file from /export/… (same access rules as GraphQL), saved under its own name.
export async function download(url, fallbackName) {
  const headers = token() ? { Authorization: `Bearer ${token()}` } : {};
  const response = await fetch(url, { headers });
  if (!response.ok) {
    let message = `导出失败（${response.status}）`;
    try {
      message = (await response.json()).errors[0].message;
    } catch (e) { /* not JSON */ }
    throw new ApiError(message, "EXPORT");
  }
  const disposition = response.headers.get("Content-Disposition") || "";
  const match = /filename="([^"]+)"/.exec(disposition);
  saveBlob(await response.blob(), match ? match[1] : fallbackName);
}

export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
