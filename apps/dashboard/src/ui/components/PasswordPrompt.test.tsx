import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { editPassword, PasswordPrompt } from "./PasswordPrompt";

const none = {
  return: false,
  escape: false,
  backspace: false,
  delete: false,
  ctrl: false,
  meta: false,
};

describe("PasswordPrompt", () => {
  it("shows one dot per character typed, the account, and why the last try failed", () => {
    const frame = render(
      <PasswordPrompt
        email="bureau@tribune.demo"
        typed={6}
        error="Mot de passe incorrect."
        checking={false}
        width={79}
      />,
    ).lastFrame();
    expect(frame).toContain("Session expirée");
    expect(frame).toContain("Compte : bureau@tribune.demo");
    expect(frame).toContain("Mot de passe : ••••••▏");
    expect(frame).toContain("✗ Mot de passe incorrect.");
    // Wrapped between words, to the width: no line begins with a stray space.
    const lines = (frame ?? "").split("\n");
    expect(lines.filter((l) => /^ \S/.test(l))).toEqual([]);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(79);
    expect(frame).toContain("reprendre le suivi en");
  });

  it("says when the password is being checked", () => {
    const frame = render(
      <PasswordPrompt email="bureau@tribune.demo" typed={0} error={null} checking width={79} />,
    ).lastFrame();
    expect(frame).toContain("Vérification du mot de passe…");
  });

  it("edits the password: characters, a pasted chunk, backspace, Escape, and Enter submits", () => {
    let value = "";
    for (const chunk of ["s", "ecret q"]) value = editPassword(value, chunk, none).value;
    expect(value).toBe("secret q");
    value = editPassword(value, "", { ...none, backspace: true }).value;
    expect(value).toBe("secret ");
    expect(editPassword(value, "\r", { ...none, return: true })).toEqual({
      value: "",
      submit: "secret ",
    });
    expect(editPassword("", "\r", { ...none, return: true }).submit).toBeNull();
    expect(editPassword("se", "cret\r", none)).toEqual({ value: "", submit: "secret" });
    expect(editPassword(value, "", { ...none, escape: true }).value).toBe("");
    expect(editPassword(value, "c", { ...none, ctrl: true }).value).toBe(value);
  });
});
