/**
 * Element families the first page load does without: the registry imports this module on
 * the first use of any of them, so they arrive together as one small chunk.
 */
export { ChatInput, ChatMessage } from "./Chat.tsx";
export { ColorPicker } from "./ColorPicker.tsx";
export { DateInput, TimeInput } from "./DateTime.tsx";
export { Exception } from "./Exception.tsx";
export { Feedback } from "./Feedback.tsx";
export { FileUploader } from "./FileUploader.tsx";
export { DownloadButton } from "./DownloadButton.tsx";
export { Image } from "./Image.tsx";
export { Json } from "./Json.tsx";
// Not an element: the app menu's list and Settings dialog (AppHeader.tsx), which no first load needs either.
export { openMainMenu } from "../MainMenu.tsx";
export { LinkButton } from "./LinkButton.tsx";
export { Badge, Metric } from "./Metric.tsx";
export { ButtonGroup } from "./Pills.tsx";
export { Popover } from "./Popover.tsx";
export { SelectSlider } from "./SelectSlider.tsx";
export { Table } from "./Table.tsx";
export { PageLink } from "./PageLink.tsx";
export { Progress, Status } from "./Status.tsx";
