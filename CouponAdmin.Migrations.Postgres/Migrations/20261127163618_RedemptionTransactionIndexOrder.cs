using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CouponAdmin.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RedemptionTransactionIndexOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Redemptions_OfferId_Code_TransactionId",
                table: "Redemptions");

            migrationBuilder.CreateIndex(
                name: "IX_Redemptions_OfferId_TransactionId_Code",
                table: "Redemptions",
                columns: new[] { "OfferId", "TransactionId", "Code" },
                unique: true,
                filter: "\"Active\" = TRUE");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Redemptions_OfferId_TransactionId_Code",
                table: "Redemptions");

            migrationBuilder.CreateIndex(
                name: "IX_Redemptions_OfferId_Code_TransactionId",
                table: "Redemptions",
                columns: new[] { "OfferId", "Code", "TransactionId" },
                unique: true,
                filter: "\"Active\" = TRUE");
        }
    }
}
