using CouponAdmin.Core.Audit;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Org;

public sealed record OrgEntityRequest(OrgEntityType Type, string Id, string Name, string? ParentId = null, string? ConceptId = null, string? Currency = null);

public sealed record ExchangeRateRequest(string From, string To, decimal Rate);

/// <summary>Set-up data: the org's time zone and currency, its zones, stores, tills and concepts, and exchange rates.</summary>
public sealed class OrgSetup(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>One save of exchange rates is bounded like every list the API takes.</summary>
    public const int MaxExchangeRatesPerSave = PageRequest.MaxRows;

    public async Task<OrgSettings> GetSettingsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OrgSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new OrgSettings();
    }

    public async Task<Result<OrgSettings>> SetSettingsAsync(string timeZone, string baseCurrency, string actor, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (TimeZoneInfo.TryConvertWindowsIdToIanaId(timeZone ?? "", out var iana))
        {
            timeZone = iana;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone ?? "", out _))
        {
            errors.Add(new("timeZone", $"'{timeZone}' is not a known time zone; use an IANA name such as Asia/Kolkata."));
        }

        if (!OfferValidator.IsCurrencyCode(baseCurrency))
        {
            errors.Add(new("baseCurrency", $"'{baseCurrency}' is not a three-letter currency code."));
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await db.OrgSettings.FirstOrDefaultAsync(ct);
        var before = settings is null ? null : new { settings.TimeZone, settings.BaseCurrency };
        if (settings is null)
        {
            settings = new OrgSettings();
            db.OrgSettings.Add(settings);
        }

        settings.TimeZone = timeZone!;
        settings.BaseCurrency = baseCurrency;
        AuditLog.Record(db, clock.GetUtcNow(), actor, "org.settings", "Org", OrgSettings.SingletonId, before, new { settings.TimeZone, settings.BaseCurrency });
        await db.SaveChangesAsync(ct);
        return settings;
    }

    public async Task<Result<OrgEntity>> AddEntityAsync(OrgEntityRequest request, string actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await AddEntityAsync(db, request, actor, clock.GetUtcNow(), ct);
    }

    /// <summary>Checks and adds one entity through the caller's context (and transaction, when it has one): the API and entity uploads.</summary>
    internal static async Task<Result<OrgEntity>> AddEntityAsync(CouponDbContext db, OrgEntityRequest request, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var errors = await OrgEntityRules.ValidateAsync(db, request, ct);
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var id = request.Id.Trim();
        if (await db.OrgEntities.AnyAsync(e => e.Type == request.Type && e.EntityId == id, ct))
        {
            return Duplicate(request.Type, id);
        }

        var entity = new OrgEntity(request.Type, id, request.Name.Trim(), request.ParentId?.Trim(), request.ConceptId?.Trim(), request.Currency);
        db.OrgEntities.Add(entity);
        AuditLog.Record(db, now, actor, "org.entity.added", request.Type.ToString(), id, (OrgEntityRequest?)null, request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (db.Dialect.IsUniqueViolation(e))
        {
            return Duplicate(request.Type, id);
        }

        return entity;
    }

    internal static Error Duplicate(OrgEntityType type, string id) =>
        new(ErrorCodes.DuplicateOrgEntity, $"A {type.ToString().ToUpperInvariant()} with id '{id}' already exists.", ErrorKind.Conflict);

    public async Task<IReadOnlyList<OrgEntity>> ListEntitiesAsync(OrgEntityType? type = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.OrgEntities.AsNoTracking();
        if (type is { } t)
        {
            query = query.Where(e => e.Type == t);
        }

        return await query.OrderBy(e => e.Type).ThenBy(e => e.EntityId).ToListAsync(ct);
    }

    public async Task<Result<IReadOnlyList<ExchangeRate>>> SetExchangeRatesAsync(IReadOnlyList<ExchangeRateRequest> rates, string actor, CancellationToken ct = default)
    {
        if (rates.Count > MaxExchangeRatesPerSave)
        {
            return Error.Validation([new FieldError("", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"One save takes at most {MaxExchangeRatesPerSave:N0} exchange rates (got {rates.Count:N0})."))]);
        }

        var errors = new List<FieldError>();
        for (var i = 0; i < rates.Count; i++)
        {
            var r = rates[i];
            if (!OfferValidator.IsCurrencyCode(r.From)) errors.Add(new($"[{i}].from", $"'{r.From}' is not a three-letter currency code."));
            if (!OfferValidator.IsCurrencyCode(r.To)) errors.Add(new($"[{i}].to", $"'{r.To}' is not a three-letter currency code."));
            if (r.Rate <= 0) errors.Add(new($"[{i}].rate", $"An exchange rate must be more than 0, not {OfferValidator.Format(r.Rate)}."));
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var saved = new List<ExchangeRate>();
        foreach (var r in rates)
        {
            var rate = await db.ExchangeRates.FindAsync([r.From, r.To], ct);
            if (rate is null)
            {
                rate = new ExchangeRate(r.From, r.To, r.Rate);
                db.ExchangeRates.Add(rate);
            }
            else
            {
                rate.Rate = r.Rate;
            }

            saved.Add(rate);
        }

        AuditLog.Record(db, clock.GetUtcNow(), actor, "org.exchangeRates", "Org", OrgSettings.SingletonId, (object?)null, rates);
        await db.SaveChangesAsync(ct);
        return saved;
    }

    public async Task<IReadOnlyList<ExchangeRate>> ListExchangeRatesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ExchangeRates.AsNoTracking().OrderBy(r => r.From).ThenBy(r => r.To).ToListAsync(ct);
    }
}
