import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ShareLink } from "./ShareLink";

afterEach(cleanup);

const URL_ = "https://tribune.example/public/enquete/ressenti";

describe("ShareLink", () => {
  it("copies the survey's link and says so, and offers its QR code for a slide", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    render(<ShareLink url={URL_} title="Votre ressenti" />);
    expect(screen.getByRole("link", { name: URL_ }).getAttribute("href")).toBe(URL_);
    fireEvent.click(screen.getByRole("button", { name: "Copier le lien" }));
    expect(await screen.findByText("Lien copié.")).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(URL_);
    expect(screen.getByText("QR code pour une diapositive")).toBeTruthy();
    expect(
      await screen.findByAltText("QR code du lien de l'enquête « Votre ressenti »"),
    ).toBeTruthy();
  });

  it("tells how to copy by hand when the browser refuses", async () => {
    const writeText = vi.fn().mockRejectedValue(new Error("denied"));
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    render(<ShareLink url={URL_} title="Votre ressenti" />);
    fireEvent.click(screen.getByRole("button", { name: "Copier le lien" }));
    expect(
      await screen.findByText("Copie impossible ici : sélectionnez le lien et copiez-le."),
    ).toBeTruthy();
  });
});
