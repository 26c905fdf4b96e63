/**
 * `import st from "edgelit"`: Streamlit's API, with Streamlit's names.
 */
import { alertMethods } from "./alerts.ts";
import { buttonMethods } from "./button.ts";
import { checkboxMethods } from "./checkbox.ts";
import { rerun, stop } from "./control.ts";
import { DeltaGeneratorBase, mainDeltaGenerator, rootDeltaGenerator, type DeltaGenerator } from "./delta_generator.ts";
import { layoutMethods } from "./layout.ts";
import { numberInputMethods } from "./number_input.ts";
import { selectMethods } from "./select.ts";
import { createSessionStateProxy, type SessionStateProxy } from "./session_state.ts";
import { sliderMethods } from "./slider.ts";
import { textInputMethods } from "./text_input.ts";
import { textMethods } from "./text.ts";
import { ROOT_SIDEBAR } from "../protocol.ts";

// Each family adds its methods to every DeltaGenerator: st, st.sidebar, columns, containers.
Object.assign(
  DeltaGeneratorBase.prototype,
  textMethods,
  alertMethods,
  buttonMethods,
  checkboxMethods,
  textInputMethods,
  numberInputMethods,
  sliderMethods,
  selectMethods,
  layoutMethods,
);

export interface StreamlitAPI extends DeltaGenerator {
  readonly sidebar: DeltaGenerator;
  readonly session_state: SessionStateProxy;
  rerun(): never;
  stop(): never;
}

const st = Object.assign(mainDeltaGenerator(), {
  sidebar: rootDeltaGenerator(ROOT_SIDEBAR),
  session_state: createSessionStateProxy(),
  rerun,
  stop,
}) as StreamlitAPI;

export default st;
export { st };
export type { DeltaGenerator } from "./delta_generator.ts";
export { NoSessionContext, StreamlitAPIException, DuplicateWidgetID, DuplicateWidgetKey } from "../errors.ts";
