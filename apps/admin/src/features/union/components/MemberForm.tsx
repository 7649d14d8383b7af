import { useMutation } from "@tanstack/react-query";
import {
  MEMBERSHIP_STATUS_LABELS,
  MEMBERSHIP_STATUSES,
  type Member,
  MemberInput,
  type MembershipStatus,
} from "@tribune/domain/union";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { errorCode, useTRPC } from "../../../app/trpc";
import { FormFooter } from "../../../ui/catalog/CatalogLayout";
import { Field } from "../../../ui/Field";
import { apiResolver, showServerError } from "../../../ui/forms";
import { useSubdivisionOptions } from "../shared";
import { PersonFields } from "./PersonFields";

type Fields = {
  firstName: string;
  lastName: string;
  email: string;
  subdivisionId: string;
  yearOfTraining: string;
  membershipStatus: string;
  membershipYear: string;
};
const FIELDS = [
  "firstName",
  "lastName",
  "email",
  "subdivisionId",
  "yearOfTraining",
  "membershipStatus",
  "membershipYear",
] as const;

type MemberValues = z.output<typeof MemberInput>;

const toInput = (values: Fields) => ({
  firstName: values.firstName,
  lastName: values.lastName,
  email: values.email,
  subdivisionId: values.subdivisionId,
  // Empty selects become undefined, so the schema's own French "required" message shows.
  yearOfTraining: values.yearOfTraining ? Number(values.yearOfTraining) : undefined,
  membershipStatus: (values.membershipStatus || undefined) as MembershipStatus | undefined,
  membershipYear: values.membershipYear ? Number(values.membershipYear) : undefined,
});

/**
 * Creates or edits a member, validated with the domain's schema (French field errors before
 * sending; the API audits the change). A representative's subdivision is fixed: theirs.
 */
export function MemberForm({
  member,
  fixedSubdivisionId,
  onSaved,
  onCancel,
}: {
  member: Member | null;
  fixedSubdivisionId: string | null;
  onSaved: (member: Member, created: boolean) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const subdivisions = useSubdivisionOptions();
  const create = useMutation(trpc.member.create.mutationOptions());
  const update = useMutation(trpc.member.update.mutationOptions());
  const form = useForm<Fields, unknown, MemberValues>({
    resolver: apiResolver(
      MemberInput,
      (values: Fields) =>
        toInput({ ...values, subdivisionId: fixedSubdivisionId ?? values.subdivisionId }),
      FIELDS,
    ),
    defaultValues: {
      firstName: member?.firstName ?? "",
      lastName: member?.lastName ?? "",
      email: member?.email ?? "",
      subdivisionId: fixedSubdivisionId ?? member?.subdivisionId ?? "",
      yearOfTraining: member ? String(member.yearOfTraining) : "",
      membershipStatus: member?.membershipStatus ?? "active",
      membershipYear: String(member?.membershipYear ?? new Date().getFullYear()),
    },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ synthetic: _synthetic, ...values }) => {
    try {
      const saved = member
        ? await update.mutateAsync({ id: member.id, ...values })
        : await create.mutateAsync(values);
      onSaved(saved, !member);
    } catch (error) {
      if (errorCode(error) === "already_exists") {
        form.setError("email", { type: "server", message: (error as Error).message });
        return;
      }
      showServerError(form.setError, error, FIELDS);
    }
  });

  // The select takes its default value when it mounts: only once its options are there.
  if (!subdivisions.data) return <p className="muted">Chargement…</p>;
  return (
    <form onSubmit={submit} noValidate className="registration-form">
      <PersonFields
        register={form.register}
        errors={errors}
        autofill={false}
        subdivisionHint={
          fixedSubdivisionId ? "Votre subdivision : vous ne gérez que la vôtre." : undefined
        }
        subdivisionLocked={fixedSubdivisionId !== null}
      />
      <div className="registration-form__row">
        <Field label="Adhésion" error={errors.membershipStatus?.message}>
          {(props) => (
            <select {...props} {...form.register("membershipStatus")}>
              {MEMBERSHIP_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {MEMBERSHIP_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Année d'adhésion" error={errors.membershipYear?.message}>
          {(props) => (
            <input
              {...props}
              type="number"
              inputMode="numeric"
              {...form.register("membershipYear")}
            />
          )}
        </Field>
      </div>
      <FormFooter
        error={errors.root?.server?.message}
        submitting={isSubmitting}
        onCancel={onCancel}
      />
    </form>
  );
}
