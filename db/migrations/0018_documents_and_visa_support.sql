CREATE TABLE "document_settings" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"letter_body" jsonb,
	"letterhead" text,
	"signature" text,
	"badge_layout" text DEFAULT 'standard' NOT NULL,
	"badge_logo" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_settings_badge_layout_ck" CHECK ("document_settings"."badge_layout" in ('standard', 'large-name', 'compact'))
);
--> statement-breakpoint
ALTER TABLE "attendee_categories" ADD COLUMN "visa_support" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "document_settings" ADD CONSTRAINT "document_settings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;