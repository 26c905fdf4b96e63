import { describe, expect, it } from "vitest";
import { AppTest } from "edgelit/testing";

const CSV = "city,population\nOslo,709000\nBergen,291000\nTrondheim,212000\n";

describe("the CSV explorer app", () => {
  it("asks for a file, then shows the parsed CSV and offers the edited one for download", async () => {
    const at = await AppTest.from_app("upload-csv").run();
    expect(at.info[0]!.value).toBe("Upload a CSV file to begin.");
    await at.file_uploader[0]!.upload([{ name: "cities.csv", data: CSV }]).run();
    expect(at.exception).toHaveLength(0);
    expect(at.caption[0]!.value).toBe("cities.csv: 3 rows, 2 columns");
    expect(at.dataframe[0]!.value).toEqual([
      { city: "Oslo", population: 709000 },
      { city: "Bergen", population: 291000 },
      { city: "Trondheim", population: 212000 },
    ]);
    expect(at.metric[0]!.value).toBe("1,212,000");
    const download = at.download_button[0]!;
    expect([download.file_name, download.mime]).toEqual(["edited-cities.csv", "text/csv"]);
    expect(await download.data_text()).toBe("city,population\r\nOslo,709000\r\nBergen,291000\r\nTrondheim,212000");

    const json = at.download_button[1]!;
    expect([json.file_name, json.mime, json.props.deferred, json.props.ignore_rerun]).toEqual(["cities.json", "application/json", true, true]);
    expect(JSON.parse(await json.data_text())).toHaveLength(3);

    await at.text_input[0]!.input("berg").run();
    await at.multiselect[0]!.unselect("population").run();
    expect(at.dataframe[0]!.value).toEqual([{ city: "Bergen" }]);
    expect(await at.download_button[0]!.data_text()).toBe("city\r\nBergen");
  });

  it("refuses a file that is not a CSV", async () => {
    const at = await AppTest.from_app("upload-csv").run();
    await expect(at.file_uploader[0]!.upload([{ name: "notes.txt", data: "hello" }]).run()).rejects.toThrow(/not allowed/);
  });
});
