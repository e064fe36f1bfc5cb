using CouponAdmin.Core.Persistence.Dialects;

namespace CouponAdmin.Core.Persistence.Statements;

/// <summary>
/// Generated code spaces and the codes they must skip: the space's counter (each index handed out once, by one conditional
/// update), and <c>HeldCodeIndexes</c>, the indexes whose code a common or uploaded code already holds.
/// </summary>
internal sealed class CodeSpaceStatements
{
    private static readonly StatementCache<CodeSpaceStatements> Cache = new(_ => new());

    private CodeSpaceStatements()
    {
        Create = """
            INSERT INTO "CodeSpaces" ("FormatKey", "FixedText", "Alphabet", "Length", "PermutationKey", "NextCodeIndex")
            VALUES (@k, @f, @a, @l, @p, 0) ON CONFLICT ("FormatKey") DO NOTHING
            RETURNING "Id"
            """;
        MaxId = """SELECT MAX("Id") FROM "CodeSpaces" """;
        Reserve = """
            UPDATE "CodeSpaces" SET "NextCodeIndex" = "NextCodeIndex" + @n
            WHERE "Id" = @s AND "NextCodeIndex" + @n <= @capacity
            RETURNING "NextCodeIndex"
            """;
        NextIndex = """SELECT "NextCodeIndex" FROM "CodeSpaces" WHERE "Id" = @s""";
        TextCodesOfShape = """
            SELECT DISTINCT "Code" FROM "Coupons"
            WHERE "CodeSpaceId" IS NULL AND length("Code") = @len AND substr("Code", 1, @fixedLength) = @fixed
            UNION
            SELECT substr("ReservedCode", 3) FROM "Offers" WHERE "ReservedCode" LIKE 'C:%' AND length("ReservedCode") = @len + 2
            """;
        HeldInRange = """SELECT "CodeIndex" FROM "HeldCodeIndexes" WHERE "SpaceId" = @s AND "CodeIndex" >= @first AND "CodeIndex" < @end""";
        HeldAheadOfCounter = """
            SELECT COUNT(*) FROM "HeldCodeIndexes" h JOIN "CodeSpaces" s ON s."Id" = h."SpaceId"
            WHERE h."SpaceId" = @s AND h."CodeIndex" >= s."NextCodeIndex"
            """;
        Hold = """INSERT INTO "HeldCodeIndexes" ("SpaceId", "CodeIndex", "Code") VALUES (@s, @i, @code) ON CONFLICT DO NOTHING""";
    }

    public static CodeSpaceStatements For(ISqlDialect dialect) => Cache.For(dialect);

    /// <summary>A new space for a format key; no row when another writer made it first.</summary>
    public string Create { get; }

    /// <summary>The newest space's id: the cache of known spaces is current while it has not moved.</summary>
    public string MaxId { get; }

    /// <summary>Takes <c>@n</c> indexes of space <c>@s</c> when they fit under <c>@capacity</c>; returns the new counter.</summary>
    public string Reserve { get; }

    public string NextIndex { get; }

    /// <summary>Uploaded and common codes of a space's shape (<c>@len</c> long, starting with <c>@fixed</c>).</summary>
    public string TextCodesOfShape { get; }

    /// <summary>Held indexes of space <c>@s</c> in [<c>@first</c>, <c>@end</c>).</summary>
    public string HeldInRange { get; }

    /// <summary>Held indexes at or after the space's counter: codes it can no longer give.</summary>
    public string HeldAheadOfCounter { get; }

    /// <summary>Claims index <c>@i</c> of space <c>@s</c> for the code <c>@code</c>.</summary>
    public string Hold { get; }
}
