-- Survey invitations by e-mail (issue 15). The address ↔ token pairing is never stored: the
-- tokens of a campaign are issued (hashed, in survey_tokens) in one transaction before any
-- message leaves, and exist in plain text only in the memory of the job that sends them.
-- A campaign keeps counts, never an address. So that a list sent again skips those already
-- invited, the survey keeps the salted SHA-256 of each address a link was sent to: no campaign,
-- no time, no token beside it, written batch by batch, long after the tokens.
-- One running campaign per survey: the partial unique index is the claim.
CREATE TABLE "survey_invitation_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"created_by" uuid,
	"rate_per_minute" integer NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"bounced" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"claimed_by" text,
	"lease_until" timestamp with time zone,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "survey_invitation_campaigns_status" CHECK ("survey_invitation_campaigns"."status" in ('running', 'paused', 'finished', 'interrupted')),
	CONSTRAINT "survey_invitation_campaigns_rate" CHECK ("survey_invitation_campaigns"."rate_per_minute" between 1 and 60000)
);
--> statement-breakpoint
ALTER TABLE "survey_invitation_campaigns" ADD CONSTRAINT "survey_invitation_campaigns_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "survey_invitation_campaigns" ADD CONSTRAINT "survey_invitation_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitation_campaigns_one_running" ON "survey_invitation_campaigns" USING btree ("survey_id") WHERE "survey_invitation_campaigns"."status" = 'running';
--> statement-breakpoint
CREATE INDEX "survey_invitation_campaigns_survey_idx" ON "survey_invitation_campaigns" USING btree ("survey_id","started_at");
--> statement-breakpoint
CREATE TABLE "survey_invitation_salts" (
	"survey_id" uuid PRIMARY KEY NOT NULL,
	"salt" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "survey_invitation_salts" ADD CONSTRAINT "survey_invitation_salts_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "survey_invited_addresses" (
	"survey_id" uuid NOT NULL,
	"address_hash" text NOT NULL,
	CONSTRAINT "survey_invited_addresses_pk" PRIMARY KEY("survey_id","address_hash")
);
--> statement-breakpoint
ALTER TABLE "survey_invited_addresses" ADD CONSTRAINT "survey_invited_addresses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;
