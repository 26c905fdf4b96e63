/** The files of a folder the build puts in the Worker's static assets (apps' static/ and components/). */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(import.meta.dirname, "..");
/** Workers static assets take files up to 25 MiB. */
const MAX_FILE = 25 * 1024 * 1024;

/**
 * Every file under `dir` as a "/"-separated path, hidden files left behind. A name a URL cannot
 * carry plainly, or a file larger than the assets take, ends the build naming the file.
 */
export function assetFilesUnder(dir: string, what: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      if (name.startsWith(".")) continue;
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      const rel = relative(dir, path).replace(/\\/g, "/");
      if (!isPlainPath(rel)) throw new Error(`${relative(root, path)}: ${what}'s name cannot hold \\ ? # % or control characters.`);
      if (statSync(path).size > MAX_FILE) throw new Error(`${relative(root, path)}: ${what} is limited to 25 MiB (Workers static assets).`);
      found.push(rel);
    }
  };
  if (existsSync(dir)) walk(dir);
  return found;
}

export function isPlainPath(path: string): boolean {
  return path !== "" && !/[\\?#%\u0000-\u001f]/.test(path) && path.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}
