import st from "edgelit";

export default function settings() {
  st.set_page_config({ page_title: "Settings" });
  st.title("Settings");
  st.set_page_config({ page_title: "Settings · Config demo", layout: "centered" });
  st.write("Settings set the page config twice.");
}
