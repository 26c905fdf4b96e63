import { describe, expect, it } from "vitest";
import { AppSecrets, REDACTED, secretsBindingName } from "./secrets.ts";

const source = { kind: "binding", binding: "EDGELIT_SECRETS_DEMO" } as const;
const TOML = `
token = "tok-123456"
short = "abc"
port = 5432

[connections.pets_db]
type = "sql"
binding = "PETS_DATABASE"
password = "pw with \\"quotes\\" and \\\\ slash"

[connections.other]
binding = "DB"
`;

describe("an app's secrets", () => {
  it("has one binding per app, named after its slug", () => {
    expect(secretsBindingName("hello")).toBe("EDGELIT_SECRETS_HELLO");
    expect(secretsBindingName("pets-on-d1")).toBe("EDGELIT_SECRETS_PETS_ON_D1");
  });

  it("parses TOML, and offers its root-level strings as the environment", () => {
    const secrets = AppSecrets.fromToml(TOML, source);
    expect(secrets.found).toBe(true);
    expect(secrets.root.port).toBe(5432);
    expect(secrets.env()).toEqual({ token: "tok-123456", short: "abc" });
    expect(Object.isFrozen(secrets.root.connections)).toBe(true);
  });

  it("knows the D1 bindings its connections name", () => {
    expect([...AppSecrets.fromToml(TOML, source).connectionBindings()]).toEqual(["PETS_DATABASE", "DB"]);
    expect(AppSecrets.none(source).connectionBindings().size).toBe(0);
  });

  it("masks every secret value in text and in JSON, but not a connection's binding or type", () => {
    const secrets = AppSecrets.fromToml(TOML, source);
    const password = 'pw with "quotes" and \\ slash';
    expect(secrets.redact(`token tok-123456, short abc, db PETS_DATABASE`)).toBe(`token ${REDACTED}, short abc, db PETS_DATABASE`);
    expect(secrets.redact(JSON.stringify({ body: `pw: ${password}` }))).toBe(JSON.stringify({ body: `pw: ${REDACTED}` }));
    expect(AppSecrets.none(source).redact("tok-123456")).toBe("tok-123456");
  });

  it("keeps a bad document's lines out of its error", () => {
    const secrets = AppSecrets.fromToml('token = "tok-123456"\nbroken = tok-999999\n', source);
    expect(secrets.found).toBe(false);
    expect(() => secrets.root).toThrow(
      "the app's secrets (the binding EDGELIT_SECRETS_DEMO) are not valid TOML: Invalid TOML document: invalid value (line 2, column 10).",
    );
    expect(() => secrets.root).not.toThrow(/tok-/);
  });

  it("treats an empty object (AppTest's at.secrets untouched) as no secrets, as Streamlit does", () => {
    expect(AppSecrets.fromObject({}, { kind: "apptest" }).found).toBe(false);
    expect(() => AppSecrets.fromObject({}, { kind: "apptest" }).root).toThrow("No secrets found.");
  });
});
