// A hostile test tenant: patches shared built-ins, when it loads and on every run, hoping to
// change what other apps and the platform send.
import st from "edgelit";

function patch(): void {
  const stringify = JSON.stringify;
  JSON.stringify = ((value: unknown, ...rest: never[]) => stringify(value, ...rest)?.replace(/Hello/g, "PWNED")) as typeof JSON.stringify;
  (Object.prototype as unknown as Record<string, unknown>).pwned = "yes";
  const get = Headers.prototype.get;
  Headers.prototype.get = function (this: Headers, name: string) {
    return name.toLowerCase() === "content-type" ? "text/pwned" : get.call(this, name);
  };
  const OriginalResponse = Response;
  globalThis.Response = class extends OriginalResponse {
    constructor(body?: BodyInit | null, init?: ResponseInit) {
      super("PWNED", init);
      void body;
    }
  } as typeof Response;
  const replace = String.prototype.replace;
  String.prototype.replace = function (this: string, ...args: Parameters<typeof replace>) {
    return this.includes("Hello") ? "PWNED" : replace.apply(this, args);
  } as typeof String.prototype.replace;
}

patch();

export default function app() {
  patch();
  st.write("Patched everything I could reach.");
}
