ALTER TABLE "events" ADD COLUMN "privacy_url" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "imprint_url" text;