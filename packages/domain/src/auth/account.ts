import { z } from "zod";
import { text } from "../kernel/input";
import { Role } from "./roles";

export const PASSWORD_MIN_LENGTH = 12;

/** Trimmed before the format check: a pasted address often carries a stray space. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Adresse e-mail invalide." }).max(254));

export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, {
    error: `Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères.`,
  })
  .max(256, { error: "Le mot de passe est trop long (256 caractères au plus)." });

export const User = z.object({
  id: z.uuid(),
  email: Email,
  displayName: z.string(),
  role: Role,
  /** Only a representative is tied to a subdivision. */
  subdivisionId: z.uuid().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

export const UserInput = z.object({
  email: Email,
  displayName: text({ max: 120 }).default(""),
  role: Role,
  subdivisionId: z.uuid().nullable().default(null),
  password: Password,
});
export type UserInput = z.infer<typeof UserInput>;

/** Login does not re-check the password policy: a wrong password must look like any other. */
export const LoginInput = z.object({
  email: Email,
  password: z.string().min(1, { error: "Le mot de passe est obligatoire." }).max(256),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const Me = User.pick({
  id: true,
  email: true,
  displayName: true,
  role: true,
  subdivisionId: true,
});
export type Me = z.infer<typeof Me>;
