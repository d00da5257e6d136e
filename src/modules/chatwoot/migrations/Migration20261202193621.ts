import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202193621 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "chatwoot_conversation" add column if not exists "identity_source" text check ("identity_source" in ('hmac', 'contact_form')) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "chatwoot_conversation" drop column if exists "identity_source";`);
  }

}
