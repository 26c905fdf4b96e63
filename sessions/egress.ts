/** Which of an app's outbound requests the platform lets go out (sessions/capabilities.ts, AppOutbound). */

/** Why a request from an app may not go out, or null when it may. */
export function outboundRefusal(url: string, platformHost: string): string | null {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return "not a URL.";
  }
  if (target.protocol !== "https:" && target.protocol !== "http:") return `only http and https requests go out, not ${target.protocol}`;
  const host = target.hostname.toLowerCase().replace(/\.$/, "");
  const platform = platformHost.toLowerCase().replace(/:\d+$/, "");
  if (host === platform || host.endsWith(`.${platform}`)) return "an app cannot call the platform or another app's origin.";
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal") || host.endsWith(".local")) return "local and internal hosts are the platform's.";
  if (isPrivateAddress(host)) return "loopback, private and link-local addresses are the platform's.";
  return null;
}

function isPrivateAddress(host: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  if (host.startsWith("[")) {
    const v6 = host.slice(1, -1);
    return v6 === "::1" || v6 === "::" || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || v6.startsWith("::ffff:");
  }
  return false;
}

export function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "(not a URL)";
  }
}
