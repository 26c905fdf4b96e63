// The line-by-line port of the docs example, checked against Streamlit in conformance/.
export { default } from "../../conformance/cases/process_stages.ts";
