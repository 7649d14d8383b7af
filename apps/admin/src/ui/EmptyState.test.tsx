import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EmptyState } from "./EmptyState";

afterEach(cleanup);

describe("EmptyState", () => {
  it("says what is empty, with no button when there is no filter to clear", () => {
    render(<EmptyState>Aucune salle pour cette édition.</EmptyState>);
    expect(screen.getByText("Aucune salle pour cette édition.")).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("offers to clear the filters of a list that matches nothing", async () => {
    const onClear = vi.fn();
    render(<EmptyState onClear={onClear}>Aucune entrée ne correspond à ces filtres.</EmptyState>);
    await userEvent.setup().click(screen.getByRole("button", { name: "Effacer les filtres" }));
    expect(onClear).toHaveBeenCalledTimes(1);
  });
});
