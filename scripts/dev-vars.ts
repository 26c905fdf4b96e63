/**
 * `npm start` runs this first: with no .dev.vars yet, the example's secrets are copied into it,
 * so the gallery's secrets and database apps work locally out of the box. An existing
 * .dev.vars is never touched.
 */
import { copyFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const target = join(root, ".dev.vars");
if (!existsSync(target)) {
  copyFileSync(join(root, ".dev.vars.example"), target);
  console.log(".dev.vars: copied from .dev.vars.example (local secrets; git ignores it).");
}
