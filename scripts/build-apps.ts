/**
 * Builds each app alone, into the code of its own isolate: its folder, the npm packages its
 * `package.json` declares and `edgelit` (the engine, built once and shared as text). An import
 * of another app, of the platform's internals or of an undeclared package fails that app's build
 * with a message naming the file and the import; the other apps build regardless. Every module
 * but the CPU guard itself gets the guard's calls (scripts/guard_transform.ts).
 *
 * The platform never imports what this makes: it holds the modules as text and hands them to
 * the Worker Loader (sessions/session.ts), keyed by app and content hash.
 */
import { build, transform, type Plugin } from "esbuild";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { insertCpuGuards } from "./guard_transform.ts";

const root = join(import.meta.dirname, "..");
const GUARD_MODULE = "./guard.js";
const EDGELIT_MODULE = "./edgelit.js";
/** `import components from "edgelit/components"` (Streamlit's streamlit.components.v1). */
const COMPONENTS_MODULE = "./components.js";
/** The app module's name in its isolate, as sessions/runtime/facet.ts imports it. */
export const APP_MODULE_NAME = "app.js";
export const MAIN_MODULE_NAME = "main.js";

/** The engine's modules, the same text for every app's isolate. */
export async function buildEngine(): Promise<Record<string, string>> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { edgelit: "sessions/api/index.ts", components: "sessions/api/components.ts", runtime: "sessions/runtime/facet.ts" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    write: false,
    outdir: "dist/isolate",
    chunkNames: "chunk-[hash]",
    mainFields: ["module", "main"],
    conditions: ["workerd", "worker", "import"],
    external: ["cloudflare:*", "node:*"],
    logLevel: "silent",
    plugins: [guardAsModule, emojiNamesOnly],
  });
  const modules: Record<string, string> = {};
  for (const file of result.outputFiles) {
    const name = relative(join(root, "dist/isolate"), file.path);
    modules[name] = insertCpuGuards(file.text, { from: GUARD_MODULE, tick: "engineTick" });
  }
  const guard = await transform(readFileSync(join(root, "sessions/runtime/cpu_guard.ts"), "utf8"), { loader: "ts", format: "esm", target: "es2022" });
  modules["guard.js"] = guard.code;
  modules[MAIN_MODULE_NAME] = `export { AppSessionFacet } from "./runtime.js";\n`;
  return modules;
}

/**
 * gemoji's list, as the engine needs it: names and the emoji, without descriptions, tags and the
 * rest (a sixth of its size, in every app's isolate).
 */
const emojiNamesOnly: Plugin = {
  name: "edgelit-emoji-names",
  setup(b) {
    b.onResolve({ filter: /^gemoji$/ }, () => ({ path: "gemoji", namespace: "edgelit-emoji" }));
    b.onLoad({ filter: /.*/, namespace: "edgelit-emoji" }, async () => {
      const { gemoji } = await import("gemoji");
      return { contents: `export const gemoji = ${JSON.stringify(gemoji.map(({ names, emoji }) => ({ names, emoji })))};`, loader: "js" };
    });
  },
};

/** Every import of the guard is one module of the isolate, which the build does not bundle. */
const guardAsModule: Plugin = {
  name: "edgelit-guard-module",
  setup(b) {
    b.onResolve({ filter: /cpu_guard(\.ts)?$/ }, () => ({ path: GUARD_MODULE, external: true }));
  },
};

export interface BuiltApp {
  /** The app's own module (`app.js`), or null when its build failed. */
  code: string | null;
  /** What failed, for the author: the file and the import, or the compiler's message. */
  errors: string[];
}

interface AppManifest {
  dependencies?: Record<string, string>;
}

export interface AppSource {
  /** The app's folder: everything it imports of its own must be inside. */
  dir: string;
  /** Its entry script, relative to `dir` (default "app.ts"). */
  entry?: string;
  /** Its other modules that may be pages, relative to `dir`. */
  modules?: string[];
  /** Its `pages/` directory's files, in Streamlit's order. */
  pagesDir?: string[];
}

/** Builds one app into one module exporting `app = { script, pages }`. */
export async function buildApp({ dir, entry: entryFile = "app.ts", modules = [], pagesDir = [] }: AppSource): Promise<BuiltApp> {
  const entry = [
    `import script from ${JSON.stringify(`./${entryFile}`)};`,
    ...modules.map((m, i) => `import * as page${i} from ${JSON.stringify(`./${m}`)};`),
    `const page = (module) => module.default;`,
    `export const app = { script, pages: { modules: { ${modules.map((m, i) => `${JSON.stringify(m)}: page(page${i})`).join(", ")} }, pagesDir: ${JSON.stringify(pagesDir)}, entryName: "app" } };`,
  ].join("\n");
  const manifestPath = join(dir, "package.json");
  const manifest = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, "utf8")) as AppManifest) : {};
  try {
    const result = await build({
      absWorkingDir: root,
      stdin: { contents: entry, resolveDir: dir, sourcefile: join(dir, "(entry).ts"), loader: "ts" },
      bundle: true,
      format: "esm",
      platform: "neutral",
      target: "es2022",
      write: false,
      mainFields: ["module", "main"],
      conditions: ["workerd", "worker", "import"],
      logLevel: "silent",
      plugins: [importPolicy(dir, new Set(Object.keys(manifest.dependencies ?? {})))],
    });
    const code = result.outputFiles[0]!.text;
    return { code: insertCpuGuards(code, { from: GUARD_MODULE, tick: "appTick" }), errors: [] };
  } catch (error) {
    const messages = (error as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors;
    if (!messages) return { code: null, errors: [error instanceof Error ? error.message : String(error)] };
    return { code: null, errors: messages.map((m) => (m.location ? `${m.location.file}:${m.location.line}: ${m.text}` : m.text)) };
  }
}

/**
 * What an app may import: "edgelit", its own files, Node's built-ins (the isolate's own), and
 * the npm packages its package.json declares (and theirs). Nothing else reaches the bundle.
 */
function importPolicy(dir: string, declared: ReadonlySet<string>): Plugin {
  const appDir = resolve(dir) + sep;
  const modulesDir = join(root, "node_modules") + sep;
  const shown = (path: string) => relative(root, path) || path;
  return {
    name: "edgelit-app-imports",
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === "entry-point") return undefined;
        const spec = args.path;
        const refuse = (why: string) => ({ errors: [{ text: `the import of "${spec}" is refused: ${why}` }] });
        const inDependency = args.importer.startsWith(modulesDir);
        if (spec === "edgelit") return { path: EDGELIT_MODULE, external: true };
        if (spec === "edgelit/components") return { path: COMPONENTS_MODULE, external: true };
        if (spec.startsWith("edgelit/")) return refuse(`only "edgelit" and "edgelit/components" are part of an app; "edgelit/testing" is for its tests.`);
        if (spec.startsWith("cloudflare:")) return refuse("an app reaches the platform only through st (its secrets, cache and connections).");
        if (spec.startsWith("node:")) return { path: spec, external: true };
        if (spec.startsWith(".") || isAbsolute(spec)) {
          const target = resolve(args.resolveDir, spec);
          const home = inDependency ? modulesDir : appDir;
          if (!target.startsWith(home)) {
            return refuse(inDependency ? "a package may not reach outside node_modules." : `it is outside the app's folder (${shown(appDir)}); an app is built alone, from its own files, "edgelit" and the npm packages its package.json declares.`);
          }
          return undefined;
        }
        // A package that names Node's built-ins bare (papaparse's require("stream")): the isolate's own, as node:<name>.
        if (inDependency && isBuiltin(spec)) return { path: `node:${spec}`, external: true };
        if (inDependency) return undefined;
        const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!;
        if (!declared.has(name)) return refuse(`"${name}" is not among the dependencies of ${shown(join(appDir, "package.json"))}.`);
        return undefined;
      });
    },
  };
}

/** The isolate's id: the app and a hash of every module, so a changed app gets a fresh isolate. */
export function bundleId(slug: string, engine: Record<string, string>, code: string): string {
  const hash = createHash("sha256");
  for (const name of Object.keys(engine).sort()) hash.update(name).update("\0").update(engine[name]!).update("\0");
  hash.update(code);
  return `${slug}@${hash.digest("hex").slice(0, 16)}`;
}

/** The module of an app whose build failed: its page shows why, as an error box. */
export function failedBuildModule(slug: string, errors: string[]): string {
  const message = `The app "${slug}" could not be built:\n${errors.join("\n")}`;
  return `export const app = { script() { throw new Error(${JSON.stringify(message)}); } };\n`;
}
