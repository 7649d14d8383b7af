import { z } from "zod";

// The server's Content-Security-Policy forbids eval: zod must not even probe for it (its test,
// `new Function("")`, is reported as a violation). Schemas read this when they are built, so
// main.tsx imports this module before anything that defines one.
z.config({ jitless: true });
