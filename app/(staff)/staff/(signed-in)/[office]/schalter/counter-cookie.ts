// The counter a workstation works at, per office: a cookie on the office's staff paths (not a secret; the services
// check the counter and the clerk on every action).

export const COUNTER_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export function counterCookieName(officeSlug: string): string {
  return `tv_counter_${officeSlug.replace(/[^a-z0-9]/g, "_")}`;
}
