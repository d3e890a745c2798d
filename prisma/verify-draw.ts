// Recomputes a release round's published draw and says whether it matches:
//
//   npm run verify-draw -- <record.json | https://<host>/api/v1/rounds/<id>> [--seed-hash=<hash>]
//
// The record is the JSON the round's public page offers for download after the draw (the API's round, whose
// drawRecord it reads, or a record saved on its own). The script checks that
// SHA-256 of the published seed is the hash published before the window opened (the record's own, or the one given
// with --seed-hash, e.g. as noted down before the draw), and recomputes the assignment with lib/domain/release-draw.ts,
// the code the office ran. Exit code 0 when both match, 1 when not, 2 on unusable input.
import fs from "node:fs";
import { type DrawRecord, verifyDrawRecord } from "../lib/domain/release-draw";

const USAGE = "Usage: npm run verify-draw -- <record.json | URL> [--seed-hash=<64 hex digits>]";

async function readRecord(source: string): Promise<DrawRecord> {
  const text = /^https?:\/\//.test(source) ? await (await fetch(source)).text() : fs.readFileSync(source, "utf8");
  const parsed = JSON.parse(text) as DrawRecord | { drawRecord?: DrawRecord | null };
  // The API's round (GET /api/v1/rounds/{id}) carries the record as drawRecord; a saved record is the record itself.
  const record = ("drawRecord" in parsed ? parsed.drawRecord : parsed) as DrawRecord;
  if (record?.version !== 1 || !Array.isArray(record.requests) || !Array.isArray(record.assignment)) {
    throw new Error("not a draw record (version 1)");
  }
  return record;
}

export async function main(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const source = argv.find((a) => !a.startsWith("--"));
  const seedHash = argv.find((a) => a.startsWith("--seed-hash="))?.slice("--seed-hash=".length);
  if (!source) {
    out(USAGE);
    return 2;
  }
  let record: DrawRecord;
  try {
    record = await readRecord(source);
  } catch (e) {
    out(`Cannot read the draw record: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const result = verifyDrawRecord(record, seedHash ?? record.seedHash);
  out(`Round ${record.roundId}: period ${record.periodFrom} to ${record.periodTo}, ${record.requests.length} requests, ${record.assignment.length} times assigned`);
  out(`Seed hash ${seedHash ?? record.seedHash}: ${result.seedMatchesHash ? "matches SHA-256 of the seed" : "DOES NOT match the seed"}`);
  out(
    result.assignmentMatches
      ? "Assignment: recomputed, identical to the published one"
      : `Assignment: DIFFERS for ${result.differences.length} request(s): ${result.differences.slice(0, 20).join(", ")}`,
  );
  const ok = result.seedMatchesHash && result.assignmentMatches;
  out(ok ? "VERIFIED" : "NOT VERIFIED");
  return ok ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
