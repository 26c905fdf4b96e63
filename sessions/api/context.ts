/** st.context: what the browser told the session about itself when it connected. */
import { currentContext } from "../engine/context.ts";
import type { BrowserContext } from "../engine/browser_context.ts";

export function createContextProxy(): Readonly<BrowserContext> {
  return new Proxy({} as BrowserContext, {
    get(_target, prop) {
      const context = currentContext("st.context").run.session.browserContext;
      return typeof prop === "string" ? context[prop as keyof BrowserContext] : undefined;
    },
  });
}
