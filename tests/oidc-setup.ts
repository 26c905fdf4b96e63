/**
 * Global setup of the suites that sign in: starts the OpenID Connect providers the login demo's
 * test secrets name (tests/auth_fixture.ts) and stops them afterwards.
 */
import { startWantedProviders } from "../scripts/local_oidc.ts";
import { LOGIN_DEMO_BINDING, loginDemoSecrets, providerPorts } from "./auth_fixture.ts";

let running: { close(): Promise<void> } | undefined;

export async function setup(): Promise<void> {
  const ports = await providerPorts();
  // The redirect URI's origin does not matter to the providers' clients beyond being listed.
  const origins = [process.env.EDGELIT_TEST_ORIGIN ?? "https://edgelit.test"];
  const bindings = Object.fromEntries(origins.map((origin, i) => [`${LOGIN_DEMO_BINDING}_${i}`, loginDemoSecrets(origin, ports)]));
  running = await startWantedProviders(bindings);
}

export async function teardown(): Promise<void> {
  await running?.close();
}
