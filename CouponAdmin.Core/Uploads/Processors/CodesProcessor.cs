using System.Text.Json;
using CouponAdmin.Core.Codes;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Issuance;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Uploads.Csv;

namespace CouponAdmin.Core.Uploads.Processors;

/// <summary>
/// <c>codes</c> files: adds existing codes to an uploaded-codes offer's pool. A row that also names a customer issues
/// that code to them at once, under the offer's issuing rules; if a rule refuses, the code stays in the pool unissued.
/// A code already in the file, already in the org, or shaped like the codes CouponAdmin generates is DUPLICATE_CODE.
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

        var taken = await TakenAsync(run.Db, candidates.Select(c => c.Code), ct);
        var added = new List<(CsvRow Row, string Code)>();
        foreach (var (row, code) in candidates)
        {
            if (taken.TryGetValue(code, out var owner))
            {
                chunk.Fail(row.RowNumber, row["identifier"], code, ErrorCodes.DuplicateCode, $"The code '{code}' already exists in offer {owner}.");
            }
            else
            {
                added.Add((row, code));
            }
        }

        await InsertAsync(run.Db, offer.Id, added.Select(a => a.Code), now, ct);
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

        if (_decode!(code).Count > 0)
        {
            chunk.Fail(row.RowNumber, row["identifier"], code, ErrorCodes.DuplicateCode,
                $"The code '{code}' has the format of codes CouponAdmin generates and could duplicate one; give uploaded codes a different length or prefix.");
            return null;
        }

        return code;
    }

    /// <summary>Which of the codes the org already has (uploaded, or a common code), with the offer that has it.</summary>
    private static async Task<Dictionary<string, long>> TakenAsync(CouponDbContext db, IEnumerable<string> codes, CancellationToken ct)
    {
        var rows = await db.ListAsync("""
            SELECT c."Code", c."OfferId" FROM json_each(@codes) j CROSS JOIN "Coupons" c WHERE c."Code" = j.value AND c."CodeSpaceId" IS NULL AND c."IsShared" = 0
            UNION ALL
            SELECT c."Code", c."OfferId" FROM json_each(@codes) j CROSS JOIN "Coupons" c WHERE c."Code" = j.value AND c."IsShared" = 1
            """, r => (r.GetString(0), r.GetInt64(1)), ct, ("@codes", JsonSerializer.Serialize(codes)));
        var taken = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (code, offerId) in rows)
        {
            taken.TryAdd(code, offerId);
        }

        return taken;
    }

    private static async Task InsertAsync(CouponDbContext db, long offerId, IEnumerable<string> codes, DateTimeOffset now, CancellationToken ct)
    {
        await using var insert = Sql.Command(db, """
            INSERT INTO "Coupons" ("OfferId", "Code", "IsShared", "CodeSpaceId", "CodeIndex", "CustomerId", "Status", "IssuedAt", "ExpiresAt", "RedemptionCount", "LastStatusChangeAt")
            VALUES (@o, @code, 0, NULL, NULL, NULL, 'Unissued', NULL, NULL, 0, @now)
            """, ("@o", offerId), ("@code", ""), ("@now", now));
        insert.Prepare();
        foreach (var code in codes)
        {
            insert.Parameters[1].Value = code;
            await insert.ExecuteNonQueryAsync(ct);
        }
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
        await using var issue = Sql.Command(run.Db, """
            UPDATE "Coupons" SET "CustomerId" = @c, "Status" = 'Issued', "IssuedAt" = @now, "ExpiresAt" = @exp, "LastStatusChangeAt" = @now
            WHERE "OfferId" = @o AND "Code" = @code AND "CodeSpaceId" IS NULL AND "IsShared" = 0 AND "Status" = 'Unissued'
            """, ("@c", 0L), ("@code", ""), ("@now", now), ("@exp", expiresAt), ("@o", offer.Id));
        issue.Prepare();
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

            issue.Parameters[0].Value = row.CustomerId;
            issue.Parameters[1].Value = code;
            await issue.ExecuteNonQueryAsync(ct);
            chunk.AddIssued(row.Row.RowNumber, row.Identifier, code);
            issued++;
        }

        if (run.DryRun)
        {
            _dryRunLedger = ledger;
        }

        await IssualLedgerWriter.WriteCountsAsync(run.Db, offer, ledger, issued, now, ct);
    }

    private const string KeptUnissued = " The code was added to the offer unissued.";
}
