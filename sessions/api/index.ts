/**
 * `import st from "edgelit"`: Streamlit's API, with Streamlit's names.
 */
import { alertMethods } from "./alerts.ts";
import { buttonMethods } from "./button.ts";
import { checkboxMethods } from "./checkbox.ts";
import { createContextProxy, type StreamlitContext } from "./context.ts";
import { createUserProxy, login, logout, type UserInfo } from "./user.ts";
import { rerun, sleep, stop } from "./control.ts";
import { formMethods } from "./form.ts";
import { navigation, Page, pageLinkMethods, set_page_config, switch_page, StreamlitPage } from "./navigation.ts";
import { createQueryParamsProxy, type QueryParamsProxy } from "./query_params.ts";
import { fragment } from "./fragment.ts";
import { statusMethods } from "./status.ts";
import { DeltaGeneratorBase, mainDeltaGenerator, rootDeltaGenerator, type DeltaGenerator } from "./delta_generator.ts";
import { layoutMethods } from "./layout.ts";
import { numberInputMethods } from "./number_input.ts";
import { selectMethods } from "./select.ts";
import { createSessionStateProxy, type SessionStateProxy } from "./session_state.ts";
import { sliderMethods } from "./slider.ts";
import { textInputMethods } from "./text_input.ts";
import { textMethods } from "./text.ts";
import { chatMethods } from "./chat.ts";
import { colorPickerMethods } from "./color_picker.ts";
import { dateTimeMethods } from "./date_time.ts";
import { feedbackMethods } from "./feedback.ts";
import { linkButtonMethods } from "./link_button.ts";
import { imageMethods } from "./image.ts";
import { metricMethods } from "./metric.ts";
import { pillsMethods } from "./pills.ts";
import { popoverMethods } from "./popover.ts";
import { selectSliderMethods } from "./select_slider.ts";
import { ROOT_SIDEBAR } from "../protocol.ts";
import { tableMethods } from "./table.ts";
import { dataframeMethods } from "./dataframe.ts";
import { dataEditorMethods } from "./data_editor.ts";
import { addRowsMethods } from "./add_rows.ts";
import { chartMethods } from "./charts.ts";
import { column_config } from "./column_config.ts";
import { createEnvProxy, createSecretsProxy, type SecretsProxy } from "./secrets.ts";
import { cache_data, cache_resource, type CacheDataAPI, type CacheResourceAPI } from "./caching.ts";
import { connection } from "./connection.ts";
import { fileUploaderMethods } from "./file_uploader.ts";
import { downloadButtonMethods } from "./download_button.ts";

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
  selectSliderMethods,
  colorPickerMethods,
  dateTimeMethods,
  pillsMethods,
  feedbackMethods,
  chatMethods,
  metricMethods,
  linkButtonMethods,
  imageMethods,
  popoverMethods,
  layoutMethods,
  formMethods,
  statusMethods,
  pageLinkMethods,
  tableMethods,
  dataframeMethods,
  dataEditorMethods,
  addRowsMethods,
  chartMethods,
  fileUploaderMethods,
  downloadButtonMethods,
);

export interface StreamlitAPI extends DeltaGenerator {
  readonly sidebar: DeltaGenerator;
  readonly session_state: SessionStateProxy;
  readonly context: StreamlitContext;
  readonly query_params: QueryParamsProxy;
  Page: typeof Page;
  navigation: typeof navigation;
  switch_page: typeof switch_page;
  set_page_config: typeof set_page_config;
  rerun: typeof rerun;
  stop: typeof stop;
  sleep: typeof sleep;
  fragment: typeof fragment;
  readonly secrets: SecretsProxy;
  cache_data: CacheDataAPI;
  cache_resource: CacheResourceAPI;
  connection: typeof connection;
  column_config: typeof column_config;
  readonly user: UserInfo;
  login: typeof login;
  logout: typeof logout;
}

const st = Object.assign(mainDeltaGenerator(), {
  sidebar: rootDeltaGenerator(ROOT_SIDEBAR),
  session_state: createSessionStateProxy(),
  context: createContextProxy(),
  query_params: createQueryParamsProxy(),
  Page,
  navigation,
  switch_page,
  set_page_config,
  rerun,
  stop,
  sleep,
  fragment,
  secrets: createSecretsProxy(),
  cache_data,
  cache_resource,
  connection,
  column_config,
  user: createUserProxy(),
  login,
  logout,
}) as StreamlitAPI;

/** The app's environment: its root-level string secrets (Streamlit's `os.environ`), never another app's. */
export const env = createEnvProxy();

export default st;
export { st };
export type { DeltaGenerator } from "./delta_generator.ts";
export type { DataEditorOptions, EditingState } from "./data_editor.ts";
export type { DataframeOptions, DataframeState, SelectionMode } from "./dataframe.ts";
export type { AreaChartOptions, BarChartOptions, ChartColor, ChartOptions, ChartStack, ScatterChartOptions, VegaLiteChartOptions, VegaLiteSpec } from "./charts.ts";
export type { DataTable, DataColumn } from "../data/table.ts";
export { StreamlitPage };
export { UploadedFile, type FileUploaderOptions } from "./file_uploader.ts";
export type { DownloadButtonOptions, DownloadData } from "./download_button.ts";
export type { CachedDataFunction, CachedResourceFunction, CacheDataOptions, CacheResourceOptions } from "./caching.ts";
export { SQLConnection, SQLSession, type ConnectionOptions, type QueryOptions, type Row } from "./connection.ts";
export { StreamlitAuthError } from "../auth/config.ts";
export type { UserInfo } from "./user.ts";
export { NoSessionContext, StreamlitAPIException, DuplicateWidgetID, DuplicateWidgetKey } from "../errors.ts";
