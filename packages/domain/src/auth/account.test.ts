import { describe, expect, it } from "vitest";
import { Email, LoginInput } from "./account";

describe("Email", () => {
  it("accepts an address pasted with spaces and capitals, and normalises it", () => {
    expect(Email.parse("  Alice.Martin@Example.ORG ")).toBe("alice.martin@example.org");
  });

  it("rejects a malformed address in French", () => {
    expect(Email.safeParse("alice@").error?.issues[0]?.message).toBe("Adresse e-mail invalide.");
  });

  it("lets a user log in with the address as they typed it", () => {
    expect(LoginInput.parse({ email: "Bob@Isnar-img.com ", password: "x" }).email).toBe(
      "bob@isnar-img.com",
    );
  });
});
