import { skipToken, useQuery } from "@tanstack/react-query";
import { type Room, RoomInput, RoomUpdate } from "@tribune/domain/congress";
import { formatCongressDay, formatCount } from "@tribune/domain/format";
import { daysBetween } from "@tribune/domain/kernel";
import { Controller, useForm } from "react-hook-form";
import { useEdition } from "../../../app/edition";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { ArchivedNotice } from "../../../ui/ArchivedNotice";
import { CatalogDelete } from "../../../ui/catalog/CatalogDelete";
import { CatalogEditor, CatalogForm } from "../../../ui/catalog/CatalogEditor";
import { CatalogLayout, QueryState } from "../../../ui/catalog/CatalogLayout";
import { CatalogRow, CatalogTable } from "../../../ui/catalog/CatalogTable";
import { useCatalog } from "../../../ui/catalog/useCatalog";
import { Field } from "../../../ui/Field";
import { apiResolver } from "../../../ui/forms";

/** "tous les jours", or the French names of the days the room is open. */
export const roomDays = (days: readonly string[]) =>
  days.length === 0 ? "tous les jours" : days.map((day) => formatCongressDay(day)).join(", ");

const plural = (n: number, one: string, many: string) => (n > 1 ? many : one);

export default function RoomsPage() {
  const trpc = useTRPC();
  const edition = useEdition();
  const editionId = edition.data?.id;
  // An archived edition's rooms read, never change.
  const writable = !!editionId && !edition.readOnly;
  const rooms = useQuery(trpc.room.list.queryOptions(editionId ? { editionId } : skipToken));
  const catalog = useCatalog({
    area: "room",
    create: trpc.room.create.mutationOptions(),
    update: trpc.room.update.mutationOptions(),
    delete: trpc.room.delete.mutationOptions(),
  });

  if (edition.error) {
    return (
      <p role="alert" className="notice notice--error">
        {errorMessage(edition.error)}
      </p>
    );
  }
  if (edition.data === null) {
    return <p className="notice notice--warning">Aucune édition n'existe encore.</p>;
  }

  const editionDays = edition.data ? daysBetween(edition.data.firstDay, edition.data.lastDay) : [];
  const nextOrder = Math.max(0, ...(rooms.data ?? []).map((room) => room.order)) + 1;

  return (
    <CatalogLayout
      title="Salles"
      intro={
        edition.data
          ? `Les salles du ${edition.data.number}e congrès (${edition.data.venue}, ${edition.data.city}), dans l'ordre des colonnes de la grille.`
          : undefined
      }
      addLabel="Ajouter une salle"
      onAdd={writable ? catalog.startNew : undefined}
      status={catalog.status}
      editor={
        catalog.editing &&
        editionId &&
        writable && (
          <CatalogEditor
            catalog={catalog}
            newTitle="Nouvelle salle"
            savedMessage={(room, created) =>
              created ? `Salle « ${room.name} » créée.` : `Salle « ${room.name} » enregistrée.`
            }
          >
            {(room, done) => (
              <RoomForm
                room={room}
                editionId={editionId}
                editionDays={editionDays}
                nextOrder={nextOrder}
                save={catalog.save}
                {...done}
              />
            )}
          </CatalogEditor>
        )
      }
    >
      <ArchivedNotice edition={edition.data} />
      <QueryState
        query={rooms}
        empty={
          writable
            ? "Aucune salle pour cette édition. Ajoutez-en une avec « Ajouter une salle » ci-dessus."
            : "Aucune salle pour cette édition."
        }
      >
        {(list) => (
          <CatalogTable
            caption="Salles de l'édition"
            columns={
              <>
                <th scope="col" className="num">
                  Ordre
                </th>
                <th scope="col">Nom</th>
                <th scope="col" className="num">
                  Capacité
                </th>
                <th scope="col">Jours d'ouverture</th>
              </>
            }
          >
            {list.map((room) => (
              <CatalogRow key={room.id} item={room} catalog={catalog} readOnly={!writable}>
                <td className="num">{room.order}</td>
                <th scope="row">{room.name}</th>
                <td className="num">
                  {room.capacity === null ? (
                    <span className="muted" title="non renseignée">
                      —<span className="visually-hidden">non renseignée</span>
                    </span>
                  ) : (
                    formatCount(room.capacity, "place", "places")
                  )}
                </td>
                <td>{roomDays(room.days)}</td>
              </CatalogRow>
            ))}
          </CatalogTable>
        )}
      </QueryState>
      <CatalogDelete
        catalog={catalog}
        title={(room) => `Supprimer la salle « ${room.name} » ?`}
        deletedMessage={(room, result) =>
          `Salle « ${room.name} » supprimée.${
            result.detachedSessions > 0
              ? ` Elle a été retirée de ${result.detachedSessions} ${plural(result.detachedSessions, "session", "sessions")}.`
              : ""
          }`
        }
      />
    </CatalogLayout>
  );
}

const FIELDS = ["name", "capacity", "order", "days"] as const;
interface RoomFields {
  name: string;
  capacity: number | null;
  order: number;
  days: string[];
}

/** Empty → null (no capacity given); anything else goes to zod as a number (NaN included). */
const toCapacity = (value: unknown) => (value === "" || value === null ? null : Number(value));
const toOrder = (value: unknown) => (value === "" ? Number.NaN : Number(value));

function RoomForm({
  room,
  editionId,
  editionDays,
  nextOrder,
  save,
  onSaved,
  onCancel,
}: {
  room: Room | null;
  editionId: string;
  editionDays: string[];
  nextOrder: number;
  save: (values: RoomInput | RoomUpdate) => Promise<Room>;
  onSaved: (room: Room) => void;
  onCancel: () => void;
}) {
  const form = useForm<RoomFields, unknown, RoomInput | RoomUpdate>({
    // The API's own schemas: a new room needs its edition, an edit its id.
    resolver: room
      ? apiResolver<RoomFields, RoomUpdate>(RoomUpdate, (v) => ({ ...v, id: room.id }), FIELDS)
      : apiResolver<RoomFields, RoomInput>(RoomInput, (v) => ({ ...v, editionId }), FIELDS),
    defaultValues: room
      ? { name: room.name, capacity: room.capacity, order: room.order, days: room.days }
      : { name: "", capacity: null, order: nextOrder, days: [] },
  });
  const { errors } = form.formState;
  // A room may be open on a day outside the edition's dates (they moved): keep it choosable.
  const days = [...new Set([...editionDays, ...(room?.days ?? [])])].sort();

  return (
    <CatalogForm form={form} fields={FIELDS} save={save} onSaved={onSaved} onCancel={onCancel}>
      <Field label="Nom" error={errors.name?.message}>
        {(props) => <input {...props} type="text" autoComplete="off" {...form.register("name")} />}
      </Field>
      <Field
        label="Capacité (places)"
        hint="Laissez vide si elle n'est pas connue."
        error={errors.capacity?.message}
      >
        {(props) => (
          <input
            {...props}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            {...form.register("capacity", { setValueAs: toCapacity })}
          />
        )}
      </Field>
      <Field
        label="Ordre dans la grille"
        hint="1 pour la première colonne."
        error={errors.order?.message}
      >
        {(props) => (
          <input
            {...props}
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            {...form.register("order", { setValueAs: toOrder })}
          />
        )}
      </Field>
      <Controller
        control={form.control}
        name="days"
        render={({ field, fieldState }) => (
          <fieldset
            className="field"
            aria-describedby="room-days-hint"
            aria-invalid={fieldState.invalid || undefined}
          >
            <legend>Jours d'ouverture</legend>
            <p id="room-days-hint" className="field__hint">
              Aucune case cochée : la salle est ouverte tous les jours.
            </p>
            {days.map((day) => (
              <label key={day} className="field__choice">
                <input
                  type="checkbox"
                  checked={field.value.includes(day)}
                  onChange={(event) =>
                    field.onChange(
                      event.target.checked
                        ? [...field.value, day].sort()
                        : field.value.filter((d) => d !== day),
                    )
                  }
                  onBlur={field.onBlur}
                />
                {formatCongressDay(day)}
              </label>
            ))}
            {fieldState.error && (
              <p className="field__error" role="alert">
                {fieldState.error.message}
              </p>
            )}
          </fieldset>
        )}
      />
    </CatalogForm>
  );
}
