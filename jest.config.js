// Three kinds of tests: pure unit tests, integration tests against real SQLite and PostgreSQL databases and a real
// SMTP server, and end-to-end tests that drive the built app in headless Chromium.
const os = require("node:os");
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", tsx: true },
      transform: { react: { runtime: "automatic" } },
      target: "es2022",
    },
    module: { type: "commonjs" },
  },
];

const common = {
  transform: { "^.+\\.(t|j)sx?$": swc, "^.+\\.mjs$": swc },
  transformIgnorePatterns: [
    "/node_modules/(?!(@fullcalendar|@full-ui|temporal-polyfill|temporal-utils|temporal-spec|@react-email|ical\\.js|next-intl|use-intl|icu-minify|@schummar|@formatjs|intl-messageformat)/)",
  ],
  moduleNameMapper: {
    "^@/(.*)$": "<rootDir>/$1",
    "^server-only$": "<rootDir>/tests/helpers/server-only-stub.js",
    // The generated clients load the query compiler as ES modules; the runtime ships CommonJS copies.
    "^@prisma/client/runtime/(query_compiler_.*)\\.mjs$": "@prisma/client/runtime/$1.js",
  },
  testEnvironment: "node",
  setupFiles: ["<rootDir>/tests/helpers/suite-async-storage.js"],
};

/** @type {import('jest').Config} */
module.exports = {
  // Jest's default is one worker less than the cores: on a 2-core machine one, which runs every suite in turn. The
  // suites often wait (for `next start`, Chromium, PostgreSQL, timers), so one worker more than the cores runs: with
  // two on two cores, the cores were idle a sixth of the end-to-end part of a run. Every suite has databases, app
  // servers and ports of its own. `--maxWorkers N` on the command line overrides it.
  maxWorkers: os.availableParallelism() + 1,
  // Slowest suites first (tests/helpers/sequencer.js).
  testSequencer: "<rootDir>/tests/helpers/sequencer.js",
  projects: [
    { ...common, displayName: "unit", testMatch: ["<rootDir>/tests/unit/**/*.test.ts?(x)"] },
    {
      ...common,
      displayName: "integration",
      testMatch: ["<rootDir>/tests/integration/**/*.test.ts?(x)"],
      setupFilesAfterEnv: ["<rootDir>/tests/helpers/timeout-integration.js"],
    },
    {
      ...common,
      displayName: "e2e",
      testMatch: ["<rootDir>/tests/e2e/**/*.test.ts"],
      testEnvironment: "<rootDir>/tests/e2e/environment.ts",
      globalSetup: "<rootDir>/tests/e2e/global-setup.ts",
      globalTeardown: "<rootDir>/tests/e2e/global-teardown.ts",
      setupFilesAfterEnv: ["<rootDir>/tests/helpers/timeout-e2e.js"],
    },
  ],
};
