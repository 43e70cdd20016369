CREATE TYPE "public"."meeting_status" AS ENUM('pending', 'accepted', 'declined', 'cancelled');--> statement-breakpoint
CREATE TABLE "matchmaking_profiles" (
	"registration_id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"interests" text DEFAULT '' NOT NULL,
	"opted_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matchmaking_profiles_sectors_ck" CHECK ("matchmaking_profiles"."sectors" <@ array['digital-technology','big-health','modern-agriculture','new-energy','advanced-manufacturing','marine']::text[]),
	CONSTRAINT "matchmaking_profiles_interests_ck" CHECK (char_length("matchmaking_profiles"."interests") <= 300)
);
--> statement-breakpoint
CREATE TABLE "meeting_holds" (
	"slot_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	CONSTRAINT "meeting_holds_pkey" PRIMARY KEY("slot_id","registration_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"venue_id" uuid NOT NULL,
	"label" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"tables" integer NOT NULL,
	"tables_taken" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_slots_times_ck" CHECK ("meeting_slots"."ends_at" > "meeting_slots"."starts_at"),
	CONSTRAINT "meeting_slots_tables_ck" CHECK ("meeting_slots"."tables" between 1 and 500),
	CONSTRAINT "meeting_slots_taken_ck" CHECK ("meeting_slots"."tables_taken" between 0 and "meeting_slots"."tables"),
	CONSTRAINT "meeting_slots_label_ck" CHECK (char_length("meeting_slots"."label") between 1 and 80)
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"requester_id" uuid NOT NULL,
	"invitee_id" uuid NOT NULL,
	"listing_id" uuid,
	"exhibitor_id" uuid,
	"status" "meeting_status" DEFAULT 'pending' NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"table_no" integer,
	"outcome" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "meetings_not_self_ck" CHECK ("meetings"."requester_id" <> "meetings"."invitee_id"),
	CONSTRAINT "meetings_table_ck" CHECK (("meetings"."status" = 'accepted') = ("meetings"."table_no" is not null) and ("meetings"."table_no" is null or "meetings"."table_no" >= 1)),
	CONSTRAINT "meetings_outcome_ck" CHECK ("meetings"."outcome" is null or ("meetings"."status" = 'accepted' and "meetings"."outcome" in ('mou', 'follow-up', 'none'))),
	CONSTRAINT "meetings_message_ck" CHECK (char_length("meetings"."message") <= 500)
);
--> statement-breakpoint
ALTER TABLE "matchmaking_profiles" ADD CONSTRAINT "matchmaking_profiles_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matchmaking_profiles" ADD CONSTRAINT "matchmaking_profiles_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_holds" ADD CONSTRAINT "meeting_holds_slot_id_meeting_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."meeting_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_holds" ADD CONSTRAINT "meeting_holds_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_holds" ADD CONSTRAINT "meeting_holds_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_slots" ADD CONSTRAINT "meeting_slots_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_slots" ADD CONSTRAINT "meeting_slots_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_slot_id_meeting_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."meeting_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_requester_id_registrations_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_invitee_id_registrations_id_fk" FOREIGN KEY ("invitee_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_exhibitor_id_exhibitors_id_fk" FOREIGN KEY ("exhibitor_id") REFERENCES "public"."exhibitors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matchmaking_profiles_event_idx" ON "matchmaking_profiles" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "meeting_holds_meeting_idx" ON "meeting_holds" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_slots_venue_start_uq" ON "meeting_slots" USING btree ("venue_id","starts_at");--> statement-breakpoint
CREATE INDEX "meeting_slots_event_idx" ON "meeting_slots" USING btree ("event_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_slot_table_uq" ON "meetings" USING btree ("slot_id","table_no") WHERE "meetings"."table_no" is not null;--> statement-breakpoint
CREATE INDEX "meetings_event_idx" ON "meetings" USING btree ("event_id","status");--> statement-breakpoint
CREATE INDEX "meetings_requester_idx" ON "meetings" USING btree ("requester_id");--> statement-breakpoint
CREATE INDEX "meetings_invitee_idx" ON "meetings" USING btree ("invitee_id");