import { afterEach, describe, expect, it, vi } from "vitest";
import st from "edgelit";
import { AppSession } from "./engine/app_session.ts";
import { GENERIC_ERROR_MESSAGE, uncaughtExceptionProps, type ShowErrorDetails } from "./errors.ts";
import { isBlock, type LeafNode, type TreeNode } from "./protocol.ts";

function boom(): never {
  throw new RangeError("secret: the password is hunter2\nand a second line of it");
}

function thrown(): unknown {
  try {
    boom();
  } catch (error) {
    return error;
  }
}

/** Runs a script once in a session with `showErrorDetails`, and returns its exception elements. */
async function exceptions(script: () => void, showErrorDetails?: ShowErrorDetails): Promise<LeafNode<"exception">["props"][]> {
  const session = new AppSession({ script, send: () => {}, showErrorDetails });
  session.requestRerun();
  await session.idle();
  const found: LeafNode<"exception">["props"][] = [];
  const visit = (node: TreeNode) => {
    if (isBlock(node)) node.children.forEach(visit);
    else if (node.kind === "exception") found.push((node as LeafNode<"exception">).props);
  };
  session.tree.roots.forEach(visit);
  return found;
}

afterEach(() => vi.restoreAllMocks());

describe("client.showErrorDetails", () => {
  it("shows what each of Streamlit's levels allows", () => {
    const error = thrown();
    const full = uncaughtExceptionProps(error, "full");
    expect(full.type).toBe("RangeError");
    expect(full.message).toBe("secret: the password is hunter2\nand a second line of it");
    expect(full.stack.length).toBeGreaterThan(0);

    const stacktrace = uncaughtExceptionProps(error, "stacktrace");
    expect([stacktrace.type, stacktrace.message]).toEqual(["RangeError", GENERIC_ERROR_MESSAGE]);
    expect(stacktrace.stack.length).toBeGreaterThan(0);
    expect(stacktrace.stack.every((line) => line.startsWith("at "))).toBe(true);
    expect(stacktrace.stack.join("\n")).toContain("boom");

    expect(uncaughtExceptionProps(error, "type")).toEqual({ type: "RangeError", message: GENERIC_ERROR_MESSAGE, stack: [] });
    expect(uncaughtExceptionProps(error, "none")).toEqual({ type: "", message: GENERIC_ERROR_MESSAGE, stack: [] });
    for (const level of ["stacktrace", "type", "none"] as const) {
      expect(JSON.stringify(uncaughtExceptionProps(error, level))).not.toContain("hunter2");
    }
  });

  it("redacts an uncaught exception in the session, logs it whole, and leaves st.exception alone", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const [shown, uncaught] = await exceptions(() => {
      st.exception(new TypeError("shown on purpose"));
      boom();
    }, "none");
    expect(shown).toMatchObject({ type: "TypeError", message: "shown on purpose" });
    expect(uncaught).toEqual({ type: "", message: GENERIC_ERROR_MESSAGE, stack: [] });
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]![1])).toContain("hunter2");
  });

  it("shows everything and logs nothing when unset, as in AppTest", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const [uncaught] = await exceptions(boom);
    expect(uncaught!.message).toContain("hunter2");
    expect(logged).not.toHaveBeenCalled();
  });
});
