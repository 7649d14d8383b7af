-- Secrets the application makes for itself (issue 15): the key that signs the links to the
-- attendee's space. Kept in the database so that every server instance signs and verifies
-- with the same key, and a restart does not void the links already sent.
CREATE TABLE "app_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
