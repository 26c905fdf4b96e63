/**
 * The session's large tables, seen from the browser: `rows` frames asked and their answers
 * matched by `req` (sessions/protocol.ts, RowsRequest / RowsAnswer), and the URL of a table's
 * CSV download. One channel per session (per page's tree), made when a grid first needs it.
 */
import { MAX_ROWS_PER_REQUEST, type ClientFrame, type RowsAnswer, type RowsRequest } from "../../sessions/protocol.ts";

export interface RowsChannel {
  /** Asks for rows; resolves with the answer (its `error` set when the table is gone, or the answer never came). */
  ask(request: Omit<RowsRequest, "t" | "req">): Promise<RowsAnswer>;
  /** A `rows` frame from the session. */
  receive(answer: RowsAnswer): void;
  /** `GET /_stcore/table/<session>/<table>.csv`: the whole table in a view, streamed by the session. */
  csvUrl(table: string, view: { sort?: RowsRequest["sort"]; search?: string; hideIndex?: boolean }): string;
}

/** An answer that has not come by then (a dropped socket loses it) is given up, so the grid asks again. */
const ANSWER_TIMEOUT_MS = 20_000;

/** What a channel needs of the page's tree (client/tree.tsx, TreeContextValue). */
export interface SessionLink {
  send(frame: ClientFrame): void;
  sessionId: string;
  listenRows(listener: (answer: RowsAnswer) => void): void;
}

const channels = new WeakMap<SessionLink, RowsChannel>();

/** The session's channel: made on first use, it then hears every `rows` frame of the page. */
export function rowsChannelOf(tree: SessionLink): RowsChannel {
  let channel = channels.get(tree);
  if (!channel) {
    channel = createRowsChannel(tree);
    channels.set(tree, channel);
    tree.listenRows(channel.receive);
  }
  return channel;
}

function createRowsChannel({ send, sessionId }: SessionLink): RowsChannel {
  let nextReq = 1;
  const waiting = new Map<number, { resolve: (answer: RowsAnswer) => void; timer: ReturnType<typeof setTimeout> }>();
  return {
    ask(request) {
      const req = nextReq++;
      const count = Math.min(request.count, MAX_ROWS_PER_REQUEST);
      return new Promise<RowsAnswer>((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(req);
          resolve({ t: "rows", req, table: request.table, total: 0, start: request.start, positions: [], data: [], error: "No answer from the session." });
        }, ANSWER_TIMEOUT_MS);
        waiting.set(req, { resolve, timer });
        send({ t: "rows", req, ...request, count });
      });
    },
    receive(answer) {
      const entry = waiting.get(answer.req);
      if (!entry) return;
      waiting.delete(answer.req);
      clearTimeout(entry.timer);
      entry.resolve(answer);
    },
    csvUrl(table, view) {
      const query = new URLSearchParams();
      if (view.sort && view.sort.length > 0) query.set("sort", JSON.stringify(view.sort));
      if (view.search) query.set("search", view.search);
      if (view.hideIndex) query.set("hide_index", "1");
      const qs = query.toString();
      return `/_stcore/table/${encodeURIComponent(sessionId)}/${encodeURIComponent(table)}.csv${qs ? `?${qs}` : ""}`;
    },
  };
}
