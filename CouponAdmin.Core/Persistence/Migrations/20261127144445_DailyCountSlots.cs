using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CouponAdmin.Core.Persistence.Migrations
{
    /// <summary>A day's counts of an offer may be spread over several rows ("Slot"), so concurrent writers do not queue on one row (docs/decisions.md).</summary>
    public partial class DailyCountSlots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_OfferDailyCounts",
                table: "OfferDailyCounts");

            migrationBuilder.AddColumn<int>(
                name: "Slot",
                table: "OfferDailyCounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_OfferDailyCounts",
                table: "OfferDailyCounts",
                columns: new[] { "OfferId", "Day", "Slot" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_OfferDailyCounts",
                table: "OfferDailyCounts");

            migrationBuilder.DropColumn(
                name: "Slot",
                table: "OfferDailyCounts");

            migrationBuilder.AddPrimaryKey(
                name: "PK_OfferDailyCounts",
                table: "OfferDailyCounts",
                columns: new[] { "OfferId", "Day" });
        }
    }
}
