CREATE TABLE "meeting_blocks" (
	"blocker_id" uuid NOT NULL,
	"blocked_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_blocks_pkey" PRIMARY KEY("blocker_id","blocked_id"),
	CONSTRAINT "meeting_blocks_not_self_ck" CHECK ("meeting_blocks"."blocker_id" <> "meeting_blocks"."blocked_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_unavailability" (
	"slot_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	CONSTRAINT "meeting_unavailability_pkey" PRIMARY KEY("slot_id","registration_id")
);
--> statement-breakpoint
ALTER TABLE "meetings" DROP CONSTRAINT "meetings_table_ck";--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "online" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "meeting_url" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "replaced_by" uuid;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "reminder_mail_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_blocks" ADD CONSTRAINT "meeting_blocks_blocker_id_registrations_id_fk" FOREIGN KEY ("blocker_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_blocks" ADD CONSTRAINT "meeting_blocks_blocked_id_registrations_id_fk" FOREIGN KEY ("blocked_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_unavailability" ADD CONSTRAINT "meeting_unavailability_slot_id_meeting_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."meeting_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_unavailability" ADD CONSTRAINT "meeting_unavailability_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_blocks_blocked_idx" ON "meeting_blocks" USING btree ("blocked_id");--> statement-breakpoint
CREATE INDEX "meeting_unavailability_person_idx" ON "meeting_unavailability" USING btree ("registration_id");--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_url_ck" CHECK (("meetings"."status" = 'accepted' and "meetings"."online") = ("meetings"."meeting_url" is not null) and ("meetings"."meeting_url" is null or ("meetings"."meeting_url" like 'https://%' and char_length("meetings"."meeting_url") <= 300)));--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_table_ck" CHECK (("meetings"."status" = 'accepted' and not "meetings"."online") = ("meetings"."table_no" is not null) and ("meetings"."table_no" is null or "meetings"."table_no" >= 1));