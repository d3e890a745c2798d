import { generateKeyPairSync, randomBytes } from "node:crypto";
import { canonicalStatement, type ReceiptStatement } from "@/lib/schemas/receipt";
import { parseEnv } from "@/lib/server/env";

// The receipt key's configuration is validated at start-up like every setting, and a code verifies only with the
// key that signed it: a receipt from another installation (or after a key change) is not genuine here.

const SECRET = "unit-secret-unit-secret-unit-secret-1234";
const base = { NODE_ENV: "test", NEXTAUTH_SECRET: SECRET } as const;

describe("RECEIPT_SIGNING_KEY", () => {
  it("takes base64 of a 32-byte seed or of an Ed25519 PKCS#8 key, and refuses anything else at start-up", () => {
    const pkcs8 = generateKeyPairSync("ed25519").privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
    expect(parseEnv({ ...base, RECEIPT_SIGNING_KEY: randomBytes(32).toString("base64") }).RECEIPT_SIGNING_KEY).toBeDefined();
    expect(parseEnv({ ...base, RECEIPT_SIGNING_KEY: pkcs8 }).RECEIPT_SIGNING_KEY).toBe(pkcs8);
    expect(parseEnv(base).RECEIPT_SIGNING_KEY).toBeUndefined();
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ format: "der", type: "pkcs8" });
    for (const wrong of [randomBytes(31).toString("base64"), rsa.toString("base64"), "not base64!", ""]) {
      expect(() => parseEnv({ ...base, RECEIPT_SIGNING_KEY: wrong })).toThrow(/RECEIPT_SIGNING_KEY/);
    }
  });
});

const statement: Omit<ReceiptStatement, "keyId"> = {
  v: 1,
  number: "TV-ABCD-EFGH",
  office: "Ausländerbehörde",
  authority: "Stadt Pirmasens",
  service: "Aufenthaltserlaubnis beantragen",
  filedAt: "2026-10-25T00:30:00.000Z",
  timeZone: "Europe/Berlin",
  givenName: "أميرة",
  familyName: "Haddad",
  dateOfBirth: "1990-03-27",
  permitExpiresOn: "2026-10-31",
  note: null,
};

/** The signing module with a fresh configuration (it reads env() once per key). */
function withKey(key: string | undefined) {
  jest.resetModules();
  process.env.NEXTAUTH_SECRET = SECRET;
  if (key === undefined) delete process.env.RECEIPT_SIGNING_KEY;
  else process.env.RECEIPT_SIGNING_KEY = key;
  return require("@/lib/server/security/receipt-signing") as typeof import("@/lib/server/security/receipt-signing");
}

describe("signing and checking a receipt", () => {
  const saved = { ...process.env };
  afterAll(() => {
    process.env = saved;
  });

  it("verifies what it signed, in its canonical form, and nothing signed by another key", () => {
    const mine = withKey(randomBytes(32).toString("base64"));
    const signed = mine.signStatement(statement);
    expect(signed.payload).toBe(canonicalStatement({ ...statement, keyId: signed.keyId }));
    const code = mine.receiptCode(signed);
    expect(mine.verifyReceiptCode(code)).toEqual({ genuine: true, statement: { ...statement, keyId: signed.keyId } });
    // The same statement with its keys reordered is not the signed bytes.
    const reordered = Buffer.from(JSON.stringify({ keyId: signed.keyId, ...statement })).toString("base64url");
    expect(mine.verifyReceiptCode(`${reordered}.${signed.signature}`)).toEqual({ genuine: false });
    const other = withKey(randomBytes(32).toString("base64"));
    expect(other.verifyReceiptCode(code)).toEqual({ genuine: false });
  });

  it("derives a stable key from the session secret when none is configured", () => {
    const first = withKey(undefined);
    const code = first.receiptCode(first.signStatement(statement));
    expect(withKey(undefined).verifyReceiptCode(code).genuine).toBe(true);
  });
});
