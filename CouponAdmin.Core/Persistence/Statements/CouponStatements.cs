using System.Globalization;
using System.Text;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Persistence.Dialects;

namespace CouponAdmin.Core.Persistence.Statements;

/// <summary>
/// Coupon rows: the INSERT of issued coupons (one, or many rows per statement for the bulk paths), the one issuing UPDATE
/// of uploaded pool codes, the look-up of a code's uploaded and common coupons, and a transfer's revocation.
/// </summary>
internal sealed class CouponStatements
{
    private static readonly StatementCache<CouponStatements> Cache = new(d => new(d));

    /// <summary>The columns a new coupon row is written with, in the order of every INSERT and COPY below.</summary>
    private const string Columns = """
        "OfferId", "Code", "IsShared", "CodeSpaceId", "CodeIndex", "CustomerId", "Status", "IssuedAt", "ExpiresAt", "RedemptionCount", "LastStatusChangeAt", "TransferSeq"
        """;

    private const string InsertColumns = $"""INSERT INTO "Coupons" ({Columns})""";

    /// <summary>PostgreSQL's binary COPY of coupon rows, the columns in the order of the INSERTs.</summary>
    public const string CopyRows = $"""COPY "Coupons" ({Columns}) FROM STDIN (FORMAT BINARY)""";

    private CouponStatements(ISqlDialect d)
    {
        var issued = SqlLiteral.Of(CouponStatus.Issued);
        var unissued = SqlLiteral.Of(CouponStatus.Unissued);
        InsertIssued = $"""
            {InsertColumns}
            VALUES (@o, @code, @shared, @space, @index, @c, {issued}, @now, @exp, 0, @now, 0)
            """;
        var take = $"""UPDATE "Coupons" SET "CustomerId" = @c, "Status" = {issued}, "IssuedAt" = @now, "ExpiresAt" = @exp, "LastStatusChangeAt" = @now""";
        TakeFirstFromPool = $"""
            {take}
            WHERE "Id" = (SELECT "Id" FROM "Coupons" WHERE "OfferId" = @o AND "Status" = {unissued} AND "CustomerId" IS NULL ORDER BY "Id" LIMIT 1{d.ForUpdateSkipLocked})
              AND "Status" = {unissued} AND "CustomerId" IS NULL
            RETURNING "Code"
            """;
        TakeNamedFromPool = $"""
            {take}
            WHERE "Code" = @code AND "CodeSpaceId" IS NULL AND "IsShared" = {d.Bool(false)} AND "OfferId" = @o AND "Status" = {unissued} AND "CustomerId" IS NULL
            RETURNING "Code"
            """;
        // Spelled to match the partial indexes' own conditions, so the database uses them instead of scanning; {0} is the code.
        ByTextCode = $"""
            SELECT * FROM "Coupons" WHERE "Code" = {"{0}"} AND "CodeSpaceId" IS NULL AND "IsShared" = {d.Bool(false)}
            UNION ALL
            SELECT * FROM "Coupons" WHERE "Code" = {"{0}"} AND "IsShared" = {d.Bool(true)}
            """;
        RevokeForTransfer = $"""
            UPDATE "Coupons" SET "Status" = {SqlLiteral.Of(CouponStatus.Revoked)}, "LastStatusChangeAt" = @now
            WHERE "Id" = @id AND "Status" = {issued} AND "RedemptionCount" = 0
            """;
        HeldAt = """SELECT 1 FROM "Coupons" WHERE "CodeSpaceId" = @s AND "CodeIndex" = @i LIMIT 1""";
    }

    public static CouponStatements For(ISqlDialect dialect) => Cache.For(dialect);

    /// <summary>One issued coupon (generated or common code).</summary>
    public string InsertIssued { get; }

    /// <summary>Issues the pool's first unissued code to <c>@c</c> and returns it.</summary>
    public string TakeFirstFromPool { get; }

    /// <summary>Issues the pool's unissued code <c>@code</c> to <c>@c</c> (through the uploaded codes' index) and returns it.</summary>
    public string TakeNamedFromPool { get; }

    /// <summary>The uploaded and common coupons of a code, for EF's <c>FromSqlRaw</c> with the code as its one argument.</summary>
    public string ByTextCode { get; }

    /// <summary>Revokes an issued, never redeemed coupon; no row when a redemption came first.</summary>
    public string RevokeForTransfer { get; }

    /// <summary>Whether a generated space's (<c>@s</c>) index <c>@i</c> is on a coupon.</summary>
    public string HeldAt { get; }

    /// <summary>
    /// An INSERT of <paramref name="rows"/> coupons of one offer: per row <c>@code{r}</c>, <c>@index{r}</c>, <c>@c{r}</c> and
    /// <c>@seq{r}</c> (with <paramref name="transferSeqs"/>; otherwise 0) vary; <c>@o</c>, <c>@shared</c>, <c>@space</c>,
    /// <c>@status</c>, <c>@issuedAt</c>, <c>@exp</c>, <c>@now</c> do not.
    /// </summary>
    public static string InsertRows(int rows, bool transferSeqs)
    {
        var values = new StringBuilder();
        for (var r = 0; r < rows; r++)
        {
            var seq = transferSeqs ? string.Create(CultureInfo.InvariantCulture, $"@seq{r}") : "0";
            values.Append(r == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $"(@o, @code{r}, @shared, @space, @index{r}, @c{r}, @status, @issuedAt, @exp, 0, @now, {seq})");
        }

        return $"{InsertColumns}\nVALUES {values}";
    }
}
