import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261126155258 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "chatwoot_webhook_delivery" drop constraint if exists "chatwoot_webhook_delivery_account_id_delivery_key_unique";`);
    this.addSql(`alter table if exists "chatwoot_conversation" drop constraint if exists "chatwoot_conversation_account_id_chatwoot_conversation_id_unique";`);
    this.addSql(`create table if not exists "chatwoot_conversation" ("id" text not null, "account_id" text not null, "sales_channel_id" text null, "chatwoot_conversation_id" integer not null, "chatwoot_inbox_id" integer null, "chatwoot_contact_id" integer null, "customer_id" text null, "email" text null, "order_id" text null, "status" text check ("status" in ('open', 'resolved', 'pending', 'snoozed')) not null default 'open', "priority" text null, "assignee_id" integer null, "assignee_name" text null, "team_id" integer null, "team_name" text null, "labels" jsonb null, "routed_tier" text null, "last_customer_message_at" timestamptz null, "last_agent_reply_at" timestamptz null, "last_message" text null, "unread_count" integer not null default 0, "chatwoot_created_at" timestamptz null, "chatwoot_updated_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "chatwoot_conversation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_conversation_deleted_at" ON "chatwoot_conversation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_chatwoot_conversation_account_id_chatwoot_conversation_id_unique" ON "chatwoot_conversation" ("account_id", "chatwoot_conversation_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_conversation_customer_id" ON "chatwoot_conversation" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_conversation_order_id" ON "chatwoot_conversation" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_conversation_status_account_id" ON "chatwoot_conversation" ("status", "account_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "chatwoot_webhook_delivery" ("id" text not null, "account_id" text null, "delivery_key" text null, "event" text null, "outcome" text check ("outcome" in ('accepted', 'duplicate', 'rejected')) not null, "reason" text null, "processed_at" timestamptz null, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "chatwoot_webhook_delivery_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_webhook_delivery_deleted_at" ON "chatwoot_webhook_delivery" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_chatwoot_webhook_delivery_account_id_delivery_key_unique" ON "chatwoot_webhook_delivery" ("account_id", "delivery_key") WHERE delivery_key IS NOT NULL AND outcome = 'accepted' AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_chatwoot_webhook_delivery_account_id_created_at" ON "chatwoot_webhook_delivery" ("account_id", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "chatwoot_conversation" cascade;`);

    this.addSql(`drop table if exists "chatwoot_webhook_delivery" cascade;`);
  }

}
