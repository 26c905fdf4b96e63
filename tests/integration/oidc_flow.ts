/**
 * A browser's part in signing in, played with fetch inside workerd: the app's sign-in route,
 * the provider's own login form (oidc-provider on loopback, started by tests/oidc-setup.ts),
 * and the way back to the app's callback. Cookies are kept per site, as a browser keeps them.
 */
import { SELF, env } from "cloudflare:test";
import { parse } from "smol-toml";

/** The login demo's own origin (every app has one: edge/hosts.ts). */
export const APP = "https://login-demo.edgelit.test";
export type ProviderName = "google" | "microsoft";

/** The login demo's providers' discovery URLs, from the secrets the suite binds. */
export function providerIssuer(name: ProviderName): string {
  const auth = (parse((env as unknown as Record<string, string>).EDGELIT_SECRETS_LOGIN_DEMO!) as { auth: Record<string, { server_metadata_url: string }> }).auth;
  return new URL(auth[name]!.server_metadata_url).origin;
}

/** A response's Set-Cookie headers, one each (workerd has `getSetCookie`; its types do not say so yet). */
export function setCookies(response: Response): string[] {
  return (response.headers as unknown as { getSetCookie(): string[] }).getSetCookie();
}

/** A cookie jar for one site: name → value. */
export class Jar {
  readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const header of setCookies(response)) {
      const [pair, ...attributes] = header.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (attributes.some((a: string) => /^\s*max-age=0\s*$/i.test(a)) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** A request to the platform, with the app's cookies, not following redirects. */
export async function appFetch(jar: Jar, url: string): Promise<Response> {
  const response = await SELF.fetch(new URL(url, APP).href, { redirect: "manual", headers: jar.cookies.size ? { Cookie: jar.header() } : {} });
  jar.take(response);
  return response;
}

/**
 * From the provider's authorization URL to the app's callback URL: the login form is filled
 * in with `login` (any password), as a person would.
 */
export async function loginAtProvider(authorizationUrl: string, login: string, providerJar = new Jar()): Promise<string> {
  const go = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), Cookie: providerJar.header() } });
    providerJar.take(response);
    return response;
  };
  const issuer = new URL(authorizationUrl).origin;
  let response = await go(authorizationUrl);
  let form: string | null = null;
  for (let hops = 0; hops < 10; hops++) {
    if (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get("Location")!, issuer);
      if (next.origin !== issuer) return next.href; // back to the app
      response = await go(next.href);
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`The provider answered ${response.status}: ${html.slice(0, 300)}`);
    form = /action="([^"]+)"/.exec(html)?.[1] ?? null;
    if (!form || !html.includes('name="login"')) throw new Error(`No login form at the provider: ${html.slice(0, 300)}`);
    response = await go(new URL(form, issuer).href, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ prompt: "login", login, password: "any" }).toString(),
    });
  }
  throw new Error("The provider never sent the browser back to the app.");
}

export interface SignedIn {
  /** The app's cookies afterwards (the identity cookie, when it worked). */
  jar: Jar;
  /** The callback's answer. */
  response: Response;
  /** The callback URL the provider sent the browser to, and the cookies it carried there: what a replay would send. */
  callback: string;
  cookiesAtCallback: string;
}

/** Signs in to the login demo with `provider` as `login`. */
export async function signIn(provider: ProviderName, login: string, jar = new Jar()): Promise<SignedIn> {
  const start = await appFetch(jar, `/auth/login?provider=${provider}`);
  if (start.status !== 302) throw new Error(`The sign-in route answered ${start.status}: ${await start.text()}`);
  const callback = await loginAtProvider(start.headers.get("Location")!, login);
  const cookiesAtCallback = jar.header();
  const response = await appFetch(jar, callback);
  return { jar, response, callback, cookiesAtCallback };
}
