ALTER TABLE "meetings" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
UPDATE "meetings" SET "accepted_at" = "answered_at" WHERE "status" = 'accepted';
