import { z } from "zod";
import { int, text } from "../kernel/input";
import { IsoDate } from "../kernel/time";

export const Room = z.object({
  id: z.uuid(),
  editionId: z.uuid(),
  name: text({ max: 120 }).min(1, { error: "Le nom de la salle est obligatoire." }),
  capacity: int({
    min: 1,
    max: 100_000,
    error: "La capacité doit être un entier positif.",
    tooSmall: "La capacité doit être un entier positif.",
    tooBig: "Au plus 100 000 places.",
  }).nullable(),
  order: int({ min: 0, max: 10_000 }),
  /** Days the room is open; empty means every day of the edition (rooms change per day). */
  days: z.array(IsoDate).max(366),
});
export type Room = z.infer<typeof Room>;

export const RoomInput = Room.omit({ id: true });
export type RoomInput = z.infer<typeof RoomInput>;
export const RoomUpdate = RoomInput.omit({ editionId: true }).partial().extend({ id: z.uuid() });
export type RoomUpdate = z.infer<typeof RoomUpdate>;
