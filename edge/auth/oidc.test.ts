/**
 * The ID token's checks, against a provider's keys served over HTTP on loopback: tokens
 * signed the way a misbehaving or hostile provider would sign them are refused, each with
 * the reason.
 */
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { base64url, exportJWK, generateKeyPair, SignJWT, type JWTPayload } from "jose";
import type { ProviderConfig } from "../../sessions/auth/config.ts";
import { verifyIdToken, type ProviderMetadata } from "./oidc.ts";

const provider: ProviderConfig = { name: "google", client_id: "my-client", client_secret: "client-secret-xyz", server_metadata_url: "unused", client_kwargs: {} };
let server: Server;
let metadata: ProviderMetadata;
let sign: (claims: JWTPayload, options?: { alg?: string; exp?: number }) => Promise<string>;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "RS256", use: "sig" };
  server = createServer((_request, response) => {
    response.setHeader("Content-Type", "application/json");
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const issuer = `http://127.0.0.1:${port}`;
  metadata = { issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks` };
  sign = (claims, options = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: issuer, aud: "my-client", sub: "alice", nonce: "n1", iat: now, exp: options.exp ?? now + 300, ...claims })
      .setProtectedHeader({ alg: "RS256", kid: "k1" })
      .sign(privateKey);
  };
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("ID token validation", () => {
  it("accepts a token from the provider, for this client, with this sign-in's nonce", async () => {
    const claims = await verifyIdToken(provider, metadata, await sign({ name: "Alice" }), "n1");
    expect(claims).toMatchObject({ sub: "alice", name: "Alice" });
  });

  it("refuses another issuer, another audience, an expired token and another nonce", async () => {
    await expect(verifyIdToken(provider, metadata, await sign({ iss: "https://evil.example" }), "n1")).rejects.toThrow(/comes from another issuer/);
    await expect(verifyIdToken(provider, metadata, await sign({ aud: "another-client" }), "n1")).rejects.toThrow(/issued for another audience/);
    await expect(verifyIdToken(provider, metadata, await sign({}, { exp: Math.floor(Date.now() / 1000) - 600 }), "n1")).rejects.toThrow(/has expired/);
    await expect(verifyIdToken(provider, metadata, await sign({}), "n2")).rejects.toThrow(/nonce is not the one this sign-in sent/);
    await expect(verifyIdToken(provider, metadata, await sign({ nonce: undefined }), "n1")).rejects.toThrow(/nonce/);
  });

  it("refuses alg none, a token signed with the client secret, and a changed payload", async () => {
    const body = base64url.encode(JSON.stringify({ iss: metadata.issuer, aud: "my-client", sub: "alice", nonce: "n1", exp: Math.floor(Date.now() / 1000) + 60 }));
    await expect(verifyIdToken(provider, metadata, `${base64url.encode('{"alg":"none"}')}.${body}.`, "n1")).rejects.toThrow(/refused/);
    const hs = await new SignJWT({ iss: metadata.issuer, aud: "my-client", sub: "alice", nonce: "n1" })
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("1m")
      .sign(new TextEncoder().encode(provider.client_secret));
    await expect(verifyIdToken(provider, metadata, hs, "n1")).rejects.toThrow(/signing algorithm is not accepted/);
    const [header, , signature] = (await sign({ name: "Alice" })).split(".");
    const forged = base64url.encode(JSON.stringify({ iss: metadata.issuer, aud: "my-client", sub: "admin", nonce: "n1", exp: Math.floor(Date.now() / 1000) + 60 }));
    await expect(verifyIdToken(provider, metadata, `${header}.${forged}.${signature}`, "n1")).rejects.toThrow(/signature does not match/);
  });

  it("never puts the token into its messages", async () => {
    const token = await sign({ aud: "another-client" });
    const error = await verifyIdToken(provider, metadata, token, "n1").catch((e: Error) => e);
    expect((error as Error).message).not.toContain(token.split(".")[1]!);
  });
});
