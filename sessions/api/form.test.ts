import { describe, expect, it } from "vitest";
import st from "edgelit";
import { AppTest } from "edgelit/testing";
import type { ServerFrame } from "../protocol.ts";

const frames = (messages: string[]) => messages.flatMap((m) => JSON.parse(m) as ServerFrame[]);

describe("st.form", () => {
  const app = () => {
    const form = st.form("profile", { clear_on_submit: true });
    const name = form.text_input("Name");
    const age = form.slider("Age", { min_value: 0, max_value: 120, value: 30 });
    const submitted = form.form_submit_button("Save", {
      on_click: () => (st.session_state.saves = (st.session_state.get("saves", 0) as number) + 1),
    });
    st.write(`submitted=${submitted} name=${name} age=${age} saves=${st.session_state.get("saves", 0)}`);
  };

  it("tags the form's widgets, submits them together and clears them in the browser after", async () => {
    const at = await AppTest.from_function(app).run();
    expect(at.form[0]!.props).toEqual({ form_id: "profile", clear_on_submit: true, border: true });
    expect(at.text_input[0]!.props.form_id).toBe("profile");
    const ids = { name: at.text_input[0]!.id, age: at.slider[0]!.id, save: at.form_submit_button[0]!.id };
    at.session.handleMessage(JSON.stringify({ t: "widgets", values: [{ id: ids.name, value: "Ada" }, { id: ids.age, value: 36 }, { id: ids.save, value: true }] }));
    await at.session.idle();
    expect(at.markdown[0]!.value).toBe("submitted=true name=Ada age=36 saves=1");
    // clear_on_submit: the widgets show their defaults again.
    expect(at.text_input[0]!.props.value).toBe("");
    expect(at.slider[0]!.props.value).toEqual([30]);
    // As in Streamlit, only the browser shows the defaults: the script keeps the submitted values...
    await at.run();
    expect(at.markdown[0]!.value).toBe("submitted=false name=Ada age=36 saves=1");
    expect(at.text_input[0]!.props.value).toBe("");
    // ...until the form is submitted again, with what the browser shows.
    at.session.handleMessage(JSON.stringify({ t: "widgets", values: [{ id: ids.save, value: true }] }));
    await at.session.idle();
    expect(at.markdown[0]!.value).toBe("submitted=true name= age=30 saves=2");
  });

  it("refuses a whole batch when one value is bad", async () => {
    const at = await AppTest.from_function(app).run();
    at.messages.length = 0;
    const batch = [{ id: at.text_input[0]!.id, value: "Eve" }, { id: at.slider[0]!.id, value: 500 }, { id: at.form_submit_button[0]!.id, value: true }];
    at.session.handleMessage(JSON.stringify({ t: "widgets", values: batch }));
    await at.session.idle();
    expect(frames(at.messages)).toEqual([{ t: "error", code: "invalid_value", message: "Age: 500 is greater than max_value 120." }]);
    expect(at.markdown[0]!.value).toBe("submitted=false name= age=30 saves=0");
  });

  it("refuses a form's widget value sent alone, as no browser sends it: the form's submit carries it", async () => {
    const at = await AppTest.from_function(app).run();
    const replies: ServerFrame[] = [];
    at.session.handleMessage(JSON.stringify({ t: "widget", id: at.text_input[0]!.id, value: "Mallory" }), (frame) => replies.push(frame));
    await at.session.idle();
    expect(replies).toEqual([{ t: "error", code: "invalid_value", message: "Name: this widget is in a form; its value is sent with the form's submit button." }]);
    expect(at.markdown[0]!.value).toBe("submitted=false name= age=30 saves=0");
    // The submit button alone is a submit with what the browser shows.
    at.session.handleMessage(JSON.stringify({ t: "widget", id: at.form_submit_button[0]!.id, value: true }), (frame) => replies.push(frame));
    await at.session.idle();
    expect(replies).toHaveLength(1);
    expect(at.markdown[0]!.value).toBe("submitted=true name= age=30 saves=1");
  });

  it("raises Streamlit's errors for a button in a form, a submit button outside one, nested forms and form callbacks", async () => {
    const cases: [() => void, string, RegExp][] = [
      [() => st.form("f").button("b"), "StreamlitInvalidLayoutContextError", /`st.button\(\)` can't be used in an `st.form\(\)`/],
      [() => st.form_submit_button("go"), "StreamlitInvalidLayoutContextError", /must be used inside an `st.form\(\)`/],
      [() => st.form("a").form("b"), "StreamlitInvalidLayoutContextError", /Forms cannot be nested in other forms/],
      [() => st.form("a").checkbox("c", { on_change: () => {} }), "StreamlitInvalidFormCallbackError", /callbacks can only be defined on `st.form_submit_button`/],
      [() => { st.form("same"); st.form("same"); }, "StreamlitDuplicateElementKey", /multiple elements with the same `key='same'`/],
    ];
    for (const [script, type, message] of cases) {
      const at = await AppTest.from_function(script).run();
      expect(at.exception[0]!.type).toBe(type);
      expect(at.exception[0]!.message).toMatch(message);
    }
  });

  it("refuses a form key set in session state during the run, as Streamlit does, but not one set before it", async () => {
    const script = () => {
      if (st.session_state.get("fresh")) st.session_state.taken = 1;
      st.form("taken").form_submit_button("Go");
      st.form("taken_too", { border: false });
    };
    const at = AppTest.from_function(script);
    at.session_state.taken = 0;
    await at.run();
    expect(at.exception.length).toBe(0);
    at.session_state.fresh = true;
    await at.run();
    expect(at.exception[0]!.type).toBe("StreamlitValueAssignmentNotAllowedError");
    expect(at.exception[0]!.message).toBe("Values for the widget with `key` 'taken' cannot be set using `st.session_state`.");
    expect(at.form.length).toBe(0);
  });

  it("lists submit buttons among AppTest's buttons, as Streamlit's AppTest does", async () => {
    const at = await AppTest.from_function(() => {
      st.button("Before");
      st.form("f").form_submit_button("Send");
      st.button("After");
    }).run();
    expect(at.button.map((b) => `${b.kind}:${b.label}`)).toEqual(["button:Before", "form_submit_button:Send", "button:After"]);
    expect(at.form_submit_button.map((b) => b.label)).toEqual(["Send"]);
  });

  it("writes into a form with with(), like Python's `with st.form(...)`", async () => {
    const at = await AppTest.from_function(() => {
      st.form("f").with(() => {
        st.text_input("inside");
        st.form_submit_button();
      });
    }).run();
    expect(at.form[0]!.text_input[0]!.label).toBe("inside");
    expect(at.form_submit_button[0]!.label).toBe("Submit");
  });
});
