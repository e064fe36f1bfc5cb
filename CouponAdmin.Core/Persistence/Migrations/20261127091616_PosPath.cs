using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CouponAdmin.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PosPath : Migration
    {
        /// <summary>
        /// The tables the point-of-sale snapshot is built from, and the changes to each that make it out of date (a code
        /// space's counter moves with every issue and is not part of it, so only a new space counts).
        /// </summary>
        private static readonly (string Table, string[] Events)[] SnapshotSources =
        [
            ("Offers", ["INSERT", "UPDATE", "DELETE"]),
            ("OrgSettings", ["INSERT", "UPDATE", "DELETE"]),
            ("OrgEntities", ["INSERT", "UPDATE", "DELETE"]),
            ("ExchangeRates", ["INSERT", "UPDATE", "DELETE"]),
            ("CodeSpaces", ["INSERT"]),
        ];

        /// <summary>Now in UTC ticks, as every instant is stored, by the database's clock (the app's, on SQLite).</summary>
        private const string NowTicks = "CAST((julianday('now') - 2440587.5) * 864000000000 AS INTEGER) + 621355968000000000";

        private static string TriggerName(string table, string change) => $"TR_{table}_{change}_ConfigVersion";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Actor",
                table: "Redemptions",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RecordedAt",
                table: "Redemptions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConfigVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    StoresChangedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConfigVersions", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "ConfigVersions",
                columns: new[] { "Id", "StoresChangedAt", "Version" },
                values: new object[] { 1, null, 0L });

            // Raised in the statement that makes the change, so the new version commits (or rolls back) with it.
            foreach (var (table, events) in SnapshotSources)
            {
                // A change of the store tree is also dated: the in-store feed answers in full after one.
                var alsoSet = table == "OrgEntities" ? $""", "StoresChangedAt" = {NowTicks}""" : "";
                foreach (var change in events)
                {
                    migrationBuilder.Sql($"""
                        CREATE TRIGGER "{TriggerName(table, change)}" AFTER {change} ON "{table}"
                        BEGIN UPDATE "ConfigVersions" SET "Version" = "Version" + 1{alsoSet}; END;
                        """);
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, events) in SnapshotSources)
            {
                foreach (var change in events)
                {
                    migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{TriggerName(table, change)}";""");
                }
            }

            migrationBuilder.DropTable(
                name: "ConfigVersions");

            migrationBuilder.DropColumn(
                name: "Actor",
                table: "Redemptions");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "Redemptions");
        }
    }
}
