import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ProgrammeFormats } from "./ProgrammeFormats";

afterEach(cleanup);

describe("ProgrammeFormats", () => {
  it("offers the calendar subscription, the apps' formats and the printable programme", () => {
    render(<ProgrammeFormats year={2026} />);
    const link = (name: string | RegExp) => screen.getByRole("link", { name }).getAttribute("href");
    expect(link("Ajouter à mon agenda")).toBe(
      `webcal://${window.location.host}/api/editions/2026/programme.ics`,
    );
    expect(link("Version imprimable")).toBe("/api/editions/2026/programme.pdf");
    expect(link("schedule.json")).toBe("/api/editions/2026/schedule.json");
    expect(link("schedule.xml")).toBe("/api/editions/2026/schedule.xml");
    expect(screen.getByText(/Pour les applications/)).toBeTruthy();
  });
});
