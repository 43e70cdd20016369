CREATE TYPE "public"."exhibitor_status" AS ENUM('pending', 'approved');--> statement-breakpoint
CREATE TYPE "public"."listing_kind" AS ENUM('offer', 'need');--> statement-breakpoint
CREATE TYPE "public"."listing_status" AS ENUM('pending', 'published', 'rejected');--> statement-breakpoint
CREATE TABLE "exhibitors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb DEFAULT '{"en":""}'::jsonb NOT NULL,
	"country" text NOT NULL,
	"sectors" text[] NOT NULL,
	"website" text DEFAULT '' NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"venue_id" uuid,
	"hall" text,
	"booth" text,
	"status" "exhibitor_status" DEFAULT 'pending' NOT NULL,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exhibitors_booth_ck" CHECK (("exhibitors"."venue_id" is null and "exhibitors"."hall" is null and "exhibitors"."booth" is null) or ("exhibitors"."venue_id" is not null and "exhibitors"."hall" is not null and "exhibitors"."booth" is not null)),
	CONSTRAINT "exhibitors_sectors_ck" CHECK (cardinality("exhibitors"."sectors") >= 1 and "exhibitors"."sectors" <@ array['digital-technology','big-health','modern-agriculture','new-energy','advanced-manufacturing','marine']::text[]),
	CONSTRAINT "exhibitors_approved_ck" CHECK (("exhibitors"."status" = 'approved') = ("exhibitors"."approved_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"exhibitor_id" uuid NOT NULL,
	"kind" "listing_kind" NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{"en":""}'::jsonb NOT NULL,
	"sector" text NOT NULL,
	"trl" integer NOT NULL,
	"ip_status" text NOT NULL,
	"cooperation" text[] NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "listing_status" DEFAULT 'pending' NOT NULL,
	"moderated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listings_trl_ck" CHECK ("listings"."trl" between 1 and 9),
	CONSTRAINT "listings_sector_ck" CHECK ("listings"."sector" in ('digital-technology','big-health','modern-agriculture','new-energy','advanced-manufacturing','marine')),
	CONSTRAINT "listings_ip_ck" CHECK ("listings"."ip_status" in ('patent','patent-pending','licence','know-how','none')),
	CONSTRAINT "listings_cooperation_ck" CHECK (cardinality("listings"."cooperation") >= 1 and "listings"."cooperation" <@ array['licensing','joint-lab','investment','joint-research','talent']::text[]),
	CONSTRAINT "listings_moderated_ck" CHECK (("listings"."status" = 'pending') = ("listings"."moderated_at" is null))
);
--> statement-breakpoint
ALTER TABLE "exhibitors" ADD CONSTRAINT "exhibitors_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exhibitors" ADD CONSTRAINT "exhibitors_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_exhibitor_id_exhibitors_id_fk" FOREIGN KEY ("exhibitor_id") REFERENCES "public"."exhibitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "exhibitors_event_slug_uq" ON "exhibitors" USING btree ("event_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "exhibitors_booth_uq" ON "exhibitors" USING btree ("venue_id",lower("hall"),lower("booth")) WHERE "exhibitors"."venue_id" is not null;--> statement-breakpoint
CREATE INDEX "exhibitors_event_idx" ON "exhibitors" USING btree ("event_id","status");--> statement-breakpoint
CREATE INDEX "listings_event_idx" ON "listings" USING btree ("event_id","status");--> statement-breakpoint
CREATE INDEX "listings_exhibitor_idx" ON "listings" USING btree ("exhibitor_id");