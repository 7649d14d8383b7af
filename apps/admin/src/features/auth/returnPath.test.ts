import { describe, expect, it } from "vitest";
import { loginPathFor, safeReturnPath } from "./returnPath";

describe("the page the login sends back to", () => {
  it("keeps a path of this site with its query", () => {
    expect(safeReturnPath("/salles?edition=2027")).toBe("/salles?edition=2027");
  });
  it("never leaves the site", () => {
    for (const away of ["//evil.example", "https://evil.example", "/\\evil.example", "", null])
      expect(safeReturnPath(away)).toBe("/");
  });
  it("round-trips through the login address", () => {
    const url = new URL(loginPathFor("/enquetes/x?y=1"), "http://localhost");
    expect(safeReturnPath(url.searchParams.get("retour"))).toBe("/enquetes/x?y=1");
  });
});
