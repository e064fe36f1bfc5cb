using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CouponAdmin.Core.Persistence.Migrations
{
    /// <summary>
    /// Stores <c>CustomerIssuals</c> as a clustered index on its key (SQLite's WITHOUT ROWID): one B-tree write per
    /// customer instead of a table row plus its key index, which is most of what a per-customer limit costs a
    /// million-row upload. EF has no setting for it, so the table is rebuilt by hand; the model is unchanged.
    /// </summary>
    public partial class CustomerIssualsClustered : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, " WITHOUT ROWID");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Rebuild(migrationBuilder, "");

        private static void Rebuild(MigrationBuilder migrationBuilder, string options)
        {
            if (migrationBuilder.ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite")
            {
                return;
            }

            migrationBuilder.Sql($"""
                CREATE TABLE "CustomerIssuals_rebuilt" (
                    "OfferId" INTEGER NOT NULL,
                    "CustomerId" INTEGER NOT NULL,
                    "Count" INTEGER NOT NULL,
                    "LastIssuedAt" INTEGER NULL,
                    CONSTRAINT "PK_CustomerIssuals" PRIMARY KEY ("OfferId", "CustomerId")
                ){options};
                INSERT INTO "CustomerIssuals_rebuilt" ("OfferId", "CustomerId", "Count", "LastIssuedAt")
                    SELECT "OfferId", "CustomerId", "Count", "LastIssuedAt" FROM "CustomerIssuals";
                DROP TABLE "CustomerIssuals";
                ALTER TABLE "CustomerIssuals_rebuilt" RENAME TO "CustomerIssuals";
                """);
        }
    }
}
