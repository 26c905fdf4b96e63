/**
 * Plays conformance cases through Edgelit's AppTest.
 *
 *     npx tsx conformance/driver.ts [case ...]     # every case in conformance/cases when none given
 *
 * Prints one JSON line per step, exactly as driver.py does for Streamlit:
 * {"case", "step", "do", "page"}, or {"case", "step", "failure"} when a step cannot be played.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { AppTest, setAppLookup } from "edgelit/testing";
import type { ScriptFn } from "../sessions/engine/app_session.ts";
import { sortPageFiles, type AppPages } from "../sessions/engine/pages.ts";
import { clearAppData } from "../sessions/cache/data_cache.ts";
import { clearAppResources } from "../sessions/cache/resource_cache.ts";
import { pageOf, type ErrorMap, type Page } from "./snapshot.ts";
import { CASES_DIR, SETTABLE, caseEntry, caseNames, loadSteps, type Step } from "./steps.ts";

export type DriverLine =
  | { case: string; step: number; do: Step; page: Page }
  | { case: string; step: number; failure: string };

interface CaseModule {
  default: () => unknown;
  pythonErrors?: ErrorMap;
}

function widget<T>(found: readonly T[], kind: string, index: unknown): T {
  if (typeof index !== "number") throw new Error(`a ${kind} step needs a numeric index`);
  const element = found[index];
  if (element === undefined) throw new Error(`there is no ${kind}[${index}] (the page has ${found.length})`);
  return element;
}

/** Applies one step; every interaction is followed by a run, as in `at.button[0].click().run()`. */
async function play(at: AppTest, step: Step): Promise<void> {
  switch (step.do) {
    case "run":
      await at.run();
      return;
    case "click":
      await widget(at.button, "button", step.button).click().run();
      return;
    case "input":
      await widget(at.text_input, "text_input", step.text_input).input(step.value).run();
      return;
    case "set": {
      if (!(SETTABLE as readonly string[]).includes(step.widget)) throw new Error(`cannot set a ${JSON.stringify(step.widget)}`);
      const found = at.get(step.widget) as unknown as { set_value(value: unknown): { run(): Promise<unknown> } }[];
      await widget(found, step.widget, step.index).set_value(step.value).run();
      return;
    }
    case "session_state":
      at.session_state[step.key] = step.value; // seen by the next run
      return;
    case "secret":
      at.secrets[step.key] = step.value; // seen by the next run
      return;
    case "switch_page":
      // The step names the Python page; its port is the module of the same path in .ts.
      await at.switch_page(step.path.replace(/\.py$/, ".ts")).run();
      return;
    default:
      throw new Error(`step ${JSON.stringify((step as { do: unknown }).do)} is not supported by driver.ts yet`);
  }
}

/** Each case is the app `conformance-<case>`: its own slug, so its own cache namespace. */
const caseApps = new Map<string, { script: ScriptFn; pages?: AppPages | undefined; components?: Record<string, string[]> | undefined }>();
setAppLookup((slug) => caseApps.get(slug));

async function importCase(path: string): Promise<CaseModule> {
  return (await import(pathToFileURL(path).href)) as CaseModule;
}

/**
 * A case's script, and for a case with pages (`cases/<case>/app.ts`) every other module of its
 * directory by its path relative to the entry, as scripts/build-registry.ts bundles an app's pages.
 */
async function loadCase(name: string): Promise<{ module: CaseModule; pages?: AppPages; errors: ErrorMap; components?: Record<string, string[]> }> {
  const module = await importCase(caseEntry(name, ".ts"));
  const errors: ErrorMap = { ...module.pythonErrors };
  const dir = join(CASES_DIR, name);
  if (!existsSync(join(dir, "app.ts"))) return { module, errors };
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((file) => file.replace(/\\/g, "/"))
    .filter((file) => file.endsWith(".ts") && file !== "app.ts")
    .sort();
  const modules: Record<string, ScriptFn> = {};
  for (const file of files) {
    const page = await importCase(join(dir, file));
    modules[file] = page.default;
    Object.assign(errors, page.pythonErrors);
  }
  const pagesDir = sortPageFiles(files.filter((file) => /^pages\/[^/]+\.ts$/.test(file)));
  return { module, pages: { modules, pagesDir, entryName: "app" }, errors, components: componentsOf(dir) };
}

/** A case's components/<folder>/ front ends, as the build lists an app's (scripts/app_components.ts). */
function componentsOf(dir: string): Record<string, string[]> {
  const root = join(dir, "components");
  if (!existsSync(root)) return {};
  return Object.fromEntries(readdirSync(root).map((folder) => [folder, readdirSync(join(root, folder))]));
}

export async function playCase(name: string, emit: (line: DriverLine) => void): Promise<boolean> {
  let steps: Step[];
  let loaded: Awaited<ReturnType<typeof loadCase>>;
  try {
    steps = loadSteps(name);
    loaded = await loadCase(name);
  } catch (error) {
    emit({ case: name, step: 0, failure: describe(error) });
    return false;
  }
  const slug = `conformance-${name}`;
  caseApps.set(slug, { script: loaded.module.default, pages: loaded.pages, components: loaded.components });
  const at = AppTest.from_app(slug, { default_timeout: 10 });
  // As driver.py does for Streamlit's process-wide caches: every case starts with empty ones.
  await clearAppData(at.platform);
  clearAppResources(at.platform);
  for (const [i, step] of steps.entries()) {
    try {
      await play(at, step);
    } catch (error) {
      emit({ case: name, step: i, failure: describe(error) });
      return false;
    }
    emit({ case: name, step: i, do: step, page: pageOf(at, loaded.errors) });
  }
  return true;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function main(names: string[]): Promise<number> {
  let ok = true;
  for (const name of names.length > 0 ? names : caseNames()) {
    ok = (await playCase(name, (line) => process.stdout.write(JSON.stringify(line) + "\n"))) && ok;
  }
  return ok ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main(process.argv.slice(2));
}
