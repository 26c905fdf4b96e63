/**
 * Builds the front ends of an app's custom components (`apps/<slug>/components/<folder>/`) into
 * the Worker's assets under `app-components/<slug>/<folder>/`, which only the Worker serves, at
 * `/_stcore/component/<folder>/<file>` on the app's own origin (edge/components.ts). A folder is
 * one of:
 *
 * - a built front end, served as it is (its `index.html` and the files beside it);
 * - a source to build, `frontend/index.html` beside `frontend/index.tsx` (or `.ts`): the script
 *   is bundled with its npm packages (streamlit-component-lib, React...) into `index.js`, and the
 *   other files of `frontend/` are copied;
 * - npm files to serve (`files.json`: `{ "<name served>": "<package>/<path in it>" }`), from the
 *   packages the app's package.json declares: Bootstrap's CSS for a `components.html`, say.
 *
 * Returns each folder's files, for the catalog; a problem ends the build naming the file.
 */
import { build } from "esbuild";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { COMPONENT_ASSETS_DIR, COMPONENT_FOLDER } from "../edge/components.ts";
import { assetFilesUnder, isPlainPath } from "./asset_files.ts";

const root = join(import.meta.dirname, "..");
const assetsDir = join(root, "dist", "public", COMPONENT_ASSETS_DIR);

export function prepareComponentAssets(): void {
  rmSync(assetsDir, { recursive: true, force: true });
}

/** The app's component folders and their files, built into the assets; {} when it has none. */
export async function buildAppComponents(slug: string, appDir: string): Promise<Record<string, string[]>> {
  const componentsDir = join(appDir, "components");
  if (!existsSync(componentsDir) || !statSync(componentsDir).isDirectory()) return {};
  const found: Record<string, string[]> = {};
  for (const folder of readdirSync(componentsDir).sort()) {
    const source = join(componentsDir, folder);
    if (folder.startsWith(".") || !statSync(source).isDirectory()) continue;
    if (!COMPONENT_FOLDER.test(folder)) fail(source, "a component folder's name is letters, digits, _ . and -.");
    const target = join(assetsDir, slug, folder);
    rmSync(target, { recursive: true, force: true });
    if (existsSync(join(source, "frontend"))) await buildFrontend(join(source, "frontend"), target);
    else if (existsSync(join(source, "files.json"))) copyNpmFiles(appDir, join(source, "files.json"), target);
    else copyTree(source, target);
    found[folder] = assetFilesUnder(target, "a component's file");
  }
  return found;
}

async function buildFrontend(frontend: string, target: string): Promise<void> {
  const entry = ["index.tsx", "index.ts"].map((name) => join(frontend, name)).find(existsSync);
  if (!existsSync(join(frontend, "index.html")) || !entry) fail(frontend, "a component's frontend/ holds index.html and index.tsx (or index.ts).");
  try {
    await build({
      absWorkingDir: root,
      entryPoints: [entry],
      outfile: join(target, "index.js"),
      bundle: true,
      format: "iife",
      platform: "browser",
      target: "es2020",
      minify: true,
      jsx: "automatic",
      define: { "process.env.NODE_ENV": '"production"' },
      logLevel: "silent",
    });
  } catch (error) {
    const messages = (error as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors ?? [];
    fail(entry, messages.map((m) => (m.location ? `${m.location.file}:${m.location.line}: ${m.text}` : m.text)).join("\n") || String(error));
  }
  for (const file of assetFilesUnder(frontend, "a component's file")) {
    if (/\.(tsx?|jsx)$/.test(file) || file === "tsconfig.json") continue;
    copyInto(join(frontend, file), join(target, file));
  }
}

function copyNpmFiles(appDir: string, manifestPath: string, target: string): void {
  const files = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, unknown>;
  const appManifest = join(appDir, "package.json");
  const declared = new Set(Object.keys((existsSync(appManifest) ? (JSON.parse(readFileSync(appManifest, "utf8")) as { dependencies?: object }).dependencies : undefined) ?? {}));
  const modules = join(root, "node_modules") + sep;
  for (const [served, from] of Object.entries(files)) {
    if (typeof from !== "string" || !isPlainPath(served)) fail(manifestPath, `"${served}": each entry maps a file name to "<package>/<path>".`);
    const name = from.startsWith("@") ? from.split("/").slice(0, 2).join("/") : from.split("/")[0]!;
    if (!declared.has(name)) fail(manifestPath, `"${name}" is not among the dependencies of ${relative(root, appManifest)}.`);
    const path = resolve(modules, from);
    if (!path.startsWith(modules) || !existsSync(path) || !statSync(path).isFile()) fail(manifestPath, `no file ${from} in node_modules.`);
    copyInto(path, join(target, served));
  }
}

function copyTree(source: string, target: string): void {
  for (const file of assetFilesUnder(source, "a component's file")) copyInto(join(source, file), join(target, file));
}

function copyInto(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}

function fail(path: string, why: string): never {
  throw new Error(`${relative(root, path)}: ${why}`);
}
