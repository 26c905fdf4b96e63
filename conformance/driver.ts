/**
 * Plays conformance cases through Edgelit's AppTest.
 *
 *     npx tsx conformance/driver.ts [case ...]     # every case in conformance/cases when none given
 *
 * Prints one JSON line per step, exactly as driver.py does for Streamlit:
 * {"case", "step", "do", "page"}, or {"case", "step", "failure"} when a step cannot be played.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { AppTest } from "edgelit/testing";
import { pageOf, type ErrorMap, type Page } from "./snapshot.ts";
import { CASES_DIR, SETTABLE, caseNames, loadSteps, type Step } from "./steps.ts";

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
    default:
      throw new Error(`step ${JSON.stringify((step as { do: unknown }).do)} is not supported by driver.ts yet`);
  }
}

export async function playCase(name: string, emit: (line: DriverLine) => void): Promise<boolean> {
  let steps: Step[];
  let module: CaseModule;
  try {
    steps = loadSteps(name);
    module = (await import(pathToFileURL(join(CASES_DIR, `${name}.ts`)).href)) as CaseModule;
  } catch (error) {
    emit({ case: name, step: 0, failure: describe(error) });
    return false;
  }
  const at = AppTest.from_function(module.default, { default_timeout: 10 });
  for (const [i, step] of steps.entries()) {
    try {
      await play(at, step);
    } catch (error) {
      emit({ case: name, step: i, failure: describe(error) });
      return false;
    }
    emit({ case: name, step: i, do: step, page: pageOf(at, module.pythonErrors) });
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
