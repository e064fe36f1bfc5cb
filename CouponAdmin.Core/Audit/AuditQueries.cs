using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Redemption;
using CouponAdmin.Core.Uploads.Csv;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Audit;

/// <summary>What to look for in the audit log; dates are days of the org's calendar, both ends included.</summary>
public sealed record AuditFilter(string? Actor = null, string? Action = null, string? EntityType = null, string? EntityId = null,
    DateOnly? From = null, DateOnly? To = null);

/// <summary>An audit entry as a person reads it: who did what to which entity, and what changed.</summary>
public sealed record AuditRow(long Id, DateTimeOffset At, string Actor, string Action, string EntityType, string EntityId, IReadOnlyList<AuditChange> Changes);

/// <summary>
/// Reads the audit log for the audit page and its CSV export, newest first, filtered in the query. The log is the audit
/// entries and the redemptions, each of which records who made it (<see cref="RedemptionAudit"/>): both are read in the
/// order they were written and merged by time.
/// </summary>
public sealed class AuditQueries(IDbContextFactory<CouponDbContext> dbFactory)
{
    public async Task<Page<AuditRow>> PageAsync(AuditFilter filter, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (entries, redemptions) = await FilteredAsync(db, filter, ct);
        skip = Math.Max(0, skip);
        take = Math.Clamp(take, 1, OfferQueries.MaxPageSize);
        // Each source's newest skip + take rows are enough to fill the page once merged.
        var newest = await entries.OrderByDescending(a => a.Id).Take(skip + take).ToListAsync(ct);
        var redeemed = await redemptions.OrderByDescending(r => r.Id).Take(skip + take).ToListAsync(ct);
        var rows = Merge(newest.Select(ToRow), redeemed.Select(RedemptionAudit.ToRow)).Skip(skip).Take(take).ToList();
        return new Page<AuditRow>(rows, await entries.CountAsync(ct) + await redemptions.CountAsync(ct));
    }

    /// <summary>The actions and entity types the log holds, for the page's filter lists.</summary>
    public async Task<(IReadOnlyList<string> Actions, IReadOnlyList<string> EntityTypes)> VocabularyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actions = await db.AuditEntries.Select(a => a.Action).Distinct().ToListAsync(ct);
        var types = await db.AuditEntries.Select(a => a.EntityType).Distinct().ToListAsync(ct);
        if (await RedemptionAudit.Recorded(db).AnyAsync(ct))
        {
            actions.Add(RedemptionAudit.Action);
            types.Add(RedemptionAudit.EntityType);
        }

        return ([.. actions.Distinct().Order(StringComparer.Ordinal)], [.. types.Distinct().Order(StringComparer.Ordinal)]);
    }

    /// <summary>Every entry the filter matches as CSV (one line per changed value), formula-safe like every CSV we write.</summary>
    public async Task WriteCsvAsync(AuditFilter filter, TextWriter writer, CancellationToken ct = default)
    {
        // Two contexts: the two sources are read side by side.
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var db2 = await dbFactory.CreateDbContextAsync(ct);
        var (entries, _) = await FilteredAsync(db, filter, ct);
        var (_, redemptions) = await FilteredAsync(db2, filter, ct);
        await CsvOut.WriteLineAsync(writer, "id", "at", "actor", "action", "entityType", "entityId", "field", "before", "after");
        var rows = MergeAsync(
            entries.OrderByDescending(a => a.Id).AsAsyncEnumerable().Select(ToRow),
            redemptions.OrderByDescending(r => r.Id).AsAsyncEnumerable().Select(RedemptionAudit.ToRow), ct);
        await foreach (var row in rows)
        {
            var at = row.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            var id = row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var change in row.Changes.DefaultIfEmpty(new AuditChange("", null, null)))
            {
                await CsvOut.WriteLineAsync(writer, id, at, row.Actor, row.Action, row.EntityType, row.EntityId, change.Path, change.Before, change.After);
            }
        }
    }

    private static async Task<(IQueryable<AuditEntry> Entries, IQueryable<CouponRedemption> Redemptions)> FilteredAsync(CouponDbContext db, AuditFilter f,
        CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking();
        var redemptions = RedemptionAudit.Recorded(db);
        if (!string.IsNullOrWhiteSpace(f.Actor))
        {
            entries = entries.Where(a => a.Actor.Contains(f.Actor.Trim()));
            redemptions = redemptions.Where(r => r.Actor!.Contains(f.Actor.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(f.Action))
        {
            entries = entries.Where(a => a.Action == f.Action);
            redemptions = f.Action == RedemptionAudit.Action ? redemptions : redemptions.Where(_ => false);
        }

        if (!string.IsNullOrWhiteSpace(f.EntityType))
        {
            entries = entries.Where(a => a.EntityType == f.EntityType);
            redemptions = f.EntityType == RedemptionAudit.EntityType ? redemptions : redemptions.Where(_ => false);
        }

        if (!string.IsNullOrWhiteSpace(f.EntityId))
        {
            entries = entries.Where(a => a.EntityId == f.EntityId.Trim());
            redemptions = redemptions.Where(r => r.Code == f.EntityId.Trim());
        }

        if (f.From is not null || f.To is not null)
        {
            var zone = await OrgTime.ZoneAsync(db, ct);
            if (f.From is { } from)
            {
                var start = OrgLocalTime.At(from, TimeOnly.MinValue, zone);
                entries = entries.Where(a => a.At >= start);
                redemptions = redemptions.Where(r => r.RecordedAt >= start);
            }

            if (f.To is { } to)
            {
                var end = OrgLocalTime.At(to.AddDays(1), TimeOnly.MinValue, zone);
                entries = entries.Where(a => a.At < end);
                redemptions = redemptions.Where(r => r.RecordedAt < end);
            }
        }

        return (entries, redemptions);
    }

    /// <summary>Two newest-first sequences as one, newest first.</summary>
    private static IEnumerable<AuditRow> Merge(IEnumerable<AuditRow> a, IEnumerable<AuditRow> b)
    {
        using var left = a.GetEnumerator();
        using var right = b.GetEnumerator();
        var hasLeft = left.MoveNext();
        var hasRight = right.MoveNext();
        while (hasLeft || hasRight)
        {
            if (hasLeft && (!hasRight || left.Current.At >= right.Current.At))
            {
                yield return left.Current;
                hasLeft = left.MoveNext();
            }
            else
            {
                yield return right.Current;
                hasRight = right.MoveNext();
            }
        }
    }

    private static async IAsyncEnumerable<AuditRow> MergeAsync(IAsyncEnumerable<AuditRow> a, IAsyncEnumerable<AuditRow> b,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var left = a.GetAsyncEnumerator(ct);
        await using var right = b.GetAsyncEnumerator(ct);
        var hasLeft = await left.MoveNextAsync();
        var hasRight = await right.MoveNextAsync();
        while (hasLeft || hasRight)
        {
            if (hasLeft && (!hasRight || left.Current.At >= right.Current.At))
            {
                yield return left.Current;
                hasLeft = await left.MoveNextAsync();
            }
            else
            {
                yield return right.Current;
                hasRight = await right.MoveNextAsync();
            }
        }
    }

    private static AuditRow ToRow(AuditEntry e) => new(e.Id, e.At, e.Actor, e.Action, e.EntityType, e.EntityId, AuditDiff.Between(e.Before, e.After));
}
