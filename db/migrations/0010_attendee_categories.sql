CREATE TYPE "public"."approval_decision" AS ENUM('approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."category_visibility" AS ENUM('public', 'invitation');--> statement-breakpoint
ALTER TYPE "public"."registration_status" ADD VALUE 'pending';--> statement-breakpoint
CREATE TABLE "attendee_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb DEFAULT '{"en":""}'::jsonb NOT NULL,
	"capacity" integer,
	"confirmed_count" integer DEFAULT 0 NOT NULL,
	"visibility" "category_visibility" DEFAULT 'public' NOT NULL,
	"requires_approval" boolean DEFAULT false NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"allowed_modes" "attendance_mode"[] DEFAULT '{in_person,online}'::attendance_mode[] NOT NULL,
	"allowed_venue_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendee_categories_seats_ck" CHECK ("attendee_categories"."confirmed_count" >= 0 AND ("attendee_categories"."capacity" IS NULL OR ("attendee_categories"."capacity" >= 0 AND "attendee_categories"."confirmed_count" <= "attendee_categories"."capacity"))),
	CONSTRAINT "attendee_categories_window_ck" CHECK ("attendee_categories"."opens_at" IS NULL OR "attendee_categories"."closes_at" IS NULL OR "attendee_categories"."closes_at" > "attendee_categories"."opens_at")
);
--> statement-breakpoint
CREATE TABLE "category_invitation_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"code" text NOT NULL,
	"max_uses" integer DEFAULT 1 NOT NULL,
	"uses" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "category_invitation_codes_uses_ck" CHECK ("category_invitation_codes"."max_uses" >= 1 AND "category_invitation_codes"."uses" >= 0 AND "category_invitation_codes"."uses" <= "category_invitation_codes"."max_uses")
);
--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "category_id" uuid;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "category_waitlist_position" integer;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "requested_sessions" jsonb;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "decision" "approval_decision";--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "attendee_categories" ADD CONSTRAINT "attendee_categories_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_invitation_codes" ADD CONSTRAINT "category_invitation_codes_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_invitation_codes" ADD CONSTRAINT "category_invitation_codes_category_id_attendee_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."attendee_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_invitation_codes" ADD CONSTRAINT "category_invitation_codes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendee_categories_event_idx" ON "attendee_categories" USING btree ("event_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "category_invitation_codes_event_code_uq" ON "category_invitation_codes" USING btree ("event_id","code");--> statement-breakpoint
CREATE INDEX "category_invitation_codes_category_idx" ON "category_invitation_codes" USING btree ("category_id");--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_category_id_attendee_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."attendee_categories"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registrations_category_status_idx" ON "registrations" USING btree ("category_id","status","category_waitlist_position");