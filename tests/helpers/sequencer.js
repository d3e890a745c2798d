// The order of a run: the integration suites first, while the end-to-end global setup builds the app in the
// background (the end-to-end suites wait for that build); then the end-to-end suites; the short unit suites last, to
// fill the workers that would otherwise idle at the end. Within each project the slowest suites go first, so that
// the run does not end with one long suite while the other workers sit idle: a suite's time from the previous run
// (Jest's own record) is the estimate, and a suite never run before (e.g. in a fresh clone) counts by its file size.
const Sequencer = require("@jest/test-sequencer").default;

const PROJECT_ORDER = ["integration", "e2e", "unit"];

class SlowestFirst extends Sequencer {
  sort(tests) {
    const key = new Map();
    for (const test of tests) {
      test.duration = this.time(test);
      const rank = PROJECT_ORDER.indexOf(test.context.config.displayName?.name);
      const size = test.context.hasteFS.getSize(test.path) ?? 0;
      key.set(test, { rank: rank < 0 ? PROJECT_ORDER.length : rank, known: test.duration != null, estimate: test.duration ?? size });
    }
    return [...tests].sort((a, b) => {
      const ka = key.get(a);
      const kb = key.get(b);
      if (ka.rank !== kb.rank) return ka.rank - kb.rank;
      // Suites with a recorded time before those without one (whose size says less), slowest first.
      if (ka.known !== kb.known) return ka.known ? -1 : 1;
      return kb.estimate - ka.estimate;
    });
  }
}

module.exports = SlowestFirst;
