import st from "edgelit";

// The shapes a JS app has for pandas' constructors: an object of columns, rows as arrays,
// dates, an index (a Map's keys, or { columns, data, index }), a static table, ragged records.
export default function app() {
  st.dataframe({ a: [1, 2, 3], b: [0.5, null, 2.25], c: ["x", "y", null] });
  st.dataframe([[1, 2, 3], [4, 5, 6]]);
  st.dataframe({ when: [new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), new Date(Date.UTC(2025, 5, 7, 8, 9, 10))] });
  st.dataframe({ columns: ["score"], data: [[90], [85]], index: ["alice", "bob"] });
  st.table({ flag: [true, false], n: [10, 20] });
  st.dataframe([{ a: 1 }, { a: 2, b: "new" }]);
}
