// Worker threads start without the parent's tsx loader, and on Node 20 `execArgv: ["--import",
// "tsx"]` does not reach a worker's ESM loader: register tsx here, then load the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
