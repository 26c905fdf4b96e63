// A test tenant with a table too large to travel whole: 200,000 rows of three columns, made at
// the module's top level (a long loop there passes the CPU guards while the isolate starts).
import st from "edgelit";

const n = 200_000;
const id = new Float64Array(n);
const squared = new Float64Array(n);
const name: string[] = [];
for (let i = 0; i < n; i++) {
  id[i] = i;
  squared[i] = i * i;
  name.push(`row ${i}`);
}

export default function app() {
  st.button("Rerun me");
  st.dataframe({ id, squared, name });
}
