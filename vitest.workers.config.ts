// Integration suites inside workerd: the real Worker, Durable Objects and KV, via vitest-pool-workers.
import { fileURLToPath } from "node:url";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { testSecretBindings } from "./tests/secrets_fixture.ts";
import { LOGIN_DEMO_BINDING, loginDemoSecrets, providerPorts } from "./tests/auth_fixture.ts";

// The login demo signs in with two real OpenID Connect providers on loopback (tests/oidc-setup.ts).
const ports = await providerPorts();

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.jsonc" },
      // An environment binding over the themed app's config.toml (tests/integration/config.test.ts);
      // "full" is Streamlit's default, so no other app changes.
      // The apps' secrets, as .dev.vars gives them to `wrangler dev`: the example's, plus two test tenants.
      miniflare: {
        // The internet, as apps' allowed requests reach it (AppOutbound's EGRESS): one public API.
        serviceBindings: {
          EGRESS: (request: Request) =>
            new URL(request.url).hostname === "api.example.com" ? new Response(`hello from ${new URL(request.url).pathname}`) : new Response("No such host in the tests' internet.", { status: 502 }),
        },
        bindings: { GALLERY_HOST: "edgelit.test", STREAMLIT_CLIENT_SHOW_ERROR_DETAILS: "full", ...testSecretBindings(), [LOGIN_DEMO_BINDING]: loginDemoSecrets("https://edgelit.test", ports) } },
    }),
  ],
  resolve: {
    alias: {
      // The gallery and the suites' own tenants (hostile ones among them): tests/tenants/.
      "#catalog": fileURLToPath(new URL("./tests/tenants/catalog.gen.ts", import.meta.url)),
      "edgelit/testing": fileURLToPath(new URL("./sessions/testing/index.ts", import.meta.url)),
      "edgelit/components": fileURLToPath(new URL("./sessions/api/components.ts", import.meta.url)),
      edgelit: fileURLToPath(new URL("./sessions/api/index.ts", import.meta.url)),
    },
  },
  test: {
    include: ["tests/integration/**/*.test.ts"],
    globalSetup: ["tests/oidc-setup.ts"],
  },
});
