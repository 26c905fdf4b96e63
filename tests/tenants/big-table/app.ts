// A test tenant with a table too large to travel whole: 200,000 rows of three columns.
import st from "edgelit";

export default function app() {
  const n = 200_000;
  st.button("Rerun me");
  st.dataframe({
    id: Float64Array.from({ length: n }, (_, i) => i),
    squared: Float64Array.from({ length: n }, (_, i) => i * i),
    name: Array.from({ length: n }, (_, i) => `row ${i}`),
  });
}
