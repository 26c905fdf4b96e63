/**
 * What the build adds to each app's registry entry: its `.streamlit/config.toml`, parsed and
 * validated (a bad value fails the build, naming the option and the file), and the files of
 * its `static/` folder, copied into the Worker's assets under `app-static/<slug>/`. The Worker
 * fronts that folder (`run_worker_first` in wrangler.jsonc), so a file is only ever served at
 * `/apps/<slug>/app/static/<file>`, when the app's config allows it, with Streamlit's headers.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { parseConfigToml } from "../sessions/config/parse.ts";
import { ConfigError, type ValidatedConfig } from "../sessions/config/validate.ts";
import { STATIC_ASSETS_DIR } from "../edge/static.ts";
import { buildAppComponents, prepareComponentAssets } from "./app_components.ts";
import { assetFilesUnder } from "./asset_files.ts";

const root = join(import.meta.dirname, "..");
const assetsDir = join(root, "dist", "public", STATIC_ASSETS_DIR);

/** Empties the apps' static files from the assets, so a deleted file is gone after the build. */
export function prepareAppAssets(): void {
  rmSync(assetsDir, { recursive: true, force: true });
  prepareComponentAssets();
}

/**
 * The registry fields of one app (`, config: {...}, staticFiles: [...], components: {...}`), or ""
 * when it has none of them. Its components' front ends are built on the way (./app_components.ts).
 */
export async function appRegistryFields(slug: string, dir = join(root, "apps", slug)): Promise<string> {
  let fields = "";
  const configPath = join(dir, ".streamlit", "config.toml");
  if (existsSync(configPath)) {
    const { config, warnings } = validConfig(configPath);
    for (const warning of warnings) console.warn(`warning: ${warning}`);
    fields += `, config: ${JSON.stringify(config)}`;
  }
  const staticDir = join(dir, "static");
  if (existsSync(staticDir) && statSync(staticDir).isDirectory()) {
    const files = assetFilesUnder(staticDir, "a static file");
    for (const file of files) {
      const target = join(assetsDir, slug, file);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(join(staticDir, file), target);
    }
    fields += `, staticFiles: ${JSON.stringify(files)}`;
  }
  const components = await buildAppComponents(slug, dir);
  if (Object.keys(components).length > 0) fields += `, components: ${JSON.stringify(components)}`;
  return fields;
}

/** The validated config.toml; a bad one ends the build with its message (file, option, problem). */
function validConfig(configPath: string): ValidatedConfig {
  try {
    return parseConfigToml(readFileSync(configPath, "utf8"), relative(root, configPath));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
}

