import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe: what the session cookie carries. */
export const newSessionToken = () => randomBytes(32).toString("base64url");

/** Only this digest is stored, so a leaked table gives no usable cookie. */
export const hashSessionToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
export const SESSION_ABSOLUTE_SECONDS = 7 * 24 * 60 * 60;
