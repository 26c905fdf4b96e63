/** Text elements: markdown, headings, caption, text, code, divider, json, and st.write. */
import { isDataFrameLike } from "../data/normalize.ts";
import type { LeafProps } from "../protocol.ts";
import type { DeltaGenerator } from "./delta_generator.ts";
import { exceptionProps } from "../errors.ts";

export interface MarkdownOptions {
  unsafe_allow_html?: boolean;
  help?: string;
}
export interface HeadingOptions {
  anchor?: string | false;
  help?: string;
  divider?: boolean | "blue" | "green" | "orange" | "red" | "violet" | "gray" | "grey" | "rainbow";
}
export interface CodeOptions {
  language?: string | null;
  line_numbers?: boolean;
  wrap_lines?: boolean;
}

declare module "./delta_generator.ts" {
  interface DeltaGeneratorMethods {
    markdown(body: unknown, options?: MarkdownOptions): DeltaGenerator;
    title(body: unknown, options?: HeadingOptions): DeltaGenerator;
    header(body: unknown, options?: HeadingOptions): DeltaGenerator;
    subheader(body: unknown, options?: HeadingOptions): DeltaGenerator;
    caption(body: unknown, options?: MarkdownOptions): DeltaGenerator;
    text(body: unknown, options?: { help?: string }): DeltaGenerator;
    code(body: unknown, options?: CodeOptions): DeltaGenerator;
    divider(): DeltaGenerator;
    json(body: unknown, options?: { expanded?: boolean | number }): DeltaGenerator;
    /** Writes each argument the way that suits it: text as markdown, objects as JSON, errors as exceptions. */
    write(...args: unknown[]): void;
  }
}

export const textMethods = {
  markdown(this: DeltaGenerator, body: unknown, options: MarkdownOptions = {}): DeltaGenerator {
    return this._leaf("markdown", { body: cleanText(body), ...markdownFlags(options) });
  },
  title(this: DeltaGenerator, body: unknown, options: HeadingOptions = {}): DeltaGenerator {
    return this._leaf("title", headingProps(body, options));
  },
  header(this: DeltaGenerator, body: unknown, options: HeadingOptions = {}): DeltaGenerator {
    return this._leaf("header", headingProps(body, options));
  },
  subheader(this: DeltaGenerator, body: unknown, options: HeadingOptions = {}): DeltaGenerator {
    return this._leaf("subheader", headingProps(body, options));
  },
  caption(this: DeltaGenerator, body: unknown, options: MarkdownOptions = {}): DeltaGenerator {
    return this._leaf("caption", { body: cleanText(body), ...markdownFlags(options) });
  },
  text(this: DeltaGenerator, body: unknown, options: { help?: string } = {}): DeltaGenerator {
    return this._leaf("text", { body: cleanText(body), ...(options.help !== undefined ? { help: options.help } : {}) });
  },
  code(this: DeltaGenerator, body: unknown, options: CodeOptions = {}): DeltaGenerator {
    const props: LeafProps["code"] = { body: String(body), language: options.language === undefined ? "python" : options.language };
    if (options.line_numbers) props.line_numbers = true;
    if (options.wrap_lines) props.wrap_lines = true;
    return this._leaf("code", props);
  },
  divider(this: DeltaGenerator): DeltaGenerator {
    return this._leaf("divider", {});
  },
  json(this: DeltaGenerator, body: unknown, options: { expanded?: boolean | number } = {}): DeltaGenerator {
    return this._leaf("json", { body: jsonText(body), expanded: options.expanded ?? true });
  },
  write(this: DeltaGenerator, ...args: unknown[]): void {
    // Like Streamlit: text-like arguments gather into one markdown element, the rest get their own.
    let pending: string[] = [];
    const flush = () => {
      if (pending.length > 0) this.markdown(pending.join(" "));
      pending = [];
    };
    for (const arg of args) {
      if (typeof arg === "string") {
        pending.push(arg);
      } else if (arg === null || arg === undefined || typeof arg === "number" || typeof arg === "boolean" || typeof arg === "bigint") {
        pending.push("`" + String(arg) + "`");
      } else if (arg instanceof Error) {
        flush();
        this._leaf("exception", exceptionProps(arg));
      } else if (typeof arg === "function") {
        flush();
        this.code(arg.toString(), { language: "javascript" });
      } else if (isDataFrameLike(arg)) {
        // An Arrow table is a DataFrame: Streamlit writes it as one. Lists and dicts stay JSON, as in Streamlit.
        flush();
        this.dataframe(arg);
      } else {
        flush();
        this.json(arg);
      }
    }
    flush();
  },
};

/** Like Streamlit: text is dedented and stripped, so indented template literals read well. */
export function cleanText(body: unknown): string {
  const text = String(body);
  if (!text.includes("\n")) return text.trim();
  const lines = text.split("\n");
  const indents = lines.filter((line) => line.trim().length > 0).map((line) => /^[ \t]*/.exec(line)![0].length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return (common > 0 ? lines.map((line) => line.slice(common)).join("\n") : text).trim();
}

function markdownFlags(options: MarkdownOptions): { unsafe_allow_html?: boolean; help?: string } {
  return {
    ...(options.unsafe_allow_html ? { unsafe_allow_html: true } : {}),
    ...(options.help !== undefined ? { help: options.help } : {}),
  };
}

function headingProps(body: unknown, options: HeadingOptions): LeafProps["title"] {
  const props: LeafProps["title"] = { body: cleanText(body) };
  if (options.anchor !== undefined) props.anchor = options.anchor;
  if (options.help !== undefined) props.help = options.help;
  if (options.divider) props.divider = options.divider;
  return props;
}

/** A JSON string is shown as the value it encodes, anything else as its JSON. */
function jsonText(body: unknown): string {
  if (typeof body === "string") {
    try {
      return JSON.stringify(JSON.parse(body));
    } catch {
      return JSON.stringify(body);
    }
  }
  return JSON.stringify(body, (_key, value: unknown) => {
    if (value instanceof Map) return Object.fromEntries(value);
    if (value instanceof Set) return [...value];
    if (typeof value === "bigint") return value.toString();
    return value;
  }) ?? "null";
}
