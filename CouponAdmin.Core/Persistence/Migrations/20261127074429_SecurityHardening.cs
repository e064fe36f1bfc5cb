using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CouponAdmin.Core.Persistence.Migrations
{
    /// <summary>
    /// Idempotency records are scoped by who sent the key: (Scope, Key) becomes the primary key. Records written by
    /// offline-redemption uploads move to the "upload" scope so a resumed upload still replays its rows; older API
    /// records keep the empty scope, which no caller uses, so they are never replayed to anyone again.
    /// </summary>
    public partial class SecurityHardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_IdempotencyRecords",
                table: "IdempotencyRecords");

            migrationBuilder.AddColumn<string>(
                name: "Scope",
                table: "IdempotencyRecords",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "PK_IdempotencyRecords",
                table: "IdempotencyRecords",
                columns: new[] { "Scope", "Key" });

            migrationBuilder.Sql("""UPDATE "IdempotencyRecords" SET "Scope" = 'upload' WHERE "Key" LIKE 'upload-%'""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // One record per key again: keep the oldest of those that now share a key.
            migrationBuilder.Sql("""
                DELETE FROM "IdempotencyRecords" WHERE rowid NOT IN (SELECT MIN(rowid) FROM "IdempotencyRecords" GROUP BY "Key")
                """);

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
