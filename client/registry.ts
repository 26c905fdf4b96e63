import { lazy } from "solid-js";
import { eagerElements } from "./eager_elements.ts";
import type { ElementRegistry } from "./types.ts";

/** st.dataframe and st.data_editor: one grid component for the three kinds. */
const grid = lazy(() => import("./elements/DataFrame.tsx").then((m) => ({ default: m.DataFrame }))) as unknown as ElementRegistry["dataframe"] & ElementRegistry["dataframe_selection"] & ElementRegistry["data_editor"];

/**
 * The component for each element kind. A heavy renderer belongs here as
 * `lazy(() => import("./elements/Chart.tsx"))`, so it loads on first use.
 */
export const registry: ElementRegistry = {
  ...eagerElements,
  page_link: onDemand("PageLink"),
  json: onDemand("Json"),
  // An app that runs without an error never needs the exception box: it loads on first use.
  exception: onDemand("Exception"),
  status: onDemand("Status"),
  progress: onDemand("Progress"),
  balloons: lazy(() => import("./elements/Celebrations.ts").then((m) => ({ default: m.Balloons }))),
  snow: lazy(() => import("./elements/Celebrations.ts").then((m) => ({ default: m.Snow }))),
  // Less common families, from one chunk loaded on first use (see elements/on_demand.ts).
  select_slider: onDemand("SelectSlider"),
  color_picker: onDemand("ColorPicker"),
  date_input: onDemand("DateInput"),
  time_input: onDemand("TimeInput"),
  pills: onDemand("ButtonGroup"),
  segmented_control: onDemand("ButtonGroup"),
  feedback: onDemand("Feedback"),
  chat_input: onDemand("ChatInput"),
  chat_message: onDemand("ChatMessage"),
  metric: onDemand("Metric"),
  badge: onDemand("Badge"),
  link_button: onDemand("LinkButton"),
  file_uploader: onDemand("FileUploader"),
  download_button: onDemand("DownloadButton"),
  image: onDemand("Image"),
  table: onDemand("Table"),
  // The grid (TanStack Table and Virtual) is its own chunk: apps without dataframes never load it.
  dataframe: grid,
  dataframe_selection: grid,
  data_editor: grid,
  // Vega and Vega-Lite are the heaviest renderer: their own chunk, loaded when a page first shows a chart.
  vega_lite_chart: lazy(() => import("./elements/VegaChart.tsx").then((m) => ({ default: m.VegaChart }))),
  popover: onDemand("Popover"),
  // Custom components: their own chunk (and Arrow, in another, only for tables among their args).
  iframe: lazy(() => import("./elements/Component.tsx").then((m) => ({ default: m.IFrame }))),
  component_instance: lazy(() => import("./elements/Component.tsx").then((m) => ({ default: m.ComponentInstance }))),
};

type OnDemand = Omit<typeof import("./elements/on_demand.ts"), "openMainMenu">;

/** A component of elements/on_demand.ts, loaded with the whole module on first render. */
function onDemand<N extends keyof OnDemand>(name: N): OnDemand[N] {
  return lazy(() => import("./elements/on_demand.ts").then((m) => ({ default: m[name] }))) as unknown as OnDemand[N];
}
