DROP INDEX "registrations_event_email_uq";--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "manage_link_sent_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_event_email_uq" ON "registrations" USING btree ("event_id",lower("email")) WHERE "registrations"."status" <> 'cancelled';