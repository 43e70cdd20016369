CREATE TABLE "exhibitor_staff" (
	"exhibitor_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exhibitor_staff_exhibitor_id_user_id_pk" PRIMARY KEY("exhibitor_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "exhibitor_staff_invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"exhibitor_id" uuid NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "exhibitor_staff" ADD CONSTRAINT "exhibitor_staff_exhibitor_id_exhibitors_id_fk" FOREIGN KEY ("exhibitor_id") REFERENCES "public"."exhibitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exhibitor_staff" ADD CONSTRAINT "exhibitor_staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exhibitor_staff_invites" ADD CONSTRAINT "exhibitor_staff_invites_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exhibitor_staff_invites" ADD CONSTRAINT "exhibitor_staff_invites_exhibitor_id_exhibitors_id_fk" FOREIGN KEY ("exhibitor_id") REFERENCES "public"."exhibitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exhibitor_staff_invites" ADD CONSTRAINT "exhibitor_staff_invites_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exhibitor_staff_user_idx" ON "exhibitor_staff" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exhibitor_staff_invites_token_uq" ON "exhibitor_staff_invites" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "exhibitor_staff_invites_pending_uq" ON "exhibitor_staff_invites" USING btree ("exhibitor_id",lower("email")) WHERE "exhibitor_staff_invites"."accepted_at" is null and "exhibitor_staff_invites"."revoked_at" is null;