import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202194251 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "chatwoot_webhook_delivery" drop constraint if exists "chatwoot_webhook_delivery_account_id_material_key_unique";`);
    this.addSql(`alter table if exists "chatwoot_webhook_delivery" add column if not exists "material_key" text null, add column if not exists "hits" integer not null default 1;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_chatwoot_webhook_delivery_account_id_material_key_unique" ON "chatwoot_webhook_delivery" ("account_id", "material_key") WHERE material_key IS NOT NULL AND outcome = 'accepted' AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_chatwoot_webhook_delivery_account_id_material_key_unique";`);
    this.addSql(`alter table if exists "chatwoot_webhook_delivery" drop column if exists "material_key", drop column if exists "hits";`);
  }

}
