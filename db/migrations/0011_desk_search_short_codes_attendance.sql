-- The desk searches names in any script by trigram (pg_trgm is a trusted extension: the database
-- owner may create it; PGlite loads it in db/open.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- A ticket's short code: 8 Crockford base32 characters (no I, L, O, U) from the random bytes of
-- gen_random_uuid (bytes 8-15: their low five bits are all random in a version-4 uuid).
CREATE FUNCTION hf_short_code() RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (get_byte(b, i) % 32) + 1, 1), '' ORDER BY i)
  FROM (SELECT uuid_send(gen_random_uuid()) AS b) AS r, generate_series(8, 15) AS i
$$;--> statement-breakpoint
CREATE TABLE "check_in_scans" (
	"event_id" uuid NOT NULL,
	"scan_key" text NOT NULL,
	"registration_id" uuid,
	"session_id" uuid,
	"scanned_by" uuid NOT NULL,
	"scanned_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_attendance" (
	"session_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"scanned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"scanned_by" uuid NOT NULL,
	CONSTRAINT "session_attendance_session_id_registration_id_pk" PRIMARY KEY("session_id","registration_id")
);
--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "short_code" text DEFAULT hf_short_code() NOT NULL;--> statement-breakpoint
ALTER TABLE "check_in_scans" ADD CONSTRAINT "check_in_scans_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_scans" ADD CONSTRAINT "check_in_scans_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_scans" ADD CONSTRAINT "check_in_scans_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance" ADD CONSTRAINT "session_attendance_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "check_in_scans_key_uq" ON "check_in_scans" USING btree ("event_id","scan_key");--> statement-breakpoint
CREATE INDEX "session_attendance_registration_idx" ON "session_attendance" USING btree ("registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_event_short_code_uq" ON "registrations" USING btree ("event_id","short_code");--> statement-breakpoint
CREATE INDEX "registrations_desk_search_idx" ON "registrations" USING gin (lower(name || ' ' || email || ' ' || organisation) gin_trgm_ops);