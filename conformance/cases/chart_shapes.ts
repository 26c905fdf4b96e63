import st from "edgelit";

export default function app() {
  // Ours: the shapes of data around the built-in charts.
  st.line_chart({ columns: ["x", "y"], data: [[1, 4], [2, 5], [3, 6]], index: [10, 20, 30] });
  st.bar_chart({ columns: ["n"], data: [[3], [1]], index: ["left", "right"] });
  st.line_chart({ a: [1, 2, 3], b: [3, 2, 1] }, { y: "b" });
  st.bar_chart();
  st.area_chart({ a: [1, null, 3], b: [0.25, 0.5, 0.75] });
  st.scatter_chart({ x: [1, 2, 3], y: [3, 1, 2], colour: ["#ff0000", "#00ff00", "#ff0000"] }, { x: "x", y: "y", color: "colour" });
  st.line_chart({ x: [1, 2], y: [3, 4] }, { x: "x", y: "y", color: "red" });
}
