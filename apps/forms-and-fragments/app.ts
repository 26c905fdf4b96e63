import st from "edgelit";

export default async function app() {
  st.title("Forms and fragments");
  st.session_state.page_runs = (st.session_state.get("page_runs", 0) as number) + 1;
  st.caption(`The whole page has run ${st.session_state.page_runs} times.`);

  st.subheader("A form");
  const form = st.form("order", { clear_on_submit: true });
  const dish = form.text_input("Dish", { placeholder: "What would you like?" });
  const quantity = form.number_input("Quantity", { min_value: 1, max_value: 10, value: 1 });
  if (form.form_submit_button("Order", { type: "primary" })) {
    st.success(`Ordered ${quantity} × ${dish}`);
    st.toast(`${dish} is on its way`, { icon: "🍽️" });
  }

  st.subheader("A fragment");
  const counter = st.fragment(() => {
    st.session_state.fragment_runs = (st.session_state.get("fragment_runs", 0) as number) + 1;
    if (!("clicks" in st.session_state)) st.session_state.clicks = 0;
    if (st.button("Add one")) st.session_state.clicks += 1;
    st.write(`Clicked ${st.session_state.clicks} times; this fragment ran ${st.session_state.fragment_runs} times.`);
  });
  counter();

  st.subheader("A slow job");
  const placeholder = st.empty();
  if (st.button("Run the job")) {
    const bar = st.progress(0, { text: "Starting" });
    const status = st.status("Crunching numbers", { expanded: true });
    for (let step = 1; step <= 4; step++) {
      await st.sleep(300);
      bar.progress(step * 25, { text: `Step ${step} of 4` });
      status.write(`Step ${step} done`);
    }
    status.update({ label: "Numbers crunched", state: "complete" });
    placeholder.success("The job is done.");
  }
}
