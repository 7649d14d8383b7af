import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithApi, uuid } from "../../../testing/api";
import { WorkshopSignup } from "./WorkshopSignup";

const option = (n: number, placesLeft: number, status: "registered" | null = null) => ({
  sessionId: uuid(n),
  title: `Atelier ${n}`,
  kind: "atelier",
  startsAt: "2026-01-23T08:00:00.000Z",
  endsAt: "2026-01-23T09:30:00.000Z",
  capacity: 20,
  confirmed: 20 - placesLeft,
  waitlisted: 0,
  placesLeft,
  status,
  waitlistPosition: null,
});

describe("WorkshopSignup", () => {
  it("lists workshops with places left and signs up with the code", async () => {
    const { user, callsTo } = renderWithApi(<WorkshopSignup code="K7QM-3XPA" />, {
      handlers: {
        "signup.options": () => [option(1, 3), option(2, 0, "registered")],
        "signup.join": () => ({
          sessionId: uuid(1),
          title: "Atelier 1",
          status: "registered",
          waitlistPosition: null,
          alreadySignedUp: false,
        }),
      },
    });
    expect(await screen.findByText(/3 places restantes/)).toBeTruthy();
    expect(screen.getByText("Place confirmée")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "S'inscrire à Atelier 1" }));
    expect(await screen.findByText("Place confirmée à « Atelier 1 ».")).toBeTruthy();
    const [call] = callsTo("signup.join");
    expect(call?.input).toMatchObject({ code: "K7QM-3XPA", sessionId: uuid(1) });
    expect(call?.input).toHaveProperty("idempotencyKey", expect.any(String));
  });
});
