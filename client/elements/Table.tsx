import { For, Show, type JSX } from "solid-js";
import type { LeafElementProps } from "../types.ts";
import "./Table.css";

type Cell = string | number | boolean | null;

/** `st.table`: a static table, each row headed by its index (0, 1, ...) as Streamlit shows a DataFrame's. */
export function Table(props: LeafElementProps<"table">): JSX.Element {
  const p = () => props.node.props;
  return (
    <div class="stTable" data-testid="stTable">
      <div class="table-border">
        <table data-testid="stTableStyledTable">
          <Show when={p().columns.length > 0}>
            <thead>
              <tr>
                <th scope="col">{"\u00a0"}</th>
                <For each={p().columns}>{(column) => <th scope="col">{column || "\u00a0"}</th>}</For>
              </tr>
            </thead>
          </Show>
          <tbody>
            <Show
              when={p().rows.length > 0}
              fallback={
                <tr>
                  <td class="empty-table" data-testid="stTableStyledEmptyTableCell" colSpan={p().columns.length + 1}>
                    empty
                  </td>
                </tr>
              }
            >
              <For each={p().rows}>
                {(row, index) => (
                  <tr>
                    <th scope="row">{index()}</th>
                    <For each={row}>{(cell) => <td class={typeof cell === "number" ? "numeric" : undefined}>{format(cell)}</td>}</For>
                  </tr>
                )}
              </For>
            </Show>
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** As pandas prints cells: None for a missing value, True/False for booleans. */
function format(cell: Cell): string {
  if (cell === null) return "None";
  if (typeof cell === "boolean") return cell ? "True" : "False";
  return String(cell);
}
