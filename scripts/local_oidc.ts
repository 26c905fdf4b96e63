/**
 * A real OpenID Connect provider on loopback (the npm package `oidc-provider`), for local
 * sign-in: `npm start` runs one per provider that an app's secrets point at on 127.0.0.1, and
 * the test suites start their own. Its login form takes any user name (any password), as
 * oidc-provider's development interactions do; `alice` and `bob` have full names.
 */
import { createServer, type Server } from "node:http";
import { randomBytes } from "node:crypto";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";
import { parse } from "smol-toml";

export interface LocalClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

export interface LocalProvider {
  /** The issuer, `http://127.0.0.1:<port>`. */
  issuer: string;
  /** The discovery document: what an app's `server_metadata_url` names. */
  metadataUrl: string;
  close(): Promise<void>;
}

/** People the login form knows by name; anyone else is called by their login. */
const PEOPLE: Record<string, string> = { alice: "Alice Liddell", bob: "Bob Builder" };

export function claimsOf(login: string, providerName: string): { sub: string; [claim: string]: unknown } {
  const name = PEOPLE[login] ?? login;
  return { sub: login, name, email: `${login}@${providerName}.example`, email_verified: true };
}

/**
 * Starts a provider on `host:port` (port 0: any free one). Its cookies are named after `name`
 * and the port, since browsers share cookies across the ports of one host; `name` is also the
 * domain of its users' e-mail addresses (`alice@google.example`).
 */
export async function startLocalProvider(options: { name: string; clients: LocalClient[]; host?: string; port?: number }): Promise<LocalProvider> {
  const host = options.host ?? "127.0.0.1";
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the provider's server has no port");
  const issuer = `http://${host}:${address.port}`;
  const cookiePrefix = `${options.name}${address.port}`;
  const provider = new Provider(issuer, {
    clients: options.clients.map((client) => ({
      ...client,
      response_types: ["code"],
      grant_types: ["authorization_code"],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => claimsOf(id, options.name) }),
    claims: { openid: ["sub"], profile: ["name"], email: ["email", "email_verified"] },
    // Put name and email in the ID token itself, as Google and Microsoft do: Streamlit (and Edgelit) read the ID token.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
    features: { devInteractions: { enabled: true } },
    cookies: {
      keys: [randomBytes(32).toString("hex")],
      names: { session: `_${cookiePrefix}_session`, interaction: `_${cookiePrefix}_interaction`, resume: `_${cookiePrefix}_resume` },
    },
    // First-party clients: no consent screen, only the login form.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const accountId = ctx.oidc.session?.accountId;
      const clientId = ctx.oidc.client?.clientId;
      if (!accountId || !clientId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId });
      grant.addOIDCScope("openid profile email");
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();
  server.on("request", (request, response) => {
    // oidc-provider knows no `prompt=select_account` (Streamlit's default): like Google, show the login form for it.
    if (request.url?.startsWith("/auth?")) {
      const url = new URL(request.url, issuer);
      const prompt = url.searchParams.get("prompt");
      if (prompt?.split(" ").includes("select_account")) {
        url.searchParams.set("prompt", prompt.split(" ").map((p) => (p === "select_account" ? "login" : p)).join(" "));
        request.url = url.pathname + url.search;
      }
    }
    handle(request, response);
  });
  return {
    issuer,
    metadataUrl: `${issuer}/.well-known/openid-configuration`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A provider some app's secrets name on loopback, with the clients those apps use. */
export interface WantedProvider {
  name: string;
  host: string;
  port: number;
  clients: LocalClient[];
}

/**
 * The loopback providers the apps' secrets bindings (`EDGELIT_SECRETS_*` TOML) point at:
 * every `[auth]` provider whose `server_metadata_url` is `http://127.0.0.1:<port>/...`, each
 * port one provider, with the app's client id, secret and redirect URI as its client.
 */
export function wantedProviders(bindings: Readonly<Record<string, string>>): WantedProvider[] {
  const byPort = new Map<number, WantedProvider>();
  for (const [binding, text] of Object.entries(bindings)) {
    if (!binding.startsWith("EDGELIT_SECRETS_")) continue;
    let auth: unknown;
    try {
      auth = (parse(text) as Record<string, unknown>).auth;
    } catch {
      continue;
    }
    if (typeof auth !== "object" || auth === null) continue;
    const table = auth as Record<string, unknown>;
    const sections: [string, Record<string, unknown>][] = [["default", table]];
    for (const [key, value] of Object.entries(table)) if (typeof value === "object" && value !== null && !Array.isArray(value)) sections.push([key, value as Record<string, unknown>]);
    for (const [name, section] of sections) {
      const { client_id, client_secret, server_metadata_url } = section;
      if (typeof client_id !== "string" || typeof client_secret !== "string" || typeof server_metadata_url !== "string") continue;
      const url = new URL(server_metadata_url);
      if (url.protocol !== "http:" || !/^127\.\d+\.\d+\.\d+$/.test(url.hostname)) continue;
      const port = Number(url.port);
      let wanted = byPort.get(port);
      if (!wanted) byPort.set(port, (wanted = { name, host: url.hostname, port, clients: [] }));
      const redirect = typeof table.redirect_uri === "string" ? [table.redirect_uri] : [];
      const existing = wanted.clients.find((client) => client.client_id === client_id);
      if (existing) existing.redirect_uris.push(...redirect.filter((uri) => !existing.redirect_uris.includes(uri)));
      else wanted.clients.push({ client_id, client_secret, redirect_uris: redirect });
    }
  }
  return [...byPort.values()];
}

/** Starts every wanted provider; closing the result stops them all. */
export async function startWantedProviders(bindings: Readonly<Record<string, string>>): Promise<{ providers: LocalProvider[]; close(): Promise<void> }> {
  const providers = await Promise.all(wantedProviders(bindings).map((wanted) => startLocalProvider(wanted)));
  return { providers, close: async () => void (await Promise.all(providers.map((p) => p.close()))) };
}
