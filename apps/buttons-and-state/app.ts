// The examples are the conformance suite's ports, checked step by step against Streamlit itself.
import st from "edgelit";
import dynamic_rows from "./examples/dynamic_rows.ts";
import empty_placeholder from "./examples/empty_placeholder.ts";
import expensive_process from "./examples/expensive_process.ts";
import logic_in_callback from "./examples/logic_in_callback.ts";
import logic_with_rerun from "./examples/logic_with_rerun.ts";
import modify_widget_error from "./examples/modify_widget_error.ts";
import nested_buttons from "./examples/nested_buttons.ts";
import nested_process from "./examples/nested_process.ts";
import nested_widgets from "./examples/nested_widgets.ts";
import process_stages from "./examples/process_stages.ts";
import reset_with_button_key from "./examples/reset_with_button_key.ts";
import reset_with_callback from "./examples/reset_with_callback.ts";
import reset_with_container from "./examples/reset_with_container.ts";
import slight_problem from "./examples/slight_problem.ts";
import stateful_button from "./examples/stateful_button.ts";
import temporary_message from "./examples/temporary_message.ts";
import toggle_button from "./examples/toggle_button.ts";
import toggle_button_disabled from "./examples/toggle_button_disabled.ts";
import widgets_dummy_key from "./examples/widgets_dummy_key.ts";
import widgets_resave from "./examples/widgets_resave.ts";

export const examples: [section: string, script: () => unknown][] = [
  ["Show a temporary message with a button", temporary_message],
  ["Stateful button", stateful_button],
  ["Toggle button", toggle_button],
  ["Toggle button (disabled slider)", toggle_button_disabled],
  ["Stages of a process", process_stages],
  ["A slight problem", slight_problem],
  ["Logic used in a callback", logic_in_callback],
  ["Logic nested in a button with a rerun", logic_with_rerun],
  ["Modify another widget: the code that errors", modify_widget_error],
  ["Modify another widget, option 1: a button key", reset_with_button_key],
  ["Modify another widget, option 2: a callback", reset_with_callback],
  ["Modify another widget, option 3: containers", reset_with_container],
  ["Buttons to add widgets dynamically", dynamic_rows],
  ["Expensive processes saved in state", expensive_process],
  ["Anti-pattern: buttons nested inside buttons", nested_buttons],
  ["Anti-pattern: widgets nested inside buttons", nested_widgets],
  ["Anti-pattern: a process nested in a button", nested_process],
  ["Animate: st.empty", empty_placeholder],
  ["Widgets across pages, option 2: a dummy key", widgets_dummy_key],
  ["Widgets across pages, option 3: re-save the key", widgets_resave],
];

export default async function app() {
  const section = st.sidebar.radio(
    "Example",
    examples.map(([name]) => name),
    { key: "example" },
  )!;
  st.sidebar.caption("From Streamlit's docs: button behavior, and widgets in multipage apps.");
  st.header(section, { divider: "gray" });
  await examples.find(([name]) => name === section)![1]();
}
