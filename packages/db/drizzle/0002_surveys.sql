CREATE TABLE "survey_key_figures" (
	"id" text PRIMARY KEY NOT NULL,
	"survey_id" uuid NOT NULL,
	"definition" jsonb NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"submitted_on" date NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"answers" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"issued_on" date NOT NULL,
	"used_on" date,
	CONSTRAINT "survey_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"year" integer,
	"partners" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"audience" text DEFAULT '' NOT NULL,
	"opens_on" date,
	"closes_on" date,
	"status" text DEFAULT 'draft' NOT NULL,
	"anonymity" text DEFAULT 'anonymous' NOT NULL,
	"sensitivity" text DEFAULT 'standard' NOT NULL,
	"disclosure_threshold" integer DEFAULT 11 NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_slug_unique" UNIQUE("slug"),
	CONSTRAINT "surveys_status" CHECK ("surveys"."status" in ('draft', 'open', 'closed', 'published')),
	CONSTRAINT "surveys_anonymity" CHECK ("surveys"."anonymity" in ('anonymous', 'open_link')),
	CONSTRAINT "surveys_sensitivity" CHECK ("surveys"."sensitivity" in ('standard', 'health')),
	CONSTRAINT "surveys_disclosure_threshold" CHECK ("surveys"."disclosure_threshold" >= 5)
);
--> statement-breakpoint
ALTER TABLE "survey_key_figures" ADD CONSTRAINT "survey_key_figures_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_tokens" ADD CONSTRAINT "survey_tokens_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_key_figures_survey_idx" ON "survey_key_figures" USING btree ("survey_id","position");--> statement-breakpoint
CREATE INDEX "survey_responses_survey_idx" ON "survey_responses" USING btree ("survey_id");--> statement-breakpoint
CREATE INDEX "survey_tokens_survey_idx" ON "survey_tokens" USING btree ("survey_id");