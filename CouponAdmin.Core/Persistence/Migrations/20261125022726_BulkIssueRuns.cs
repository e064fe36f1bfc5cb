using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CouponAdmin.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class BulkIssueRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_BulkIssueRuns_OfferId",
                table: "BulkIssueRuns",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_BulkIssueRuns_Status",
                table: "BulkIssueRuns",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BulkIssueRuns");
        }
    }
}
