import st from "edgelit";

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

export default async function app() {
  st.title("Countdown");
  await st.empty().with(async () => {
    for (let seconds = 0; seconds < 4; seconds++) {
      st.write(`⏳ ${seconds} seconds have passed`);
      await sleep(0.5);
    }
    st.write("✔️ Two seconds over!");
  });
  st.button("Count again");
  st.write("Below the countdown");
}
