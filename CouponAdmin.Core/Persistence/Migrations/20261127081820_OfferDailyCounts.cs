using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CouponAdmin.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OfferDailyCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OfferDailyCounts",
                columns: table => new
                {
                    OfferId = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Issued = table.Column<long>(type: "INTEGER", nullable: false),
                    Redeemed = table.Column<long>(type: "INTEGER", nullable: false),
                    Reversed = table.Column<long>(type: "INTEGER", nullable: false),
                    Revoked = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfferDailyCounts", x => new { x.OfferId, x.Day });
                    table.ForeignKey(
                        name: "FK_OfferDailyCounts_Offers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "Offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Counts of what happened before this table existed, by UTC day (the org's days start from now on).
            foreach (var (column, source) in new[]
            {
                ("Issued", """SELECT "OfferId", "IssuedAt" AS t FROM "Coupons" WHERE "IssuedAt" IS NOT NULL"""),
                ("Redeemed", """SELECT "OfferId", "At" AS t FROM "Redemptions" """),
                ("Reversed", """SELECT "OfferId", "ReversedAt" AS t FROM "Redemptions" WHERE "ReversedAt" IS NOT NULL"""),
                ("Revoked", """SELECT "OfferId", "LastStatusChangeAt" AS t FROM "Coupons" WHERE "Status" = 'Revoked'"""),
            })
            {
                migrationBuilder.Sql($"""
                    INSERT INTO "OfferDailyCounts" ("OfferId", "Day", "Issued", "Redeemed", "Reversed", "Revoked")
                    SELECT "OfferId", date((t - 621355968000000000) / 10000000, 'unixepoch') AS d,
                           {(column == "Issued" ? "COUNT(*)" : "0")}, {(column == "Redeemed" ? "COUNT(*)" : "0")},
                           {(column == "Reversed" ? "COUNT(*)" : "0")}, {(column == "Revoked" ? "COUNT(*)" : "0")}
                    FROM ({source}) WHERE true GROUP BY "OfferId", d
                    ON CONFLICT ("OfferId", "Day") DO UPDATE SET "{column}" = "{column}" + excluded."{column}"
                    """);
            }

            migrationBuilder.CreateIndex(
                name: "IX_OfferDailyCounts_Day",
                table: "OfferDailyCounts",
                column: "Day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OfferDailyCounts");
        }
    }
}
