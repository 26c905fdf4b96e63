/**
 * The element components the first-load JavaScript carries: what a page of text, widgets and
 * layout needs. The server's first paint (first_paint.tsx) draws these; every other kind loads
 * on first use (registry.ts) and shows once the client has taken the page over.
 */
import { Alert } from "./elements/Alert.tsx";
import { Button } from "./elements/Button.tsx";
import { Checkbox } from "./elements/Checkbox.tsx";
import { Form, FormSubmitButton } from "./elements/Form.tsx";
import { Column, Empty, Expander, Fragment, Horizontal, Tab, Tabs, Vertical } from "./elements/Layout.tsx";
import { NumberInput } from "./elements/NumberInput.tsx";
import { MultiSelect, Radio, Selectbox } from "./elements/Select.tsx";
import { Slider } from "./elements/Slider.tsx";
import { Spinner, Toast } from "./elements/Spinner.tsx";
import { Caption, Code, Divider, Heading, Markdown, Text } from "./elements/Text.tsx";
import { TextArea, TextInput } from "./elements/TextInput.tsx";
import type { ElementRegistry } from "./types.ts";

export const eagerElements = {
  markdown: Markdown,
  title: Heading,
  header: Heading,
  subheader: Heading,
  caption: Caption,
  text: Text,
  code: Code,
  divider: Divider,
  success: Alert,
  info: Alert,
  warning: Alert,
  error: Alert,
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
  form: Form,
  form_submit_button: FormSubmitButton,
  fragment: Fragment,
  spinner: Spinner,
  toast: Toast,
} satisfies Partial<ElementRegistry>;
