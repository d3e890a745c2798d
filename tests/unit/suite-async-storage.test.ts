import { AsyncLocalStorage } from "node:async_hooks";

// tests/helpers/suite-async-storage.js, which Jest runs first in every suite: the stores an earlier suite of the
// worker started are stopped, so that Node no longer calls them on every promise.

it("stops the stores started before it runs again, as at the start of the worker's next suite", () => {
  const store = new AsyncLocalStorage<string>();
  store.enterWith("from an earlier suite");
  expect(store.getStore()).toBe("from an earlier suite");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  jest.isolateModules(() => require("../helpers/suite-async-storage.js"));
  expect(store.getStore()).toBeUndefined();
  // A store still in use starts again with its next run.
  expect(store.run("again", () => store.getStore())).toBe("again");
});
