using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Notifications;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence.Dialects;

namespace CouponAdmin.Core.Persistence.Statements;

/// <summary>
/// The expiry reminders' statements. The scan seeks the partial index <c>IX_Coupons_Reminders</c> (<c>"ExpiresAt" IS NOT
/// NULL</c>, which SQLite sees implied by the comparisons on <c>ExpiresAt</c>) and checks each coupon's status on its
/// row; each chunk starts at its first coupon (<c>ExpiresAt = x AND Id &gt; n</c>), so a million-coupon expiry day is
/// never read from its start once per chunk.
/// </summary>
internal sealed class ReminderStatements
{
    private static readonly StatementCache<ReminderStatements> Cache = new(d => new(d));

    private readonly string _chunk;

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
        _chunk = chunk;
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
    /// skipped message whose note ends with @noContact. The text is the template's segments for that expiry instant
    /// (<see cref="TextParameters"/>). Also @suffix (the reminder's key part), @channel, @subject, @by.
    /// </summary>
    public string InsertFor(ReminderChannel channel, IReadOnlyList<(string Text, RowValue Row)> text) =>
        Insert(_chunk, channel == ReminderChannel.Sms ? "\"Mobile\"" : "\"Email\"", Text(text));

    /// <summary>
    /// The message text as one SQL expression: the template's constant parts bound as <c>@t0</c>, <c>@t1</c>, … (in the
    /// order of <paramref name="segments"/>, constants only) around the row's code and name. Every provider concatenates with
    /// <c>||</c>; a blank name reads as the template's nameless customer.
    /// </summary>
    private static string Text(IReadOnlyList<(string Text, RowValue Row)> segments)
    {
        var parts = new List<string>(segments.Count);
        var constants = 0;
        foreach (var (_, row) in segments)
        {
            parts.Add(row switch
            {
                RowValue.CouponCode => "c.\"Code\"",
                RowValue.CustomerName => $"CASE WHEN TRIM(COALESCE(cu.\"Name\", '')) = '' THEN '{MessageTemplate.NamelessCustomer}' ELSE cu.\"Name\" END",
                _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"@t{constants++}"),
            });
        }

        return string.Join(" || ", parts);
    }

    /// <summary>The parameters <see cref="InsertFor"/>'s text expects: the constant segments as <c>@t0</c>, <c>@t1</c>, ….</summary>
    public static IEnumerable<(string Name, object? Value)> TextParameters(IReadOnlyList<(string Text, RowValue Row)> segments) =>
        segments.Where(s => s.Row == RowValue.None).Select((s, i) => (string.Create(System.Globalization.CultureInfo.InvariantCulture, $"@t{i}"), (object?)s.Text));

    private static string Insert(string chunk, string contact, string text) => $"""
        INSERT INTO "OutboxMessages" ("Key", "Kind", "Channel", "Recipient", "Subject", "Body", "Status", "Attempts", "Note",
            "NextAttemptAt", "CreatedAt", "CreatedBy", "OfferId", "CouponId", "CustomerId")
        SELECT 'reminder:' || c."Id" || @suffix, {SqlLiteral.Of(MessageKind.Reminder)}, @channel, COALESCE(cu.{contact}, ''), @subject,
            {text},
            CASE WHEN cu.{contact} IS NULL THEN {SqlLiteral.Of(MessageStatus.Skipped)} ELSE {SqlLiteral.Of(MessageStatus.Pending)} END, 0,
            CASE WHEN cu.{contact} IS NULL THEN 'Customer ' || cu."UserId" || @noContact END,
            @now, @now, @by, c."OfferId", c."Id", c."CustomerId"
        FROM "Coupons" c CROSS JOIN "Customers" cu
        WHERE {chunk} AND c."Id" <= @upToId
          AND cu."UserId" = c."CustomerId" AND {Coupon.ValidAtSql} AND c."IssuedAt" <= @moment
          AND (c."Status" = {SqlLiteral.Of(CouponStatus.Issued)} OR CAST(@useLimit AS INTEGER) IS NULL OR c."RedemptionCount" < CAST(@useLimit AS INTEGER))
        ON CONFLICT ("Key") DO NOTHING
        """;
}
