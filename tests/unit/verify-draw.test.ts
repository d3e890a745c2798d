import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { recordDraw, seedHashOf } from "@/lib/domain/release-draw";
import { main } from "@/prisma/verify-draw";
import { BERLIN, office } from "@/tests/helpers/scenario";

// Given the published record of a draw, the verification script recomputes it and says whether it matches.

const SEED = "5eed".repeat(16);

function publishedRecord() {
  const base = office(BERLIN).open("Mon-Fri", "08:00-10:00", { clerks: 2 }).service("pass", 30).now("2027-03-01 08:00").input();
  const requests = Array.from({ length: 12 }, (_, i) => ({
    id: `TV-R${i}`,
    serviceId: "pass",
    persons: 1,
    earliestDate: "2027-03-08",
    latestDate: "2027-03-12",
    weekdays: [1, 2, 3, 4, 5] as (1 | 2 | 3 | 4 | 5)[],
    dayParts: ["MORNING" as const],
  }));
  return recordDraw("round-1", {
    seed: SEED,
    periodFrom: "2027-03-08",
    periodTo: "2027-03-08",
    schedule: base.schedule,
    rules: base.rules,
    services: [base.service],
    occupied: [],
    now: base.now,
    requests,
  }).record;
}

function run(args: string[]) {
  const lines: string[] = [];
  return main(args, (line) => lines.push(line)).then((code) => ({ code, out: lines.join("\n") }));
}

describe("npm run verify-draw", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verify-draw-"));
  const write = (name: string, value: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value));
    return file;
  };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("verifies a genuine record, also against a seed hash noted before the draw", async () => {
    const file = write("genuine.json", publishedRecord());
    const { code, out } = await run([file]);
    expect(code).toBe(0);
    expect(out).toContain("12 requests, 8 times assigned");
    expect(out).toContain("matches SHA-256 of the seed");
    expect(out).toContain("identical to the published one");
    expect(out).toMatch(/VERIFIED$/);
    expect((await run([file, `--seed-hash=${seedHashOf(SEED)}`])).code).toBe(0);
    // Noted down in capitals, it is the same hash.
    expect((await run([file, `--seed-hash=${seedHashOf(SEED).toUpperCase()}`])).code).toBe(0);
    // As the API answers a drawn round: the record as its drawRecord.
    const round = write("round.json", { id: "round-1", seedHash: seedHashOf(SEED), drawRecord: publishedRecord() });
    expect((await run([round])).code).toBe(0);
  });

  it("refuses a record whose assignment was changed or whose seed is not the announced one", async () => {
    const record = publishedRecord();
    const moved = structuredClone(record);
    moved.assignment[0].requestId = record.requests.find((r) => !record.assignment.some((a) => a.requestId === r.id))!.id;
    const changed = await run([write("changed.json", moved)]);
    expect(changed.code).toBe(1);
    expect(changed.out).toContain("DIFFERS for 2 request(s)");
    expect(changed.out).toMatch(/NOT VERIFIED$/);

    const otherHash = await run([write("genuine2.json", record), `--seed-hash=${seedHashOf("0".repeat(64))}`]);
    expect(otherHash.code).toBe(1);
    expect(otherHash.out).toContain("DOES NOT match the seed");
  });

  it("says how to use it and refuses what is no record", async () => {
    expect((await run([])).code).toBe(2);
    expect((await run([write("nonsense.json", "{\"a\":1}")])).out).toContain("not a draw record");
    expect((await run([path.join(dir, "missing.json")])).code).toBe(2);
  });
});
