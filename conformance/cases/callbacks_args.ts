import st from "edgelit";

export default function app() {
  if (!("log" in st.session_state)) {
    st.session_state.log = [];
  }

  function changed(key: string, { label }: { label: string }) {
    // Inside the callback, session state already holds the widget's new value.
    st.session_state.log.push(`${label}=${st.session_state[key]}`);
    st.write(`callback: ${label} is now ${st.session_state[key]}`);
  }

  function tags_changed(prefix: string, { sep }: { sep: string }) {
    st.session_state.log.push(prefix + st.session_state.tags.join(sep));
  }

  function agreed() {
    st.session_state.log.push("agree=" + (st.session_state.agree ? "yes" : "no"));
  }

  // Edgelit's times are "HH:MM" strings already: the port ignores Python's strftime format.
  function timed(_: { fmt: string }) {
    st.session_state.log.push("at=" + st.session_state.at);
  }

  function reset(to: number) {
    st.session_state.volume = to;
    st.session_state.log.push(`reset to ${to}`);
  }

  st.write("script starts");
  st.slider("Volume", { min_value: 0, max_value: 10, value: 5, key: "volume", on_change: changed, args: ["volume"], kwargs: { label: "volume" } });
  st.select_slider("Speed", ["slow", "fast"], { key: "speed", on_change: changed, args: ["speed"], kwargs: { label: "speed" } });
  st.pills("Tags", ["a", "b", "c"], { key: "tags", selection_mode: "multi", on_change: tags_changed, args: ["tags="], kwargs: { sep: "+" } });
  st.date_input("Day", { value: "2024-01-01", key: "day", on_change: changed, args: ["day"], kwargs: { label: "day" } });
  st.time_input("At", { value: "09:30", key: "at", on_change: timed, kwargs: { fmt: "%H:%M" } });
  st.checkbox("Agree", { key: "agree", on_change: agreed });
  st.text_input("Name", { key: "name", on_change: changed, args: ["name"], kwargs: { label: "name" } });
  st.button("Reset volume", { on_click: reset, args: [0] });
  st.write(st.session_state.log.join(" | "));
}
