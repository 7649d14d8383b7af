import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from "react-hook-form";
import type { z } from "zod";
import { errorMessage, fieldErrors } from "../app/trpc";

/** The one key of a zod issue path that names a form field ("unavailable.0.end"). */
type Rename = (path: string) => string;

/**
 * A react-hook-form resolver that validates with the API's own schema (`RoomInput`,
 * `RoomUpdate` …), so the form refuses exactly what the server would. The person types only
 * some of the fields: `toInput` adds the others (the edition, the id being edited) and turns
 * form values into the wire shape; `rename` maps an error on a wire field back to the control
 * that produced it. Errors on fields the form does not show land in `errors.root`.
 */
export function apiResolver<Fields extends FieldValues, Output>(
  schema: z.ZodType<Output>,
  toInput: (values: Fields) => unknown,
  formFields: readonly string[],
  rename: Rename = (path) => path,
): Resolver<Fields, unknown, Output> {
  const resolve = zodResolver(schema as z.ZodType<Output, FieldValues>);
  return async (values, context, options) => {
    const result = await resolve(
      toInput(values) as FieldValues,
      context,
      options as unknown as Parameters<typeof resolve>[2],
    );
    if (Object.keys(result.errors).length === 0) {
      return { values: result.values as Output, errors: {} };
    }
    return { values: {}, errors: rehome<Fields>(result.errors, formFields, rename) };
  };
}

/** Moves nested zod errors onto the form's field names. */
function rehome<Fields extends FieldValues>(
  errors: FieldErrors,
  formFields: readonly string[],
  rename: Rename,
): FieldErrors<Fields> {
  const out: Record<string, unknown> = {};
  const hidden: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== "object") return;
    const error = node as { message?: unknown; type?: unknown };
    if (typeof error.message === "string" && typeof error.type === "string") {
      const target = rename(path);
      if (formFields.includes(target.split(".")[0] ?? "")) setPath(out, target, node);
      else hidden.push(error.message);
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === "ref") continue;
      walk(child, path ? `${path}.${key}` : key);
    }
  };
  walk(errors, "");
  if (hidden.length > 0) out.root = { type: "schema", message: hidden.join(" ") };
  return out as FieldErrors<Fields>;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  let node: Record<string, unknown> = target;
  keys.forEach((key, index) => {
    if (index === keys.length - 1) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (next && typeof next === "object") {
      node = next as Record<string, unknown>;
    } else {
      // Plain objects for list items too: react-hook-form reads "unavailable.0.end" from either.
      const created: Record<string, unknown> = {};
      node[key] = created;
      node = created;
    }
  });
}

/**
 * Shows a refusal from the server on the form: per-field messages next to their controls
 * (when the server sent any), the overall French message in `errors.root.server`.
 */
export function showServerError<Fields extends FieldValues>(
  setError: UseFormSetError<Fields>,
  error: unknown,
  formFields: readonly string[],
  rename: Rename = (path) => path,
) {
  for (const [key, messages] of Object.entries(fieldErrors(error) ?? {})) {
    const target = rename(key);
    if (messages[0] && formFields.includes(target.split(".")[0] ?? "")) {
      setError(target as Path<Fields>, { type: "server", message: messages[0] });
    }
  }
  setError("root.server", { type: "server", message: errorMessage(error) });
}
