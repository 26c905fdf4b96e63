// Integration suites inside workerd: the real Worker, Durable Objects and KV, via vitest-pool-workers.
import { fileURLToPath } from "node:url";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.jsonc" } })],
  resolve: {
    alias: {
      "edgelit/testing": fileURLToPath(new URL("./sessions/testing/index.ts", import.meta.url)),
      edgelit: fileURLToPath(new URL("./sessions/api/index.ts", import.meta.url)),
    },
  },
  test: {
    include: ["tests/integration/**/*.test.ts"],
  },
});
