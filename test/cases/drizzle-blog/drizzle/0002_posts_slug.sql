ALTER TABLE "posts" ADD COLUMN "slug" varchar(200);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "org_id" integer;--> statement-breakpoint
DO $$ BEGIN
 ALTER TABLE "users" ADD CONSTRAINT "users_org_id_posts_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "posts_slug_idx" ON "posts" USING btree ("slug");
