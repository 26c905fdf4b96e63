import st from "edgelit";

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

// Adapted (see README): a short sleep instead of 5 s, a dict of lists instead of a DataFrame.
async function expensive_process(option: string | null, add: number): Promise<[Record<string, number[]>, number]> {
  // st.spinner: not in Edgelit yet; Streamlit's AppTest does not show it either.
  await sleep(0.01);
  const df = Object.fromEntries(
    Object.entries({ A: [1, 2, 3], B: [4, 5, 6], C: [7, 8, 9] }).map(([col, vals]) => [col, vals.map((v) => v + add)]),
  );
  return [df, add];
}

export default async function app() {
  const cols = st.columns(2);
  const option = cols[0].selectbox("Select a number", ["1", "2", "3"]);
  const add = cols[1].number_input("Add a number", { min_value: 0, max_value: 10 });

  if (!("processed" in st.session_state)) {
    st.session_state.processed = {};
  }

  // Process and save results
  if (st.button("Process")) {
    const result = await expensive_process(option, add);
    st.session_state.processed[option!] = result;
    st.write(`Option ${option} processed with add ${add}`);
    st.write(result[0]);
  }
}
