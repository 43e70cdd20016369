ALTER TABLE "users" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "event_invites" ADD COLUMN "locale" text DEFAULT 'en' NOT NULL;