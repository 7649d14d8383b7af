import { DeleteDialog } from "../DeleteDialog";
import type { Catalog, CatalogItem } from "./useCatalog";

/** The delete dialog of the entry being deleted, or nothing. */
export function CatalogDelete<Item extends CatalogItem, Removed>({
  catalog,
  title,
  deletedMessage,
}: {
  catalog: Pick<
    Catalog<Item, Removed>,
    "deleting" | "remove" | "cancelDelete" | "deleted" | "afterChange" | "area"
  >;
  /** "Supprimer la salle « Amphi » ?" */
  title: (item: Item) => string;
  deletedMessage: (item: Item, result: Removed) => string;
}) {
  const { deleting } = catalog;
  if (!deleting) return null;
  return (
    <DeleteDialog
      title={title(deleting)}
      remove={(confirm) => catalog.remove(deleting, confirm)}
      onCancel={catalog.cancelDelete}
      onDeleted={async (result) => {
        // The dialog stays open ("Suppression…") until the list no longer shows the row.
        await catalog.afterChange(catalog.area);
        catalog.deleted(deleting, deletedMessage(deleting, result));
      }}
    />
  );
}
