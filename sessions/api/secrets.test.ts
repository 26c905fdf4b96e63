import { describe, expect, it } from "vitest";
import st, { env } from "edgelit";
import { AppTest } from "edgelit/testing";
import { AppSecrets, secretsBindingName } from "../secrets/secrets.ts";

const DOCS_SECRETS = {
  db_username: "Jane",
  db_password: "mypassword",
  db_credentials: { username: "my_username", password: "my_password" },
  my_other_secrets: { things_i_like: ["Streamlit", "Python"] },
};

async function withSecrets(script: () => unknown, secrets: Record<string, unknown> = DOCS_SECRETS): Promise<AppTest> {
  const at = AppTest.from_function(script);
  Object.assign(at.secrets, secrets);
  return at.run();
}

describe("st.secrets", () => {
  it("reads keys and attributes alike, as the docs' examples do", async () => {
    const at = await withSecrets(() => {
      st.write("DB username:", st.secrets["db_username"]);
      st.write(st.secrets.db_credentials.username, st.secrets["db_credentials"]["password"]);
      st.write(st.secrets.my_other_secrets.things_i_like.join(" and "));
    });
    expect(at.markdown.map((m) => m.value)).toEqual(["DB username: Jane", "my_username my_password", "Streamlit and Python"]);
  });

  it("spreads sections, answers `in`, iterates over keys and converts to a dict", async () => {
    const seen: unknown[] = [];
    await withSecrets(() => {
      const connect = (options: { username: string; password: string }) => options;
      seen.push(connect({ ...st.secrets.db_credentials }));
      seen.push("db_credentials" in st.secrets, "nope" in st.secrets, "username" in st.secrets.db_credentials);
      seen.push([...st.secrets], Object.keys(st.secrets.db_credentials), st.secrets.keys());
      seen.push(st.secrets.to_dict(), st.secrets.get("nope", "fallback"), JSON.parse(JSON.stringify(st.secrets.db_credentials)));
    });
    expect(seen).toEqual([
      { username: "my_username", password: "my_password" },
      true,
      false,
      true,
      ["db_username", "db_password", "db_credentials", "my_other_secrets"],
      ["username", "password"],
      ["db_username", "db_password", "db_credentials", "my_other_secrets"],
      DOCS_SECRETS,
      "fallback",
      DOCS_SECRETS.db_credentials,
    ]);
  });

  it("raises a KeyError naming the missing key, never a value", async () => {
    const at = await withSecrets(() => st.write(st.secrets["nonexistent_key"]));
    expect(at.exception[0]!.props.type).toBe("KeyError");
    expect(at.exception[0]!.value).toMatch(/^st\.secrets has no key "nonexistent_key"\. Did you forget to add it to the test's secrets/);
    const nested = await withSecrets(() => st.write(st.secrets.db_credentials.host));
    expect(nested.exception[0]!.value).toContain('no key "db_credentials.host"');
    expect(JSON.stringify(nested.session.tree.roots)).not.toContain("my_password");
  });

  it("raises Streamlit's StreamlitSecretNotFoundError when the app has no secrets", async () => {
    const at = await AppTest.from_function(() => st.write(st.secrets["a"])).run();
    expect(at.exception[0]!.props.type).toBe("StreamlitSecretNotFoundError");
    expect(at.exception[0]!.value).toBe(`No secrets found. Set them with at.secrets["key"] = value before run().`);
  });

  it("tells a platform app where its secrets go: .dev.vars locally, wrangler secret put in production", () => {
    const binding = secretsBindingName("pets-db");
    expect(binding).toBe("EDGELIT_SECRETS_PETS_DB");
    const none = AppSecrets.none({ kind: "binding", binding });
    expect(() => none.root).toThrow(/No secrets found for this app\. Locally, put the app's secrets\.toml text in \.dev\.vars as EDGELIT_SECRETS_PETS_DB='\.\.\.'; in production, run `wrangler secret put EDGELIT_SECRETS_PETS_DB`\./);
  });

  it("is read-only", async () => {
    const at = await withSecrets(() => {
      (st.secrets as Record<string, unknown>).db_username = "Eve";
    });
    expect(at.exception[0]!.props.type).toBe("TypeError");
    expect(at.exception[0]!.value).toBe("Secrets does not support item assignment.");
    const nested = await withSecrets(() => {
      delete st.secrets.db_credentials.password;
    });
    expect(nested.exception[0]!.value).toBe("Secrets does not support item assignment.");
    const arrays = await withSecrets(() => {
      st.secrets.my_other_secrets.things_i_like.push("Rust");
      st.write(st.secrets.my_other_secrets.things_i_like.length);
    });
    expect(arrays.markdown[0]!.value).toBe("`2`");
  });

  it("gives root-level strings to the app as its environment, and nothing else", async () => {
    const at = await withSecrets(() => {
      st.write(Object.keys(env).join(","), String(env.db_username === st.secrets.db_username), String(env.db_credentials), String(env.PATH));
    });
    expect(at.markdown[0]!.value).toBe("db_username,db_password true undefined undefined");
  });

  it("keeps secret values out of an uncaught exception's message and stack", async () => {
    const at = await withSecrets(() => {
      throw new Error(`login failed for ${st.secrets.db_credentials.password as string} (${st.secrets.db_password as string})`);
    });
    expect(at.exception[0]!.value).toBe("login failed for ******** (********)");
    expect(at.messages.join("")).not.toContain("my_password");
  });
});
