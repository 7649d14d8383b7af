CREATE TABLE "press_kit_sections" (
	"edition_id" uuid NOT NULL,
	"section_id" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"kicker" text,
	"text" text DEFAULT '' NOT NULL,
	"signature" jsonb,
	"status" text DEFAULT 'brouillon' NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"validated_by" text,
	"validated_at" timestamp with time zone,
	CONSTRAINT "press_kit_sections_edition_id_section_id_pk" PRIMARY KEY("edition_id","section_id"),
	CONSTRAINT "press_kit_sections_status" CHECK ("press_kit_sections"."status" in ('brouillon', 'valide'))
);
--> statement-breakpoint
ALTER TABLE "press_kit_sections" ADD CONSTRAINT "press_kit_sections_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;