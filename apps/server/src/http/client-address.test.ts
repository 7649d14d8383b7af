import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress } from "./app";

const request = (peer: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
  }) as unknown as IncomingMessage;

describe("clientAddress", () => {
  it("without a proxy, ignores X-Forwarded-For: a client could write anything there", () => {
    expect(clientAddress(request("203.0.113.7", "10.0.0.1"), 0)).toBe("203.0.113.7");
  });

  it("behind one proxy, takes the address the proxy received from", () => {
    expect(clientAddress(request("127.0.0.1", "198.51.100.4"), 1)).toBe("198.51.100.4");
  });

  it("behind one proxy, a forged left-hand entry does not move the client's address", () => {
    expect(clientAddress(request("127.0.0.1", "1.2.3.4, 198.51.100.4"), 1)).toBe("198.51.100.4");
  });

  it("behind two proxies, skips both", () => {
    expect(clientAddress(request("127.0.0.1", "1.2.3.4, 198.51.100.4, 10.0.0.2"), 2)).toBe(
      "198.51.100.4",
    );
  });

  it("with more hops configured than headers, falls back to the leftmost known address", () => {
    expect(clientAddress(request("127.0.0.1"), 1)).toBe("127.0.0.1");
  });
});
