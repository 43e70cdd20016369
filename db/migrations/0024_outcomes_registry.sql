CREATE TABLE "outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" jsonb NOT NULL,
	"parties" jsonb NOT NULL,
	"sector" text NOT NULL,
	"signed_on" date NOT NULL,
	"session_id" uuid,
	"listing_id" uuid,
	"public" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outcomes_kind_ck" CHECK ("outcomes"."kind" in ('mou','agreement','technology-transfer','other-cooperation')),
	CONSTRAINT "outcomes_sector_ck" CHECK ("outcomes"."sector" in ('digital-technology','big-health','modern-agriculture','new-energy','advanced-manufacturing','marine')),
	CONSTRAINT "outcomes_title_ck" CHECK (jsonb_typeof("outcomes"."title") = 'object' and length("outcomes"."title"::text) <= 3000),
	CONSTRAINT "outcomes_parties_ck" CHECK (jsonb_typeof("outcomes"."parties") = 'array' and jsonb_array_length("outcomes"."parties") between 1 and 10 and length("outcomes"."parties"::text) <= 4000),
	CONSTRAINT "outcomes_signed_ck" CHECK ("outcomes"."signed_on" between '2000-01-01' and '2100-12-31')
);
--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outcomes_event_idx" ON "outcomes" USING btree ("event_id","signed_on");