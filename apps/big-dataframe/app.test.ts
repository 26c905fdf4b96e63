import { expect, it } from "vitest";
import { AppTest } from "edgelit/testing";

it("shows a million rows of ten columns, every one of them in the session", async () => {
  const at = await AppTest.from_app("big-dataframe").run({ timeout: 30 });
  expect(at.title[0]!.value).toBe("1,000,000 rows × 10 columns");
  const table = at.dataframe[0]!.data;
  expect(table.rowCount).toBe(1_000_000);
  expect(table.columns.map((c) => c.name)).toEqual(["row", ...Array.from({ length: 9 }, (_, i) => `value ${i + 1}`)]);
  expect(at.dataframe[0]!.column_types.row).toBe("integer");
}, 60_000);
