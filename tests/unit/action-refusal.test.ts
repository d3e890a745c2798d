const mockLogged: unknown[][] = [];
jest.mock("@/lib/server/log", () => ({
  componentLog: () => ({ error: (...args: unknown[]) => mockLogged.push(args), warn: (...args: unknown[]) => mockLogged.push(args) }),
}));

import { redirect } from "next/navigation";
import { failureCode, refusalOf } from "@/lib/server/actions/refusal";
import { AppError, fieldError } from "@/lib/server/errors";

// How a server action answers a use case that failed: translation keys only, in the one form shape.

beforeEach(() => {
  mockLogged.length = 0;
});

it("a field the service refused is answered under that field", () => {
  expect(refusalOf(fieldError("slug", "slugTaken"), "test")).toEqual({ fieldErrors: { slug: ["slugTaken"] } });
});

it("any other AppError is answered by its code, and nothing is logged", () => {
  expect(refusalOf(new AppError("SLOT_TAKEN"), "test")).toEqual({ formError: "SLOT_TAKEN" });
  expect(failureCode(new AppError("FORBIDDEN"), "test")).toBe("FORBIDDEN");
  expect(mockLogged).toEqual([]);
});

it("an unexpected error is UNEXPECTED and logged by its type only, never its message", () => {
  const e = new TypeError("amira.haddad@example.org not found");
  expect(refusalOf(e, "wizard")).toEqual({ formError: "UNEXPECTED" });
  expect(JSON.stringify(mockLogged)).not.toContain("amira");
  expect(mockLogged).toEqual([[{ action: "wizard", error: "TypeError" }, "unexpected error"]]);
});

it("a database too busy for the action is BUSY: nothing was written, and trying again shortly works", () => {
  const busy = Object.assign(new Error("Unable to start a transaction in the given time."), { code: "P2028" });
  expect(refusalOf(busy, "wizard")).toEqual({ formError: "BUSY" });
  expect(mockLogged).toEqual([[{ action: "wizard" }, "database busy"]]);
});

it("Next's redirect passes through", () => {
  let thrown: unknown;
  try {
    redirect("/staff/login");
  } catch (e) {
    thrown = e;
  }
  expect(() => refusalOf(thrown, "staff")).toThrow(thrown as Error);
});
