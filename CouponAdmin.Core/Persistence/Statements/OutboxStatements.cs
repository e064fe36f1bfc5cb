using CouponAdmin.Core.Notifications;
using CouponAdmin.Core.Persistence.Dialects;

namespace CouponAdmin.Core.Persistence.Statements;

/// <summary>
/// The outbox's statements: adding a message (keyed, so a second write is a no-op), the delivery run's claim, settle and
/// release, a person's retry and the rate-limited resend. Each decides in one conditional statement, so two runs or two
/// people acting at once can never both take the same message or the same slot.
/// </summary>
internal sealed class OutboxStatements
{
    private static readonly StatementCache<OutboxStatements> Cache = new(d => new(d));

    private OutboxStatements(ISqlDialect d)
    {
        Add = """
            INSERT INTO "OutboxMessages" ("Key", "Kind", "Channel", "Recipient", "Subject", "Body", "Status", "Attempts", "Note",
                "NextAttemptAt", "CreatedAt", "CreatedBy", "OfferId", "CouponId", "CustomerId")
            VALUES (@key, @kind, @channel, @to, @subject, @body, @status, 0, @note, @now, @now, @by, @offer, @coupon, @customer)
            ON CONFLICT ("Key") DO NOTHING
            RETURNING "Id"
            """;
        IdByKey = """SELECT "Id" FROM "OutboxMessages" WHERE "Key" = @key""";
        Claim = $"""
            UPDATE "OutboxMessages" SET "Status" = {SqlLiteral.Of(MessageStatus.Sending)}, "ClaimToken" = @token, "NextAttemptAt" = @lease
            WHERE "Id" IN (SELECT "Id" FROM "OutboxMessages"
                WHERE "Status" IN ({SqlLiteral.Of(MessageStatus.Pending)}, {SqlLiteral.Of(MessageStatus.Sending)}) AND "NextAttemptAt" <= @now LIMIT @batch{d.ForUpdateSkipLocked})
              AND "Status" IN ({SqlLiteral.Of(MessageStatus.Pending)}, {SqlLiteral.Of(MessageStatus.Sending)}) AND "NextAttemptAt" <= @now
            RETURNING "Id", "Key", "Channel", "Recipient", "Subject", "Body", "Attempts"
            """;
        Settle = """
            UPDATE "OutboxMessages"
            SET "Status" = @status, "Attempts" = @attempts, "NextAttemptAt" = @next, "ClaimToken" = NULL,
                "SentAt" = CASE WHEN @sent THEN @now ELSE "SentAt" END,
                "LastError" = CASE WHEN @failed THEN @detail ELSE "LastError" END,
                "Note" = CASE WHEN @failed THEN "Note" ELSE @detail END
            WHERE "Id" = @id AND "ClaimToken" = @token
            """;
        Release = $"""
            UPDATE "OutboxMessages" SET "Status" = {SqlLiteral.Of(MessageStatus.Pending)}, "NextAttemptAt" = @now, "ClaimToken" = NULL
            WHERE "ClaimToken" = @token AND "Id" IN ({d.ListSubquery("@ids")})
            """;
        Retry = $"""
            UPDATE "OutboxMessages" SET "Status" = {SqlLiteral.Of(MessageStatus.Pending)}, "NextAttemptAt" = @now WHERE "Id" = @id AND "Status" = @status
            """;
        Resend = $"""
            INSERT INTO "OutboxMessages" ("Key", "Kind", "Channel", "Recipient", "Subject", "Body", "Status", "Attempts", "NextAttemptAt",
                "CreatedAt", "CreatedBy", "OfferId", "CouponId", "CustomerId")
            SELECT @key, {SqlLiteral.Of(MessageKind.Resend)}, {SqlLiteral.Of(MessageChannel.Sms)}, @to, NULL, @body, {SqlLiteral.Of(MessageStatus.Pending)}, 0,
                @now, @now, @by, @offer, @coupon, @customer
            WHERE (SELECT COUNT(*) FROM "OutboxMessages" WHERE "Key" >= @prefix AND "Key" < @prefixEnd AND "CreatedAt" > @hourAgo) < @limit
            ON CONFLICT ("Key") DO NOTHING
            RETURNING "Id"
            """;
    }

    public static OutboxStatements For(ISqlDialect d) => Cache.For(d);

    /// <summary>Adds a message and answers its id, or nothing when its key was written before: @key, @kind, @channel, @to, @subject,
    /// @body, @status, @note, @now, @by, @offer, @coupon, @customer.</summary>
    public string Add { get; }

    /// <summary>The id of the message written under @key (the first write's, when <see cref="Add"/> found it there).</summary>
    public string IdByKey { get; }

    /// <summary>Claims up to @batch messages due at @now (pending, or sending with a lapsed lease) for the run holding @token until
    /// @lease, and returns them: Id, Key, Channel, Recipient, Subject, Body, Attempts.</summary>
    public string Claim { get; }

    /// <summary>Records one attempt's outcome on message @id, only while run @token still holds it: @status, @attempts, @next, @now,
    /// @sent and @failed (booleans), @detail (the note, or the error when it failed).</summary>
    public string Settle { get; }

    /// <summary>Hands the messages @ids (a dialect list) still held by run @token back to the queue, due at @now.</summary>
    public string Release { get; }

    /// <summary>Makes message @id pending and due at @now, only if it is still in the @status it was read in (two people pressing
    /// Retry queue it once).</summary>
    public string Retry { get; }

    /// <summary>
    /// Adds a resend SMS unless @limit messages keyed between @prefix and @prefixEnd (the coupon's resends) were created after
    /// @hourAgo: the count and the insert are one statement, so simultaneous requests cannot both take the last slot. Answers
    /// the new id, or nothing. Also @key, @to, @body, @now, @by, @offer, @coupon, @customer.
    /// </summary>
    public string Resend { get; }
}
