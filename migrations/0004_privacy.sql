CREATE TABLE "event_privacy" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"chat_retention_days" integer,
	"notes_retention_days" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "event_privacy" ADD CONSTRAINT "event_privacy_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_privacy" ADD CONSTRAINT "event_privacy_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;