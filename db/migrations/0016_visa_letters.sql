CREATE TABLE "visa_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"passport_sealed" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"reference_number" integer,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	CONSTRAINT "visa_letters_status_ck" CHECK ("visa_letters"."status" in ('requested', 'issued', 'refused'))
);
--> statement-breakpoint
ALTER TABLE "visa_letters" ADD CONSTRAINT "visa_letters_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visa_letters" ADD CONSTRAINT "visa_letters_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "visa_letters_registration_uq" ON "visa_letters" USING btree ("registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "visa_letters_event_reference_uq" ON "visa_letters" USING btree ("event_id","reference_number");