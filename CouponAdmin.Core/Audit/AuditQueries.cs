using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Uploads.Csv;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Audit;

/// <summary>What to look for in the audit log; dates are days of the org's calendar, both ends included.</summary>
public sealed record AuditFilter(string? Actor = null, string? Action = null, string? EntityType = null, string? EntityId = null,
    DateOnly? From = null, DateOnly? To = null);

/// <summary>An audit entry as a person reads it: who did what to which entity, and what changed.</summary>
public sealed record AuditRow(long Id, DateTimeOffset At, string Actor, string Action, string EntityType, string EntityId, IReadOnlyList<AuditChange> Changes);

/// <summary>Reads the audit log for the audit page and its CSV export, newest first, filtered in the query.</summary>
public sealed class AuditQueries(IDbContextFactory<CouponDbContext> dbFactory)
{
    public async Task<Page<AuditRow>> PageAsync(AuditFilter filter, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = await FilteredAsync(db, filter, ct);
        var total = await query.CountAsync(ct);
        var entries = await query.OrderByDescending(a => a.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, OfferQueries.MaxPageSize)).ToListAsync(ct);
        return new Page<AuditRow>([.. entries.Select(ToRow)], total);
    }

    /// <summary>The actions and entity types the log holds, for the page's filter lists.</summary>
    public async Task<(IReadOnlyList<string> Actions, IReadOnlyList<string> EntityTypes)> VocabularyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.AuditEntries.Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct),
            await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(a => a).ToListAsync(ct));
    }

    /// <summary>Every entry the filter matches as CSV (one line per changed value), formula-safe like every CSV we write.</summary>
    public async Task WriteCsvAsync(AuditFilter filter, TextWriter writer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await CsvOut.WriteLineAsync(writer, "id", "at", "actor", "action", "entityType", "entityId", "field", "before", "after");
        await foreach (var entry in (await FilteredAsync(db, filter, ct)).OrderByDescending(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            var row = ToRow(entry);
            var at = row.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            var id = row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var change in row.Changes.DefaultIfEmpty(new AuditChange("", null, null)))
            {
                await CsvOut.WriteLineAsync(writer, id, at, row.Actor, row.Action, row.EntityType, row.EntityId, change.Path, change.Before, change.After);
            }
        }
    }

    private static async Task<IQueryable<AuditEntry>> FilteredAsync(CouponDbContext db, AuditFilter f, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Actor)) query = query.Where(a => a.Actor.Contains(f.Actor.Trim()));
        if (!string.IsNullOrWhiteSpace(f.Action)) query = query.Where(a => a.Action == f.Action);
        if (!string.IsNullOrWhiteSpace(f.EntityType)) query = query.Where(a => a.EntityType == f.EntityType);
        if (!string.IsNullOrWhiteSpace(f.EntityId)) query = query.Where(a => a.EntityId == f.EntityId.Trim());
        if (f.From is not null || f.To is not null)
        {
            var zone = await OrgTime.ZoneAsync(db, ct);
            if (f.From is { } from)
            {
                var start = OrgLocalTime.At(from, TimeOnly.MinValue, zone);
                query = query.Where(a => a.At >= start);
            }

            if (f.To is { } to)
            {
                var end = OrgLocalTime.At(to.AddDays(1), TimeOnly.MinValue, zone);
                query = query.Where(a => a.At < end);
            }
        }

        return query;
    }

    private static AuditRow ToRow(AuditEntry e) => new(e.Id, e.At, e.Actor, e.Action, e.EntityType, e.EntityId, AuditDiff.Between(e.Before, e.After));
}
