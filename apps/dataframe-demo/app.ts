import st from "edgelit";

/** A million rows of ten number columns (typed arrays: no boxed cells), made on the first run and kept by the isolate. */
const ROWS = 1_000_000;
let big: Record<string, Float64Array> | undefined;
function millionRows(): Record<string, Float64Array> {
  if (big) return big;
  const columns: Record<string, Float64Array> = {};
  for (let c = 0; c < 10; c++) {
    const column = new Float64Array(ROWS);
    for (let i = 0; i < ROWS; i++) column[i] = ((i * (c + 3) * 7919) % 100_000) / 100;
    columns[`col_${c}`] = column;
  }
  return (big = columns);
}

export default function app() {
  st.title("Dataframes");

  // The Streamlit docs' st.dataframe example.
  const df = [
    { command: "st.selectbox", rating: 4, is_widget: true },
    { command: "st.balloons", rating: 5, is_widget: false },
    { command: "st.time_input", rating: 3, is_widget: true },
  ];
  st.dataframe(df, { use_container_width: true });

  st.subheader("A million rows");
  st.dataframe(millionRows(), { height: 300 });

  st.subheader("Select rows");
  const planets = {
    planet: ["Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn"],
    moons: [0, 0, 1, 2, 95, 146],
    radius_km: [2439.7, 6051.8, 6371, 3389.5, 69911, 58232],
  };
  const event = st.dataframe(planets, {
    key: "planets",
    on_select: "rerun",
    selection_mode: "multi-row",
    hide_index: true,
    column_config: {
      planet: st.column_config.TextColumn("Planet", { help: "The planet's name" }),
      radius_km: st.column_config.NumberColumn("Radius", { format: "%.1f km" }),
    },
  });
  st.write(event.selection);
  const chosen = event.selection.rows.map((r) => planets.planet[r]);
  st.write(`Selected planets: ${chosen.length > 0 ? chosen.join(", ") : "none"}`);
}
