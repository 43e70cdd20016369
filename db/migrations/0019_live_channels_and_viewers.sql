CREATE TABLE "live_viewers" (
	"instance_id" text NOT NULL,
	"session_id" uuid NOT NULL,
	"viewers" integer NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_viewers_instance_id_session_id_pk" PRIMARY KEY("instance_id","session_id"),
	CONSTRAINT "live_viewers_count_ck" CHECK ("live_viewers"."viewers" > 0)
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "interpretation_urls" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "live_viewers" ADD CONSTRAINT "live_viewers_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;