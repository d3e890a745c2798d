import { cachedConfig } from "@/lib/server/db/config-cache";
import type { Db } from "@/lib/server/db/client";

// The configuration cache's rules, with a stand-in for the database client (the cache only keys by it).

const client = () => ({}) as Db;

function loader<T>(values: T[]) {
  let calls = 0;
  return {
    load: async () => values[Math.min(calls++, values.length - 1)],
    get calls() {
      return calls;
    },
  };
}

it("keeps a value while the revision is unchanged and reads again under a new one", async () => {
  const db = client();
  const office = loader(["v1", "v2"]);
  expect(await cachedConfig(db, 7, "office:a", office.load)).toBe("v1");
  expect(await cachedConfig(db, 7, "office:a", office.load)).toBe("v1");
  expect(office.calls).toBe(1);
  expect(await cachedConfig(db, 8, "office:a", office.load)).toBe("v2");
  expect(office.calls).toBe(2);
});

it("lets a request with an older revision read for itself without replacing the newer entry", async () => {
  const db = client();
  const office = loader(["new", "old", "never"]);
  await cachedConfig(db, 9, "office:a", office.load);
  expect(await cachedConfig(db, 8, "office:a", office.load)).toBe("old");
  expect(await cachedConfig(db, 9, "office:a", office.load)).toBe("new");
  expect(office.calls).toBe(2);
});

it("caches nothing without a revision, keeps no failure, and keeps clients and keys apart", async () => {
  const db = client();
  const office = loader(["a", "b", "c"]);
  await cachedConfig(db, null, "office:a", office.load);
  await cachedConfig(db, null, "office:a", office.load);
  expect(office.calls).toBe(2);

  let fail = true;
  const flaky = async () => {
    if (fail) throw new Error("connection lost");
    return "read";
  };
  await expect(cachedConfig(db, 1, "office:b", flaky)).rejects.toThrow("connection lost");
  fail = false;
  expect(await cachedConfig(db, 1, "office:b", flaky)).toBe("read");

  const other = loader(["other"]);
  expect(await cachedConfig(client(), 1, "office:b", other.load)).toBe("other");
  expect(await cachedConfig(db, 1, "office:c", other.load)).toBe("other");
  expect(other.calls).toBe(2);
});

it("shares one read among requests that arrive while it runs", async () => {
  const db = client();
  let release!: (value: string) => void;
  let calls = 0;
  const slow = () => {
    calls++;
    return new Promise<string>((resolve) => (release = resolve));
  };
  const both = Promise.all([cachedConfig(db, 1, "k", slow), cachedConfig(db, 1, "k", slow)]);
  release("once");
  expect(await both).toEqual(["once", "once"]);
  expect(calls).toBe(1);
});

it("holds a bounded number of entries, dropping the oldest", async () => {
  const db = client();
  const first = loader(["first", "again"]);
  await cachedConfig(db, 1, "key-0", first.load);
  for (let i = 1; i <= 500; i++) await cachedConfig(db, 1, `key-${i}`, async () => i);
  expect(await cachedConfig(db, 1, "key-0", first.load)).toBe("again");
});
