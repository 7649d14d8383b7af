import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The reference files of the frab/c3voc schedule format (schemas, real exports) live beside the
 * repository, in `../shared/interop/`: read in place, never copied into the project.
 */
export const INTEROP_DIR = fileURLToPath(
  new URL("../../../../../../shared/interop/", import.meta.url),
);

export const interopPath = (name: string) => `${INTEROP_DIR}${name}`;
export const readInterop = (name: string) => readFileSync(interopPath(name), "utf8");
