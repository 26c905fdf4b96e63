// Unit and in-process AppTest suites: plain Node, the engine without Cloudflare.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "edgelit/testing": fileURLToPath(new URL("./sessions/testing/index.ts", import.meta.url)),
      "edgelit/components": fileURLToPath(new URL("./sessions/api/components.ts", import.meta.url)),
      edgelit: fileURLToPath(new URL("./sessions/api/index.ts", import.meta.url)),
    },
  },
  test: {
    include: ["sessions/**/*.test.ts", "edge/**/*.test.ts", "apps/**/*.test.ts", "tests/unit/**/*.test.ts"],
    environment: "node",
  },
});
