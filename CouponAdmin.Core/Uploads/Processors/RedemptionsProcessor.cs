using System.Globalization;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Redemption;
using CouponAdmin.Core.Uploads.Csv;

namespace CouponAdmin.Core.Uploads.Processors;

/// <summary>
/// <c>redemptions</c> files (offline redemptions): each row goes through the redemption service like a POS call,
/// at the row's <c>redeemedAt</c>. Each row carries an idempotency key made of the upload and row, so a chunk
/// replayed after a crash answers from the first attempt instead of redeeming twice. A dry run validates instead.
/// </summary>
internal sealed class RedemptionsProcessor : IUploadProcessor
{
    /// <summary>How far in the future a redemption time may be (clock drift between tills and us).</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public int ChunkSize => 500;

    public bool InChunkTransaction => false;

    public async Task ProcessAsync(UploadRunContext run, UploadChunk chunk, CancellationToken ct)
    {
        var redeem = new RedeemCoupon(run.DbFactory, run.Clock);
        var validate = new ValidateCoupon(run.DbFactory, run.Clock);
        foreach (var row in chunk.Rows)
        {
            if (Parse(run, row, chunk) is not { } request)
            {
                continue;
            }

            var outcome = run.DryRun
                ? await validate.ExecuteAsync(request, ct)
                : await redeem.ExecuteAsync(request, run.Actor, new IdempotencyKey(IdempotencyKey.UploadScope, $"upload-{run.Upload.Id}-row-{row.RowNumber}"), ct);
            if (!outcome.IsSuccess)
            {
                chunk.Fail(row.RowNumber, row["identifier"], row["code"], outcome.Error);
            }
        }
    }

    private static RedeemRequest? Parse(UploadRunContext run, CsvRow row, UploadChunk chunk)
    {
        var identifier = row["identifier"];
        if (row.Problems.Count > 0)
        {
            chunk.Invalid(row, identifier, string.Join(" ", row.Problems));
            return null;
        }

        var customer = CustomerIdentifiers.Parse(row["identifierType"], identifier);
        if (!customer.IsSuccess)
        {
            chunk.Fail(row.RowNumber, identifier, row["code"], customer.Error);
            return null;
        }

        if (!decimal.TryParse(row["billAmount"], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var bill))
        {
            chunk.Invalid(row, identifier, $"The bill amount '{row["billAmount"]}' is not a number such as 1250.00.");
            return null;
        }

        if (RedeemedAt(row["redeemedAt"], run.Zone) is not { } at)
        {
            chunk.Invalid(row, identifier, $"The redemption time '{row["redeemedAt"]}' is not a date and time such as 2026-11-20T18:30:00+05:30.");
            return null;
        }

        if (at > run.Clock.GetUtcNow() + FutureTolerance)
        {
            chunk.Invalid(row, identifier, $"The redemption time '{row["redeemedAt"]}' is in the future.");
            return null;
        }

        return new RedeemRequest(row["code"]!, customer.Value.Type, customer.Value.Value, row["tillId"], row["storeId"], bill, row["currency"],
            row["transactionId"]!, at);
    }

    /// <summary>An ISO 8601 time; without an offset it is read in the org's time zone.</summary>
    private static DateTimeOffset? RedeemedAt(string? raw, TimeZoneInfo zone)
    {
        if (!DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return null;
        }

        return parsed.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(parsed, zone.GetUtcOffset(parsed))
            : DateTimeOffset.Parse(raw!, CultureInfo.InvariantCulture);
    }
}
