import { launchBrowser } from "../helpers/browser";

// The end-to-end environment's browser (tests/e2e/environment.ts): every launchBrowser call is a fresh context in
// the worker's one Chromium, with its own cookies and viewport; what a suite leaves open is closed after it; a
// browser that died is replaced for the next call.

it("gives each call its own context in the worker's one browser", async () => {
  const [a, b] = [await launchBrowser({ width: 360, height: 800 }), await launchBrowser({ width: 1280, height: 900 })];
  try {
    expect(a.browser()).toBe(b.browser());
    expect(a).not.toBe(b);
    // Nothing left over from a suite that ran before in this worker: the environment closed what it left open.
    expect(a.browser()!.contexts()).toEqual([a, b]);
    const [pageA, pageB] = [await a.newPage(), await b.newPage()];
    await pageA.goto("data:text/html,<title>a</title>");
    await pageB.goto("data:text/html,<title>b</title>");
    expect(await pageA.evaluate(() => window.innerWidth)).toBe(360);
    expect(await pageB.evaluate(() => window.innerWidth)).toBe(1280);
    await a.addCookies([{ name: "only", value: "a", url: "http://localhost/" }]);
    expect(await b.cookies("http://localhost/")).toEqual([]);
  } finally {
    await a.close();
    await b.close();
  }
});

it("replaces a browser that died", async () => {
  const first = await launchBrowser();
  const dead = first.browser()!;
  await dead.close();
  expect(dead.isConnected()).toBe(false);
  const next = await launchBrowser();
  try {
    expect(next.browser()).not.toBe(dead);
    const page = await next.newPage();
    await page.goto("data:text/html,<title>wieder da</title>");
    expect(await page.title()).toBe("wieder da");
  } finally {
    await next.close();
  }
});
