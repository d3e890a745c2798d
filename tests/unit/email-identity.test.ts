import { emailColumns, emailCountingKey } from "@/lib/domain/email-identity";

// For counting bookings per person, all spellings of one mailbox are one key; different mailboxes stay apart.

describe("emailCountingKey", () => {
  it.each([
    ["same@example.org", "same@example.org"],
    [" Same@Example.ORG ", "same@example.org"],
    ["same+1@example.org", "same@example.org"],
    ["same+a+b@example.org", "same@example.org"],
    ["same+@example.org", "same@example.org"],
    ["same@example.org.", "same@example.org"],
    ["s.ame@gmail.com", "same@gmail.com"],
    ["S.A.M.E+spam@GMail.com", "same@gmail.com"],
    ["same@googlemail.com", "same@gmail.com"],
    ["first_last@gmail.com", "first_last@gmail.com"],
    // "+tag" alone, or dots alone, name no other mailbox.
    ["+tag@example.org", "+tag@example.org"],
    ["...@gmail.com", "...@gmail.com"],
    ["not-an-address", "not-an-address"],
  ])("%j counts as %j", (email, key) => expect(emailCountingKey(email)).toBe(key));

  it.each([
    ["s.ame@example.org", "same@example.org"],
    ["same@gmail.co", "same@gmail.com"],
    ["same-1@example.org", "same@example.org"],
    ["same@sub.example.org", "same@example.org"],
  ])("keeps %j and %j apart", (a, b) => expect(emailCountingKey(a)).not.toBe(emailCountingKey(b)));
});

describe("emailColumns", () => {
  it("stores the address as given beside its counting key, and neither without an address", () => {
    expect(emailColumns("A.b+x@googlemail.com")).toEqual({ email: "A.b+x@googlemail.com", emailKey: "ab@gmail.com" });
    expect(emailColumns(null)).toEqual({ email: null, emailKey: null });
  });
});
