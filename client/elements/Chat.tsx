import { createSignal, Match, onCleanup, onMount, Switch, type JSX } from "solid-js";
import { ROOT_MAIN } from "../../sessions/protocol.ts";
import { BlockChildren } from "../tree.tsx";
import type { BlockElementProps, LeafElementProps } from "../types.ts";
import { sendWidgetValue } from "../widget.ts";

/**
 * `st.chat_input`: Enter (or the arrow button) sends the message once and empties the
 * field; Shift+Enter starts a new line. Written straight into the main area, it is pinned
 * to the bottom of the page, as Streamlit's bottom container pins it, and the page follows
 * the conversation: it stays scrolled to its end as messages arrive (see stickToBottom).
 */
export function ChatInput(props: LeafElementProps<"chat_input">): JSX.Element {
  const p = () => props.node.props;
  const [text, setText] = createSignal("");
  const pinned = () => props.path.length === 2 && props.path[0] === ROOT_MAIN;
  // Read once: when a rerun puts another element in this slot, the node turns into that one.
  const id = p().id;
  let area!: HTMLTextAreaElement;
  let root!: HTMLDivElement;
  onMount(() => {
    if (pinned()) onCleanup(stickToBottom(root));
    // Moved by a rerun (messages written above it): take the draft and focus back.
    queueMicrotask(() => {
      const moved = handedOver.get(id);
      handedOver.delete(id);
      if (!moved) {
        if (pinned()) following = true;
        return;
      }
      if (text() === "") setText(moved.text);
      if (moved.focused) area.focus({ preventScroll: true });
      fit();
    });
  });
  onCleanup(() => {
    const moved = { text: text(), focused: document.activeElement === area };
    handedOver.set(id, moved);
    setTimeout(() => handedOver.get(id) === moved && handedOver.delete(id));
  });

  const fit = () => {
    area.style.height = "auto";
    area.style.height = `${Math.min(area.scrollHeight, 200)}px`;
  };
  const submit = () => {
    const message = text();
    if (p().disabled || message.trim() === "") return;
    sendWidgetValue(props, message);
    setText("");
    queueMicrotask(fit);
  };
  return (
    <div ref={root} class="stChatInput" classList={{ "chat-input-bottom": pinned(), disabled: p().disabled }} data-testid="stChatInput">
      <div class="chat-input-box">
        <textarea
          ref={area}
          data-testid="stChatInputTextArea"
          rows={1}
          value={text()}
          placeholder={p().placeholder}
          aria-label={p().placeholder}
          maxLength={p().max_chars}
          disabled={p().disabled}
          onInput={(event) => {
            setText(event.currentTarget.value);
            fit();
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
              event.preventDefault();
              submit();
            }
          }}
        />
        <button
          type="button"
          class="chat-input-submit"
          data-testid="stChatInputSubmitButton"
          aria-label="Send message"
          disabled={p().disabled || text().trim() === ""}
          onClick={submit}
        >
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
            <path fill="currentColor" d="M3 20.5v-7l9-1.5-9-1.5v-7L22 12z" />
          </svg>
        </button>
      </div>
    </div>
  );
}

/**
 * A chat input's draft and focus as it left the page. The page shows its elements by position,
 * so a chat input written after the messages moves down a slot with each new message: it is
 * mounted anew there and takes these back, as Streamlit's input, which never moves, keeps them.
 */
const handedOver = new Map<string, { text: string; focused: boolean }>();

/** Whether the page follows the conversation (see stickToBottom); a moved chat input keeps it. */
let following = true;

/**
 * As in Streamlit's chat layout, the page keeps its end in view while it grows (the app's
 * first elements, a new message, a streamed answer), until the user scrolls away from the
 * end; scrolling back there follows it again. Returns the undo.
 */
function stickToBottom(input: HTMLElement): () => void {
  const page = document.scrollingElement ?? document.documentElement;
  const atEnd = () => page.scrollHeight - page.clientHeight - page.scrollTop < 40;
  let last = page.scrollTop;
  // Only the user scrolls up: the page growing, or this following it, keeps it following.
  const onScroll = () => {
    if (atEnd()) following = true;
    else if (page.scrollTop < last) following = false;
    last = page.scrollTop;
  };
  const follow = new ResizeObserver(() => {
    if (following) page.scrollTop = page.scrollHeight;
  });
  follow.observe(input.closest(".block-container") ?? document.body);
  addEventListener("scroll", onScroll, { passive: true });
  return () => {
    follow.disconnect();
    removeEventListener("scroll", onScroll);
  };
}

/** `st.chat_message`: the author's avatar beside a container for the message. */
export function ChatMessage(props: BlockElementProps<"chat_message">): JSX.Element {
  const name = () => props.node.props.name;
  return (
    <div
      class="stChatMessage"
      classList={{ "chat-message-user": ["user", "human"].includes(name().toLowerCase()) }}
      data-testid="stChatMessage"
    >
      <Avatar name={name()} avatar={props.node.props.avatar} />
      <div class="chat-message-content" data-testid="stChatMessageContent" aria-label={`Chat message from ${name()}`}>
        <div class="vertical-block" data-testid="stVerticalBlock">
          <BlockChildren node={props.node} path={props.path} />
        </div>
      </div>
    </div>
  );
}

/** Streamlit's avatars: an icon for "user" and "assistant", an image, an emoji, or the name's first letter. */
function Avatar(props: { name: string; avatar: string | undefined }): JSX.Element {
  const fallback = () => (props.name ? props.name.charAt(0).toUpperCase() : "🧑‍💻");
  return (
    <Switch fallback={<div class="chat-avatar">{props.avatar || fallback()}</div>}>
      <Match when={props.avatar === "user"}>
        <div class="chat-avatar chat-avatar-icon chat-avatar-user" data-testid="stChatMessageAvatarUser">
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <circle cx="12" cy="8" r="4" fill="currentColor" />
            <path fill="currentColor" d="M4 20c0-3.3 3.6-6 8-6s8 2.7 8 6z" />
          </svg>
        </div>
      </Match>
      <Match when={props.avatar === "assistant"}>
        <div class="chat-avatar chat-avatar-icon chat-avatar-assistant" data-testid="stChatMessageAvatarAssistant">
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path fill="currentColor" d="M11 2h2v3h-2zM4 7a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2zm5 3.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3m6 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3M2 10h1v4H2zm19 0h1v4h-1z" fill-rule="evenodd" />
          </svg>
        </div>
      </Match>
      <Match when={props.avatar?.startsWith(":material")}>
        <div class="chat-avatar" data-testid="stChatMessageAvatarCustom">
          {fallback()}
        </div>
      </Match>
      <Match when={props.avatar && imageUrl(props.avatar)}>
        {(src) => <img class="chat-avatar chat-avatar-image" src={src()} alt={`${props.name} avatar`} />}
      </Match>
    </Switch>
  );
}

/** The avatar as an image address, when it is one a page may load (http(s), a path, or an inline image). */
function imageUrl(avatar: string): string | undefined {
  if (/^data:image\/(png|jpe?g|gif|webp|avif);/i.test(avatar)) return avatar;
  if (!/^(https?:)?\/\/|^\.{0,2}\//i.test(avatar)) return undefined;
  try {
    const url = new URL(avatar, location.href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
