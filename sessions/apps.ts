/** A hosted app as the platform knows it: its gallery card and its script. */
import type { ScriptFn } from "./engine/app_session.ts";

export interface AppEntry {
  slug: string;
  title: string;
  description: string;
  icon: string;
  script: ScriptFn;
}

export function findApp(apps: readonly AppEntry[], slug: string): AppEntry | undefined {
  return apps.find((app) => app.slug === slug);
}
