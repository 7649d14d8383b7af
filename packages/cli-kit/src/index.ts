export { type CookieJar, cookieFetch } from "./cookies";
export { isUnreachable } from "./network";
export { ask, askHidden } from "./prompt";
