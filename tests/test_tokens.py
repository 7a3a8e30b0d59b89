"""API tokens: list, revoke and expiry, from the command line and for admins over GraphQL;
a revoked or expired token is refused at the very next request."""
from __future__ import annotations

import subprocess
import sys

from graph.tokens import create_token, list_tokens, token_id
from tests.conftest import instance_env

WHO = "{ explainMatch(a: \"person_x\", b: \"person_y\") { score } }"
EDIT = 'mutation { createEntity(input: {type: PERSON, name: "令牌测试"}) { entity { id } } }'


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "api.cli", "token", *args], capture_output=True, text=True,
                          env=instance_env(), timeout=120)


def code(body: dict) -> str | None:
    errors = body.get("errors") or []
    return errors[0]["extensions"]["code"] if errors else None


def test_create_list_use_revoke_from_the_command_line(live_server, db) -> None:
    created = kg("create", "--role", "editor", "--name", "档案室小王", "--expires", "90d")
    assert created.returncode == 0, created.stderr
    token = created.stdout.strip()
    ident = token_id(token)
    assert ident in created.stderr and token not in created.stderr
    assert code(live_server.graphql(EDIT, token=token)) is None
    listed = kg("list")
    line = next(line for line in listed.stdout.splitlines() if line.startswith(ident))
    assert "editor" in line and "active" in line and "档案室小王" in line and "never used" not in line
    assert token not in listed.stdout

    revoked = kg("revoke", ident)
    assert revoked.returncode == 0, revoked.stderr
    refused = live_server.graphql(EDIT, token=token)
    assert code(refused) == "UNAUTHENTICATED" and "revoked" in refused["errors"][0]["message"]
    assert "revoked" in next(line for line in kg("list").stdout.splitlines() if line.startswith(ident))

    unknown = kg("revoke", "tok_000000000000")
    assert unknown.returncode == 1 and unknown.stderr.startswith("kg: ") and len(unknown.stderr.splitlines()) == 1
    bad = kg("create", "--role", "editor", "--expires", "forever")
    assert bad.returncode == 1 and "90d" in bad.stderr


def test_an_expired_token_is_refused(live_server, db) -> None:
    token = create_token(db, "editor", "short-lived")
    assert code(live_server.graphql(EDIT, token=token)) is None
    db.write("MATCH (t:ApiToken {id: $id}) SET t.expiresAt = datetime() - duration('PT1S')", id=token_id(token))
    assert code(live_server.graphql(EDIT, token=token)) == "UNAUTHENTICATED"
    assert next(r for r in list_tokens(db) if r["id"] == token_id(token))["status"] == "expired"


def test_admins_manage_tokens_over_graphql(live_server, db) -> None:
    admin, editor = create_token(db, "admin", "admin"), create_token(db, "editor", "e")
    listing = "{ apiTokens { id role status name expiresAt lastUsedAt } }"
    assert code(live_server.graphql(listing)) == "UNAUTHENTICATED"
    assert code(live_server.graphql(listing, token=editor)) == "FORBIDDEN"
    made = live_server.graphql('mutation { createApiToken(input: {role: READER, name: "研究员", expires: "30d"}) '
                               "{ token apiToken { id role status } } }", token=admin)
    assert code(made) is None, made
    new = made["data"]["createApiToken"]
    assert new["apiToken"] == {"id": token_id(new["token"]), "role": "READER", "status": "ACTIVE"}
    rows = live_server.graphql(listing, token=admin)["data"]["apiTokens"]
    assert new["apiToken"]["id"] in {r["id"] for r in rows}
    assert all(new["token"] not in str(r) for r in rows)
    gone = live_server.graphql('mutation($id: ID!) { revokeApiToken(input: {id: $id}) { apiToken { status } '
                               'userErrors { field } } }', {"id": new["apiToken"]["id"]}, token=admin)
    assert gone["data"]["revokeApiToken"] == {"apiToken": {"status": "REVOKED"}, "userErrors": []}
    bad = live_server.graphql('mutation { createApiToken(input: {role: READER, name: "x", expires: "forever"}) '
                              "{ token userErrors { field code } } }", token=admin)["data"]["createApiToken"]
    assert bad == {"token": None, "userErrors": [{"field": "input.expires", "code": "BAD_INPUT"}]}
    assert code(live_server.graphql("{ stats { people } }", token=new["token"])) == "UNAUTHENTICATED"
