// Jest gives each suite fresh copies of the modules it loads, but `node:async_hooks` is one module per worker
// process. Every AsyncLocalStorage that a suite's modules start (Next's request stores, Playwright's zones, the
// request mocks' cookie jars) stays registered with it after the suite has ended, and Node calls each registered
// store on every promise the worker creates from then on: towards the end of a run, dozens of calls per promise, for
// stores nothing can reach any more. So the stores made during one suite are released when the worker's next suite
// starts (this file runs first in every suite).
const asyncHooks = require("node:async_hooks");

const MADE = Symbol.for("terminvergabe.tests.suiteAsyncStorages");
if (!asyncHooks[MADE]) {
  const made = [];
  const Base = asyncHooks.AsyncLocalStorage;
  asyncHooks.AsyncLocalStorage = class SuiteAsyncLocalStorage extends Base {
    constructor(...args) {
      super(...args);
      made.push(this);
    }
  };
  asyncHooks[MADE] = made;
}
for (const storage of asyncHooks[MADE].splice(0)) storage.disable();
