CREATE TYPE "public"."assignment_source" AS ENUM('self', 'pre', 'auto', 'manual');--> statement-breakpoint
CREATE TYPE "public"."phase_status" AS ENUM('draft', 'open', 'closed');--> statement-breakpoint
CREATE TABLE "assignments" (
	"phase_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"source" "assignment_source" NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_phase_id_person_id_pk" PRIMARY KEY("phase_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "group_notes" (
	"phase_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_notes_phase_id_room_id_pk" PRIMARY KEY("phase_id","room_id")
);
--> statement-breakpoint
CREATE TABLE "help_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"phase_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"person_id" uuid,
	"message" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "phase_rooms" (
	"phase_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	CONSTRAINT "phase_rooms_phase_id_room_id_pk" PRIMARY KEY("phase_id","room_id")
);
--> statement-breakpoint
CREATE TABLE "phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"title" text NOT NULL,
	"status" "phase_status" DEFAULT 'draft' NOT NULL,
	"duration_minutes" integer NOT NULL,
	"self_select" boolean DEFAULT true NOT NULL,
	"opened_at" timestamp with time zone,
	"deadline_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_notes" ADD CONSTRAINT "group_notes_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_notes" ADD CONSTRAINT "group_notes_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_notes" ADD CONSTRAINT "group_notes_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_rooms" ADD CONSTRAINT "phase_rooms_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_rooms" ADD CONSTRAINT "phase_rooms_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phases" ADD CONSTRAINT "phases_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phases" ADD CONSTRAINT "phases_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_room_id_index" ON "assignments" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "help_requests_phase_id_index" ON "help_requests" USING btree ("phase_id");--> statement-breakpoint
CREATE INDEX "phases_event_id_index" ON "phases" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "phases_one_open" ON "phases" USING btree ("event_id") WHERE "phases"."status" = 'open';--> statement-breakpoint
CREATE INDEX "phases_open_deadline" ON "phases" USING btree ("deadline_at") WHERE "phases"."status" = 'open';