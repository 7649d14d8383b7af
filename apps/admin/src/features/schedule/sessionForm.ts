import { zodResolver } from "@hookform/resolvers/zod";
import { type Session, SessionInput, type SessionKind, type Theme } from "@tribune/domain/congress";
import {
  IsoDate,
  instantFromLocal,
  LocalTime,
  localDay,
  localTime,
  PARIS,
} from "@tribune/domain/kernel";
import type { FieldError, FieldErrors, Resolver } from "react-hook-form";

/** What the form holds: local day and times as typed, numbers as text, "" for "none". */
export interface SessionFormValues {
  editionId: string;
  kind: SessionKind;
  title: string;
  description: string;
  day: string;
  start: string;
  end: string;
  roomIds: string[];
  wholeVenue: boolean;
  speakerIds: string[];
  themes: Theme[];
  partnerId: string;
  capacity: string;
  published: boolean;
}

/** Schema paths whose errors belong to another form field. */
const FIELD_OF_PATH: Record<string, keyof SessionFormValues> = {
  startsAt: "start",
  endsAt: "end",
  capacityOverride: "capacity",
};

/** Maps an error from the schema or the server (paths like "endsAt") to the form's field. */
export const formFieldOf = (path: string): keyof SessionFormValues =>
  FIELD_OF_PATH[path] ?? (path as keyof SessionFormValues);

export function emptyValues(editionId: string, day: string): SessionFormValues {
  return {
    editionId,
    kind: "atelier",
    title: "",
    description: "",
    day,
    start: "09:00",
    end: "10:00",
    roomIds: [],
    wholeVenue: false,
    speakerIds: [],
    themes: [],
    partnerId: "",
    capacity: "",
    published: false,
  };
}

export function valuesOf(session: Session, timeZone = PARIS): SessionFormValues {
  return {
    editionId: session.editionId,
    kind: session.kind,
    title: session.title,
    description: session.description,
    day: localDay(session.startsAt, timeZone),
    start: localTime(session.startsAt, timeZone),
    end: localTime(session.endsAt, timeZone),
    roomIds: session.roomIds,
    wholeVenue: session.wholeVenue,
    speakerIds: session.speakerIds,
    themes: session.themes,
    partnerId: session.partnerId ?? "",
    capacity: session.capacityOverride === null ? "" : String(session.capacityOverride),
    published: session.published,
  };
}

const valid = (schema: typeof IsoDate | typeof LocalTime, value: string) =>
  schema.safeParse(value).success;

/** The API's input: local times become instants (Europe/Paris); "" becomes null. */
export function inputOf(values: SessionFormValues, timeZone = PARIS): Record<string, unknown> {
  const { day, start, end, capacity, partnerId, ...rest } = values;
  const when = (time: string) =>
    valid(IsoDate, day) && valid(LocalTime, time) ? instantFromLocal(day, time, timeZone) : "";
  return {
    ...rest,
    startsAt: when(start),
    endsAt: when(end),
    partnerId: partnerId || null,
    capacityOverride: capacity.trim() === "" ? null : Number(capacity),
  };
}

/** What the schema cannot say in terms of the form's own fields (empty or malformed input). */
function inputErrors(values: SessionFormValues): FieldErrors<SessionFormValues> {
  const errors: FieldErrors<SessionFormValues> = {};
  const error = (message: string): FieldError => ({ type: "format", message });
  if (!valid(IsoDate, values.day)) errors.day = error("Choisissez un jour.");
  if (!valid(LocalTime, values.start)) errors.start = error("Indiquez l'heure de début.");
  if (!valid(LocalTime, values.end)) errors.end = error("Indiquez l'heure de fin.");
  const capacity = values.capacity.trim();
  if (capacity !== "" && !/^\d+$/.test(capacity)) {
    errors.capacity = error("La capacité doit être un nombre entier.");
  }
  return errors;
}

const schemaResolver = zodResolver(SessionInput);

/**
 * zodResolver on the API's own SessionInput schema, run on the converted values; its errors
 * on `startsAt`/`endsAt`/`capacityOverride` are moved to the inputs the organiser typed in.
 */
export const sessionResolver: Resolver<SessionFormValues, unknown, SessionInput> = async (
  values,
  context,
  options,
) => {
  const own = inputErrors(values);
  const result = await schemaResolver(
    inputOf(values) as SessionInput,
    context,
    // The schema validates every field: the criteria are the same, only the names differ.
    options as unknown as Parameters<typeof schemaResolver>[2],
  );
  const schemaErrors = result.errors as Record<string, FieldError | undefined>;
  const errors: FieldErrors<SessionFormValues> = {};
  for (const [path, error] of Object.entries(schemaErrors)) {
    if (error) errors[formFieldOf(path)] ??= error as never;
  }
  Object.assign(errors, own);
  if (Object.keys(errors).length > 0) return { values: {}, errors };
  return { values: result.values as SessionInput, errors: {} };
};
