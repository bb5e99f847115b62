ALTER TABLE "memberships" ADD COLUMN "interpreter" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "spotlight_person_id" uuid;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_spotlight_person_id_people_id_fk" FOREIGN KEY ("spotlight_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;