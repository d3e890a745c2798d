// A browser against the built app: generous, since the machine may be busy (Jest reads testTimeout only at the top level).
jest.setTimeout(180000);

// The app is built while other suites run (tests/e2e/global-setup.ts): wait for it, however long it takes, before
// the suite's own hooks start their clocks.
beforeAll(() => require("./e2e-build").waitForE2eBuild(), 60 * 60_000);
