import { ROLE_LABELS, ROLES, type Role } from "@tribune/domain/auth";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field } from "../../../ui/Field";

/** Only a representative acts for a subdivision: the one picked, or none for any other role. */
export const subdivisionFor = (role: Role, subdivisionId: string) =>
  role === "representative" && subdivisionId ? subdivisionId : null;

/**
 * An account's role and, for a representative, the subdivision they act for: the fields the
 * invitation form and the « Changer le rôle » dialog share.
 */
export function RoleFields({
  roleLabel,
  role,
  register,
  subdivisions,
  errors,
}: {
  roleLabel: string;
  /** The role chosen now (the subdivision shows for a representative only). */
  role: Role;
  register: { role: UseFormRegisterReturn; subdivisionId: UseFormRegisterReturn };
  subdivisions: readonly { id: string; name: string }[];
  errors: { role?: string | undefined; subdivisionId?: string | undefined };
}) {
  return (
    <>
      <Field label={roleLabel} error={errors.role}>
        {(props) => (
          <select {...props} {...register.role}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {role === "representative" && (
        <Field label="Subdivision représentée" error={errors.subdivisionId}>
          {(props) => (
            <select {...props} {...register.subdivisionId}>
              <option value="">Choisir…</option>
              {subdivisions.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </>
  );
}
