import type { Executor } from "@tribune/db";
import { recordAudit } from "@tribune/db";
import type { AuditedEntity } from "@tribune/domain";
import { DomainError, PROGRAMME_EDITORS, PROGRAMME_READERS } from "@tribune/domain";
import { z } from "zod";
import { auditActor } from "./audit";
import { found } from "./found";
import { procedureFor } from "./trpc";

export const DeleteInput = z.object({
  id: z.uuid(),
  /** Required when the thing is still referenced: the caller has shown the consequences. */
  confirm: z.boolean().default(false),
});
export const DeleteResult = z.object({ id: z.uuid(), detachedSessions: z.int() });

interface CatalogSpec<T extends { id: string }, I> {
  entity: AuditedEntity;
  /** French noun for messages, e.g. "Intervenant·e". */
  label: string;
  schema: z.ZodType<T>;
  input: z.ZodType<I>;
  update: z.ZodType<Partial<I> & { id: string }>;
  repo: {
    list(db: Executor): Promise<T[]>;
    find(db: Executor, id: string): Promise<T | null>;
    insert(db: Executor, input: I): Promise<T>;
    update(db: Executor, id: string, patch: Partial<I>): Promise<T>;
    countUses(db: Executor, id: string): Promise<number>;
    remove(db: Executor, id: string): Promise<void>;
  };
  /** The refusal shown when deleting something sessions still use. */
  referencedMessage(item: T, uses: number): string;
}

/**
 * list / get / create / update / delete for the programme's shared catalogues (speakers,
 * partners): read by programme readers, changed by editors, every change audited.
 */
export function catalogRouter<T extends { id: string }, I>(spec: CatalogSpec<T, I>) {
  const reader = procedureFor(...PROGRAMME_READERS);
  const editor = procedureFor(...PROGRAMME_EDITORS);
  const { entity, label, repo } = spec;
  return {
    list: reader.output(z.array(spec.schema)).query(({ ctx }) => repo.list(ctx.db)),

    get: reader
      .input(z.object({ id: z.uuid() }))
      .output(spec.schema)
      .query(async ({ ctx, input }) => found(await repo.find(ctx.db, input.id), label)),

    create: editor
      .input(spec.input)
      .output(spec.schema)
      .mutation(({ ctx, input }) =>
        ctx.db.transaction(async (tx) => {
          const item = await repo.insert(tx, input as I);
          await recordAudit(tx, auditActor(ctx.actor), {
            entity,
            entityId: item.id,
            action: "create",
            after: item,
          });
          return item;
        }),
      ),

    update: editor
      .input(spec.update)
      .output(spec.schema)
      .mutation(({ ctx, input }) =>
        ctx.db.transaction(async (tx) => {
          const { id, ...patch } = input as Partial<I> & { id: string };
          const before = found(await repo.find(tx, id), label);
          const item = await repo.update(tx, id, patch as Partial<I>);
          await recordAudit(tx, auditActor(ctx.actor), {
            entity,
            entityId: id,
            action: "update",
            before,
            after: item,
          });
          return item;
        }),
      ),

    delete: editor
      .input(DeleteInput)
      .output(DeleteResult)
      .mutation(({ ctx, input }) =>
        ctx.db.transaction(async (tx) => {
          const before = found(await repo.find(tx, input.id), label);
          const uses = await repo.countUses(tx, input.id);
          if (uses > 0 && !input.confirm) {
            throw new DomainError("referenced", spec.referencedMessage(before, uses), { uses });
          }
          await repo.remove(tx, input.id);
          await recordAudit(tx, auditActor(ctx.actor), {
            entity,
            entityId: input.id,
            action: "delete",
            before,
          });
          return { id: input.id, detachedSessions: uses };
        }),
      ),
  };
}
