/** Resident memory of a server's processes, as /proc tells it (Linux). */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** Summed VmRSS of `pids`, KB; null when one of them is gone. */
export function rssKb(pids: number[]): number | null {
  let total = 0;
  for (const pid of pids) {
    try {
      const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
      if (!line) return null;
      total += Number(line.split(/\s+/)[1]);
    } catch {
      return null;
    }
  }
  return pids.length > 0 ? total : null;
}

/** The workerd processes in a process group (the `wrangler dev` the bench started). */
export function workerdPids(processGroup: number): number[] {
  try {
    return execFileSync("pgrep", ["-g", String(processGroup), "workerd"], { encoding: "utf8" }).trim().split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
