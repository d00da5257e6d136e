import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126130451 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "chatwoot_account" drop constraint if exists "chatwoot_account_dashboard_app_secret_hash_unique";`);
    this.addSql(`alter table if exists "chatwoot_agent" drop constraint if exists "chatwoot_agent_account_id_chatwoot_user_id_unique";`);
    this.addSql(`create table if not exists "chatwoot_agent" ("id" text not null, "chatwoot_user_id" integer not null, "email" text not null, "name" text not null, "role" text check ("role" in ('agent', 'administrator')) not null default 'agent', "medusa_user_id" text null, "account_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "chatwoot_agent_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_agent_account_id" ON "chatwoot_agent" ("account_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_agent_deleted_at" ON "chatwoot_agent" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_chatwoot_agent_account_id_chatwoot_user_id_unique" ON "chatwoot_agent" ("account_id", "chatwoot_user_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_agent_medusa_user_id" ON "chatwoot_agent" ("medusa_user_id") WHERE medusa_user_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "chatwoot_agent" add constraint "chatwoot_agent_account_id_foreign" foreign key ("account_id") references "chatwoot_account" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "chatwoot_account" add column if not exists "custom_name" text null, add column if not exists "custom_locale" text null, add column if not exists "created_by_plugin" boolean not null default false, add column if not exists "dashboard_app_secret_hash" text null;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_chatwoot_account_dashboard_app_secret_hash_unique" ON "chatwoot_account" ("dashboard_app_secret_hash") WHERE dashboard_app_secret_hash IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "chatwoot_agent" cascade;`);

    this.addSql(`drop index if exists "IDX_chatwoot_account_dashboard_app_secret_hash_unique";`);
    this.addSql(`alter table if exists "chatwoot_account" drop column if exists "custom_name", drop column if exists "custom_locale", drop column if exists "created_by_plugin", drop column if exists "dashboard_app_secret_hash";`);
  }

}
