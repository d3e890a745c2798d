import { BlockList, isIP } from "node:net";

// Webhook URLs are typed in by administrators, but a call to them comes from inside the city's network: without a
// guard an endpoint could reach the database, a metadata service or an admin page on the same host. In production
// every address a host name resolves to is checked at connection time (so a DNS answer that changes between the
// check and the call cannot slip through), unless WEBHOOK_ALLOW_PRIVATE_NETWORKS says the receivers live there.

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this" network
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata services
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96], // NAT64 reaches IPv4 addresses through it
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** Whether an IP address is loopback, private, link-local or otherwise not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, "ipv4");
  if (family !== 6) return true; // not an address at all: never connect to it
  // An IPv4 address written as IPv6 (::ffff:10.0.0.1 or ::ffff:a00:1) is that IPv4 address.
  const mapped = /^(?:0{0,4}:){0,5}:?ffff:(.+)$/i.exec(bare)?.[1];
  if (mapped) {
    if (isIP(mapped) === 4) return blocked.check(mapped, "ipv4");
    const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(mapped);
    if (hex) {
      const n = (parseInt(hex[1], 16) << 16) | parseInt(hex[2], 16);
      return blocked.check([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join("."), "ipv4");
    }
  }
  return blocked.check(bare, "ipv6");
}

/** Names that always mean this machine or the local network, refused before any lookup. */
export function isLocalHostName(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal");
}

/**
 * What can be told from the URL alone: a literal private address or a local name is refused (null when fine).
 * Host names are checked again, resolved, when the call is made.
 */
export function privateUrlProblem(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return isPrivateAddress(host) ? `refused: ${host} is not a public address` : null;
  return isLocalHostName(host) ? `refused: ${host} is a local name` : null;
}
