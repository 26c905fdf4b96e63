// The port lives in the gallery app that shows it; the suite plays it from there.
export { default } from "../../apps/buttons-and-state/examples/process_stages.ts";
export * from "../../apps/buttons-and-state/examples/process_stages.ts";
