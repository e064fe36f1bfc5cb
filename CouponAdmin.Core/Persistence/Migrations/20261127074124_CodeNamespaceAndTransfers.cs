using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CouponAdmin.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CodeNamespaceAndTransfers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Coupons_Code_Uploaded",
                table: "Coupons");

            migrationBuilder.DropIndex(
                name: "IX_Coupons_CodeSpaceId_CodeIndex",
                table: "Coupons");

            migrationBuilder.AddColumn<int>(
                name: "TransferSeq",
                table: "Coupons",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "HeldCodeIndexes",
                columns: table => new
                {
                    SpaceId = table.Column<long>(type: "INTEGER", nullable: false),
                    CodeIndex = table.Column<long>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeldCodeIndexes", x => new { x.SpaceId, x.CodeIndex });
                    table.ForeignKey(
                        name: "FK_HeldCodeIndexes_CodeSpaces_SpaceId",
                        column: x => x.SpaceId,
                        principalTable: "CodeSpaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Before this rule a POS could redeem a code twice in one transaction. Keep those redemptions (and the counts
            // they took) but give the later ones a distinct transaction id, so the new unique index can be built.
            migrationBuilder.Sql("""
                UPDATE "Redemptions" SET "TransactionId" = substr("TransactionId", 1, 80) || '#dup' || "Id"
                WHERE "Active" = 1 AND EXISTS (
                    SELECT 1 FROM "Redemptions" e
                    WHERE e."OfferId" = "Redemptions"."OfferId" AND e."Code" = "Redemptions"."Code"
                      AND e."TransactionId" = "Redemptions"."TransactionId" AND e."Active" = 1 AND e."Id" < "Redemptions"."Id")
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Redemptions_OfferId_Code_TransactionId",
                table: "Redemptions",
                columns: new[] { "OfferId", "Code", "TransactionId" },
                unique: true,
                filter: "\"Active\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_Coupons_Code_Uploaded",
                table: "Coupons",
                columns: new[] { "Code", "TransferSeq" },
                unique: true,
                filter: "\"CodeSpaceId\" IS NULL AND \"IsShared\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_Coupons_CodeSpaceId_CodeIndex_TransferSeq",
                table: "Coupons",
                columns: new[] { "CodeSpaceId", "CodeIndex", "TransferSeq" },
                unique: true,
                filter: "\"CodeSpaceId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HeldCodeIndexes");

            migrationBuilder.DropIndex(
                name: "IX_Redemptions_OfferId_Code_TransactionId",
                table: "Redemptions");

            migrationBuilder.DropIndex(
                name: "IX_Coupons_Code_Uploaded",
                table: "Coupons");

            migrationBuilder.DropIndex(
                name: "IX_Coupons_CodeSpaceId_CodeIndex_TransferSeq",
                table: "Coupons");

            migrationBuilder.DropColumn(
                name: "TransferSeq",
                table: "Coupons");

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
        }
    }
}
