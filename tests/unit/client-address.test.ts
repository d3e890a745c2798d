import { parseEnv } from "@/lib/server/env";
import {
  canonicalAddress,
  clientAddressFrom,
  PEER_ADDRESS_HEADER,
  UNKNOWN_CLIENT,
} from "@/lib/server/security/client-address";

// Who a client is: the socket's peer unless reverse proxies are configured, and then the entry the nearest trusted
// proxy appended. Whatever the client writes into X-Forwarded-For (or into the private peer header) is ignored.

const request = (peer: string | undefined, forwardedFor?: string) => {
  const headers = new Headers();
  if (peer !== undefined) headers.set(PEER_ADDRESS_HEADER, peer);
  if (forwardedFor !== undefined) headers.set("x-forwarded-for", forwardedFor);
  return headers;
};

describe("clientAddressFrom", () => {
  it("without proxies takes the socket's peer and ignores a forged X-Forwarded-For", () => {
    expect(clientAddressFrom(request("198.51.100.7"), 0)).toBe("198.51.100.7");
    for (let i = 0; i < 5; i++) {
      expect(clientAddressFrom(request("198.51.100.7", `203.0.113.${i}`), 0)).toBe("198.51.100.7");
    }
    expect(clientAddressFrom(request("198.51.100.7", "203.0.113.1, 203.0.113.2"), 0)).toBe("198.51.100.7");
  });

  it("behind N proxies takes the entry N places from the right of [...X-Forwarded-For, peer]", () => {
    // One proxy at 10.0.0.2 appended the client it saw; the client prepended two forged entries.
    expect(clientAddressFrom(request("10.0.0.2", "1.1.1.1, 2.2.2.2, 198.51.100.7"), 1)).toBe("198.51.100.7");
    // A CDN and a load balancer: the load balancer (the peer) appended the CDN's address, the CDN the client's.
    expect(clientAddressFrom(request("10.0.0.3", "1.1.1.1, 198.51.100.7, 192.0.2.10"), 2)).toBe("198.51.100.7");
    // Duplicate header lines arrive joined with a comma, the client's first.
    expect(clientAddressFrom(request("10.0.0.2", "1.1.1.1,198.51.100.8"), 1)).toBe("198.51.100.8");
  });

  it("with fewer entries than proxies takes the leftmost, never something the client could add on the right", () => {
    expect(clientAddressFrom(request("10.0.0.2"), 1)).toBe("10.0.0.2");
    expect(clientAddressFrom(request("10.0.0.2", "198.51.100.7"), 3)).toBe("198.51.100.7");
  });

  it("counts requests without a usable address in one shared bucket", () => {
    expect(clientAddressFrom(request(undefined), 0)).toBe(UNKNOWN_CLIENT);
    expect(clientAddressFrom(request(undefined, "198.51.100.7"), 0)).toBe(UNKNOWN_CLIENT);
    expect(clientAddressFrom(request("10.0.0.2", "1.1.1.1, garbage-123"), 1)).toBe(UNKNOWN_CLIENT);
    expect(clientAddressFrom(request("10.0.0.2", "1.1.1.1, "), 1)).toBe("1.1.1.1");
  });
});

describe("canonicalAddress", () => {
  it.each([
    ["198.51.100.7", "198.51.100.7"],
    [" 198.51.100.7 ", "198.51.100.7"],
    ["198.51.100.7:51234", "198.51.100.7"],
    ["::ffff:198.51.100.7", "198.51.100.7"],
    ["::FFFF:198.51.100.7", "198.51.100.7"],
    ["2001:DB8::1", "2001:db8::1"],
    ["[2001:db8::1]", "2001:db8::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
  ])("%j is %j", (raw, canonical) => expect(canonicalAddress(raw)).toBe(canonical));

  it.each(["", "unknown", "evil.example", "999.1.1.1", "198.51.100.7, 1.1.1.1", "[::1"])("%j is no address", (raw) =>
    expect(canonicalAddress(raw)).toBeUndefined(),
  );
});

describe("TRUSTED_PROXY_HOPS", () => {
  const base = { NEXTAUTH_SECRET: "x".repeat(32) };
  it("defaults to 0 and accepts a small whole number only", () => {
    expect(parseEnv(base).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ ...base, TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    for (const bad of ["-1", "1.5", "eins", "11"]) {
      expect(() => parseEnv({ ...base, TRUSTED_PROXY_HOPS: bad })).toThrow(/TRUSTED_PROXY_HOPS: /);
    }
  });
});
