import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126155625 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "chatwoot_contact_change" drop constraint if exists "chatwoot_contact_change_account_id_chatwoot_contact_id_unique";`);
    this.addSql(`create table if not exists "chatwoot_contact_change" ("id" text not null, "account_id" text not null, "customer_id" text not null, "chatwoot_contact_id" integer not null, "changes" jsonb not null, "status" text check ("status" in ('pending', 'dismissed')) not null default 'pending', "dismissed_at" timestamptz null, "dismissed_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "chatwoot_contact_change_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_contact_change_deleted_at" ON "chatwoot_contact_change" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_chatwoot_contact_change_account_id_chatwoot_contact_id_unique" ON "chatwoot_contact_change" ("account_id", "chatwoot_contact_id") WHERE status = 'pending' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_contact_change_customer_id" ON "chatwoot_contact_change" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_contact_change_status_created_at" ON "chatwoot_contact_change" ("status", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "chatwoot_conversation" add column if not exists "routed_at" timestamptz null, add column if not exists "order_link_source" text check ("order_link_source" in ('attribute', 'mention')) null;`);

    this.addSql(`alter table if exists "chatwoot_storefront" add column if not exists "routing_rules" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "chatwoot_contact_change" cascade;`);

    this.addSql(`alter table if exists "chatwoot_conversation" drop column if exists "routed_at", drop column if exists "order_link_source";`);

    this.addSql(`alter table if exists "chatwoot_storefront" drop column if exists "routing_rules";`);
  }

}
