import { describe, expect, it } from "vitest";
import { clientAddress, limitKeyForAddress } from "@/server/client-ip";

describe("the client's address", () => {
  it("is the socket's address when no proxy is trusted, whatever the client claims", () => {
    expect(clientAddress("198.51.100.7", "203.0.113.1", 0)).toBe("198.51.100.7");
    expect(clientAddress("::ffff:198.51.100.7", undefined, 0)).toBe("198.51.100.7");
  });

  it("is the entry the trusted proxy appended, not one the client wrote before it", () => {
    // The client sent "X-Forwarded-For: 1.1.1.1"; the load balancer appended the real one.
    expect(clientAddress("10.0.0.2", "1.1.1.1, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", "198.51.100.7", 1)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.3", "1.1.1.1, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
  });

  it("reads repeated headers as one list", () => {
    expect(clientAddress("10.0.0.2", ["1.1.1.1", "198.51.100.7"], 1)).toBe("198.51.100.7");
  });

  it("falls back to the furthest entry when fewer proxies answered than trusted", () => {
    expect(clientAddress("198.51.100.7", undefined, 2)).toBe("198.51.100.7");
  });

  it("is 'unknown' for anything that is not an address", () => {
    expect(clientAddress("10.0.0.2", "<script>", 1)).toBe("unknown");
    expect(clientAddress(undefined, undefined, 0)).toBe("unknown");
  });

  it("counts IPv6 clients by their /64, and IPv4 clients by their address", () => {
    expect(limitKeyForAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(limitKeyForAddress("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(limitKeyForAddress("2001:db8::5")).toBe("2001:db8:0:0::/64");
    expect(limitKeyForAddress("198.51.100.7")).toBe("198.51.100.7");
  });
});
