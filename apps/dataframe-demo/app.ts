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

  st.subheader("Column types");
  st.dataframe(
    {
      name: ["Roadmap", "Extras", "Issues"],
      url: ["https://roadmap.streamlit.app", "https://extras.streamlit.app", "https://issues.streamlit.app"],
      progress: [25, 60, 90],
      sales: [[1, 4, 2, 8], [3, 3, 5, 1], [9, 7, 4, 2]],
      tags: [["docs", "plan"], ["community"], ["bugs", "triage"]],
      logo: ["/client/favicon.svg", "/client/favicon.svg", "/client/favicon.svg"],
      price: [12.5, 1234.5, 0.99],
    },
    {
      hide_index: true,
      column_order: ["name", "url", "progress", "sales", "tags", "logo", "price"],
      column_config: {
        name: st.column_config.Column("App", { pinned: true }),
        url: st.column_config.LinkColumn("Link", { display_text: "https://(.*?)\\.streamlit\\.app" }),
        progress: st.column_config.ProgressColumn("Done", { min_value: 0, max_value: 100, format: "%d%%" }),
        sales: st.column_config.LineChartColumn("Sales", { y_min: 0, y_max: 10 }),
        tags: st.column_config.ListColumn("Tags"),
        logo: st.column_config.ImageColumn("Logo", { width: "small" }),
        price: st.column_config.NumberColumn("Price", { format: "dollar" }),
      },
    },
  );

  st.subheader("Select columns and cells");
  const picked = st.dataframe(planets, { key: "columns", on_select: "rerun", selection_mode: ["multi-column", "single-cell"], hide_index: true });
  st.write(`Selected columns: ${picked.selection.columns.length > 0 ? picked.selection.columns.join(", ") : "none"}`);
  st.write(`Selected cells: ${JSON.stringify(picked.selection.cells)}`);
}
