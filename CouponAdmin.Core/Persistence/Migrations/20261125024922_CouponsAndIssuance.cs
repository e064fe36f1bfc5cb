using System;
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
            migrationBuilder.AddColumn<long>(
                name: "CodeSpaceId",
                table: "Offers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReservedCode",
                table: "Offers",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

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
                name: "BulkIssueRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfferId = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RegisteredFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RegisteredTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastCustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Considered = table.Column<long>(type: "INTEGER", nullable: false),
                    Issued = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulkIssueRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BulkIssueRuns_Offers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "Offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CodeSpaces",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FormatKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    FixedText = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Alphabet = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Length = table.Column<int>(type: "INTEGER", nullable: false),
                    PermutationKey = table.Column<byte[]>(type: "BLOB", maxLength: 16, nullable: false),
                    NextCodeIndex = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CodeSpaces", x => x.Id);
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
                    CodeSpaceId = table.Column<long>(type: "INTEGER", nullable: true),
                    CodeIndex = table.Column<long>(type: "INTEGER", nullable: true),
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
                name: "IX_Offers_CodeSpaceId",
                table: "Offers",
                column: "CodeSpaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Offers_ReservedCode",
                table: "Offers",
                column: "ReservedCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BulkIssueRuns_OfferId",
                table: "BulkIssueRuns",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_BulkIssueRuns_Status",
                table: "BulkIssueRuns",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_CodeSpaces_FormatKey",
                table: "CodeSpaces",
                column: "FormatKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Coupons_Code_Shared",
                table: "Coupons",
                column: "Code",
                filter: "\"IsShared\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_Coupons_Code_Uploaded",
                table: "Coupons",
                column: "Code",
                unique: true,
                filter: "\"CodeSpaceId\" IS NULL AND \"IsShared\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_Coupons_CodeSpaceId_CodeIndex",
                table: "Coupons",
                columns: new[] { "CodeSpaceId", "CodeIndex" },
                unique: true,
                filter: "\"CodeSpaceId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Coupons_CustomerId_OfferId",
                table: "Coupons",
                columns: new[] { "CustomerId", "OfferId" });

            migrationBuilder.CreateIndex(
                name: "IX_Coupons_OfferId_Status",
                table: "Coupons",
                columns: new[] { "OfferId", "Status" });

            migrationBuilder.AddForeignKey(
                name: "FK_Offers_CodeSpaces_CodeSpaceId",
                table: "Offers",
                column: "CodeSpaceId",
                principalTable: "CodeSpaces",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Offers_CodeSpaces_CodeSpaceId",
                table: "Offers");

            migrationBuilder.DropTable(
                name: "AudienceMembers");

            migrationBuilder.DropTable(
                name: "BulkIssueRuns");

            migrationBuilder.DropTable(
                name: "CodeSpaces");

            migrationBuilder.DropTable(
                name: "Coupons");

            migrationBuilder.DropTable(
                name: "CustomerIssuals");

            migrationBuilder.DropTable(
                name: "IssualAlerts");

            migrationBuilder.DropTable(
                name: "OfferCounters");

            migrationBuilder.DropIndex(
                name: "IX_Offers_CodeSpaceId",
                table: "Offers");

            migrationBuilder.DropIndex(
                name: "IX_Offers_ReservedCode",
                table: "Offers");

            migrationBuilder.DropColumn(
                name: "CodeSpaceId",
                table: "Offers");

            migrationBuilder.DropColumn(
                name: "ReservedCode",
                table: "Offers");
        }
    }
}
