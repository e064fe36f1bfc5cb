using System.Globalization;
using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Notifications;

/// <param name="Code">The coupon's code, as typed.</param>
/// <param name="CustomerType">Whose coupon, for a common code (one code, a coupon per customer); optional otherwise.</param>
/// <param name="RequestId">Makes a repeated request (a client retry) answer the first one's message instead of sending again.</param>
public sealed record ResendCouponRequest(string Code, IdentifierType? CustomerType = null, string? CustomerValue = null, string? RequestId = null);

/// <param name="Repeated">True when <see cref="ResendCouponRequest.RequestId"/> named a resend made before.</param>
public sealed record ResendCouponResult(long MessageId, long CouponId, string Mobile, bool Repeated);

/// <summary>
/// Sends the coupon again by SMS with the offer's resend text, to the holder's mobile, through the outbox: the API and
/// Member care call this. Refused for third-party offers, offers without a resend text, coupons that cannot be used
/// (unissued, revoked, expired, used up) and holders without a mobile; at most
/// <see cref="NotificationOptions.ResendPerCouponPerHour"/> a coupon an hour, counted from the outbox.
/// </summary>
public sealed class ResendCoupon(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock, NotificationOptions options, IOutboxSignal signal)
{
    public async Task<Result<ResendCouponResult>> ExecuteAsync(ResendCouponRequest request, string actor, CancellationToken ct = default)
    {
        var code = CodeFormat.Normalize(request.Code ?? "");
        if (code.Length == 0)
        {
            return Error.Validation([new FieldError("code", "Give the code of the coupon to resend.")]);
        }

        // The request id is an Idempotency-Key, with the same rule as the redemption's.
        if (Redemption.Idempotency.Validate(request.RequestId is null ? null : new Redemption.IdempotencyKey("resend", request.RequestId)) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await ResendTarget.FindAsync(db, code, request, ct);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (coupon, offer, customer) = found.Value;
        var now = clock.GetUtcNow();
        if (ResendTarget.Refusal(coupon, offer, customer, now) is { } refusal)
        {
            return refusal;
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"resend:{coupon.Id}:{RequestKey(actor, request.RequestId)}");
        var sql = OutboxStatements.For(db.Dialect);
        if (await db.ScalarAsync<long>(sql.IdByKey, ct, ("@key", key)) is { } earlier)
        {
            return new ResendCouponResult(earlier, coupon.Id, customer!.Mobile!, Repeated: true);
        }

        var zone = await OrgTime.ZoneAsync(db, ct);
        var body = MessageTemplate.Render(offer.Definition.Issual.ResendSms!.Text, new TemplateValues(offer.Name,
            MessageTemplate.FormatDiscount(offer.Definition.Discount), await RemainingAsync(db, offer, ct), zone, coupon.Code, coupon.ExpiresAt, customer!.Name));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Resend keys start with the coupon's id: the count is a range of the unique key index.
        var prefix = string.Create(CultureInfo.InvariantCulture, $"resend:{coupon.Id}:");
        var id = await db.ScalarAsync<long>(sql.Resend, ct, ("@key", key), ("@to", customer.Mobile), ("@body", body), ("@now", now), ("@by", actor), ("@offer", offer.Id),
            ("@coupon", coupon.Id), ("@customer", customer.UserId), ("@prefix", prefix), ("@prefixEnd", prefix[..^1] + ";"),
            ("@hourAgo", now.AddHours(-1)), ("@limit", options.ResendPerCouponPerHour));
        if (id is null)
        {
            return new Error(ErrorCodes.ResendLimitReached,
                $"Coupon '{coupon.Code}' was resent {options.ResendPerCouponPerHour} times in the last hour, the most allowed; try again later.", ErrorKind.TooManyRequests);
        }

        AuditLog.Record(db, now, actor, "coupon.resent", nameof(Coupon), coupon.Code, (object?)null, new { MessageId = id, coupon.CustomerId });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        signal.MessagesWritten();
        return new ResendCouponResult(id.Value, coupon.Id, customer.Mobile!, Repeated: false);
    }

    /// <summary>Why this coupon cannot be resent now (the same rules as sending, without the hourly limit), or null when it can.</summary>
    public async Task<Error?> RefusalAsync(ResendCouponRequest request, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await ResendTarget.FindAsync(db, CodeFormat.Normalize(request.Code ?? ""), request, ct);
        return found.IsSuccess ? ResendTarget.Refusal(found.Value.Coupon, found.Value.Offer, found.Value.Holder, clock.GetUtcNow()) : found.Error;
    }

    /// <summary>
    /// A request id belongs to whoever sent it (as idempotency keys do for the POS API): another API key or user sending the
    /// same id gets its own resend. Hashed, so any id fits the message key.
    /// </summary>
    private static string RequestKey(string actor, string? requestId) => requestId is null
        ? Guid.NewGuid().ToString("N")
        : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{actor}\n{requestId}")))[..32];

    private static async Task<long?> RemainingAsync(CouponDbContext db, Offer offer, CancellationToken ct) =>
        offer.Definition.Issual.TotalLimit is { } limit
            ? Math.Max(0, limit - (await db.OfferCounters.AsNoTracking().Where(c => c.OfferId == offer.Id).Select(c => (long?)c.IssuedCount).FirstOrDefaultAsync(ct) ?? 0))
            : null;
}
