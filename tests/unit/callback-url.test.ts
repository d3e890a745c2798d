import { DEFAULT_CALLBACK, safeCallbackPath } from "@/lib/server/auth/callback-url";

// After signing in, the browser follows ?callbackUrl= only to a page of this site: a table of hostile spellings that
// browsers resolve to another host, and the harmless ones that must keep working.

const APP_URL = "https://termine.stadt.de";

describe("safeCallbackPath", () => {
  it.each([
    // The reported ones: a backslash and a tab both turn "/x/host" into "//host" in a browser.
    "/\\evil.example/phish",
    "/\t/evil.example",
    "\t//evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "//evil.example",
    "///evil.example",
    "//evil.example/staff",
    // Absolute and scheme tricks.
    "https://evil.example/staff",
    "http://termine.stadt.de/staff",
    "https://termine.stadt.de.evil.example/staff",
    "https://termine.stadt.de@evil.example/staff",
    "HTTPS://EVIL.EXAMPLE",
    "javascript:alert(document.domain)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "mailto:a@evil.example",
    // A same-origin URL whose path, used again as a relative URL, names another host.
    "https://termine.stadt.de//evil.example",
    "/.//evil.example",
    // Nothing usable.
    "",
    "http://[invalid",
  ])("refuses %j", (value) => expect(safeCallbackPath(value, APP_URL)).toBe(DEFAULT_CALLBACK));

  it("refuses anything but a single string", () => {
    expect(safeCallbackPath(undefined, APP_URL)).toBe(DEFAULT_CALLBACK);
    expect(safeCallbackPath(["/staff/a", "//evil.example"], APP_URL)).toBe(DEFAULT_CALLBACK);
  });

  it.each([
    ["/staff", "/staff"],
    ["/staff/auslaenderbehoerde/kalender?woche=2027-01-04", "/staff/auslaenderbehoerde/kalender?woche=2027-01-04"],
    ["/staff/verwaltung#personal", "/staff/verwaltung#personal"],
    ["https://termine.stadt.de/staff/auswertung", "/staff/auswertung"],
    ["/staff/../admin", "/admin"],
    ["staff/a", "/staff/a"],
    // Spellings that look hostile but stay on this site, as a browser resolves them too.
    ["/%2F/evil.example", "/%2F/evil.example"],
    ["/\tevil.example", "/evil.example"],
    ["/ /evil.example", "/%20/evil.example"],
    ["https:evil.example", "/evil.example"],
    ["https:/evil.example", "/evil.example"],
  ])("follows %j to %j", (value, path) => expect(safeCallbackPath(value, APP_URL)).toBe(path));
});
