CREATE TABLE "presence_intervals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"person_id" uuid,
	"room_id" uuid NOT NULL,
	"socket_id" text NOT NULL,
	"node_id" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "phases" ADD COLUMN "results_shown_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "presence_intervals" ADD CONSTRAINT "presence_intervals_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presence_intervals" ADD CONSTRAINT "presence_intervals_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presence_intervals" ADD CONSTRAINT "presence_intervals_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "presence_intervals_room_id_joined_at_index" ON "presence_intervals" USING btree ("room_id","joined_at");--> statement-breakpoint
CREATE INDEX "presence_intervals_open" ON "presence_intervals" USING btree ("node_id") WHERE "presence_intervals"."left_at" is null;--> statement-breakpoint
CREATE INDEX "presence_intervals_socket_open" ON "presence_intervals" USING btree ("socket_id","room_id") WHERE "presence_intervals"."left_at" is null;