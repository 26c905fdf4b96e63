import { describe, expect, it } from "vitest";
import st from "edgelit";
import { AppTest } from "edgelit/testing";
import type { ServerFrame } from "../protocol.ts";

async function fromBrowser(at: AppTest, id: string, value: unknown): Promise<ServerFrame | undefined> {
  at.messages.length = 0;
  at.session.handleMessage(JSON.stringify({ t: "widget", id, value }));
  await at.session.idle();
  return at.messages.flatMap((m) => JSON.parse(m) as ServerFrame[]).find((f) => f.t === "error");
}

describe("st.chat_input", () => {
  const echo = () => {
    const prompt = st.chat_input("Say something", { key: "prompt", max_chars: 20 });
    st.write(`prompt=${JSON.stringify(prompt)}`);
  };

  it("returns the message on the run it triggers, then null", async () => {
    const at = await AppTest.from_function(echo).run();
    expect(at.markdown[0]!.value).toBe("prompt=null");
    expect(at.chat_input[0]!.props).toMatchObject({ placeholder: "Say something", max_chars: 20 });
    await at.chat_input[0]!.set_value("hello").run();
    expect(at.markdown[0]!.value).toBe('prompt="hello"');
    // Like a clicked button, it reads as the run saw it; session state already holds null.
    expect(at.chat_input[0]!.value).toBe("hello");
    expect(at.session_state.prompt).toBe(null);
    await at.run();
    expect(at.markdown[0]!.value).toBe("prompt=null");
    expect(at.chat_input[0]!.value).toBe(null);
  });

  it("runs on_submit for every submission, the same text twice included", async () => {
    const seen: unknown[] = [];
    const at = await AppTest.from_function(() => {
      st.chat_input("Ask", { key: "q", on_submit: (tag: string) => seen.push([tag, st.session_state.q]), args: ["sent"] });
    }).run();
    const id = at.chat_input[0]!.id;
    expect(await fromBrowser(at, id, "again")).toBeUndefined();
    expect(await fromBrowser(at, id, "again")).toBeUndefined();
    expect(seen).toEqual([["sent", "again"], ["sent", "again"]]);
    expect(at.session_state.q).toBe(null);
  });

  it("keeps a chat history across runs with chat_message", async () => {
    const at = await AppTest.from_function(() => {
      const messages = st.session_state.get("messages", []) as { role: string; content: string }[];
      const prompt = st.chat_input();
      if (prompt) {
        messages.push({ role: "user", content: prompt }, { role: "assistant", content: `Echo: ${prompt}` });
        st.session_state.messages = messages;
      }
      for (const m of messages) st.chat_message(m.role).markdown(m.content);
    }).run();
    await at.chat_input[0]!.set_value("hi").run();
    await at.chat_input[0]!.set_value("bye").run();
    await at.run();
    expect(at.chat_message.map((m) => [m.name, m.avatar, m.markdown[0]!.value])).toEqual([
      ["user", "user", "hi"],
      ["assistant", "assistant", "Echo: hi"],
      ["user", "user", "bye"],
      ["assistant", "assistant", "Echo: bye"],
    ]);
  });

  it("refuses forged browser values: not text, empty, too long, or while disabled", async () => {
    const at = await AppTest.from_function(echo).run();
    const id = at.chat_input[0]!.id;
    for (const value of [null, 42, true, ["hi"], "", "   ", "x".repeat(21)]) {
      expect(await fromBrowser(at, id, value)).toMatchObject({ t: "error", code: "invalid_value" });
    }
    expect(at.markdown[0]!.value).toBe("prompt=null");
    const disabled = await AppTest.from_function(() => {
      st.write(`got=${st.chat_input("x", { disabled: true })}`);
    }).run();
    expect(await fromBrowser(disabled, disabled.chat_input[0]!.id, "hi")).toMatchObject({ t: "error", code: "invalid_value" });
    expect(disabled.markdown[0]!.value).toBe("got=null");
  });

  it("cannot be set through session state, nor used in a form", async () => {
    const at = await AppTest.from_function(() => {
      st.session_state.prompt = "preset";
      st.chat_input("x", { key: "prompt" });
    }).run();
    expect(at.exception[0]!.type).toBe("StreamlitValueAssignmentNotAllowedError");
    const form = await AppTest.from_function(() => {
      st.form("f").chat_input();
    }).run();
    expect(form.exception[0]!.message).toBe("`st.chat_input()` can't be used in a `st.form()`.");
  });
});

describe("st.chat_message", () => {
  it("gives preset names Streamlit's avatars, emoji names themselves, others none", async () => {
    const at = await AppTest.from_function(() => {
      for (const name of ["user", "Human", "assistant", "AI", "🦜", "Bob"]) st.chat_message(name).write(name);
      st.chat_message("Bob", { avatar: "🧑‍🚀" }).write("custom");
      st.chat_message("Eve", { avatar: "assistant" }).write("preset");
      st.chat_message("Img", { avatar: "https://example.com/a.png" }).write("url");
    }).run();
    expect(at.chat_message.map((m) => m.props)).toEqual([
      { name: "user", avatar: "user" },
      { name: "Human", avatar: "user" },
      { name: "assistant", avatar: "assistant" },
      { name: "AI", avatar: "assistant" },
      { name: "🦜", avatar: "🦜" },
      { name: "Bob" },
      { name: "Bob", avatar: "🧑‍🚀" },
      { name: "Eve", avatar: "assistant" },
      { name: "Img", avatar: "https://example.com/a.png" },
    ]);
    expect(at.chat_message[6]!.markdown[0]!.value).toBe("custom");
  });

  it("is a container usable with `with`", async () => {
    const at = await AppTest.from_function(() => {
      st.chat_message("assistant").with(() => {
        st.write("thinking");
        st.metric("Tokens", 42);
      });
    }).run();
    expect(at.chat_message[0]!.children.map((c) => c.kind)).toEqual(["markdown", "metric"]);
  });
});
