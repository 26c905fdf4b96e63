import { describe, expect, it } from "vitest";
import { outboundRefusal } from "./egress.ts";

describe("an app's outbound requests", () => {
  it("go out to public hosts", () => {
    for (const url of ["https://api.github.com/repos", "http://example.com/x?y=1", "https://8.8.8.8/"]) expect(outboundRefusal(url, "edgelit.example")).toBeNull();
  });

  it("never reach the platform, another app's origin, local or private addresses, or other schemes", () => {
    const refused = [
      "https://edgelit.example/",
      "https://other-app.edgelit.example/_stcore/stream/x",
      "https://EDGELIT.EXAMPLE./",
      "http://localhost:8787/",
      "http://hello.localhost:8787/",
      "http://127.0.0.1/",
      "http://10.1.2.3/",
      "http://192.168.0.1/",
      "http://172.20.0.1/",
      "http://169.254.169.254/latest/meta-data",
      "http://[::1]/",
      "http://[fd00::1]/",
      "ftp://example.com/",
      "not a url",
    ];
    for (const url of refused) expect(outboundRefusal(url, "edgelit.example:443"), url).not.toBeNull();
  });
});
