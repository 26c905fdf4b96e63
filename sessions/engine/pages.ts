/**
 * Multipage apps: how a page file's name becomes its label, URL path and place in the
 * `pages/` directory's order, exactly as Streamlit's pages-directory docs tabulate.
 */
import type { ScriptFn } from "./app_session.ts";

/** An app's page modules, bundled at build time since a Worker has no file system. */
export interface AppPages {
  /** Every module of the app by its path relative to the entry script ("page_1.ts", "pages/2_b.ts"). */
  modules: Record<string, ScriptFn>;
  /** The `pages/` directory's files, in Streamlit's order; empty when there is none. */
  pagesDir: string[];
  /** The entry script's file name without extension (the home page's label in `pages/` mode). */
  entryName: string;
}

export const noPages: AppPages = { modules: {}, pagesDir: [], entryName: "app" };

const PAGE_FILENAME = /([0-9]*)[_ -]*(.*)\.[jt]s$/;

/** Icon (a leading emoji), name (underscores for spaces: the URL path) and number of a page file. */
export function pageFileInfo(path: string): { icon: string; name: string; number: number } {
  const file = path.split("/").pop()!;
  const [, number = "", rest = ""] = PAGE_FILENAME.exec(file) ?? [];
  const name = rest.replace(/[_ ]+/g, "_").trim() || number;
  const { icon, text } = leadingEmoji(name);
  return { icon, name: text.replace(/^_+/, "") || text, number: number === "" ? Infinity : Number(number) };
}

/** The label Streamlit shows for a page file: its name with spaces for underscores. */
export function pageLabel(path: string): string {
  return pageFileInfo(path).name.replace(/_/g, " ");
}

/** Streamlit's order: numbered files first by number, then by lower-cased label. */
export function sortPageFiles(paths: string[]): string[] {
  const key = (path: string) => {
    const { number } = pageFileInfo(path);
    const [, , rest = ""] = PAGE_FILENAME.exec(path.split("/").pop()!) ?? [];
    return { number, label: rest.toLowerCase() };
  };
  return [...paths].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x.number !== y.number) return x.number < y.number ? -1 : 1;
    return x.label < y.label ? -1 : x.label > y.label ? 1 : 0;
  });
}

/** "./pages/a.ts" and "pages/a.ts" name the same module. */
export function normalizePagePath(path: string): string {
  return path.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
}

function leadingEmoji(text: string): { icon: string; text: string } {
  const match = /^(\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*)[_ -]*(.*)$/u.exec(text);
  return match ? { icon: match[1]!, text: match[2]! } : { icon: "", text };
}
