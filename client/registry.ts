import { Alert } from "./elements/Alert.tsx";
import { Button } from "./elements/Button.tsx";
import { Checkbox } from "./elements/Checkbox.tsx";
import { Exception } from "./elements/Exception.tsx";
import { Json } from "./elements/Json.tsx";
import { Column, Empty, Expander, Horizontal, Tab, Tabs, Vertical } from "./elements/Layout.tsx";
import { NumberInput } from "./elements/NumberInput.tsx";
import { MultiSelect, Radio, Selectbox } from "./elements/Select.tsx";
import { Slider } from "./elements/Slider.tsx";
import { Caption, Code, Divider, Heading, Markdown, Text } from "./elements/Text.tsx";
import { TextArea, TextInput } from "./elements/TextInput.tsx";
import type { ElementRegistry } from "./types.ts";

/**
 * The component for each element kind. A heavy renderer belongs here as
 * `lazy(() => import("./elements/Chart.tsx"))`, so it loads on first use.
 */
export const registry: ElementRegistry = {
  markdown: Markdown,
  title: Heading,
  header: Heading,
  subheader: Heading,
  caption: Caption,
  text: Text,
  code: Code,
  divider: Divider,
  json: Json,
  success: Alert,
  info: Alert,
  warning: Alert,
  error: Alert,
  exception: Exception,
  empty: Empty,
  button: Button,
  checkbox: Checkbox,
  toggle: Checkbox,
  text_input: TextInput,
  text_area: TextArea,
  number_input: NumberInput,
  slider: Slider,
  selectbox: Selectbox,
  radio: Radio,
  multiselect: MultiSelect,
  vertical: Vertical,
  horizontal: Horizontal,
  column: Column,
  expander: Expander,
  tabs: Tabs,
  tab: Tab,
};
