import { z } from "zod";
import { IsoDate } from "../time";

export const Room = z.object({
  id: z.uuid(),
  editionId: z.uuid(),
  name: z.string().trim().min(1, { error: "Le nom de la salle est obligatoire." }).max(120),
  capacity: z.int().positive({ error: "La capacité doit être un entier positif." }).nullable(),
  order: z.int().nonnegative(),
  /** Days the room is open; empty means every day of the edition (rooms change per day). */
  days: z.array(IsoDate),
});
export type Room = z.infer<typeof Room>;

export const RoomInput = Room.omit({ id: true });
export type RoomInput = z.infer<typeof RoomInput>;
export const RoomUpdate = RoomInput.omit({ editionId: true }).partial().extend({ id: z.uuid() });
export type RoomUpdate = z.infer<typeof RoomUpdate>;
