CREATE TABLE "live_blocklists" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"terms" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_blocklists_terms_ck" CHECK (cardinality("live_blocklists"."terms") <= 300)
);
--> statement-breakpoint
ALTER TABLE "live_questions" ADD COLUMN "held_filter" text;--> statement-breakpoint
ALTER TABLE "live_questions" ADD COLUMN "held_term" text;--> statement-breakpoint
ALTER TABLE "live_blocklists" ADD CONSTRAINT "live_blocklists_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_blocklists" ADD CONSTRAINT "live_blocklists_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;