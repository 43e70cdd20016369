ALTER TYPE "public"."event_role" ADD VALUE 'venue_manager';--> statement-breakpoint
ALTER TYPE "public"."event_role" ADD VALUE 'viewer';--> statement-breakpoint
CREATE TABLE "event_invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" "event_role" NOT NULL,
	"venue_id" uuid,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "event_invites" ADD CONSTRAINT "event_invites_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invites" ADD CONSTRAINT "event_invites_venue_id_venues_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_invites" ADD CONSTRAINT "event_invites_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_invites_token_uq" ON "event_invites" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "event_invites_pending_uq" ON "event_invites" USING btree ("event_id",lower("email")) WHERE "event_invites"."accepted_at" is null and "event_invites"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "event_invites_event_idx" ON "event_invites" USING btree ("event_id");