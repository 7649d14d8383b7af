import { type UseMutationOptions, useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useAfterChange } from "./CatalogLayout";

/** What every catalogue entry (room, speaker, partner) has. */
export interface CatalogItem {
  id: string;
  name: string;
}

// The error and context types of tRPC's mutation options differ per procedure; only data and
// variables matter here, so the other two are inferred and passed through untouched.
type Mutation<Data, Variables, E, C> = UseMutationOptions<Data, E, Variables, C>;

type Area = Parameters<ReturnType<typeof useAfterChange>>[0];

/** What the shared list, editor and delete components need of `useCatalog`. */
export interface Catalog<Item extends CatalogItem, Removed = unknown> {
  area: Area;
  editing: Item | "new" | null;
  deleting: Item | null;
  status: string | null;
  afterChange: ReturnType<typeof useAfterChange>;
  startNew: () => void;
  startEdit: (item: Item) => void;
  startDelete: (item: Item) => void;
  isEditing: (item: Item) => boolean;
  closeEditor: () => void;
  cancelDelete: () => void;
  /** After a save: close the editor and say what happened. */
  saved: (message: string) => void;
  /** After a delete: the editor goes too if it showed the deleted entry. */
  deleted: (item: Item, message: string) => void;
  remove: (item: Item, confirm: boolean) => Promise<Removed>;
}

/**
 * The state and API wiring every catalogue page repeats: which entry is being edited or
 * deleted, the status line, and create / update / delete followed by the invalidations of
 * `useAfterChange` (the editor and the delete dialog close only once the list is fresh).
 */
export function useCatalog<
  Item extends CatalogItem,
  Input extends object,
  Patch extends { id: string },
  Removed,
  E1,
  E2,
  E3,
  C1,
  C2,
  C3,
>({
  area,
  create,
  update,
  delete: deleteOptions,
}: {
  area: Area;
  create: Mutation<Item, Input, E1, C1>;
  update: Mutation<Item, Patch, E2, C2>;
  delete: Mutation<Removed, { id: string; confirm: boolean }, E3, C3>;
}): Catalog<Item, Removed> & { save: (values: Input | Patch) => Promise<Item> } {
  const afterChange = useAfterChange();
  const createMutation = useMutation(create);
  const updateMutation = useMutation(update);
  const deleteMutation = useMutation(deleteOptions);
  const [editing, setEditing] = useState<Item | "new" | null>(null);
  const [deleting, setDeleting] = useState<Item | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const isEditing = (item: Item) => editing !== "new" && editing?.id === item.id;
  // Opening the editor or the dialog clears the last status line, so the next one is announced.
  const fresh =
    <Args extends unknown[]>(act: (...args: Args) => void) =>
    (...args: Args) => {
      setStatus(null);
      act(...args);
    };

  return {
    area,
    editing,
    deleting,
    status,
    afterChange,
    startNew: fresh(() => setEditing("new")),
    startEdit: fresh((item: Item) => setEditing(item)),
    startDelete: fresh((item: Item) => setDeleting(item)),
    isEditing,
    closeEditor: () => setEditing(null),
    cancelDelete: () => setDeleting(null),
    saved: (message: string) => {
      setEditing(null);
      setStatus(message);
    },
    deleted: (item: Item, message: string) => {
      if (isEditing(item)) setEditing(null);
      setDeleting(null);
      setStatus(message);
    },
    /** An update when the values carry the id being edited, a creation otherwise. */
    save: async (values: Input | Patch): Promise<Item> => {
      const saved =
        "id" in values
          ? await updateMutation.mutateAsync(values as Patch)
          : await createMutation.mutateAsync(values as Input);
      await afterChange(area);
      return saved;
    },
    remove: (item: Item, confirm: boolean) => deleteMutation.mutateAsync({ id: item.id, confirm }),
  };
}
