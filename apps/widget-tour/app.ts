import st from "edgelit";

interface Message {
  role: "user" | "assistant";
  content: string;
}

/** One section per widget, each writing what the widget returns, as the Streamlit docs' examples do. */
export default function app() {
  st.title("Widget tour");
  st.caption("Change a widget: the line under it shows what the script got back.");

  st.header("st.select_slider");
  const size = st.select_slider("T-shirt size", ["XS", "S", "M", "L", "XL"], { value: "M" });
  st.write(`Size: ${size}`);
  const [low, high] = st.select_slider("Price band", ["$", "$$", "$$$", "$$$$"], { value: ["$", "$$$"] as const });
  st.write(`Band: ${low} to ${high}`);

  st.header("st.color_picker");
  const color = st.color_picker("Pick a colour", { value: "#00f900" });
  st.write(`Colour: ${color}`);

  st.header("st.date_input");
  const birthday = st.date_input("Birthday", { value: "2024-01-31" });
  st.write(`Birthday: ${birthday}`);
  const trip = st.date_input("Trip", { value: ["2024-07-01", "2024-07-10"] });
  st.write(trip.length === 2 ? `Trip: ${trip[0]} to ${trip[1]}` : `Trip: from ${trip[0] ?? "?"}, pick an end`);
  st.write(`Your time zone: ${st.context.timezone ?? "not known yet"}`);

  st.header("st.time_input");
  const alarm = st.time_input("Alarm", { value: "08:45" });
  st.write(`Alarm: ${alarm}`);

  st.header("st.pills and st.segmented_control");
  const direction = st.pills("Direction", ["North", "East", "South", "West"]);
  st.write(`Direction: ${direction ?? "none"}`);
  const toppings = st.pills("Toppings", ["Cheese", "Ham", "Olives"], { selection_mode: "multi" });
  st.write(`Toppings: ${toppings.length > 0 ? toppings.join(", ") : "none"}`);
  const view = st.segmented_control("View", ["Day", "Week", "Month"], { default: "Week" });
  st.write(`View: ${view ?? "none"}`);

  st.header("st.feedback");
  const thumbs = st.feedback("thumbs");
  st.write(`Thumbs: ${thumbs === null ? "none" : thumbs === 1 ? "up" : "down"}`);
  const stars = st.feedback("stars");
  st.write(`Stars: ${stars === null ? "none" : stars + 1}`);

  st.header("st.metric and st.badge");
  const [temperature, wind, humidity] = st.columns(3);
  temperature.metric("Temperature", "70 °F", { delta: "1.2 °F" });
  wind.metric("Wind", "9 mph", { delta: "-8%" });
  humidity.metric("Humidity", "86%", { delta: "4%", delta_color: "inverse" });
  st.badge("New", { color: "green" });

  st.header("st.link_button");
  st.link_button("Streamlit docs", "https://docs.streamlit.io");

  st.header("st.popover");
  const settings = st.popover("Settings");
  const loud = settings.checkbox("Loud mode");
  const nickname = settings.text_input("Nickname");
  st.write(`Loud mode: ${loud ? "on" : "off"}; nickname: ${nickname || "none"}`);

  st.header("st.chat_input and st.chat_message");
  if (!("messages" in st.session_state)) st.session_state.messages = [];
  const messages = st.session_state.messages as Message[];
  for (const message of messages) st.chat_message(message.role).write(message.content);
  const prompt = st.chat_input("Say something");
  if (prompt) {
    const reply = `Echo: ${prompt}`;
    st.session_state.messages = [...messages, { role: "user", content: prompt }, { role: "assistant", content: reply }];
    st.chat_message("user").write(prompt);
    st.chat_message("assistant").write(reply);
  }
}
