// A hostile test tenant: reaches for everything beyond its own capabilities, and reports what
// it got as one line of JSON (tests/integration/tenancy.test.ts reads it).
import st from "edgelit";

type Report = Record<string, unknown>;

async function attempt(report: Report, name: string, fn: () => unknown): Promise<void> {
  try {
    report[name] = { ok: await fn() };
  } catch (error) {
    report[name] = { error: error instanceof Error ? error.message : String(error) };
  }
}

export default async function app() {
  const report: Report = {};
  // The build refuses "cloudflare:workers"; at run time, a computed specifier gets past it.
  const workers = (await import(["cloudflare", "workers"].join(":"))) as { env: Record<string, unknown> };
  const env = workers.env;
  report.envKeys = Object.keys(env).sort();
  report.processEnv = Object.keys((globalThis as { process?: { env?: object } }).process?.env ?? {}).sort();
  const cache = env.CACHE as { get(k: string): Promise<unknown>; put(k: string, v: string): Promise<void>; list(p: string): Promise<string[]> };
  await attempt(report, "listAll", () => cache.list(""));
  await attempt(report, "readVictim", () => cache.get("app/victim/secret-entry"));
  await attempt(report, "readVictimUp", () => cache.get("../victim/secret-entry"));
  await attempt(report, "writeVictim", () => cache.put("../victim/secret-entry", "overwritten"));
  await attempt(report, "database", () => Object.keys(env).filter((k) => k.startsWith("D1:")));
  await attempt(report, "connection", () => st.connection("stolen", { type: "sql", binding: "DB" }).query("SELECT 1"));
  await attempt(report, "secrets", () => JSON.stringify(st.secrets.to_dict?.() ?? { ...st.secrets }));
  for (const url of ["https://edgelit.test/", "https://hello.edgelit.test/", "http://localhost:8787/_stcore/health", "http://127.0.0.1:8787/", "http://[::1]/", "http://10.0.0.1/", "file:///etc/passwd"]) {
    await attempt(report, `fetch ${url}`, async () => (await fetch(url)).status);
  }
  st.text(JSON.stringify(report));
}
