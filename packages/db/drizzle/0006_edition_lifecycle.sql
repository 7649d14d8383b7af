CREATE TABLE "edition_partners" (
	"edition_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "edition_partners_edition_id_partner_id_pk" PRIMARY KEY("edition_id","partner_id")
);
--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "registration_opens_on" date;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "registration_closes_on" date;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "edition_partners" ADD CONSTRAINT "edition_partners_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edition_partners" ADD CONSTRAINT "edition_partners_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "edition_partners_partner_idx" ON "edition_partners" USING btree ("partner_id");--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_days" CHECK ("editions"."last_day" >= "editions"."first_day");--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_registration_window" CHECK ("editions"."registration_closes_on" is null or "editions"."registration_opens_on" is null or "editions"."registration_closes_on" >= "editions"."registration_opens_on");--> statement-breakpoint
-- Editions stored before registration had a window took registrations at any time: they keep
-- doing so (opened 120 days before their first day, no closing date) until someone sets one.
UPDATE "editions" SET "registration_opens_on" = "first_day" - 120 WHERE "registration_opens_on" IS NULL;--> statement-breakpoint
-- Partners were the one edition's: each existing edition keeps every existing partner.
INSERT INTO "edition_partners" ("edition_id", "partner_id", "position")
SELECT e."id", p."id", (row_number() OVER (PARTITION BY e."id" ORDER BY p."name"))::integer - 1
FROM "editions" e CROSS JOIN "partners" p
ON CONFLICT DO NOTHING;
