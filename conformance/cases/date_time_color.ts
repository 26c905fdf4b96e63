import st from "edgelit";

export default function app() {
  const color = st.color_picker("Pick A Color", { value: "#00f900" });
  st.write("The current color is", color);

  const d = st.date_input("When's your birthday", { value: "2019-07-06" });
  st.write(`Your birthday is: ${d}`);

  const vacation = st.date_input("Select your vacation for next year", {
    value: ["2025-01-01", "2025-01-07"],
    min_value: "2025-01-01",
    max_value: "2025-12-31",
    format: "MM.DD.YYYY",
  });
  st.write(`${vacation.length} dates chosen`);

  const empty = st.date_input("Pick a date", { value: null });
  st.write(`Picked: ${empty ?? "None"}`);

  const t = st.time_input("Set an alarm for", { value: "08:45" });
  st.write(`Alarm is set for ${t}`);

  const precise = st.time_input("Precise time", { value: "12:00:30", step: 30 });
  st.write(`Precise: ${precise}`);
}
