/** A hosted app as the platform knows it: its gallery card, its config, and its code as text. */
import type { ScriptFn } from "./engine/app_session.ts";
import type { AppPages } from "./engine/pages.ts";
import type { AppConfigFile } from "./config/options.ts";

export interface AppCard {
  slug: string;
  title: string;
  description: string;
  icon: string;
  /** Its `.streamlit/config.toml`, validated by the build; environment bindings override it at run time. */
  config?: AppConfigFile;
  /** The files of its `static/` folder (paths inside it), which the build copies to the Worker's assets. */
  staticFiles?: readonly string[];
  /** Its custom components' front ends: each folder of its `components/` and the files built there (scripts/app_components.ts). */
  components?: Readonly<Record<string, readonly string[]>>;
}

/**
 * An app in the platform's catalog. Its code is text for its own isolate (built alone by
 * scripts/build-apps.ts): the platform hands it to the Worker Loader and never runs it.
 */
export interface AppEntry extends AppCard {
  bundle: {
    /** The app and a hash of its code and the engine's: a changed app gets a fresh isolate. */
    id: string;
    /** The app's module (`app.js`), beside the engine's modules (sessions/runtime/engine.gen.ts). */
    code: string;
  };
}

/** An app imported in-process, by AppTest and the benchmark: its script and pages themselves. */
export interface InProcessApp extends AppCard {
  script: ScriptFn;
  /** Its page modules and `pages/` directory (multipage apps). */
  pages?: AppPages;
}

/** The component folders of an app that hold a front end (an index.html): what `declare_component({ path })` may name. */
export function declarableComponents(app: Pick<AppCard, "components">): string[] {
  return Object.entries(app.components ?? {})
    .filter(([, files]) => files.includes("index.html"))
    .map(([folder]) => folder);
}

export function findApp<T extends AppCard>(apps: readonly T[], slug: string): T | undefined {
  return apps.find((app) => app.slug === slug);
}
