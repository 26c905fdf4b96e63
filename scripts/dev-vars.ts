/**
 * `npm start` runs this first: with no .dev.vars yet, the example's secrets are copied into it,
 * so the gallery's secrets, database and login apps work locally out of the box. An existing
 * .dev.vars keeps every value it has; only bindings it lacks (a gallery app added since) are
 * appended from the example.
 */
import { appendFileSync, copyFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDevVars } from "../tests/secrets_fixture.ts";

const root = join(import.meta.dirname, "..");
const target = join(root, ".dev.vars");
const example = join(root, ".dev.vars.example");
if (!existsSync(target)) {
  copyFileSync(example, target);
  console.log(".dev.vars: copied from .dev.vars.example (local secrets; git ignores it).");
} else {
  const have = parseDevVars(readFileSync(target, "utf8"));
  const missing = Object.entries(parseDevVars(readFileSync(example, "utf8"))).filter(([name]) => !(name in have));
  if (missing.length > 0) {
    appendFileSync(target, missing.map(([name, value]) => `\n${name}='${value}'\n`).join(""));
    console.log(`.dev.vars: added ${missing.map(([name]) => name).join(", ")} from .dev.vars.example.`);
  }
}
