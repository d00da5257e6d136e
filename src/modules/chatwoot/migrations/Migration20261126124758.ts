import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126124758 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "chatwoot_storefront" drop constraint if exists "chatwoot_storefront_sales_channel_id_unique";`);
    this.addSql(`alter table if exists "chatwoot_account" drop constraint if exists "chatwoot_account_chatwoot_account_id_unique";`);
    this.addSql(`create table if not exists "chatwoot_account" ("id" text not null, "name" text not null, "mode" text check ("mode" in ('provisioned', 'linked')) not null default 'provisioned', "status" text check ("status" in ('provisioning', 'active', 'suspended', 'failed')) not null default 'provisioning', "chatwoot_account_id" integer null, "locale" text null, "access_token_encrypted" text null, "admin_user_id" integer null, "webhook_id" integer null, "webhook_secret_encrypted" text null, "dashboard_app_id" integer null, "dashboard_app_secret_encrypted" text null, "settings" jsonb null, "last_error" text null, "last_success_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "chatwoot_account_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_account_deleted_at" ON "chatwoot_account" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_chatwoot_account_chatwoot_account_id_unique" ON "chatwoot_account" ("chatwoot_account_id") WHERE chatwoot_account_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "chatwoot_inbox" ("id" text not null, "kind" text check ("kind" in ('website', 'api', 'email')) not null, "sales_channel_id" text null, "chatwoot_inbox_id" integer null, "website_token" text null, "hmac_token_encrypted" text null, "inbox_identifier" text null, "account_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "chatwoot_inbox_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_inbox_account_id" ON "chatwoot_inbox" ("account_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_inbox_deleted_at" ON "chatwoot_inbox" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_inbox_account_id_kind_sales_channel_id" ON "chatwoot_inbox" ("account_id", "kind", "sales_channel_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_inbox_chatwoot_inbox_id" ON "chatwoot_inbox" ("chatwoot_inbox_id") WHERE chatwoot_inbox_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "chatwoot_storefront" ("id" text not null, "sales_channel_id" text not null, "enabled" boolean not null default true, "widget_settings" jsonb null, "account_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "chatwoot_storefront_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_storefront_account_id" ON "chatwoot_storefront" ("account_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_storefront_deleted_at" ON "chatwoot_storefront" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_chatwoot_storefront_sales_channel_id_unique" ON "chatwoot_storefront" ("sales_channel_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "chatwoot_inbox" add constraint "chatwoot_inbox_account_id_foreign" foreign key ("account_id") references "chatwoot_account" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "chatwoot_storefront" add constraint "chatwoot_storefront_account_id_foreign" foreign key ("account_id") references "chatwoot_account" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "chatwoot_inbox" drop constraint if exists "chatwoot_inbox_account_id_foreign";`);

    this.addSql(`alter table if exists "chatwoot_storefront" drop constraint if exists "chatwoot_storefront_account_id_foreign";`);

    this.addSql(`drop table if exists "chatwoot_account" cascade;`);

    this.addSql(`drop table if exists "chatwoot_inbox" cascade;`);

    this.addSql(`drop table if exists "chatwoot_storefront" cascade;`);
  }

}
