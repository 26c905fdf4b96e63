/** `import { AppTest } from "edgelit/testing"`: Streamlit's app testing harness. */
export { AppTest, setAppLookup, type AppTestOptions } from "./app_test.ts";
export {
  Block,
  Button,
  Checkbox,
  Element,
  ElementList,
  ExceptionElement,
  Multiselect,
  Node,
  NumberInput,
  Selectbox,
  Slider,
  TextInput,
  Widget,
} from "./elements.ts";

import { apps } from "../../apps/registry.gen.ts";
import { setAppLookup } from "./app_test.ts";
setAppLookup((slug) => apps.find((app) => app.slug === slug)?.script);
