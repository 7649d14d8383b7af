import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@tribune/api/types";
import {
  MotionInput,
  MotionUpdate,
  VOTE_RULE_LABELS,
  VOTE_RULES,
  type VoteRule,
} from "@tribune/domain/dossiers";
import { useId } from "react";
import { useForm } from "react-hook-form";
import { useTRPC } from "../../../app/trpc";
import { FormFooter } from "../../../ui/catalog/CatalogLayout";
import { apiResolver, showServerError } from "../../../ui/forms";
import { meetingLabel } from "../meetings";

type Motion = RouterOutputs["motion"]["get"];
type Fields = {
  meetingId: string;
  title: string;
  text: string;
  rule: VoteRule;
  synthetic: boolean;
};
const FIELDS = ["meetingId", "title", "text", "rule", "synthetic"] as const;

/** Votes recorded on a motion, whatever they are. */
export const votesCast = (m: Motion) => m.votes.filter((v) => v.choice !== null).length;

/**
 * A new motion, or changes to one. Once a subdivision has voted, the text, the rule and the
 * meeting are what was voted on: shown, not editable (the server refuses them too).
 */
export function MotionForm({ motion, onDone }: { motion?: Motion; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const meetings = useQuery(trpc.motion.meetings.queryOptions());
  const create = useMutation(trpc.motion.create.mutationOptions());
  const update = useMutation(trpc.motion.update.mutationOptions());
  const locked = motion !== undefined && votesCast(motion) > 0;
  const ids = {
    meeting: useId(),
    title: useId(),
    text: useId(),
    rule: useId(),
    synthetic: useId(),
  };
  const form = useForm<Fields, unknown, MotionInput | MotionUpdate>({
    resolver: motion
      ? apiResolver<Fields, MotionUpdate>(
          MotionUpdate,
          (v) =>
            locked
              ? { id: motion.id, title: v.title }
              : {
                  id: motion.id,
                  title: v.title,
                  text: v.text,
                  rule: v.rule,
                  meetingId: v.meetingId,
                },
          FIELDS,
        )
      : apiResolver<Fields, MotionInput>(MotionInput, (v) => v, FIELDS),
    defaultValues: {
      meetingId: motion?.meetingId ?? "",
      title: motion?.title ?? "",
      text: motion?.text ?? "",
      rule: motion?.rule ?? "simple",
      synthetic: motion?.synthetic ?? false,
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
  const error = (message: string | undefined) =>
    message && (
      <p className="field__error" role="alert">
        {message}
      </p>
    );
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={motion ? "Modifier la motion" : "Nouvelle motion"}
      className="dossier"
    >
      {locked && (
        <p className="notice notice--warning">
          Des subdivisions ont déjà voté : le texte, la règle de vote et le Conseil d'Administration
          de la motion ne peuvent plus changer. Le titre reste modifiable.
        </p>
      )}
      <div className="field">
        <label htmlFor={ids.meeting}>Conseil d'Administration</label>
        <select id={ids.meeting} disabled={locked} {...form.register("meetingId")}>
          <option value="">— choisir —</option>
          {(meetings.data ?? []).map((m) => (
            <option key={m.id} value={m.id}>
              {meetingLabel(m)}
            </option>
          ))}
        </select>
        {error(errors.meetingId?.message)}
      </div>
      <div className="field">
        <label htmlFor={ids.title}>Titre</label>
        <input id={ids.title} type="text" {...form.register("title")} />
        {error(errors.title?.message)}
      </div>
      <div className="field">
        <label htmlFor={ids.text}>Texte de la motion</label>
        <textarea id={ids.text} rows={6} readOnly={locked} {...form.register("text")} />
        {error(errors.text?.message)}
      </div>
      <div className="field">
        <label htmlFor={ids.rule}>Règle de vote</label>
        <select id={ids.rule} disabled={locked} {...form.register("rule")}>
          {VOTE_RULES.map((r) => (
            <option key={r} value={r}>
              {VOTE_RULE_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      {!motion && (
        <label className="field__choice" htmlFor={ids.synthetic}>
          <input id={ids.synthetic} type="checkbox" {...form.register("synthetic")} /> Donnée de
          démonstration (pas une décision réelle)
        </label>
      )}
      <FormFooter
        error={errors.root?.server?.message ?? errors.root?.message}
        submitting={isSubmitting}
        onCancel={onDone}
      />
    </form>
  );
}
