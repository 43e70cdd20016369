ALTER TYPE "public"."event_status" ADD VALUE 'archived';--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "can_create_events" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "contact_email" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "privacy" jsonb DEFAULT '{"en":""}'::jsonb NOT NULL;