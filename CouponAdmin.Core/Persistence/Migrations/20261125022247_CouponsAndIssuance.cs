using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CouponAdmin.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CouponsAndIssuance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "CodeKey",
                table: "Offers",
                type: "BLOB",
                maxLength: 32,
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<string>(
                name: "ReservedCode",
                table: "Offers",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            // Offers created before codes existed get their own permutation key.
            migrationBuilder.Sql("UPDATE \"Offers\" SET \"CodeKey\" = randomblob(16) WHERE length(\"CodeKey\") = 0;");

            migrationBuilder.CreateTable(
                name: "AudienceMembers",
                columns: table => new
                {
                    OfferId = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AudienceMembers", x => new { x.OfferId, x.CustomerId });
                });

            migrationBuilder.CreateTable(
                name: "Coupons",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfferId = table.Column<long>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsShared = table.Column<bool>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RedemptionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastStatusChangeAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Coupons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Coupons_Offers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "Offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CustomerIssuals",
                columns: table => new
                {
                    OfferId = table.Column<long>(type: "INTEGER", nullable: false),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    LastIssuedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerIssuals", x => new { x.OfferId, x.CustomerId });
                });

            migrationBuilder.CreateTable(
                name: "IssualAlerts",
                columns: table => new
                {
                    OfferId = table.Column<long>(type: "INTEGER", nullable: false),
                    Remaining = table.Column<long>(type: "INTEGER", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssualAlerts", x => x.OfferId);
                });

            migrationBuilder.CreateTable(
                name: "OfferCounters",
                columns: table => new
                {
                    OfferId = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedCount = table.Column<long>(type: "INTEGER", nullable: false),
                    NextCodeIndex = table.Column<long>(type: "INTEGER", nullable: false),
                    RedeemedCount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfferCounters", x => x.OfferId);
                    table.ForeignKey(
                        name: "FK_OfferCounters_Offers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "Offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Offers_ReservedCode",
                table: "Offers",
                column: "ReservedCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Coupons_Code",
                table: "Coupons",
                column: "Code",
                unique: true,
                filter: "\"IsShared\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_Coupons_CustomerId_OfferId",
                table: "Coupons",
                columns: new[] { "CustomerId", "OfferId" });

            migrationBuilder.CreateIndex(
                name: "IX_Coupons_OfferId_Status",
                table: "Coupons",
                columns: new[] { "OfferId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AudienceMembers");

            migrationBuilder.DropTable(
                name: "Coupons");

            migrationBuilder.DropTable(
                name: "CustomerIssuals");

            migrationBuilder.DropTable(
                name: "IssualAlerts");

            migrationBuilder.DropTable(
                name: "OfferCounters");

            migrationBuilder.DropIndex(
                name: "IX_Offers_ReservedCode",
                table: "Offers");

            migrationBuilder.DropColumn(
                name: "CodeKey",
                table: "Offers");

            migrationBuilder.DropColumn(
                name: "ReservedCode",
                table: "Offers");
        }
    }
}
