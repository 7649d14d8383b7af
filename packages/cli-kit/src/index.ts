export { type CookieJar, cookieFetch } from "./cookies";
export { type ClientErrorContext, explainClientError, trpcCodeOf } from "./errors";
export { isUnreachable } from "./network";
export { ask, askHidden } from "./prompt";
