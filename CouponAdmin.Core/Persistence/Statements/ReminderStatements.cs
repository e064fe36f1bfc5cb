using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Notifications;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence.Dialects;

namespace CouponAdmin.Core.Persistence.Statements;

/// <summary>
/// The expiry reminders' statements. The scan repeats the condition of the partial index <c>IX_Coupons_Reminders</c>
/// (<c>"Status" IN ('Issued', 'Redeemed')</c>) word for word, because SQLite only uses a partial index when the query
/// repeats its condition; each chunk starts at its first coupon (<c>ExpiresAt = x AND Id &gt; n</c>), so a
/// million-coupon expiry day is never read from its start once per chunk.
/// </summary>
internal sealed class ReminderStatements
{
    private static readonly StatementCache<ReminderStatements> Cache = new(d => new(d));

    private readonly string _insertEmail;
    private readonly string _insertSms;

    private ReminderStatements(ISqlDialect d)
    {
        var usable = $"""c."Status" IN ({SqlLiteral.Of(CouponStatus.Issued)}, {SqlLiteral.Of(CouponStatus.Redeemed)})""";
        var chunk = $"""c."OfferId" = @o AND {usable} AND c."ExpiresAt" = @expiresAt AND c."Id" > @afterId""";
        NextExpiry = $"""
            SELECT c."ExpiresAt" FROM "Coupons" c
            WHERE c."OfferId" = @o AND {usable} AND c."ExpiresAt" >= @from AND c."ExpiresAt" < @to
            ORDER BY c."ExpiresAt" LIMIT 1
            """;
        ChunkEnd = $"""SELECT c."Id" FROM "Coupons" c WHERE {chunk} ORDER BY c."Id" LIMIT 1 OFFSET @skip""";
        _insertEmail = Insert(chunk, "\"Email\"");
        _insertSms = Insert(chunk, "\"Mobile\"");
        AdvanceCursor = """
            INSERT INTO "ReminderCursors" ("OfferId", "ReminderKey", "DoneUntil") VALUES (@o, @k, @now)
            ON CONFLICT ("OfferId", "ReminderKey") DO UPDATE SET "DoneUntil" = excluded."DoneUntil"
            WHERE "ReminderCursors"."DoneUntil" < excluded."DoneUntil"
            """;
    }

    public static ReminderStatements For(ISqlDialect d) => Cache.For(d);

    /// <summary>The first expiry instant in [@from, @to) among offer @o's issued or redeemed coupons, or nothing.</summary>
    public string NextExpiry { get; }

    /// <summary>The id of the last coupon of the next chunk (@skip + 1 coupons of offer @o expiring at @expiresAt after id @afterId),
    /// or nothing when fewer are left.</summary>
    public string ChunkEnd { get; }

    /// <summary>Moves the cursor of reminder @k of offer @o to @now, never back (a slower run that started earlier leaves a later cursor as it is).</summary>
    public string AdvanceCursor { get; }

    /// <summary>
    /// Writes one chunk's reminder messages for <paramref name="channel"/>, keyed so a repeated chunk writes nothing: offer @o's
    /// coupons expiring at @expiresAt with ids in (@afterId, @upToId], still valid at @now, issued by @moment and usable
    /// (issued, or redeemed fewer than @useLimit times when there is a limit). A holder without the channel's contact gets a
    /// skipped message whose note ends with @noContact. The text comes from the SQL function <c>reminder_text(code, name,
    /// expiresAt)</c> the caller registers on the connection. Also @suffix (the reminder's key part), @channel, @subject, @by.
    /// </summary>
    public string InsertFor(ReminderChannel channel) => channel == ReminderChannel.Sms ? _insertSms : _insertEmail;

    private static string Insert(string chunk, string contact) => $"""
        INSERT INTO "OutboxMessages" ("Key", "Kind", "Channel", "Recipient", "Subject", "Body", "Status", "Attempts", "Note",
            "NextAttemptAt", "CreatedAt", "CreatedBy", "OfferId", "CouponId", "CustomerId")
        SELECT 'reminder:' || c."Id" || @suffix, {SqlLiteral.Of(MessageKind.Reminder)}, @channel, COALESCE(cu.{contact}, ''), @subject,
            reminder_text(c."Code", cu."Name", c."ExpiresAt"),
            CASE WHEN cu.{contact} IS NULL THEN {SqlLiteral.Of(MessageStatus.Skipped)} ELSE {SqlLiteral.Of(MessageStatus.Pending)} END, 0,
            CASE WHEN cu.{contact} IS NULL THEN 'Customer ' || cu."UserId" || @noContact END,
            @now, @now, @by, c."OfferId", c."Id", c."CustomerId"
        FROM "Coupons" c CROSS JOIN "Customers" cu
        WHERE {chunk} AND c."Id" <= @upToId
          AND cu."UserId" = c."CustomerId" AND {Coupon.ValidAtSql} AND c."IssuedAt" <= @moment
          AND (c."Status" = {SqlLiteral.Of(CouponStatus.Issued)} OR @useLimit IS NULL OR c."RedemptionCount" < @useLimit)
        ON CONFLICT ("Key") DO NOTHING
        """;
}
