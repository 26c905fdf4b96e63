import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

/**
 * Builds the browser client. The server's HTML shell links the entry by a fixed name
 * (/client/edgelit.js and /client/edgelit.css); lazy chunks are content-hashed. Files in
 * client/public (the gallery's stylesheet) are copied as they are.
 */
export default defineConfig({
  plugins: [solid()],
  base: "/client/",
  publicDir: "client/public",
  build: {
    outDir: "dist/public/client",
    emptyOutDir: true,
    target: "es2022",
    cssCodeSplit: false,
    // The shell loads the entry as a plain module script; there is no index.html to inject preloads into.
    modulePreload: false,
    // Which file each lazy chunk is: scripts/client-chunks.ts reads it for the pages' preloads.
    manifest: true,
    rolldownOptions: {
      input: "client/main.tsx",
      output: {
        entryFileNames: "edgelit.js",
        // Solid in one chunk of its own: rolldown (1.2) splits modules the entry shares with more
        // than one lazy JSX chunk (the grid, charts) into separate chunks anyway (rolldown#10731,
        // #9963); grouped, the first page load fetches one framework chunk instead of two.
        // Vite's dynamic-import helper goes there too: shared by the entry and a lazy chunk that
        // imports another (components' Arrow), it would otherwise be a third file of the first load.
        codeSplitting: { groups: [{ name: "solid", test: /node_modules[\\/]solid-js[\\/]|vite[\\/]preload-helper/ }] },
        chunkFileNames: "chunks/[name]-[hash].js",
        assetFileNames: (asset) =>
          asset.names.some((name) => name.endsWith(".css")) ? "edgelit.css" : "chunks/[name]-[hash][extname]",
      },
    },
  },
});
