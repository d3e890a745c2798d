import { ACCOUNT_FREE_FAILURES, ACCOUNT_MAX_DELAY_MS, accountDelayMs } from "@/lib/server/auth/throttle";
import { signInProblem, throttledError } from "@/lib/schemas/sign-in";

// The account's delay grows with each failure from anywhere and is capped; the login form tells how long to wait.

describe("accountDelayMs", () => {
  it.each([
    [0, 0],
    [ACCOUNT_FREE_FAILURES - 1, 0],
    [ACCOUNT_FREE_FAILURES, 1000],
    [ACCOUNT_FREE_FAILURES + 1, 2000],
    [ACCOUNT_FREE_FAILURES + 8, 256_000],
    [ACCOUNT_FREE_FAILURES + 9, ACCOUNT_MAX_DELAY_MS],
    [1000, ACCOUNT_MAX_DELAY_MS],
  ])("after %i failures waits %i ms", (failures, ms) => expect(accountDelayMs(failures)).toBe(ms));
});

describe("signInProblem", () => {
  it.each([
    [throttledError(1), { key: "throttledSeconds", values: { seconds: 1 } }],
    [throttledError(0.2), { key: "throttledSeconds", values: { seconds: 1 } }],
    [throttledError(59), { key: "throttledSeconds", values: { seconds: 59 } }],
    [throttledError(60), { key: "throttledMinutes", values: { minutes: 1 } }],
    [throttledError(61), { key: "throttledMinutes", values: { minutes: 2 } }],
    [throttledError(900), { key: "throttledMinutes", values: { minutes: 15 } }],
    ["THROTTLED", { key: "throttled" }],
    ["CredentialsSignin", { key: "failed" }],
    ["THROTTLED:abc", { key: "failed" }],
    [undefined, { key: "failed" }],
  ])("%j reads as %j", (error, problem) => expect(signInProblem(error)).toEqual(problem));
});
