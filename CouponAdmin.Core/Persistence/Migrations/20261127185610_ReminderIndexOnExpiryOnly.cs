using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CouponAdmin.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReminderIndexOnExpiryOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Coupons_Reminders",
                table: "Coupons");

            migrationBuilder.CreateIndex(
                name: "IX_Coupons_Reminders",
                table: "Coupons",
                columns: new[] { "OfferId", "ExpiresAt" },
                filter: "\"ExpiresAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Coupons_Reminders",
                table: "Coupons");

            migrationBuilder.CreateIndex(
                name: "IX_Coupons_Reminders",
                table: "Coupons",
                columns: new[] { "OfferId", "ExpiresAt" },
                filter: "\"Status\" IN ('Issued', 'Redeemed')");
        }
    }
}
