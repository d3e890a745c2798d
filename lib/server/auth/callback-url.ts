// Where the browser goes after signing in. The target comes from the address bar (?callbackUrl=), so anyone can
// send a link with a hostile one: only a page of this site is followed, else the staff home page. The value is
// resolved the way a browser resolves it (tabs and newlines dropped, backslashes as slashes, "//host" as another
// host), so no spelling can lead elsewhere.

export const DEFAULT_CALLBACK = "/staff";

/** The same-origin path (with query and fragment) that `value` leads to from APP_URL, or the staff home page. */
export function safeCallbackPath(value: unknown, appUrl: string): string {
  // A repeated parameter arrives as a list: no guessing which one was meant.
  if (typeof value !== "string" || !value) return DEFAULT_CALLBACK;
  const base = new URL(appUrl);
  let target: URL;
  try {
    target = new URL(value, base);
  } catch {
    return DEFAULT_CALLBACK;
  }
  if (target.origin !== base.origin) return DEFAULT_CALLBACK;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // Used as a relative URL again, "//host/..." would name another host.
  if (!path.startsWith("/") || path.startsWith("//")) return DEFAULT_CALLBACK;
  return path;
}
