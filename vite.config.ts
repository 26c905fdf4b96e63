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
    rolldownOptions: {
      input: "client/main.tsx",
      output: {
        entryFileNames: "edgelit.js",
        chunkFileNames: "chunks/[name]-[hash].js",
        assetFileNames: (asset) =>
          asset.names.some((name) => name.endsWith(".css")) ? "edgelit.css" : "chunks/[name]-[hash][extname]",
      },
    },
  },
});
