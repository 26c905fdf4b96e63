import { For, Show, type JSX } from "solid-js";
import { cellText, isNumeric } from "../data/cells.ts";
import type { LeafElementProps } from "../types.ts";
import "./Table.css";

/** `st.table`: a static table of every row, each headed by its index label (0, 1, ... for a RangeIndex), as pandas prints it. */
export function Table(props: LeafElementProps<"table">): JSX.Element {
  const t = () => props.node.props.table;
  const rowIndexes = () => Array.from({ length: t().data[0]?.length ?? 0 }, (_, i) => i);
  return (
    <div class="stTable" data-testid="stTable">
      <div class="table-border">
        <table data-testid="stTableStyledTable">
          <Show when={t().columns.length > 0}>
            <thead>
              <tr>
                <th scope="col">{"\u00a0"}</th>
                <For each={t().columns}>{(column) => <th scope="col">{column.name || "\u00a0"}</th>}</For>
              </tr>
            </thead>
          </Show>
          <tbody>
            <Show
              when={rowIndexes().length > 0}
              fallback={
                <tr>
                  <td class="empty-table" data-testid="stTableStyledEmptyTableCell" colSpan={t().columns.length + 1}>
                    empty
                  </td>
                </tr>
              }
            >
              <For each={rowIndexes()}>
                {(row) => (
                  <tr>
                    <th scope="row">{t().index && t().index_data ? cellText(t().index_data![row]!, t().index!, "pandas") : row}</th>
                    <For each={t().columns}>
                      {(column, c) => <td class={isNumeric(column) ? "numeric" : undefined}>{cellText(t().data[c()]![row]!, column, "pandas")}</td>}
                    </For>
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
