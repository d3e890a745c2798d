import fs from "node:fs";
import path from "node:path";

// Writes tests/suite-times.json, the suite times the test sequencer (tests/helpers/sequencer.js) orders a fresh
// checkout by, from the JSON report of a full run on the reference machine:
//   npx jest --json --outputFile=/tmp/jest-report.json && npm run test:times -- /tmp/jest-report.json

interface Report {
  testResults: { name: string; startTime: number; endTime: number }[];
}

const ROOT = path.resolve(__dirname, "..", "..");
const reportFile = process.argv[2];
if (!reportFile) {
  console.error("usage: npm run test:times -- <jest --json report>");
  process.exit(2);
}
/** tests/... of the suite, whichever checkout the report was made in. */
function relativeName(file: string): string {
  const name = file.split(path.sep).join("/");
  return name.slice(name.lastIndexOf("/tests/") + 1);
}

const report = JSON.parse(fs.readFileSync(reportFile, "utf8")) as Report;
const times = Object.fromEntries(
  report.testResults
    .map((r) => [relativeName(r.name), Math.round((r.endTime - r.startTime) / 100) / 10] as const)
    .sort(([a], [b]) => a.localeCompare(b)),
);
fs.writeFileSync(path.join(ROOT, "tests", "suite-times.json"), `${JSON.stringify(times, null, 1)}\n`);
console.log(`${Object.keys(times).length} suite times written to tests/suite-times.json`);
