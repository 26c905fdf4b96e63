/**
 * Chat: st.chat_message, a container for one message with its author's avatar, and
 * st.chat_input, which hands the script a submitted message once.
 */
import { defineWidgetKind, invalidStateValue } from "../engine/widgets.ts";
import { StreamlitAPIException, StreamlitInvalidLayoutContextError, StreamlitMissingRequiredParameterError } from "../errors.ts";
import type { DeltaGenerator } from "./delta_generator.ts";
import { callbackOf, identityOf, showWidget } from "./widget.ts";

export interface ChatInputOptions {
  key?: string;
  max_chars?: number | null;
  disabled?: boolean;
  /** Runs before the rerun a submission triggers, with `...args` and then `kwargs` (when given). */
  on_submit?: (...args: any[]) => unknown;
  args?: unknown[];
  kwargs?: Record<string, unknown>;
}

export interface ChatMessageOptions {
  /**
   * "user" or "assistant" for Streamlit's icons, an emoji, a ":material/icon_name:", or an
   * image URL. Default: the icon for a "user"/"human" or "assistant"/"ai" name, else the
   * name's first letter.
   */
  avatar?: string | null;
}

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    /**
     * A chat input, pinned to the bottom of the page when written to the main area. Returns
     * the submitted message on the run the submission triggers, and null on every other run.
     */
    chat_input(placeholder?: string, options?: ChatInputOptions): string | null;
    /** A container for one chat message; write the message into it. */
    chat_message(name: "user" | "assistant" | "ai" | "human" | (string & {}), options?: ChatMessageOptions): DeltaGenerator;
  }
}

defineWidgetKind({
  kind: "chat_input",
  validate: (wire, props) => {
    if (typeof wire !== "string" || wire.trim() === "") return "Expected a non-empty message.";
    if (props.max_chars !== undefined && [...wire].length > props.max_chars) return `The message is longer than max_chars (${props.max_chars}).`;
    return null;
  },
});

const PRESET_AVATARS = new Map<string, "user" | "assistant">([
  ["user", "user"],
  ["human", "user"],
  ["assistant", "assistant"],
  ["ai", "assistant"],
]);
const EMOJI = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator})[\p{Extended_Pictographic}\p{Emoji_Component}\p{Emoji_Modifier}\u200d\ufe0f]*$/u;

export const chatMethods = {
  chat_input(this: DeltaGenerator, placeholder: string = "Your message", options: ChatInputOptions = {}): string | null {
    const ctx = this._context("st.chat_input");
    if (ctx.run.containerOf(this._target(ctx)).formId !== undefined) {
      throw new StreamlitInvalidLayoutContextError("`st.chat_input()` can't be used in a `st.form()`.");
    }
    const maxChars = options.max_chars ?? undefined;
    const tooLong = (text: string) => maxChars !== undefined && [...text].length > maxChars;
    return showWidget(this, {
      kind: "chat_input",
      key: options.key,
      identity: identityOf("", options, { placeholder: String(placeholder), max_chars: maxChars ?? null, on_submit: undefined }),
      defaultValue: null as string | null,
      // The message lasts one run: afterwards the widget holds nothing again.
      triggerReset: null,
      props: () => ({
        label: "",
        ...(options.disabled ? { disabled: true } : {}),
        placeholder: String(placeholder),
        ...(maxChars !== undefined ? { max_chars: maxChars } : {}),
      }),
      toWire: (value) =>
        value === null || (typeof value === "string" && !tooLong(value))
          ? value
          : invalidStateValue("st.chat_input", value, maxChars === undefined ? "expected a string" : `expected a string of at most ${maxChars} characters`),
      fromWire: (wire) => (typeof wire === "string" ? wire : null),
      callback: callbackOf(options.on_submit, options.args, options.kwargs),
    });
  },

  chat_message(this: DeltaGenerator, name: string, options: ChatMessageOptions = {}): DeltaGenerator {
    if (name === null || name === undefined) throw new StreamlitMissingRequiredParameterError("name");
    const lower = String(name).toLowerCase();
    const given = options.avatar ?? (PRESET_AVATARS.has(lower) || EMOJI.test(lower) ? lower : null);
    const avatar = given === null ? undefined : avatarOf(given);
    return this._block("chat_message", { name: String(name), ...(avatar !== undefined ? { avatar } : {}) });
  },
};

/** What the browser shows as the avatar: a preset icon's name, an emoji, a material icon, or an image URL. */
function avatarOf(avatar: unknown): string {
  if (typeof avatar !== "string") throw new StreamlitAPIException("Failed to load the provided avatar value as an image.");
  return PRESET_AVATARS.get(avatar) ?? avatar;
}
