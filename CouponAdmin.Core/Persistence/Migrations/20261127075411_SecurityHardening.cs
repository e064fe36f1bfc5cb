using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CouponAdmin.Core.Persistence.Migrations
{
    /// <summary>
    /// Security hardening of issue 10.
    /// <list type="bullet">
    /// <item>Idempotency records are scoped by who sent the key: (Scope, Key) becomes the primary key. Records written
    /// by offline-redemption uploads move to the "upload" scope so a resumed upload still replays its rows; older API
    /// records keep the empty scope, which no caller uses, so they are never replayed to anyone again.</item>
    /// <item>API keys lose <c>Prefix</c> (the first 8 characters of the secret) for <c>PublicId</c>, a random non-secret
    /// "key_" + 8 hex digits given to every existing key here, and gain <c>IsBootstrap</c>, set on the keys start-up
    /// created from <c>Api:BootstrapKey</c> (they are named "Bootstrap key"), so start-up can revoke one the
    /// configuration no longer names.</item>
    /// </list>
    /// </summary>
    public partial class SecurityHardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // New columns and their values first: SQLite rebuilds a table to change its key or drop a column, and
            // EF runs those rebuilds last, so statements of our own must come before any of them.
            migrationBuilder.AddColumn<string>(
                name: "Scope",
                table: "IdempotencyRecords",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PublicId",
                table: "ApiKeys",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "IsBootstrap",
                table: "ApiKeys",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql("""UPDATE "IdempotencyRecords" SET "Scope" = 'upload' WHERE "Key" LIKE 'upload-%';""");
            migrationBuilder.Sql("""UPDATE "ApiKeys" SET "PublicId" = 'key_' || lower(hex(randomblob(4)));""");
            migrationBuilder.Sql("""UPDATE "ApiKeys" SET "IsBootstrap" = 1 WHERE "Name" = 'Bootstrap key';""");

            migrationBuilder.DropPrimaryKey(
                name: "PK_IdempotencyRecords",
                table: "IdempotencyRecords");

            migrationBuilder.AddPrimaryKey(
                name: "PK_IdempotencyRecords",
                table: "IdempotencyRecords",
                columns: new[] { "Scope", "Key" });

            migrationBuilder.DropColumn(
                name: "Prefix",
                table: "ApiKeys");

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_PublicId",
                table: "ApiKeys",
                column: "PublicId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The secret's first characters are gone for good: the old column gets the public id instead.
            migrationBuilder.AddColumn<string>(
                name: "Prefix",
                table: "ApiKeys",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""UPDATE "ApiKeys" SET "Prefix" = "PublicId";""");

            // One record per key again: keep the oldest of those that now share a key.
            migrationBuilder.Sql("""
                DELETE FROM "IdempotencyRecords" WHERE rowid NOT IN (SELECT MIN(rowid) FROM "IdempotencyRecords" GROUP BY "Key");
                """);

            migrationBuilder.DropIndex(
                name: "IX_ApiKeys_PublicId",
                table: "ApiKeys");

            migrationBuilder.DropColumn(
                name: "PublicId",
                table: "ApiKeys");

            migrationBuilder.DropColumn(
                name: "IsBootstrap",
                table: "ApiKeys");

            migrationBuilder.DropPrimaryKey(
                name: "PK_IdempotencyRecords",
                table: "IdempotencyRecords");

            migrationBuilder.DropColumn(
                name: "Scope",
                table: "IdempotencyRecords");

            migrationBuilder.AddPrimaryKey(
                name: "PK_IdempotencyRecords",
                table: "IdempotencyRecords",
                column: "Key");
        }
    }
}
