using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CouponAdmin.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Notifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_IssualAlerts",
                table: "IssualAlerts");

            migrationBuilder.DropColumn(
                name: "SentAt",
                table: "IssualAlerts");

            migrationBuilder.AddColumn<long>(
                name: "TotalLimit",
                table: "IssualAlerts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "Threshold",
                table: "IssualAlerts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddPrimaryKey(
                name: "PK_IssualAlerts",
                table: "IssualAlerts",
                columns: new[] { "OfferId", "TotalLimit", "Threshold" });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimToken = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    OfferId = table.Column<long>(type: "INTEGER", nullable: true),
                    CouponId = table.Column<long>(type: "INTEGER", nullable: true),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReminderCursors",
                columns: table => new
                {
                    OfferId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReminderKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DoneUntil = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderCursors", x => new { x.OfferId, x.ReminderKey });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Coupons_Reminders",
                table: "Coupons",
                columns: new[] { "OfferId", "ExpiresAt" },
                filter: "\"Status\" IN ('Issued', 'Redeemed')");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Key",
                table: "OutboxMessages",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Status_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "Status", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "ReminderCursors");

            migrationBuilder.DropPrimaryKey(
                name: "PK_IssualAlerts",
                table: "IssualAlerts");

            migrationBuilder.DropIndex(
                name: "IX_Coupons_Reminders",
                table: "Coupons");

            migrationBuilder.DropColumn(
                name: "TotalLimit",
                table: "IssualAlerts");

            migrationBuilder.DropColumn(
                name: "Threshold",
                table: "IssualAlerts");

            migrationBuilder.AddColumn<long>(
                name: "SentAt",
                table: "IssualAlerts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_IssualAlerts",
                table: "IssualAlerts",
                column: "OfferId");
        }
    }
}
