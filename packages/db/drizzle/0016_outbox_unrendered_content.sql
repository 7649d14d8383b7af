-- The outbox stores what the domain decided, not its rendering (issue 15): rendering the HTML
-- (React, QR code, calendar) inside the registration's transaction held the edition's lock for
-- a third of a registration's time. A change now writes `content` (the domain's MailContent, as
-- JSON) and no body; the worker renders it after the commit and, once it sent it (or failed to),
-- keeps the rendering in `text`, `html` and `attachments` and clears `content`. Rows queued
-- before this migration are rendered already (no content) and are delivered as they are.
ALTER TABLE "outbox" ADD COLUMN "content" jsonb;--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "text" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "html" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_content_or_rendered" CHECK ("outbox"."content" is not null or ("outbox"."text" is not null and "outbox"."html" is not null));
