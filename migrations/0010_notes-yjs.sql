CREATE TABLE "note_docs" (
	"key" text PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"phase_id" uuid,
	"room_id" uuid,
	"seq" integer DEFAULT 0 NOT NULL,
	"snapshot" "bytea",
	"snapshot_seq" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "note_updates" (
	"doc_key" text NOT NULL,
	"seq" integer NOT NULL,
	"update" "bytea" NOT NULL,
	"person_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "note_updates_doc_key_seq_pk" PRIMARY KEY("doc_key","seq")
);
--> statement-breakpoint
ALTER TABLE "note_docs" ADD CONSTRAINT "note_docs_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_docs" ADD CONSTRAINT "note_docs_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_docs" ADD CONSTRAINT "note_docs_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_updates" ADD CONSTRAINT "note_updates_doc_key_note_docs_key_fk" FOREIGN KEY ("doc_key") REFERENCES "public"."note_docs"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_updates" ADD CONSTRAINT "note_updates_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "note_docs_event_id_index" ON "note_docs" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "note_docs_phase_id_index" ON "note_docs" USING btree ("phase_id");--> statement-breakpoint
CREATE INDEX "note_updates_person_id_index" ON "note_updates" USING btree ("person_id");