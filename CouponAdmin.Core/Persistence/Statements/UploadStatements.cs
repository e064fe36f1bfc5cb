using CouponAdmin.Core.Persistence.Dialects;

namespace CouponAdmin.Core.Persistence.Statements;

/// <summary>
/// The upload job's own statements: its checkpoint, its issue rows and the row-by-row writes of the audience and codes
/// files. The per-row statements are prepared once per chunk and run thousands of times, so each is one small insert or seek.
/// </summary>
internal sealed class UploadStatements
{
    private static readonly StatementCache<UploadStatements> Cache = new(d => new(d));

    private UploadStatements(ISqlDialect d)
    {
        LastCommittedRow = $"""SELECT "LastCommittedRow" FROM "Uploads" WHERE "Id" = @u{d.ForUpdate}""";
        AddIssue = """
            INSERT INTO "UploadIssues" ("UploadId", "Row", "Identifier", "Code", "Error", "Message") VALUES (@u, @row, @identifier, @code, @error, @message)
            """;
        AddAudienceMember = """
            INSERT INTO "AudienceMembers" ("OfferId", "CustomerId") VALUES (@o, @c) ON CONFLICT DO NOTHING
            """;
        // Every issued common code is also its offer's reservation, so the reservations stand for the shared coupons. The
        // uploaded codes' half repeats the partial index's condition (CodeSpaceId IS NULL AND IsShared = false) so it is used.
        ExistingCodes = $"""
            SELECT c."Code", c."OfferId", c."TransferSeq", c."Status" FROM {d.ListTable("@codes", "j")}
            CROSS JOIN "Coupons" c WHERE c."Code" = j.value AND c."CodeSpaceId" IS NULL AND c."IsShared" = {d.Bool(false)}
            UNION ALL
            SELECT substr(o."ReservedCode", 3), o."Id", -1, '{CommonCode}' FROM {d.ListTable("@codes", "j")}
            CROSS JOIN "Offers" o WHERE o."ReservedCode" = 'C:' || j.value
            """;
        GeneratedCodeOwner = """SELECT "OfferId" FROM "Coupons" WHERE "CodeSpaceId" = @s AND "CodeIndex" = @i LIMIT 1""";
    }

    /// <summary>The status <see cref="ExistingCodes"/> gives an offer's common code (no coupon status: the code is a reservation).</summary>
    public const string CommonCode = "Common";

    public static UploadStatements For(ISqlDialect d) => Cache.For(d);

    /// <summary>The checkpoint of upload @u as committed (another run of the upload may have moved it), its row locked until the
    /// chunk commits where the provider locks rows: two runs of one upload (two nodes) then apply each chunk once.</summary>
    public string LastCommittedRow { get; }

    /// <summary>One issue row of upload @u: @row, @identifier, @code (both may be null), @error, @message.</summary>
    public string AddIssue { get; }

    /// <summary>Adds customer @c to offer @o's audience; nothing when listed already.</summary>
    public string AddAudienceMember { get; }

    /// <summary>
    /// The codes among @codes (a dialect list) the org has by their text: Code, OfferId, TransferSeq, Status of every uploaded
    /// coupon of each, and of a common code one row with TransferSeq -1 and status <see cref="CommonCode"/>.
    /// </summary>
    public string ExistingCodes { get; }

    /// <summary>The offer of a coupon of generated code @i of space @s, or nothing.</summary>
    public string GeneratedCodeOwner { get; }
}
