import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202193551 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "chatwoot_erasure" ("id" text not null, "subject_hashes" jsonb not null, "email_hashes" jsonb not null, "erased_at" timestamptz not null, "account_ids" jsonb not null, "counts" jsonb null, "completed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "chatwoot_erasure_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_erasure_deleted_at" ON "chatwoot_erasure" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_erasure_erased_at" ON "chatwoot_erasure" ("erased_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "chatwoot_erasure" cascade;`);
  }

}
