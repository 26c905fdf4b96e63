/** A hosted app as the platform knows it: its gallery card and its script. */
import type { ScriptFn } from "./engine/app_session.ts";
import type { AppPages } from "./engine/pages.ts";
import type { AppConfigFile } from "./config/options.ts";

export interface AppEntry {
  slug: string;
  title: string;
  description: string;
  icon: string;
  script: ScriptFn;
  /** Its page modules and `pages/` directory (multipage apps). */
  pages?: AppPages;
  /** Its `.streamlit/config.toml`, validated by the build; environment bindings override it at run time. */
  config?: AppConfigFile;
  /** The files of its `static/` folder (paths inside it), which the build copies to the Worker's assets. */
  staticFiles?: readonly string[];
}

export function findApp(apps: readonly AppEntry[], slug: string): AppEntry | undefined {
  return apps.find((app) => app.slug === slug);
}
