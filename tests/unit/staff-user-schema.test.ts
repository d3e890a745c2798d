import { fieldErrorsOf } from "@/lib/schemas/form-errors";
import { acceptInviteSchema, inviteStaffSchema, newPasswordSchema, passwordIsPersonal } from "@/lib/schemas/staff-user";

// The password policy and the invitation form's rules, as the form and the server action both apply them.

const errorsOf = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? {} : fieldErrorsOf(r.error as never);
};

describe("password policy", () => {
  it.each([
    ["Ein Satz aus Wörtern", true],
    ["Kurz-1!", false],
    ["aaaaaaaaaaaaaaaa", false],
    ["abcdefghijklmnop", false],
    ["123456789012", false],
    ["Passwort1234", false],
    [" führendes Leerzeichen", false],
    ["x".repeat(129), false],
    ["Grüße aus Pirmasens 🌲", true],
  ])("%j is accepted: %s", (password, ok) => {
    expect(newPasswordSchema.safeParse(password).success).toBe(ok);
  });

  it("names the problem", () => {
    expect(errorsOf(newPasswordSchema, "kurz")).toEqual({ _form: ["passwordTooShort"] });
    expect(
      errorsOf(acceptInviteSchema, {
        token: "A".repeat(43),
        password: "Ein Satz aus Wörtern",
        passwordConfirm: "anders",
      }),
    ).toEqual({
      passwordConfirm: ["passwordMismatch"],
    });
  });

  it("refuses passwords that contain the name or a part of the e-mail address", () => {
    const person = { email: "nora.neumann@stadt.example", name: "Nora Neumann" };
    expect(passwordIsPersonal("Neumann-im-Rathaus-2026", person)).toBe(true);
    expect(passwordIsPersonal("Ein Satz aus Wörtern", person)).toBe(false);
  });
});

describe("invitation form", () => {
  const valid = {
    name: "Nora Neumann",
    email: " Nora.Neumann@Stadt.Example ",
    role: "CLERK",
    officeIds: ["cmoffice1", "cmoffice1"],
  };

  it("normalises the address and drops repeated offices", () => {
    expect(inviteStaffSchema.parse(valid)).toEqual({
      name: "Nora Neumann",
      email: "nora.neumann@stadt.example",
      role: "CLERK",
      officeIds: ["cmoffice1"],
    });
  });

  it("needs an office for clerks and office admins, none for administrators", () => {
    expect(errorsOf(inviteStaffSchema, { ...valid, officeIds: [] })).toEqual({ officeIds: ["officeRequired"] });
    expect(errorsOf(inviteStaffSchema, { ...valid, role: "OFFICE_ADMIN", officeIds: [] })).toEqual({
      officeIds: ["officeRequired"],
    });
    expect(inviteStaffSchema.parse({ ...valid, role: "ADMIN" }).officeIds).toEqual([]);
  });
});
