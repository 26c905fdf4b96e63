/**
 * The renderer chunks an app's page preloads: the grid, when the app's code calls st.dataframe or
 * st.data_editor, fetched while the session's socket opens instead of after the element arrives.
 * An app that uses neither preloads nothing (scripts/client-chunks.ts says why charts do not).
 */
import { rendererChunks } from "./client_chunks.gen.ts";

const USES = {
  grid: /\.(?:dataframe|data_editor)\s*\(/,
} as const;

const known = new WeakMap<object, string[]>();

export function rendererPreloads(bundle: { code: string }): string[] {
  let files = known.get(bundle);
  if (!files) {
    files = [...new Set((Object.keys(USES) as (keyof typeof USES)[]).filter((name) => USES[name].test(bundle.code)).flatMap((name) => rendererChunks[name]))];
    known.set(bundle, files);
  }
  return files;
}
