import { describe, expect, it } from "vitest";
import { cookieName } from "../../edge/auth/cookies.ts";
import { USER_HEADER } from "../../sessions/auth/user.ts";
import type { ServerFrame } from "../../sessions/protocol.ts";
import { elements } from "./page.ts";
import { isError, isRunEnd, openSession, randomSessionId } from "./socket.ts";

const SLUG = "browser-context";
/** What the browser-context app shows: its lines, and its two JSON blocks (headers, cookies). */
const shown = (frames: ServerFrame[]) => ({
  lines: elements(frames, "markdown").map((props) => props.body),
  headers: JSON.parse(elements(frames, "json")[0]!.body) as Record<string, string>,
  cookies: JSON.parse(elements(frames, "json")[1]!.body) as Record<string, string>,
});

describe("st.context through the real Worker and session", () => {
  it("shows the script the socket request's headers and cookies, never the platform's own", async () => {
    const socket = await openSession(
      SLUG,
      undefined,
      {
        cookie: `_ga=GA1.1.42; ${cookieName("identity", SLUG)}=forged.jwt.value; ${cookieName("sign-in", SLUG)}=pending; pref=compact`,
        "user-agent": "Mozilla/5.0 (IntegrationTest)",
        "accept-language": "fr-FR,fr;q=0.9",
        [USER_HEADER]: btoa(JSON.stringify({ name: "Mallory" })),
        "x-partykit-room": "someone-else",
      },
      "page=&qs=embed%3Dtrue%26tab%3D2&tz=Europe%2FParis&tzo=-60&locale=fr-FR&theme=dark",
    );
    await socket.next(isRunEnd);
    const { lines, headers, cookies } = shown(socket.frames);
    expect(lines).toEqual([
      "The current theme type is dark.",
      "Time zone Europe/Paris (UTC offset -60 minutes), locale fr-FR.",
      "You are at https://browser-context.edgelit.test, embedded in another page.",
      "No IP address: you are on this machine.",
      "Bonjour !",
    ]);
    expect(cookies).toEqual({ _ga: "GA1.1.42", pref: "compact" });
    expect(headers).toMatchObject({ "User-Agent": "Mozilla/5.0 (IntegrationTest)", "Accept-Language": "fr-FR,fr;q=0.9", Cookie: "_ga=GA1.1.42; pref=compact", Upgrade: "websocket" });
    const everything = JSON.stringify(socket.frames);
    for (const secret of ["edgelit_user_", "edgelit_signin_", "forged.jwt.value", "Mallory", "someone-else", USER_HEADER, "X-Partykit"]) {
      expect(everything).not.toContain(secret);
    }
    socket.close();
  });

  it("learns a theme switch without a rerun; the next run shows it", async () => {
    const socket = await openSession(SLUG, undefined, {}, "page=&theme=light");
    await socket.next(isRunEnd);
    expect(shown(socket.frames).lines[0]).toBe("The current theme type is light.");

    socket.send({ t: "theme", type: "dark" });
    // Streamlit does not rerun on a theme change: no run starts.
    await expect(socket.next(isRunEnd, 300)).rejects.toThrow(/No matching frame/);
    socket.send({ t: "rerun" });
    await socket.next(isRunEnd);
    expect(shown(socket.frames).lines[0]).toBe("The current theme type is dark.");

    socket.send(JSON.stringify({ t: "theme", type: "sepia" }));
    expect((await socket.next(isError)).code).toBe("malformed_frame");
    socket.close();
  });

  it("refreshes the context when the browser reconnects to its session", async () => {
    const sessionId = randomSessionId();
    const first = await openSession(SLUG, sessionId, { cookie: "visit=1" }, "page=&theme=dark");
    await first.next(isRunEnd);
    expect(shown(first.frames).cookies).toEqual({ visit: "1" });
    first.close();
    const second = await openSession(SLUG, sessionId, { cookie: "visit=2" }, "page=&theme=light&qs=tab%3D1");
    await second.next(isRunEnd);
    const { lines, cookies } = shown(second.frames);
    expect(cookies).toEqual({ visit: "2" });
    expect(lines.slice(0, 3)).toEqual(["The current theme type is light.", "Time zone null (UTC offset null minutes), locale null.", "You are at https://browser-context.edgelit.test."]);
    second.close();
  });
});
