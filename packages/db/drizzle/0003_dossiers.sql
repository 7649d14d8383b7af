CREATE TABLE "ca_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"date" date,
	"city" text NOT NULL,
	"host_subdivision_id" uuid,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"date" date NOT NULL,
	"label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"pillar" text NOT NULL,
	"status" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"partners" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"figure_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossiers_slug_unique" UNIQUE("slug"),
	CONSTRAINT "dossiers_pillar" CHECK ("dossiers"."pillar" in ('representer', 'defendre', 'informer')),
	CONSTRAINT "dossiers_status" CHECK ("dossiers"."status" in ('veille', 'en_cours', 'mobilisation', 'victoire', 'clos'))
);
--> statement-breakpoint
CREATE TABLE "motion_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"motion_id" uuid NOT NULL,
	"subdivision_id" uuid NOT NULL,
	"choice" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "motion_votes_motion_subdivision" UNIQUE("motion_id","subdivision_id"),
	CONSTRAINT "motion_votes_choice" CHECK ("motion_votes"."choice" in ('pour', 'contre', 'abstention', 'absent'))
);
--> statement-breakpoint
CREATE TABLE "motions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"dossier_id" uuid,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"rule" text DEFAULT 'simple' NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "motions_rule" CHECK ("motions"."rule" in ('simple', 'deux_tiers'))
);
--> statement-breakpoint
ALTER TABLE "ca_meetings" ADD CONSTRAINT "ca_meetings_host_subdivision_id_subdivisions_id_fk" FOREIGN KEY ("host_subdivision_id") REFERENCES "public"."subdivisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motion_votes" ADD CONSTRAINT "motion_votes_motion_id_motions_id_fk" FOREIGN KEY ("motion_id") REFERENCES "public"."motions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motion_votes" ADD CONSTRAINT "motion_votes_subdivision_id_subdivisions_id_fk" FOREIGN KEY ("subdivision_id") REFERENCES "public"."subdivisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_meeting_id_ca_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."ca_meetings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_events_dossier_idx" ON "dossier_events" USING btree ("dossier_id","date");--> statement-breakpoint
CREATE INDEX "dossiers_pillar_idx" ON "dossiers" USING btree ("pillar","position");--> statement-breakpoint
CREATE INDEX "motions_meeting_idx" ON "motions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "motions_dossier_idx" ON "motions" USING btree ("dossier_id");