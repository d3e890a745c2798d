import {
  REFERENCE_CODE_ALPHABET,
  REFERENCE_CODE_RANDOM_BYTES,
  normalizeReferenceCode,
  referenceCodeFrom,
} from "@/lib/domain";
import { completeReferenceCode } from "@/lib/domain/booking-code";
import { seededRandom } from "@/tests/helpers/scenario";

const bytes = (...values: number[]) => Uint8Array.from(values);
const randomBytes = (random: () => number) =>
  Uint8Array.from({ length: REFERENCE_CODE_RANDOM_BYTES }, () => Math.floor(random() * 256));

describe("referenceCodeFrom", () => {
  it("uses an alphabet without 0, O, 1, I and L", () => {
    expect(REFERENCE_CODE_ALPHABET).toHaveLength(31);
    for (const ambiguous of ["0", "O", "1", "I", "L"]) expect(REFERENCE_CODE_ALPHABET).not.toContain(ambiguous);
    expect(new Set(REFERENCE_CODE_ALPHABET).size).toBe(REFERENCE_CODE_ALPHABET.length);
  });

  it("writes the random number in base 31, most significant symbol first", () => {
    expect(referenceCodeFrom(bytes(0, 0, 0, 0, 0, 0, 0, 0))).toBe("TV-2222-2222");
    expect(referenceCodeFrom(bytes(0, 0, 0, 0, 0, 0, 0, 1))).toBe("TV-2222-2223");
    expect(referenceCodeFrom(bytes(0, 0, 0, 0, 0, 0, 0, 30))).toBe("TV-2222-222Z");
    expect(referenceCodeFrom(bytes(0, 0, 0, 0, 0, 0, 0, 31))).toBe("TV-2222-2232");
    // 256 = 8 * 31 + 8
    expect(referenceCodeFrom(bytes(0, 0, 0, 0, 0, 0, 1, 0))).toBe("TV-2222-22AA");
  });

  it("depends on the first eight bytes only, and on each of them", () => {
    const base = bytes(9, 8, 7, 6, 5, 4, 3, 2);
    expect(referenceCodeFrom(bytes(9, 8, 7, 6, 5, 4, 3, 2, 255, 255))).toBe(referenceCodeFrom(base));
    for (let i = 0; i < 8; i++) {
      const changed = Uint8Array.from(base);
      changed[i] ^= 1;
      expect(referenceCodeFrom(changed)).not.toBe(referenceCodeFrom(base));
    }
  });

  it("refuses too few random bytes", () => {
    expect(() => referenceCodeFrom(new Uint8Array(REFERENCE_CODE_RANDOM_BYTES - 1))).toThrow(RangeError);
  });

  it("spreads random input evenly over all symbols and gives distinct codes", () => {
    const random = seededRandom(42);
    const codes = Array.from({ length: 4000 }, () => referenceCodeFrom(randomBytes(random)));
    const pattern = new RegExp(`^TV-[${REFERENCE_CODE_ALPHABET}]{4}-[${REFERENCE_CODE_ALPHABET}]{4}$`);
    expect(codes.filter((c) => !pattern.test(c))).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);

    const counts = new Map<string, number>();
    for (const code of codes) for (const ch of code.slice(3).replace("-", "")) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    const expected = (codes.length * 8) / REFERENCE_CODE_ALPHABET.length;
    expect(counts.size).toBe(REFERENCE_CODE_ALPHABET.length);
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.15);
  });
});

describe("completeReferenceCode", () => {
  it("is a code only once it is typed in full with its prefix, so typing never stops half-way", () => {
    expect(completeReferenceCode("TV-7K3M-Q9XA")).toBe("TV-7K3M-Q9XA");
    expect(completeReferenceCode("tv 7k3m q9xa")).toBe("TV-7K3M-Q9XA");
    // Eight symbols of a code typed with its prefix are not yet the code, though they would normalize to one.
    expect(normalizeReferenceCode("TV7K3MQ9")).toBe("TV-TV7K-3MQ9");
    expect(completeReferenceCode("TV7K3MQ9")).toBeNull();
    expect(completeReferenceCode("TV-7K3M-Q9X")).toBeNull();
    expect(completeReferenceCode("7K3MQ9XA")).toBeNull();
    expect(completeReferenceCode("TV-7K3M-Q9XL")).toBeNull();
    expect(completeReferenceCode("Müller")).toBeNull();
  });
});

describe("normalizeReferenceCode", () => {
  it("accepts what people type: any case, spaces or dashes, with or without prefix", () => {
    expect(normalizeReferenceCode("TV-7K3M-Q9XA")).toBe("TV-7K3M-Q9XA");
    expect(normalizeReferenceCode(" tv 7k3m q9xa ")).toBe("TV-7K3M-Q9XA");
    expect(normalizeReferenceCode("7K3MQ9XA")).toBe("TV-7K3M-Q9XA");
    expect(normalizeReferenceCode("TV\u20137K3M\u2013Q9XA")).toBe("TV-7K3M-Q9XA");
  });

  it("rejects codes with characters outside the alphabet or of the wrong length", () => {
    expect(normalizeReferenceCode("TV-0K3M-Q9XA")).toBeNull();
    expect(normalizeReferenceCode("TV-7K3M-Q9XL")).toBeNull();
    expect(normalizeReferenceCode("TV-7K3M-Q9X")).toBeNull();
    expect(normalizeReferenceCode("TV-7K3M-Q9XAB")).toBeNull();
    expect(normalizeReferenceCode("")).toBeNull();
  });

  it("round-trips every generated code", () => {
    const random = seededRandom(7);
    for (let i = 0; i < 200; i++) {
      const code = referenceCodeFrom(randomBytes(random));
      expect(normalizeReferenceCode(code.toLowerCase())).toBe(code);
    }
  });
});
