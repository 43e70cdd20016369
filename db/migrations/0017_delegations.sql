CREATE TABLE "delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"name" text NOT NULL,
	"country" text NOT NULL,
	"agency" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "delegation_id" uuid;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "delegation_head" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "mail_to_head" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delegations_event_idx" ON "delegations" USING btree ("event_id","name");--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registrations_delegation_idx" ON "registrations" USING btree ("delegation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_delegation_head_uq" ON "registrations" USING btree ("delegation_id") WHERE "registrations"."delegation_head";--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_delegation_head_ck" CHECK (NOT "registrations"."delegation_head" OR "registrations"."delegation_id" IS NOT NULL);