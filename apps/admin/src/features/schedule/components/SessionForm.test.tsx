import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Session } from "@tribune/domain/congress";
import { instantFromLocal } from "@tribune/domain/kernel";
import { afterEach, describe, expect, it, vi } from "vitest";
import { emptyValues } from "../sessionForm";
import { ApiRefusal, EDITION, makeWrapper, room, THU } from "../testing";
import { SessionForm } from "./SessionForm";

// No globals in this vitest setup, so testing-library cannot clean up by itself.
afterEach(cleanup);

const rooms = [room(1), room(2), room(4, ["2026-01-23"])];

function renderForm(create: (input: unknown) => unknown = () => ({ session: {}, conflicts: [] })) {
  const onDone = vi.fn();
  const { wrapper, calls } = makeWrapper({
    "session.create": create,
    "session.list": () => [],
    "schedule.conflicts": () => [],
  });
  render(
    <SessionForm
      edition={EDITION}
      rooms={rooms}
      speakers={[]}
      partners={[
        {
          id: "00000004-0000-4000-8000-000000000001",
          name: "Filieris",
          kind: "institution",
          website: "",
        },
      ]}
      session={null}
      initial={emptyValues(EDITION.id, THU)}
      readOnly={false}
      onDone={onDone}
      onCancel={() => {}}
    />,
    { wrapper },
  );
  return { onDone, calls, user: userEvent.setup() };
}

/** The error message tied to a control through aria-describedby. */
function errorOf(control: HTMLElement): string | undefined {
  const ids = control.getAttribute("aria-describedby")?.split(" ") ?? [];
  return (
    ids
      .map((id) => document.getElementById(id))
      .find((node) => node?.classList.contains("field__error"))?.textContent ?? undefined
  );
}

const setTime = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe("SessionForm", () => {
  it("says the end must come after the start, next to the end time", async () => {
    const { user, calls } = renderForm();
    await user.type(screen.getByLabelText("Titre"), "Atelier IA");
    await user.click(screen.getByLabelText("Salle 1"));
    setTime("Début", "15:00");
    setTime("Fin", "14:00");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));

    await waitFor(() =>
      expect(errorOf(screen.getByLabelText("Fin"))).toBe("La fin doit être après le début."),
    );
    expect(screen.getByLabelText("Fin").getAttribute("aria-invalid")).toBe("true");
    expect(calls.some((c) => c.path === "session.create")).toBe(false);
  });

  it("asks for a title and a place, in French", async () => {
    const { user } = renderForm();
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    await waitFor(() =>
      expect(errorOf(screen.getByLabelText("Titre"))).toBe("Le titre est obligatoire."),
    );
    await user.type(screen.getByLabelText("Titre"), "Atelier IA");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));
    expect(await screen.findByText("Choisissez au moins une salle, ou tout le lieu.")).toBeTruthy();
  });

  it("only offers the rooms open on the chosen day", async () => {
    const { user } = renderForm();
    expect(screen.queryByLabelText("Salle 4")).toBeNull();
    await user.selectOptions(screen.getByLabelText("Jour"), "2026-01-23");
    expect(screen.getByLabelText("Salle 4")).toBeTruthy();
  });

  it("sends Paris wall time as instants, with the API's own schema", async () => {
    const create = vi.fn((input: unknown) => ({ session: input as Session, conflicts: [] }));
    const { user, onDone } = renderForm(create);
    await user.selectOptions(screen.getByLabelText("Type"), "table_ronde");
    await user.type(screen.getByLabelText("Titre"), "  Santé mentale des internes ");
    await user.click(screen.getByLabelText("Salle 2"));
    await user.click(screen.getByLabelText("Santé mentale"));
    await user.selectOptions(screen.getByLabelText("Partenaire"), "Filieris");
    setTime("Début", "14:30");
    setTime("Fin", "16:00");
    await user.type(screen.getByLabelText("Capacité"), "120");
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(create.mock.calls[0]?.[0]).toEqual({
      editionId: EDITION.id,
      kind: "table_ronde",
      title: "Santé mentale des internes",
      description: "",
      startsAt: instantFromLocal(THU, "14:30"),
      endsAt: instantFromLocal(THU, "16:00"),
      roomIds: [rooms[1]?.id],
      wholeVenue: false,
      speakerIds: [],
      themes: ["sante_mentale"],
      partnerId: "00000004-0000-4000-8000-000000000001",
      capacityOverride: 120,
      published: false,
    });
    expect(instantFromLocal(THU, "14:30")).toBe("2026-01-22T13:30:00.000Z");
  });

  it("shows the server's field errors next to the time the organiser typed", async () => {
    const { user } = renderForm(() => {
      throw new ApiRefusal("Horaire refusé.", { startsAt: ["Ce créneau est réservé."] });
    });
    await user.type(screen.getByLabelText("Titre"), "Atelier IA");
    await user.click(screen.getByLabelText("tout le lieu", { exact: false }));
    await user.click(screen.getByRole("button", { name: "Enregistrer" }));

    await waitFor(() =>
      expect(errorOf(screen.getByLabelText("Début"))).toBe("Ce créneau est réservé."),
    );
    expect(screen.getByText("Horaire refusé.")).toBeTruthy();
  });
});
