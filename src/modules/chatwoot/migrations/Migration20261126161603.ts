import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126161603 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "chatwoot_backfill" ("id" text not null, "sales_channel_id" text null, "account_id" text null, "status" text check ("status" in ('running', 'done', 'canceled')) not null default 'running', "cursor" text null, "total" integer not null default 0, "scanned" integer not null default 0, "queued" integer not null default 0, "started_at" timestamptz not null, "scan_completed_at" timestamptz null, "finished_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "chatwoot_backfill_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_backfill_deleted_at" ON "chatwoot_backfill" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "chatwoot_rate_limit" ("id" text not null, "state" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "chatwoot_rate_limit_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_rate_limit_deleted_at" ON "chatwoot_rate_limit" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "chatwoot_contact" add column if not exists "verified_at" timestamptz null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_contact_account_id_email" ON "chatwoot_contact" ("account_id", "email") WHERE email IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "chatwoot_backfill" cascade;`);

    this.addSql(`drop table if exists "chatwoot_rate_limit" cascade;`);

    this.addSql(`drop index if exists "IDX_chatwoot_contact_account_id_email";`);
    this.addSql(`alter table if exists "chatwoot_contact" drop column if exists "verified_at";`);
  }

}
