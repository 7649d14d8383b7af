import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@tribune/api/types";
import { CaMeetingInput, CaMeetingUpdate } from "@tribune/domain/dossiers";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { errorMessage, useTRPC } from "../../../app/trpc";
import { FormFooter } from "../../../ui/catalog/CatalogLayout";
import { DeleteDialog } from "../../../ui/DeleteDialog";
import { apiResolver, showServerError } from "../../../ui/forms";
import { meetingLabel } from "../meetings";

type Meeting = RouterOutputs["motion"]["meetings"][number];
type Fields = { date: string; city: string; note: string };
const FIELDS = ["date", "city", "note"] as const;

/** The meetings of the Conseil d'Administration: created, corrected, deleted while empty. */
export function MeetingsPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const meetings = useQuery(trpc.motion.meetings.queryOptions());
  const remove = useMutation(trpc.motion.deleteMeeting.mutationOptions());
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [deleting, setDeleting] = useState<Meeting | null>(null);

  return (
    <section aria-labelledby="ca-meetings" className="dossiers__meetings">
      <h2 id="ca-meetings">Conseils d'Administration</h2>
      {meetings.isError && (
        <p role="alert" className="notice notice--error">
          {errorMessage(meetings.error)}
        </p>
      )}
      <ul className="dossiers__list">
        {(meetings.data ?? []).map((m) => (
          <li key={m.id}>
            {editing === m.id ? (
              <MeetingForm meeting={m} onDone={() => setEditing(null)} />
            ) : (
              <>
                {meetingLabel(m)}
                {m.note && <span className="muted"> — {m.note}</span>}{" "}
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Modifier le Conseil de ${meetingLabel(m)}`}
                  onClick={() => setEditing(m.id)}
                >
                  Modifier
                </button>{" "}
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Supprimer le Conseil de ${meetingLabel(m)}`}
                  onClick={() => setDeleting(m)}
                >
                  Supprimer
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {editing === "new" ? (
        <MeetingForm onDone={() => setEditing(null)} />
      ) : (
        <button type="button" className="button" onClick={() => setEditing("new")}>
          Nouveau Conseil d'Administration
        </button>
      )}
      {deleting && (
        <DeleteDialog
          forceable={false}
          title={`Supprimer le Conseil d'Administration de ${meetingLabel(deleting)} ?`}
          remove={() => remove.mutateAsync({ id: deleting.id })}
          onDeleted={() => {
            setDeleting(null);
            void queryClient.invalidateQueries({ queryKey: trpc.motion.pathKey() });
          }}
          onCancel={() => setDeleting(null)}
        />
      )}
    </section>
  );
}

function MeetingForm({ meeting, onDone }: { meeting?: Meeting; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(trpc.motion.createMeeting.mutationOptions());
  const update = useMutation(trpc.motion.updateMeeting.mutationOptions());
  const ids = { date: useId(), city: useId(), note: useId() };
  const toInput = (v: Fields) => ({ date: v.date || null, city: v.city, note: v.note });
  const form = useForm<Fields, unknown, CaMeetingInput | CaMeetingUpdate>({
    resolver: meeting
      ? apiResolver<Fields, CaMeetingUpdate>(
          CaMeetingUpdate,
          (v) => ({ id: meeting.id, ...toInput(v) }),
          FIELDS,
        )
      : apiResolver<Fields, CaMeetingInput>(CaMeetingInput, toInput, FIELDS),
    defaultValues: {
      date: meeting?.date ?? "",
      city: meeting?.city ?? "",
      note: meeting?.note ?? "",
    },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      if ("id" in values) await update.mutateAsync(values);
      else await create.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: trpc.motion.pathKey() });
      onDone();
    } catch (error) {
      showServerError(form.setError, error, FIELDS);
    }
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={
        meeting ? "Modifier le Conseil d'Administration" : "Nouveau Conseil d'Administration"
      }
      className="dossier"
    >
      <div className="field">
        <label htmlFor={ids.city}>Ville</label>
        <input id={ids.city} type="text" {...form.register("city")} />
        {errors.city && (
          <p className="field__error" role="alert">
            {errors.city.message}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={ids.date}>Date (laisser vide si inconnue)</label>
        <input id={ids.date} type="date" {...form.register("date")} />
        {errors.date && (
          <p className="field__error" role="alert">
            {errors.date.message}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={ids.note}>Note</label>
        <input id={ids.note} type="text" {...form.register("note")} />
      </div>
      <FormFooter
        error={errors.root?.server?.message ?? errors.root?.message}
        submitting={isSubmitting}
        onCancel={onDone}
      />
    </form>
  );
}
