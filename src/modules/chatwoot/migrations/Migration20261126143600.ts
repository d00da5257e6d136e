import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/** Sync job kind `contact_message`: a contact-form message queued during a Chatwoot outage. */
export class Migration20261126143600 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "chatwoot_sync_job" drop constraint if exists "chatwoot_sync_job_kind_check";`);
    this.addSql(`alter table if exists "chatwoot_sync_job" add constraint "chatwoot_sync_job_kind_check" check("kind" in ('contact_upsert', 'contact_erase', 'contact_merge', 'private_note', 'contact_message'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "chatwoot_sync_job" drop constraint if exists "chatwoot_sync_job_kind_check";`);
    this.addSql(`alter table if exists "chatwoot_sync_job" add constraint "chatwoot_sync_job_kind_check" check("kind" in ('contact_upsert', 'contact_erase', 'contact_merge', 'private_note'));`);
  }

}
