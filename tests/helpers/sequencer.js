// The order of a run: the integration suites first, while the end-to-end global setup builds the app in the
// background (the end-to-end suites wait for that build); then the end-to-end suites; the short unit suites last, to
// fill the workers that would otherwise idle at the end. Within each project the slowest suites go first, so that
// the run does not end with one long suite while the other workers sit idle. A suite's time is Jest's own record
// from this checkout's previous run; a fresh checkout (CI) has none, so the times of a full run on the reference
// machine, kept in tests/suite-times.json (`npm run test:times` renews them), stand in; a suite in neither counts by
// its file size.
const fs = require("node:fs");
const path = require("node:path");
const Sequencer = require("@jest/test-sequencer").default;

const PROJECT_ORDER = ["integration", "e2e", "unit"];
const TIMES_FILE = path.join(__dirname, "..", "suite-times.json");

function recordedTimes() {
  try {
    return JSON.parse(fs.readFileSync(TIMES_FILE, "utf8"));
  } catch {
    return {};
  }
}

class SlowestFirst extends Sequencer {
  sort(tests) {
    const recorded = recordedTimes();
    const key = new Map();
    for (const test of tests) {
      const relative = path.relative(test.context.config.rootDir, test.path).split(path.sep).join("/");
      const fromFile = recorded[relative] == null ? undefined : recorded[relative] * 1000;
      test.duration = this.time(test) ?? fromFile;
      const rank = PROJECT_ORDER.indexOf(test.context.config.displayName?.name);
      const size = test.context.hasteFS.getSize(test.path) ?? 0;
      key.set(test, { rank: rank < 0 ? PROJECT_ORDER.length : rank, known: test.duration != null, estimate: test.duration ?? size });
    }
    return [...tests].sort((a, b) => {
      const ka = key.get(a);
      const kb = key.get(b);
      if (ka.rank !== kb.rank) return ka.rank - kb.rank;
      // Suites with a known time before those without one (whose size says less), slowest first.
      if (ka.known !== kb.known) return ka.known ? -1 : 1;
      return kb.estimate - ka.estimate;
    });
  }
}

module.exports = SlowestFirst;
