import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

/**
 * Builds the server's first paint (client/first_paint.tsx) for the Worker: the client's own
 * components compiled by Solid for string output, one self-contained module
 * (dist/ssr/first_paint.js) that edge/first_paint.ts imports.
 */
export default defineConfig({
  plugins: [solid({ ssr: true, solid: { hydratable: false } })],
  publicDir: false,
  // Solid's server build ("worker" in its exports), as workerd has it.
  ssr: { target: "webworker", noExternal: true, resolve: { conditions: ["worker", "import", "default"] } },
  build: {
    ssr: "client/first_paint.tsx",
    outDir: "dist/ssr",
    emptyOutDir: true,
    target: "es2022",
    minify: true,
    // The markdown parser and the emoji table are in it: its size is the Worker's, not a page's.
    chunkSizeWarningLimit: 1024,
    rolldownOptions: { output: { entryFileNames: "first_paint.js", codeSplitting: false } },
  },
});
