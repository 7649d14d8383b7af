import { buildAdmin, ensureChromium } from "./harness";

/** Once per run, before any spec file: Chromium present, admin built. */
export default function setup() {
  ensureChromium();
  buildAdmin();
}
