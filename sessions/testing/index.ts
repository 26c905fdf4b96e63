/** `import { AppTest } from "edgelit/testing"`: Streamlit's app testing harness. */
export { AppTest, setAppLookup, type AppTestOptions, type TestContext } from "./app_test.ts";
export {
  Badge,
  Block,
  Button,
  ButtonGroup,
  ChatInput,
  ChatMessage,
  Checkbox,
  ColorPicker,
  ComponentInstance,
  DataEditor,
  IFrame,
  DataElement,
  Dataframe,
  DateInput,
  Element,
  ElementList,
  ExceptionElement,
  Feedback,
  LinkButton,
  Metric,
  Multiselect,
  Node,
  NumberInput,
  Selectbox,
  SelectSlider,
  Slider,
  Table,
  TextInput,
  TimeInput,
  VegaLiteChart,
  Widget,
} from "./elements.ts";

import { apps } from "#apps";
import { setAppLookup } from "./app_test.ts";
setAppLookup((slug) => apps.find((app) => app.slug === slug));
