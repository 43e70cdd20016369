CREATE TABLE "session_listings" (
	"session_id" uuid NOT NULL,
	"listing_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "session_listings_session_id_listing_id_pk" PRIMARY KEY("session_id","listing_id")
);
--> statement-breakpoint
ALTER TABLE "listings" ALTER COLUMN "exhibitor_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "author_registration_id" uuid;--> statement-breakpoint
ALTER TABLE "session_listings" ADD CONSTRAINT "session_listings_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_listings" ADD CONSTRAINT "session_listings_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "session_listings_position_uq" ON "session_listings" USING btree ("session_id","position");--> statement-breakpoint
CREATE INDEX "session_listings_listing_idx" ON "session_listings" USING btree ("listing_id");--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_author_registration_id_registrations_id_fk" FOREIGN KEY ("author_registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listings_author_registration_idx" ON "listings" USING btree ("author_registration_id");--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_author_ck" CHECK (("listings"."exhibitor_id" is null) <> ("listings"."author_registration_id" is null));