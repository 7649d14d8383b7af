-- Open formats (issue 16): calendars and schedule apps recognise a session by a stable identifier
-- and notice its changes by a counter. `guid` is the session's identifier in the frab/c3voc
-- schedule (kept from the source file when a programme is imported, so re-importing it updates
-- the same sessions); `revision` grows by one at each change and becomes the iCalendar SEQUENCE.
ALTER TABLE "sessions" ADD COLUMN "guid" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_edition_guid_idx" ON "sessions" USING btree ("edition_id","guid");
