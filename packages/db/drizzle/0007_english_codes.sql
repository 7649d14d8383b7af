-- Stored codes in English (issue 12): dossier statuses, motion rules, vote choices and press-kit
-- section statuses were French words; the domain's labels translate the codes for people. The
-- audit log keeps its entries as they were recorded.
ALTER TABLE "dossiers" DROP CONSTRAINT "dossiers_status";--> statement-breakpoint
ALTER TABLE "motion_votes" DROP CONSTRAINT "motion_votes_choice";--> statement-breakpoint
ALTER TABLE "motions" DROP CONSTRAINT "motions_rule";--> statement-breakpoint
ALTER TABLE "press_kit_sections" DROP CONSTRAINT "press_kit_sections_status";--> statement-breakpoint
UPDATE "dossiers" SET "status" = CASE "status" WHEN 'veille' THEN 'watch' WHEN 'en_cours' THEN 'in_progress' WHEN 'victoire' THEN 'won' WHEN 'clos' THEN 'closed' ELSE "status" END WHERE "status" IN ('veille', 'en_cours', 'victoire', 'clos');--> statement-breakpoint
UPDATE "motions" SET "rule" = CASE "rule" WHEN 'deux_tiers' THEN 'two_thirds' ELSE "rule" END WHERE "rule" = 'deux_tiers';--> statement-breakpoint
UPDATE "motion_votes" SET "choice" = CASE "choice" WHEN 'pour' THEN 'for' WHEN 'contre' THEN 'against' ELSE "choice" END WHERE "choice" IN ('pour', 'contre');--> statement-breakpoint
UPDATE "press_kit_sections" SET "status" = CASE "status" WHEN 'brouillon' THEN 'draft' WHEN 'valide' THEN 'validated' ELSE "status" END WHERE "status" IN ('brouillon', 'valide');--> statement-breakpoint
ALTER TABLE "press_kit_sections" ALTER COLUMN "status" SET DEFAULT 'draft';--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_status" CHECK ("dossiers"."status" in ('watch', 'in_progress', 'mobilisation', 'won', 'closed'));--> statement-breakpoint
ALTER TABLE "motion_votes" ADD CONSTRAINT "motion_votes_choice" CHECK ("motion_votes"."choice" in ('for', 'against', 'abstention', 'absent'));--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_rule" CHECK ("motions"."rule" in ('simple', 'two_thirds'));--> statement-breakpoint
ALTER TABLE "press_kit_sections" ADD CONSTRAINT "press_kit_sections_status" CHECK ("press_kit_sections"."status" in ('draft', 'validated'));