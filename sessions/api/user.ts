/**
 * st.login, st.logout and st.user, as Streamlit's user-authentication docs describe them.
 *
 * `st.user` is read-only and dict-like with attribute access: `is_logged_in` is always there;
 * once signed in, the ID token's claims (`st.user.name`, `st.user["email"]`). It holds what the
 * session read from the identity cookie when it started; `st.login()` and `st.logout()` send
 * the browser away and it comes back in a new session.
 */
import { providerConfigOf, StreamlitAuthError } from "../auth/config.ts";
import type { UserClaims } from "../auth/user.ts";
import { currentContext } from "../engine/context.ts";
import type { AppSession } from "../engine/app_session.ts";

function sessionNow(what: string): AppSession {
  return currentContext(what).run.session;
}

/**
 * Sends the browser to the identity provider named in the app's `[auth.<provider>]` secrets
 * (the one in `[auth]` itself when none is named). The configuration is checked first, so a
 * missing key fails here, in the script, naming the key. Works as an `on_click` callback.
 */
export function login(provider?: string): void {
  const session = sessionNow("st.login");
  if (provider !== undefined && typeof provider !== "string") throw new StreamlitAuthError("st.login(provider): the provider must be the name of an [auth.<name>] table of the app's secrets.");
  const config = providerConfigOf(session.platform.secrets, provider ?? "default");
  session.authRedirect(`login?provider=${encodeURIComponent(config.name)}`);
}

/** Signs the user out of this session at once, deletes the identity cookie and starts a new session. Other open sessions stay signed in. */
export function logout(): void {
  const session = sessionNow("st.logout");
  session.user = null;
  session.authRedirect("logout");
}

export class AttributeError extends Error {
  override name = "AttributeError";
}

export interface UserInfo {
  readonly is_logged_in: boolean;
  readonly [claim: string]: unknown;
  /** The claims as a plain object (with `is_logged_in`). */
  to_dict(): Record<string, unknown>;
  get<T = unknown>(key: string, fallback?: T): T;
  keys(): string[];
}

function infoOf(claims: UserClaims | null): Record<string, unknown> {
  return { ...(claims ?? {}), is_logged_in: claims !== null };
}

const METHODS: Record<string, (info: Record<string, unknown>) => unknown> = {
  to_dict: (info) => () => structuredClone(info),
  get: (info) => (key: string, fallback?: unknown) => (Object.hasOwn(info, key) ? info[key] : fallback),
  keys: (info) => () => Object.keys(info),
};

/** `st.user`, resolving the current session on each access. */
export function createUserProxy(): UserInfo {
  const info = () => infoOf(sessionNow("st.user").user);
  return new Proxy({} as UserInfo, {
    get(_target, prop) {
      if (typeof prop !== "string" || prop === "then" || prop === "toJSON") return undefined;
      const current = info();
      if (Object.hasOwn(current, prop)) return current[prop];
      const method = METHODS[prop];
      if (method) return method(current);
      throw new AttributeError(`st.user has no attribute "${prop}".${current.is_logged_in ? "" : " Nobody is logged in: check st.user.is_logged_in first."}`);
    },
    has: (_target, prop) => typeof prop === "string" && Object.hasOwn(info(), prop),
    ownKeys: () => Object.keys(info()),
    getOwnPropertyDescriptor: (_target, prop) => {
      const current = info();
      return typeof prop === "string" && Object.hasOwn(current, prop) ? { value: current[prop], enumerable: true, configurable: true, writable: false } : undefined;
    },
    set: () => {
      throw new StreamlitAuthError("st.user is read-only: it holds what the identity provider said about the user.");
    },
    deleteProperty: () => {
      throw new StreamlitAuthError("st.user is read-only: it holds what the identity provider said about the user.");
    },
  });
}
