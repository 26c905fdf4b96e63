import { describe, expect, it } from "vitest";
import { base64url, EncryptJWT } from "jose";
import { cookieKey, cookieOptionsFor, deleteCookieHeader, openCookie, readCookie, sealCookie, setCookieHeader } from "./cookies.ts";

const SECRET = "the-app-cookie-secret";
const CLAIMS = { user: { name: "Alice Liddell", email: "alice@example.com" } };

describe("the identity cookie", () => {
  it("round-trips the claims, and hides them from whoever holds the cookie", async () => {
    const value = await sealCookie("identity", "app-a", SECRET, CLAIMS, 60);
    expect(value.split(".")).toHaveLength(5); // a JWE in compact form
    const readable = value.split(".").map((part) => {
      try {
        return new TextDecoder().decode(base64url.decode(part));
      } catch {
        return "";
      }
    });
    expect(readable.join(" ")).not.toContain("Alice");
    expect(readable.join(" ")).not.toContain("alice@example.com");
    const opened = await openCookie("identity", "app-a", SECRET, value);
    expect(opened).toMatchObject({ ok: true, claims: CLAIMS });
  });

  it("opens for no other app, even one with the same cookie secret", async () => {
    const value = await sealCookie("identity", "app-b", SECRET, CLAIMS, 60);
    expect(await openCookie("identity", "app-a", SECRET, value)).toEqual({ ok: false, reason: "it was not made by this app (or was changed)" });
  });

  it("refuses a cookie made with another secret, a changed byte, alg none, and an expired one", async () => {
    const other = await sealCookie("identity", "app-a", "another-secret", CLAIMS, 60);
    expect(await openCookie("identity", "app-a", SECRET, other)).toMatchObject({ ok: false, reason: /not made by this app/ });

    const good = await sealCookie("identity", "app-a", SECRET, CLAIMS, 60);
    const parts = good.split(".");
    const cipher = parts[3]!;
    parts[3] = (cipher[0] === "A" ? "B" : "A") + cipher.slice(1);
    expect(await openCookie("identity", "app-a", SECRET, parts.join("."))).toMatchObject({ ok: false });

    const none = `${base64url.encode('{"alg":"none"}')}.${base64url.encode(JSON.stringify({ ...CLAIMS, iss: "edgelit", aud: "identity:app-a" }))}.`;
    expect(await openCookie("identity", "app-a", SECRET, none)).toMatchObject({ ok: false });

    const now = Math.floor(Date.now() / 1000);
    const expired = await new EncryptJWT(CLAIMS)
      .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
      .setIssuer("edgelit")
      .setAudience("identity:app-a")
      .setIssuedAt(now - 3600)
      .setExpirationTime(now - 60)
      .encrypt(await cookieKey(SECRET, "app-a", "identity"));
    expect(await openCookie("identity", "app-a", SECRET, expired)).toEqual({ ok: false, reason: "it has expired" });
  });

  it("keeps sign-in and identity cookies apart", async () => {
    const signIn = await sealCookie("sign-in", "app-a", SECRET, { state: "s" }, 60);
    expect(await openCookie("identity", "app-a", SECRET, signIn)).toMatchObject({ ok: false });
  });

  it("is HttpOnly, SameSite=Lax, on the app's own origin, and Secure except on localhost", () => {
    // On the app's own origin (app-a.<gallery host>), which no other app shares.
    const header = setCookieHeader("identity", "app-a", "v", 2592000, cookieOptionsFor("https://app-a.edgelit.example/oauth2callback"));
    expect(header).toBe("edgelit_user_app-a=v; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax; Secure");
    expect(setCookieHeader("identity", "app-a", "v", 1, cookieOptionsFor("http://app-a.localhost:8787/"))).not.toContain("Secure");
    expect(setCookieHeader("identity", "app-a", "v", 1, cookieOptionsFor("http://app-a.app.example/"))).toContain("Secure");
    expect(deleteCookieHeader("identity", "app-a", { secure: false })).toMatch(/^edgelit_user_app-a=; Path=\/; Max-Age=0; Expires=Thu, 01 Jan 1970/);
    expect(readCookie("a=1; edgelit_user_app-a=xyz; b=2", "edgelit_user_app-a")).toBe("xyz");
    expect(readCookie("edgelit_user_app-ab=xyz", "edgelit_user_app-a")).toBeNull();
  });
});
