import { Fragment, type ReactNode } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { showServerError } from "../forms";
import { EditorPanel, FormFooter } from "./CatalogLayout";
import type { Catalog, CatalogItem } from "./useCatalog";

/**
 * The editor of the entry being created or edited, or nothing. The panel stays mounted when
 * the person switches from one row to another (its focus handling runs once); the form inside
 * is keyed by entry so that it starts afresh with the new entry's values.
 */
export function CatalogEditor<Item extends CatalogItem>({
  catalog,
  newTitle,
  savedMessage,
  children,
}: {
  catalog: Pick<Catalog<Item>, "editing" | "saved" | "closeEditor">;
  /** "Nouvelle salle"; an existing entry's editor is "Modifier « name »". */
  newTitle: string;
  savedMessage: (saved: Item, created: boolean) => string;
  children: (
    item: Item | null,
    form: { onSaved: (saved: Item) => void; onCancel: () => void },
  ) => ReactNode;
}) {
  const { editing } = catalog;
  if (!editing) return null;
  const item = editing === "new" ? null : editing;
  return (
    <EditorPanel title={item ? `Modifier « ${item.name} »` : newTitle}>
      <Fragment key={item ? item.id : "new"}>
        {children(item, {
          onSaved: (saved) => catalog.saved(savedMessage(saved, !item)),
          onCancel: catalog.closeEditor,
        })}
      </Fragment>
    </EditorPanel>
  );
}

/**
 * A catalogue form: the page's fields, then save / cancel. Submitting runs the form's resolver,
 * then `save`; a refusal from the server lands on the fields it names and above the buttons.
 */
export function CatalogForm<Fields extends FieldValues, Output, Saved>({
  form,
  fields,
  rename,
  save,
  onSaved,
  onCancel,
  children,
}: {
  form: UseFormReturn<Fields, unknown, Output>;
  /** The form's own fields: server errors on any other go to the message above the buttons. */
  fields: readonly string[];
  rename?: (path: string) => string;
  save: (values: Output) => Promise<Saved>;
  onSaved: (saved: Saved) => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      onSaved(await save(values));
    } catch (error) {
      showServerError(form.setError, error, fields, rename);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      {children}
      <FormFooter
        error={errors.root?.server?.message ?? errors.root?.message}
        submitting={isSubmitting}
        onCancel={onCancel}
      />
    </form>
  );
}
