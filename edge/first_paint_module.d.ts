/** client/first_paint.tsx, as `npm run build` makes it for the Worker (vite.ssr.config.ts). */
declare module "#first-paint" {
  import type { ServerFrame } from "../sessions/protocol.ts";
  export function renderFirstPaint(frames: readonly ServerFrame[]): string;
}
