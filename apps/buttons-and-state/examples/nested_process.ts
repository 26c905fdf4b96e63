import st from "edgelit";

// Adapted (see README): pasted CSV text instead of st.file_uploader, rows instead of a DataFrame.
// Python's NameError (df was never assigned in this run) is JavaScript's TypeError on undefined.
export const pythonErrors = { TypeError: "NameError" };

export default function app() {
  const file = st.text_area("Paste a CSV file");

  let df: any;
  if (st.button("Get data")) {
    df = file.split(/\r?\n/).filter((line) => line !== "").map((line) => line.split(","));
    // This display will go away with the user's next action.
    st.write(df);
  }

  if (st.button("Save")) {
    // This will always error.
    df.to_csv("data.csv");
  }
}
