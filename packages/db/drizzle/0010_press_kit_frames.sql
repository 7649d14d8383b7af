-- The frame of each edition's press kit (issue 12): organisation, congress name, default
-- headings, flash topics, contacts and figure definitions, stored per edition instead of the
-- 2026 texts for every edition. No backfill: the demo seed writes the 2026 frame; an edition
-- without a frame prints a neutral template until one is saved.
CREATE TABLE "press_kit_frames" (
	"edition_id" uuid PRIMARY KEY NOT NULL,
	"frame" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "press_kit_frames" ADD CONSTRAINT "press_kit_frames_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- Key figures quoted from someone else's publication (issue 17), per edition, with their
-- provenance (mandatory).
CREATE TABLE "manual_key_figures" (
	"edition_id" uuid NOT NULL,
	"id" text NOT NULL,
	"label" text NOT NULL,
	"value" double precision NOT NULL,
	"unit" text NOT NULL,
	"decimals" integer NOT NULL,
	"source_organisation" text NOT NULL,
	"source_title" text NOT NULL,
	"sample" text NOT NULL,
	"published_on" date NOT NULL,
	"url" text,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "manual_key_figures_edition_id_id_pk" PRIMARY KEY("edition_id","id"),
	CONSTRAINT "manual_key_figures_unit" CHECK ("manual_key_figures"."unit" in ('percent', 'number')),
	CONSTRAINT "manual_key_figures_decimals" CHECK ("manual_key_figures"."decimals" between 0 and 2),
	CONSTRAINT "manual_key_figures_provenance" CHECK (btrim("manual_key_figures"."source_organisation") <> '' and btrim("manual_key_figures"."source_title") <> '' and btrim("manual_key_figures"."sample") <> '')
);
--> statement-breakpoint
ALTER TABLE "manual_key_figures" ADD CONSTRAINT "manual_key_figures_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;
