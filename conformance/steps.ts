/** The scenario format both drivers read: `cases/<case>.steps.json`, a JSON list of steps. */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const CASES_DIR = join(dirname(fileURLToPath(import.meta.url)), "cases");

/** Widgets a `set` step may change. */
export const SETTABLE = [
  "slider", "number_input", "selectbox", "checkbox", "toggle", "radio", "multiselect", "text_area", "text_input",
  "select_slider", "color_picker", "date_input", "time_input", "pills", "segmented_control", "feedback", "chat_input",
] as const;
export type SettableKind = (typeof SETTABLE)[number];

export type Step =
  | { do: "run" }
  | { do: "click"; button: number }
  | { do: "input"; text_input: number; value: string }
  | { do: "set"; widget: SettableKind; index: number; value: unknown }
  /** Sets a session_state key; the next run sees it. No run of its own. */
  | { do: "session_state"; key: string; value: unknown }
  /** Sets a secret, `at.secrets[key] = value`; the next run sees it. No run of its own. */
  | { do: "secret"; key: string; value: unknown }
  /**
   * Goes to another page of a multipage case, then runs: a file path relative to the entry
   * script, as Python names it (`pages/a.py`); Edgelit's driver takes the port's `.ts`.
   */
  | { do: "switch_page"; path: string };

export function caseNames(): string[] {
  return readdirSync(CASES_DIR)
    .filter((file) => file.endsWith(".steps.json"))
    .map((file) => file.slice(0, -".steps.json".length))
    .sort();
}

/**
 * A case's script in one language: `cases/<case>.py` (`.ts`), or for a case with pages the
 * directory `cases/<case>/`, whose entry is `app.py` (`app.ts`) beside its other pages.
 */
export function caseEntry(name: string, ext: ".py" | ".ts"): string {
  const entry = join(CASES_DIR, name, `app${ext}`);
  return existsSync(entry) ? entry : join(CASES_DIR, name + ext);
}

export function loadSteps(name: string): Step[] {
  const steps: unknown = JSON.parse(readFileSync(join(CASES_DIR, `${name}.steps.json`), "utf8"));
  if (!Array.isArray(steps) || steps.some((s) => typeof s !== "object" || s === null || typeof s.do !== "string")) {
    throw new Error(`${name}.steps.json must be a JSON list of {"do": ...} steps`);
  }
  return steps as Step[];
}

/** A short human form of a step, for the runner's table. */
export function describeStep(step: Step): string {
  switch (step.do) {
    case "click":
      return `click button ${step.button}`;
    case "input":
      return `input text_input ${step.text_input} ${JSON.stringify(step.value)}`;
    case "set":
      return `set ${step.widget} ${step.index} ${JSON.stringify(step.value)}`;
    case "session_state":
      return `session_state.${step.key} = ${JSON.stringify(step.value)}`;
    case "secret":
      return `secrets.${step.key} = ${JSON.stringify(step.value)}`;
    case "switch_page":
      return `switch_page ${JSON.stringify(step.path)}`;
    default:
      return step.do;
  }
}

// Browser mode (browser.ts): cases in browser_cases/, played by Chromium on the page each server serves.

export const BROWSER_CASES_DIR = join(dirname(fileURLToPath(import.meta.url)), "browser_cases");

/**
 * A browser step acts on the page as a user would; widgets are counted in page order
 * (sidebar first, as both pages lay it out), from 0. After every step the runner waits
 * until both apps are idle and takes the page.
 */
export type BrowserStep =
  /** Opens the app in a fresh browser context (a new session). */
  | { do: "load" }
  /** Clicks the i-th `st.button` (`button`) or `st.form_submit_button` (`form_submit_button`). */
  | { do: "click"; button: number }
  | { do: "click"; form_submit_button: number }
  /** Replaces the text of the i-th text input (number input, chat input), then presses Enter if `enter`. */
  | { do: "type"; text_input: number; value: string; enter?: boolean }
  | { do: "type"; number_input: number; value: string; enter?: boolean }
  | { do: "type"; chat_input: number; value: string; enter?: boolean }
  /** Focuses the i-th slider's first thumb and presses keys (`ArrowRight`, `End`, ...). */
  | { do: "slide"; slider: number; keys: string[] }
  /** Clicks the i-th checkbox. */
  | { do: "check"; checkbox: number }
  /** Picks an option, by its label, of the i-th selectbox or radio. */
  | { do: "select"; selectbox: number; option: string }
  | { do: "select"; radio: number; option: string }
  /** Only waits (`ms`, then until idle): for what happens without the user. */
  | { do: "wait"; ms: number };

export function browserCaseNames(): string[] {
  return readdirSync(BROWSER_CASES_DIR)
    .filter((file) => file.endsWith(".steps.json"))
    .map((file) => file.slice(0, -".steps.json".length))
    .sort();
}

export function loadBrowserSteps(name: string): BrowserStep[] {
  const steps: unknown = JSON.parse(readFileSync(join(BROWSER_CASES_DIR, `${name}.steps.json`), "utf8"));
  if (!Array.isArray(steps) || steps.some((s) => typeof s !== "object" || s === null || typeof s.do !== "string")) {
    throw new Error(`${name}.steps.json must be a JSON list of {"do": ...} steps`);
  }
  if ((steps[0] as { do: string } | undefined)?.do !== "load") throw new Error(`${name}.steps.json must start with {"do": "load"}`);
  return steps as BrowserStep[];
}

/** A short human form of a browser step, for the runner's table. */
export function describeBrowserStep(step: BrowserStep): string {
  const { do: action, ...rest } = step as { do: string } & Record<string, unknown>;
  const parts = Object.entries(rest).map(([key, value]) => (typeof value === "number" && key !== "ms" ? `${key} ${value}` : `${key}=${JSON.stringify(value)}`));
  return [action, ...parts].join(" ");
}
