-- The retention the registration form promises (one year after the congress, issue 15): once it
-- has passed, an edition's registrations are replaced by counts per subdivision and status, and
-- the edition is marked purged so that the job never runs twice for it.
CREATE TABLE "registration_tallies" (
	"edition_id" uuid NOT NULL,
	"subdivision_id" uuid NOT NULL,
	"status" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "registration_tallies_edition_id_subdivision_id_status_pk" PRIMARY KEY("edition_id","subdivision_id","status"),
	CONSTRAINT "registration_tallies_count" CHECK ("count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "registration_tallies" ADD CONSTRAINT "registration_tallies_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_tallies" ADD CONSTRAINT "registration_tallies_subdivision_id_subdivisions_id_fk" FOREIGN KEY ("subdivision_id") REFERENCES "public"."subdivisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "personal_data_purges" (
	"edition_id" uuid PRIMARY KEY NOT NULL,
	"purged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"registrations" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "personal_data_purges" ADD CONSTRAINT "personal_data_purges_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;
