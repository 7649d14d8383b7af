/**
 * The 2026 reference data: the 26th congress from its press kit (edition, rooms, partners,
 * programme, press-kit texts and figures), the federation's 23 subdivisions as the union starts
 * with them, the three surveys the kit quotes with synthetic responses, synthetic attendees, and
 * the deterministic ids the seeds and the tests agree on. Seeds, the demo loader, tests, tooling
 * and benches import it; the runtime does not (lint rule `reference-only-seeds-demo-tests`).
 */
export * from "./congress2026";
export * from "./fixtures";
export * from "./pressKit2026";
export * from "./subdivisions";
export * from "./surveys2026";
export * from "./synthetic";
