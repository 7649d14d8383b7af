import { z } from "zod";

type WithoutDefaults<S extends z.ZodRawShape> = {
  [K in keyof S]: S[K] extends z.ZodDefault<infer Inner> ? Inner : S[K];
};

/**
 * A shape for partial edits. zod's `.partial()` keeps each field's `.default()`, so a field left
 * out of an edit would come back as its default and, once merged, overwrite the stored value
 * (an edited title would unpublish the session and drop its rooms). Defaults are removed here.
 */
export function editableFields<S extends z.ZodRawShape>(shape: S): WithoutDefaults<S> {
  return Object.fromEntries(
    Object.entries(shape).map(([key, field]) => [
      key,
      field instanceof z.ZodDefault ? field.unwrap() : field,
    ]),
  ) as WithoutDefaults<S>;
}
