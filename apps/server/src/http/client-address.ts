import type { IncomingMessage } from "node:http";

/**
 * The client's address for rate limits. Behind `proxyHops` reverse proxies, each appends the
 * address it received from to X-Forwarded-For: counting from the right skips our own proxies,
 * and whatever a client wrote on the left of the header is never trusted.
 */
export function clientAddress(req: IncomingMessage, proxyHops: number): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  if (proxyHops === 0) return peer;
  const header = req.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - proxyHops)] ?? peer;
}
