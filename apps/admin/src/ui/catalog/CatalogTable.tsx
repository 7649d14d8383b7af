import type { ReactNode } from "react";
import { RowActions } from "./CatalogLayout";
import type { Catalog, CatalogItem } from "./useCatalog";

/** A catalogue list: hidden caption, the page's own column headers, then a last "Actions" one. */
export function CatalogTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: ReactNode;
  children: ReactNode;
}) {
  return (
    <table className="data">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/**
 * One entry: the page's own cells, then "Modifier" / "Supprimer" (none when `readOnly`: an
 * archived edition's entries). The row being edited is highlighted so the person sees which
 * entry the editor beside the list belongs to.
 */
export function CatalogRow<Item extends CatalogItem>({
  item,
  catalog,
  readOnly = false,
  children,
}: {
  item: Item;
  catalog: Pick<Catalog<Item>, "isEditing" | "startEdit" | "startDelete">;
  readOnly?: boolean;
  children: ReactNode;
}) {
  return (
    <tr className={catalog.isEditing(item) ? "is-editing" : undefined}>
      {children}
      <td className="actions">
        {readOnly || (
          <RowActions
            name={item.name}
            onEdit={() => catalog.startEdit(item)}
            onDelete={() => catalog.startDelete(item)}
          />
        )}
      </td>
    </tr>
  );
}
