import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TRPCClientError } from "@trpc/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DeleteDialog } from "./DeleteDialog";

afterEach(cleanup);

/** The error the tRPC client raises when the server answers with `appCode`. */
const serverError = (appCode: string, message: string) =>
  new TRPCClientError(message, {
    result: {
      error: { message, code: -32009, data: { appCode, httpStatus: 409, code: "CONFLICT" } },
    },
  });

function setup(remove: (confirm: boolean) => Promise<unknown>) {
  const onDeleted = vi.fn();
  const onCancel = vi.fn();
  render(
    <>
      <button type="button">Supprimer Filieris</button>
      <DeleteDialog
        title="Supprimer le partenaire « Filieris » ?"
        remove={remove}
        onDeleted={onDeleted}
        onCancel={onCancel}
      />
    </>,
  );
  const dialog = screen.getByRole("dialog", { name: "Supprimer le partenaire « Filieris » ?" });
  return { user: userEvent.setup(), dialog, onDeleted, onCancel };
}

describe("DeleteDialog", () => {
  it("opens as a modal with the safe choice focused", () => {
    const { dialog } = setup(vi.fn());
    expect((dialog as HTMLDialogElement).open).toBe(true);
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Annuler" }));
  });

  it("deletes straight away what nothing uses", async () => {
    const remove = vi.fn().mockResolvedValue({ id: "x", detachedSessions: 0 });
    const { user, dialog, onDeleted } = setup(remove);
    await user.click(within(dialog).getByRole("button", { name: "Supprimer" }));
    expect(remove).toHaveBeenCalledExactlyOnceWith(false);
    expect(onDeleted).toHaveBeenCalledWith({ id: "x", detachedSessions: 0 });
  });

  it("shows the server's 'referenced' message and re-sends with confirm on 'Supprimer quand même'", async () => {
    const message =
      "Le partenaire « Filieris » est associé à 1 session. Confirmez pour le retirer de cette session et le supprimer.";
    const remove = vi
      .fn()
      .mockRejectedValueOnce(serverError("referenced", message))
      .mockResolvedValueOnce({ id: "x", detachedSessions: 1 });
    const { user, dialog, onDeleted } = setup(remove);

    await user.click(within(dialog).getByRole("button", { name: "Supprimer" }));
    expect((await within(dialog).findByRole("alert")).textContent).toBe(message);
    expect(onDeleted).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole("button", { name: "Supprimer quand même" }));
    expect(remove.mock.calls).toEqual([[false], [true]]);
    expect(onDeleted).toHaveBeenCalledWith({ id: "x", detachedSessions: 1 });
  });

  it("reports any other refusal without offering to force it", async () => {
    const remove = vi
      .fn()
      .mockRejectedValue(serverError("forbidden", "Votre rôle ne permet pas cette action."));
    const { user, dialog, onDeleted } = setup(remove);
    await user.click(within(dialog).getByRole("button", { name: "Supprimer" }));
    expect((await within(dialog).findByRole("alert")).textContent).toBe(
      "Votre rôle ne permet pas cette action.",
    );
    expect(within(dialog).queryByRole("button", { name: "Supprimer quand même" })).toBeNull();
    expect(onDeleted).not.toHaveBeenCalled();
  });

  it("cancels with the button or with Escape, sending nothing", async () => {
    const remove = vi.fn();
    const { user, dialog, onCancel } = setup(remove);
    await user.click(within(dialog).getByRole("button", { name: "Annuler" }));
    dialog.dispatchEvent(new Event("cancel", { cancelable: true }));
    expect(onCancel).toHaveBeenCalledTimes(2);
    expect(remove).not.toHaveBeenCalled();
  });
});
