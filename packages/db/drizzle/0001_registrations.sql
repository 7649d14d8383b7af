CREATE TABLE "idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subdivision_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text NOT NULL,
	"year_of_training" integer NOT NULL,
	"membership_status" text NOT NULL,
	"membership_year" integer NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_email_unique" UNIQUE("email"),
	CONSTRAINT "members_year_of_training" CHECK ("members"."year_of_training" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "registration_quotas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"session_id" uuid,
	"capacity" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_quotas_capacity" CHECK ("registration_quotas"."capacity" is null or "registration_quotas"."capacity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edition_id" uuid NOT NULL,
	"code" text NOT NULL,
	"member_id" uuid,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text NOT NULL,
	"subdivision_id" uuid NOT NULL,
	"year_of_training" integer,
	"meals" boolean DEFAULT true NOT NULL,
	"gala" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"queued_seq" bigserial NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"checked_in_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registrations_code_unique" UNIQUE("code"),
	CONSTRAINT "registrations_edition_email_key" UNIQUE("edition_id","email"),
	CONSTRAINT "registrations_status" CHECK ("registrations"."status" in ('registered', 'waitlisted', 'cancelled', 'checked_in'))
);
--> statement-breakpoint
CREATE TABLE "session_signups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"status" text NOT NULL,
	"queued_seq" bigserial NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_signups_session_registration_key" UNIQUE("session_id","registration_id"),
	CONSTRAINT "session_signups_status" CHECK ("session_signups"."status" in ('registered', 'waitlisted', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "subdivisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"union_name" text DEFAULT '' NOT NULL,
	"university" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"declared_members" integer DEFAULT 0 NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "subdivisions_slug_unique" UNIQUE("slug"),
	CONSTRAINT "subdivisions_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_subdivision_id_subdivisions_id_fk" FOREIGN KEY ("subdivision_id") REFERENCES "public"."subdivisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_quotas" ADD CONSTRAINT "registration_quotas_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_quotas" ADD CONSTRAINT "registration_quotas_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_edition_id_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."editions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_subdivision_id_subdivisions_id_fk" FOREIGN KEY ("subdivision_id") REFERENCES "public"."subdivisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_signups" ADD CONSTRAINT "session_signups_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_signups" ADD CONSTRAINT "session_signups_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "members_subdivision_idx" ON "members" USING btree ("subdivision_id","last_name");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_quotas_edition_idx" ON "registration_quotas" USING btree ("edition_id") WHERE "registration_quotas"."session_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "registration_quotas_session_idx" ON "registration_quotas" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_edition_member_idx" ON "registrations" USING btree ("edition_id","member_id") WHERE "registrations"."member_id" is not null;--> statement-breakpoint
CREATE INDEX "registrations_edition_status_idx" ON "registrations" USING btree ("edition_id","status","queued_seq");--> statement-breakpoint
CREATE INDEX "registrations_edition_subdivision_idx" ON "registrations" USING btree ("edition_id","subdivision_id");--> statement-breakpoint
CREATE INDEX "session_signups_session_status_idx" ON "session_signups" USING btree ("session_id","status","queued_seq");