import { describe, expect, it } from "vitest";
import { parse } from "smol-toml";
import { AppTest } from "edgelit/testing";
import { testSecretBindings, testSecretValues } from "../../tests/secrets_fixture.ts";

function demo(): AppTest {
  const at = AppTest.from_app("secrets-demo");
  Object.assign(at.secrets, parse(testSecretBindings().EDGELIT_SECRETS_SECRETS_DEMO!));
  return at;
}

describe("Secrets demo", () => {
  it("uses its secrets without showing them, even in errors", async () => {
    const at = await demo().run();
    expect(at.exception.length).toBe(0);
    expect(at.markdown[0]!.value).toBe("Secret keys of this app: greeting, api_key, db_credentials");
    expect(at.markdown.map((m) => m.value)).toContain("Has the environment been set: `true`");
    expect(at.code[0]!.value).toMatch(/^HMAC-SHA256\(api_key, "hello"\) = [0-9a-f]{64}$/);
    await at.button[0]!.click().run();
    expect(at.exception[0]!.value).toContain('st.secrets has no key "not_a_secret"');
    await at.button[1]!.click().run();
    expect(at.exception[0]!.value).toBe("Could not log in with ********");
    await at.text_input[0]!.input("another message").run();

    const everything = at.messages.join("\n");
    for (const secret of testSecretValues()) expect(everything).not.toContain(secret);
  });
});
