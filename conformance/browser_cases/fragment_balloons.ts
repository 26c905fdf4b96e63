import st from "edgelit";

export default async function app() {
  const release_the_balloons = st.fragment(() => {
    st.button("Release the balloons", { help: "Fragment rerun" });
    st.balloons();
  });

  await st.spinner("Inflating balloons...", async () => {
    await st.sleep(500);
  });
  release_the_balloons();
  st.button("Inflate more balloons", { help: "Full rerun" });
}
