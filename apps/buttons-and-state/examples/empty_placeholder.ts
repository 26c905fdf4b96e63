import st from "edgelit";

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

export default async function app() {
  // st.empty holds one element: each write replaces the last one.
  await st.empty().with(async () => {
    for (let seconds = 0; seconds < 3; seconds++) {
      st.write(`⏳ ${seconds} seconds have passed`);
      await sleep(0.01);
    }
    st.write("✔️ 3 seconds over!");
  });

  const placeholder = st.empty();
  placeholder.text("Hello");

  // To update a set of elements, put a container inside st.empty.
  placeholder.container().with(() => {
    st.write("This is one element");
    st.write("This is another");
  });

  if (st.button("Clear")) {
    // Clear all those elements:
    placeholder.empty();
  }
}
