const UNREACHABLE_CODES = [
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNRESET",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
];

/** Whether an error (or one of its causes) means the server could not be reached at all. */
export function isUnreachable(error: unknown): boolean {
  let cause: unknown = error;
  for (let depth = 0; cause && depth < 5; depth += 1) {
    const code = (cause as { code?: string }).code;
    if (code && UNREACHABLE_CODES.includes(code)) return true;
    if (cause instanceof TypeError && cause.message === "fetch failed") return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}
