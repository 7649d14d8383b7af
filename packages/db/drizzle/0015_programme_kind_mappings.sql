-- How an edition's programme imports map another tool's session types (frab type/track) to
-- Tribune's kinds, as the organiser last chose them (issue 16).
CREATE TABLE "programme_kind_mappings" (
	"edition_id" uuid NOT NULL,
	"value" text NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "programme_kind_mappings_edition_id_value_pk" PRIMARY KEY("edition_id","value")
);
--> statement-breakpoint
ALTER TABLE "programme_kind_mappings" ADD CONSTRAINT "programme_kind_mappings_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;
