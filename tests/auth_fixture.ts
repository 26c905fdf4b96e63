/**
 * Sign-in for the test suites: the login demo's secrets pointed at two real OpenID Connect
 * providers on loopback (scripts/local_oidc.ts), on ports free when the suite starts. The
 * suite's config binds the secrets; its global setup starts the providers they name.
 */
import { createServer } from "node:net";

/** A TCP port nobody listens on right now (the provider takes it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export const LOGIN_DEMO_BINDING = "EDGELIT_SECRETS_LOGIN_DEMO";
/** Only the tests know these: the bundle test checks that none is in the Worker. */
export const TEST_COOKIE_SECRET = "test-cookie-secret-5e0c71a9d3b2";
export const TEST_CLIENT_SECRETS = { google: "test-google-secret-a83f1c", microsoft: "test-microsoft-secret-4d92be" };

/** The login demo's secrets for a gallery at `origin` (the app at login-demo.<its host>), with its two providers on `ports`. */
export function loginDemoSecrets(origin: string, ports: { google: number; microsoft: number }): string {
  const gallery = new URL(origin);
  const provider = (name: keyof typeof ports) => `
[auth.${name}]
client_id = "login-demo"
client_secret = "${TEST_CLIENT_SECRETS[name]}"
server_metadata_url = "http://127.0.0.1:${ports[name]}/.well-known/openid-configuration"
`;
  return `[auth]
redirect_uri = "${gallery.protocol}//login-demo.${gallery.host}/oauth2callback"
cookie_secret = "${TEST_COOKIE_SECRET}"
${provider("google")}${provider("microsoft")}`;
}

/** Two free ports for the providers, kept in the environment so that the global setup (same process) starts them there. */
export async function providerPorts(): Promise<{ google: number; microsoft: number }> {
  const known = process.env.EDGELIT_TEST_OIDC_PORTS?.split(",").map(Number);
  if (known?.length === 2) return { google: known[0]!, microsoft: known[1]! };
  const ports = { google: await freePort(), microsoft: await freePort() };
  process.env.EDGELIT_TEST_OIDC_PORTS = `${ports.google},${ports.microsoft}`;
  return ports;
}
