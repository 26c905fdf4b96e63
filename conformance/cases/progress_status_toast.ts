import st from "edgelit";

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

export default async function app() {
  const progress_text = "Operation in progress. Please wait.";
  const my_bar = st.progress(0, { text: progress_text });

  for (let percent_complete = 0; percent_complete < 10; percent_complete++) {
    await sleep(0.001);
    my_bar.progress(percent_complete * 10 + 10, { text: progress_text });
  }
  await sleep(0.001);
  my_bar.empty();

  const fraction = st.progress(0.25, { text: "A quarter" });
  fraction.progress(0.75);
  st.progress(0);
  st.progress(100, { text: "Full" });

  const status = st.status("Downloading data...", { expanded: true });
  await status.with(async () => {
    st.write("Searching for data...");
    await sleep(0.001);
    st.write("Found URL.");
    await sleep(0.001);
    st.write("Downloading data...");
    await sleep(0.001);
    status.update({ label: "Download complete!", state: "complete", expanded: false });
  });

  const check = st.status("Checking...");
  check.with(() => {
    st.write("Something went wrong.");
    check.update({ state: "error" });
  });

  const placeholder = st.empty();
  placeholder.progress(50, { text: "Half" });

  async function cook_breakfast() {
    const msg = st.toast("Gathering ingredients...");
    await sleep(0.001);
    msg.toast("Cooking...");
    await sleep(0.001);
    msg.toast("Ready!", { icon: "🥞" });
  }

  if (st.button("Cook breakfast")) {
    await cook_breakfast();
    placeholder.write("Breakfast is served");
  }

  st.toast("Welcome");
  st.button("Rerun");
}
