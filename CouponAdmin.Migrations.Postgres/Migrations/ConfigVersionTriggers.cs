using Microsoft.EntityFrameworkCore.Migrations;

namespace CouponAdmin.Migrations.Postgres.Migrations;

/// <summary>
/// PostgreSQL's side of the point-of-sale snapshot's version (docs/architecture.md, "Redeeming"; docs/decisions.md,
/// "Point-of-sale path"): the same rule as SQLite's triggers — every row inserted, updated or deleted in a table the
/// snapshot is built from raises <c>ConfigVersions.Version</c> in the statement that changes it, so the new version
/// commits (or rolls back) with the change whatever made it; a change of the store tree also dates itself in
/// <c>StoresChangedAt</c>. Row triggers, as SQLite's are, so a statement that changes nothing moves nothing. A migration
/// that rebuilds one of these tables must call <see cref="Create"/> again.
/// </summary>
internal static class ConfigVersionTriggers
{
    /// <summary>The tables and the changes to each that make the snapshot out of date (a code space's counter moves with every issue; only a new space counts).</summary>
    private static readonly (string Table, string Events)[] SnapshotSources =
    [
        ("Offers", "INSERT OR UPDATE OR DELETE"),
        ("OrgSettings", "INSERT OR UPDATE OR DELETE"),
        ("OrgEntities", "INSERT OR UPDATE OR DELETE"),
        ("ExchangeRates", "INSERT OR UPDATE OR DELETE"),
        ("CodeSpaces", "INSERT"),
    ];

    /// <summary>Now in UTC ticks, as every instant is stored, by the server's clock at the statement.</summary>
    private const string NowTicks = "(EXTRACT(EPOCH FROM clock_timestamp()) * 10000000)::bigint + 621355968000000000";

    private const string RaiseVersion = "ConfigVersions_Raise";
    private const string RaiseVersionAndStores = "ConfigVersions_RaiseStores";

    private static string TriggerName(string table) => $"TR_{table}_ConfigVersion";

    public static void Create(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            CREATE OR REPLACE FUNCTION "{RaiseVersion}"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE "ConfigVersions" SET "Version" = "Version" + 1;
                RETURN NULL;
            END
            $$;
            """);
        migrationBuilder.Sql($"""
            CREATE OR REPLACE FUNCTION "{RaiseVersionAndStores}"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE "ConfigVersions" SET "Version" = "Version" + 1, "StoresChangedAt" = {NowTicks};
                RETURN NULL;
            END
            $$;
            """);

        foreach (var (table, events) in SnapshotSources)
        {
            var function = table == "OrgEntities" ? RaiseVersionAndStores : RaiseVersion;
            migrationBuilder.Sql($"""
                CREATE TRIGGER "{TriggerName(table)}" AFTER {events} ON "{table}"
                FOR EACH ROW EXECUTE FUNCTION "{function}"();
                """);
        }
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        foreach (var (table, _) in SnapshotSources)
        {
            migrationBuilder.Sql($"""DROP TRIGGER IF EXISTS "{TriggerName(table)}" ON "{table}";""");
        }

        migrationBuilder.Sql($"""DROP FUNCTION IF EXISTS "{RaiseVersion}"();""");
        migrationBuilder.Sql($"""DROP FUNCTION IF EXISTS "{RaiseVersionAndStores}"();""");
    }
}
