import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126134500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "chatwoot_contact" drop constraint if exists "chatwoot_contact_account_id_customer_id_unique";`);
    this.addSql(`create table if not exists "chatwoot_contact" ("id" text not null, "account_id" text not null, "customer_id" text null, "email" text null, "chatwoot_contact_id" integer null, "attributes_hash" text null, "last_synced_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "chatwoot_contact_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_contact_deleted_at" ON "chatwoot_contact" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_chatwoot_contact_account_id_customer_id_unique" ON "chatwoot_contact" ("account_id", "customer_id") WHERE customer_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_contact_customer_id" ON "chatwoot_contact" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "chatwoot_sync_job" ("id" text not null, "account_id" text not null, "kind" text check ("kind" in ('contact_upsert', 'contact_erase', 'contact_merge', 'private_note')) not null, "subject" text not null, "coalesce_key" text not null, "payload" jsonb null, "status" text check ("status" in ('pending', 'processing', 'done', 'failed')) not null default 'pending', "attempts" integer not null default 0, "next_attempt_at" timestamptz not null, "last_error" text null, "locked_by" text null, "locked_at" timestamptz null, "coalesced_count" integer not null default 0, "finished_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "chatwoot_sync_job_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_sync_job_deleted_at" ON "chatwoot_sync_job" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_chatwoot_sync_job_pending_coalesce_key" ON "chatwoot_sync_job" ("coalesce_key") WHERE status = 'pending' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_sync_job_status_next_attempt_at" ON "chatwoot_sync_job" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_sync_job_account_id_status" ON "chatwoot_sync_job" ("account_id", "status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_sync_job_subject" ON "chatwoot_sync_job" ("subject") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "chatwoot_contact" cascade;`);

    this.addSql(`drop table if exists "chatwoot_sync_job" cascade;`);
  }

}
