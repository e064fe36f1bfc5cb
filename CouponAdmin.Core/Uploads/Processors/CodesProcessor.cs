using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Persistence.Statements;
using CouponAdmin.Core.Uploads.Csv;

namespace CouponAdmin.Core.Uploads.Processors;

/// <summary>
/// <c>codes</c> files: adds existing codes to an uploaded-codes offer's pool. A row that also names a customer issues
/// that code to them at once, under the offer's issuing rules; if a rule refuses, the code stays in the pool unissued.
/// A code already in the file or already held in the org is DUPLICATE_CODE — except a revoked code of this offer, which
/// is given again (the seed's transfer). A code shaped like generated codes is accepted and claimed, so no space makes it.
/// </summary>
internal sealed class CodesProcessor : IUploadProcessor
{
    /// <summary>Codes seen earlier in this run; earlier runs' codes are in the database.</summary>
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private Func<string, IReadOnlyList<(long SpaceId, long Index)>>? _decode;
    private IssualLedger? _dryRunLedger;

    public int ChunkSize => 10_000;

    public bool InChunkTransaction => true;

    public async Task<Error?> BeginAsync(UploadRunContext run, CancellationToken ct)
    {
        _decode = await CodeSpaces.DecoderAsync(run.Db, ct);
        return UploadRules.Refusal(run.RequiredOffer, UploadKind.Codes);
    }

    public async Task ProcessAsync(UploadRunContext run, UploadChunk chunk, CancellationToken ct)
    {
        var offer = run.RequiredOffer;
        var now = run.Clock.GetUtcNow();
        var candidates = new List<(CsvRow Row, string Code)>();
        foreach (var row in chunk.Rows)
        {
            if (Check(row, chunk) is { } code)
            {
                candidates.Add((row, code));
            }
        }

        var existing = await ExistingAsync(run.Db, candidates.Select(c => c.Code), ct);
        var added = new List<(CsvRow Row, string Code, int TransferSeq)>();
        foreach (var (row, code) in candidates)
        {
            var found = existing.GetValueOrDefault(code);
            if (found is null && await GeneratedOwnerAsync(run.Db, code, ct) is { } generatedFor)
            {
                chunk.Fail(row.RowNumber, row["identifier"], code, ErrorCodes.DuplicateCode, $"The code '{code}' was generated for a coupon of offer {generatedFor}.");
            }
            else if (found is null)
            {
                added.Add((row, code, 0));
            }
            else if (found.OfferId == offer.Id && found.LatestRevoked)
            {
                // The seed's transfer: a revoked code given again. The old coupon keeps its history; this is the code's next one.
                added.Add((row, code, found.TransferSeq + 1));
            }
            else
            {
                var why = found.LatestRevoked ? " (revoked there: transfer it within that offer)" : found.IsCommon ? " as its common code" : "";
                chunk.Fail(row.RowNumber, row["identifier"], code, ErrorCodes.DuplicateCode, $"The code '{code}' already exists in offer {found.OfferId}{why}.");
            }
        }

        Insert(run.Db, offer.Id, added.Select(a => (a.Code, a.TransferSeq)), now);
        foreach (var (_, code, _) in added.Where(a => a.TransferSeq == 0 && _decode!(a.Code).Count > 0))
        {
            // A code with the shape of a generated space: that space skips it from now on.
            await HeldCodes.ClaimAsync(run.Db, code, ct);
        }

        await IssueTaggedAsync(run, chunk, added.Where(a => a.Row["identifier"] is not null).ToDictionary(a => a.Row.RowNumber, a => a.Code), now, ct);
    }

    /// <summary>The row's normalised code, or null after recording why the row is refused.</summary>
    private string? Check(CsvRow row, UploadChunk chunk)
    {
        var raw = row["code"];
        if (row.Problems.Count > 0)
        {
            chunk.Invalid(row, row["identifier"], string.Join(" ", row.Problems));
            return null;
        }

        var code = raw is null ? "" : CodeFormat.Normalize(raw);
        if (code.Length == 0 || code.Length > Coupon.MaxCodeLength || code.Any(char.IsControl))
        {
            chunk.Invalid(row, row["identifier"], $"The code '{raw}' is not valid: use 1 to {Coupon.MaxCodeLength} printable characters.");
            return null;
        }

        if ((row["identifierType"] is null) != (row["identifier"] is null))
        {
            chunk.Invalid(row, row["identifier"], "Give both identifierType and identifier to issue the code to a customer, or neither.");
            return null;
        }

        if (!_seen.Add(code))
        {
            chunk.Fail(row.RowNumber, row["identifier"], code, ErrorCodes.DuplicateCode, $"The code '{code}' appears earlier in this file.");
            return null;
        }

        return code;
    }

    /// <summary>A code the org already has by its text: an uploaded code (its latest coupon) or another offer's common code.</summary>
    private sealed record ExistingCode(long OfferId, int TransferSeq, bool LatestRevoked, bool IsCommon);

    private static async Task<Dictionary<string, ExistingCode>> ExistingAsync(CouponDbContext db, IEnumerable<string> codes, CancellationToken ct)
    {
        // Every issued common code is also its offer's reservation, so the reservations stand for the shared coupons.
        var rows = await db.ListAsync(UploadStatements.For(db.Dialect).ExistingCodes,
            r => (Code: r.GetString(0), Offer: r.GetInt64(1), Seq: r.GetInt32(2), Status: r.GetString(3)), ct, ("@codes", db.Dialect.List(codes)));
        var existing = new Dictionary<string, ExistingCode>(StringComparer.Ordinal);
        foreach (var row in rows.OrderBy(r => r.Seq))
        {
            existing[row.Code] = new ExistingCode(row.Offer, row.Seq, row.Status == nameof(CouponStatus.Revoked), row.Status == UploadStatements.CommonCode);
        }

        return existing;
    }

    /// <summary>The offer of a generated coupon whose code is <paramref name="code"/>, for codes that have a generated shape.</summary>
    private async Task<long?> GeneratedOwnerAsync(CouponDbContext db, string code, CancellationToken ct)
    {
        foreach (var (spaceId, index) in _decode!(code))
        {
            if (await db.ScalarAsync<long>(UploadStatements.For(db.Dialect).GeneratedCodeOwner, ct,
                    ("@s", spaceId), ("@i", index)) is { } offerId)
            {
                return offerId;
            }
        }

        return null;
    }

    /// <summary>Adds the codes to the offer's pool as unissued coupons, through the bulk paths' inserter.</summary>
    private static void Insert(CouponDbContext db, long offerId, IEnumerable<(string Code, int TransferSeq)> codes, DateTimeOffset now)
    {
        using var inserter = db.Dialect.CouponRows(db, new CouponBatch(offerId, Shared: false, CodeSpaceId: null, now, ExpiresAt: null, Issued: false, TransferSeqs: true));
        foreach (var (code, seq) in codes)
        {
            inserter.Add(code, index: null, customerId: null, seq);
        }

        inserter.Flush();
    }

    /// <summary>Issues tagged codes to their customers in file order, through the same ledger as a <c>customers</c> file.</summary>
    private async Task IssueTaggedAsync(UploadRunContext run, UploadChunk chunk, Dictionary<int, string> tagged, DateTimeOffset now, CancellationToken ct)
    {
        if (tagged.Count == 0)
        {
            return;
        }

        var offer = run.RequiredOffer;
        var rows = await ChunkCustomers.ResolveAsync(run, chunk, chunk.Rows.Where(r => tagged.ContainsKey(r.RowNumber)), ct);
        if (IssuanceChecks.OfferIssuable(offer, now) is { } closed)
        {
            rows.ForEach(r => chunk.Fail(r.Row.RowNumber, r.Identifier, tagged[r.Row.RowNumber], closed.Code, closed.Message + KeptUnissued));
            return;
        }

        var ledger = await IssualLedger.LoadAsync(run.Db, offer, rows.Select(r => r.CustomerId).Distinct().ToList(), long.MaxValue, now, ct);
        if (_dryRunLedger is not null)
        {
            ledger.Carry(_dryRunLedger);
        }

        var expiresAt = ExpiryCalculator.ExpiresAt(now, offer.Definition.Coupon.Expiry, offer.ValidUntil, run.Zone);
        using var pool = new IssuedCodes(run.Db, offer, null, now, expiresAt);
        var issued = 0;
        foreach (var row in rows)
        {
            var code = tagged[row.Row.RowNumber];
            var (decision, refusal) = ledger.TryIssue(row.CustomerId);
            if (decision != IssualDecision.Issue)
            {
                chunk.Fail(row.Row.RowNumber, row.Identifier, code, refusal!.Code, refusal.Message + KeptUnissued);
                continue;
            }

            await pool.TakeFromPoolAsync(row.CustomerId, code, ct);
            chunk.AddIssued(row.Row.RowNumber, row.Identifier, code);
            issued++;
        }

        if (run.DryRun)
        {
            _dryRunLedger = ledger;
        }

        await IssualLedgerWriter.WriteCountsAsync(run.Db, offer, ledger, issued, now, run.Zone, run.Notifications, ct);
    }

    private const string KeptUnissued = " The code was added to the offer unissued.";
}
