using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;

namespace CouponAdmin.Core.Uploads.Processors;

/// <summary>
/// <c>customers</c> files: issues each row's customer one coupon (or <c>count</c>) of the offer, under the offer's issuing
/// rules in file order, through the bulk insert path. Works for auto-unique, common and uploaded codes.
/// </summary>
internal sealed class CustomerIssuanceProcessor : IUploadProcessor
{
    public const int MaxCountPerRow = 1000;

    private ICodeGenerator? _generator;
    private IssualLedger? _dryRunLedger;

    public int ChunkSize => 50_000;

    public bool InChunkTransaction => true;

    public async Task<Error?> BeginAsync(UploadRunContext run, CancellationToken ct)
    {
        var offer = run.RequiredOffer;
        if (UploadRules.Refusal(offer, UploadKind.Customers) is { } refusal)
        {
            return refusal;
        }

        _generator = offer.GenerationMethod == GenerationMethod.Uploaded ? null : await CodeSpaces.GeneratorAsync(run.Db, offer, ct);
        return null;
    }

    public async Task ProcessAsync(UploadRunContext run, UploadChunk chunk, CancellationToken ct)
    {
        var offer = run.RequiredOffer;
        var now = run.Clock.GetUtcNow();
        var counts = new Dictionary<int, int>();
        var wellFormed = chunk.Rows.Where(row => ParseCount(row, chunk, counts)).ToList();
        var rows = await ChunkCustomers.ResolveAsync(run, chunk, wellFormed, ct);
        if (IssuanceChecks.OfferIssuable(offer, now) is { } closed)
        {
            // The offer was paused or ended while the file was being processed: the rest of the file is refused, row by row.
            rows.ForEach(r => chunk.Fail(r.Row.RowNumber, r.Identifier, null, closed));
            return;
        }

        var ledger = await IssualLedger.LoadAsync(run.Db, offer, rows.Select(r => r.CustomerId).Distinct().ToList(), await IssuedCodes.LeftAsync(run.Db, offer, _generator, ct), now, ct);
        if (_dryRunLedger is not null)
        {
            ledger.Carry(_dryRunLedger);
        }

        // Decide every issual in file order; each granted one is written below in the same order.
        var plan = new List<(CustomerRow Row, IssualDecision Decision)>();
        foreach (var row in rows)
        {
            var wanted = counts[row.Row.RowNumber];
            for (var i = 0; i < wanted; i++)
            {
                var (decision, refusal) = ledger.TryIssue(row.CustomerId);
                if (decision == IssualDecision.Refuse && i > 0)
                {
                    chunk.Partial(row.Row.RowNumber, row.Identifier, refusal! with { Message = $"{refusal.Message} ({i} of {wanted} coupons were issued.)" });
                    break;
                }

                if (decision == IssualDecision.Refuse)
                {
                    chunk.Fail(row.Row.RowNumber, row.Identifier, null, refusal!);
                    break;
                }

                plan.Add((row, decision));
                if (decision == IssualDecision.SendExisting)
                {
                    break;
                }
            }
        }

        if (run.DryRun)
        {
            _dryRunLedger = ledger;
            return;
        }

        await WriteAsync(run, offer, ledger, plan, chunk, now, ct);
    }

    private async Task WriteAsync(UploadRunContext run, Offer offer, IssualLedger ledger, List<(CustomerRow Row, IssualDecision Decision)> plan,
        UploadChunk chunk, DateTimeOffset now, CancellationToken ct)
    {
        var db = run.Db;
        var granted = plan.Count(p => p.Decision == IssualDecision.Issue);
        var expiresAt = ExpiryCalculator.ExpiresAt(now, offer.Definition.Coupon.Expiry, offer.ValidUntil, run.Zone);
        using var codes = new IssuedCodes(db, offer, _generator, now, expiresAt);
        var issued = await codes.ReserveAsync(granted, ct);
        var written = 0;
        var existing = plan.Any(p => p.Decision == IssualDecision.SendExisting)
            ? await IssualLedgerWriter.ExistingCodesAsync(db, offer.Id, plan.Where(p => p.Decision == IssualDecision.SendExisting).Select(p => p.Row.CustomerId), now, ct)
            : [];
        foreach (var (row, decision) in plan)
        {
            if (decision == IssualDecision.Issue && written++ >= issued)
            {
                ledger.Withdraw(row.CustomerId);
                chunk.Fail(row.Row.RowNumber, row.Identifier, null, CodeSource.NoCodes(offer, "every code it can give is taken"));
            }
            else if (decision == IssualDecision.Issue)
            {
                chunk.AddIssued(row.Row.RowNumber, row.Identifier, await codes.IssueAsync(row.CustomerId, ct));
            }
            else if (existing.TryGetValue(row.CustomerId, out var code))
            {
                chunk.AddIssued(row.Row.RowNumber, row.Identifier, code);
            }
            else
            {
                // "Send the existing coupon", but it is no longer valid: the maximum refuses.
                var count = IssuanceChecks.MaxPerCustomer(offer.Definition) ?? 0;
                chunk.Fail(row.Row.RowNumber, row.Identifier, null, CustomerRefusal.MaxReached(offer, row.CustomerId, count));
            }
        }

        codes.Flush();
        await IssualLedgerWriter.WriteCountsAsync(db, offer, ledger, issued, now, run.Zone, run.Notifications, ct);
    }

    private static bool ParseCount(Csv.CsvRow row, UploadChunk chunk, Dictionary<int, int> counts)
    {
        var raw = row["count"];
        if (raw is null)
        {
            counts[row.RowNumber] = 1;
            return true;
        }

        if (int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaxCountPerRow)
        {
            counts[row.RowNumber] = count;
            return true;
        }

        chunk.Invalid(row, row["identifier"], $"The count '{raw}' is not a whole number from 1 to {MaxCountPerRow}.");
        return false;
    }
}
