using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Customers;

public sealed record RegisterCustomerRequest(long? UserId = null, string? ExternalId = null, string? Mobile = null, string? Email = null,
    string? Name = null, DateOnly? RegisteredOn = null, int TransactionCount = 0);

/// <summary>Registers customers and finds them by any identifier.</summary>
public sealed class CustomerDirectory(IDbContextFactory<CouponDbContext> dbFactory)
{
    public async Task<Result<Customer>> RegisterAsync(RegisterCustomerRequest r, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var externalId = Normalize(IdentifierType.ExternalId, r.ExternalId, "externalId", errors);
        var mobile = Normalize(IdentifierType.Mobile, r.Mobile, "mobile", errors);
        var email = Normalize(IdentifierType.Email, r.Email, "email", errors);
        if (r.UserId is <= 0) errors.Add(new("userId", $"'{r.UserId}' is not a valid user id: a user id is a positive whole number."));
        if (r.TransactionCount < 0) errors.Add(new("transactionCount", $"The transaction count cannot be negative ({r.TransactionCount})."));
        if (r.Name?.Length > Customer.MaxNameLength) errors.Add(new("name", $"The name is longer than {Customer.MaxNameLength} characters."));
        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        // Checked first for a clear message; the unique indexes decide when two registrations race.
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var keys = new CustomerKeys(r.UserId, externalId, mobile, email);
            if (CustomerMatch.ForNewCustomer(keys, await CustomerMatch.CandidatesAsync(db, keys, ct)) is { } clash)
            {
                return clash;
            }

            var customer = new Customer
            {
                UserId = r.UserId ?? await NextUserIdAsync(db, ct),
                ExternalId = externalId,
                Mobile = mobile,
                Email = email,
                Name = r.Name?.Trim(),
                RegisteredOn = r.RegisteredOn,
                TransactionCount = r.TransactionCount,
            };
            db.Customers.Add(customer);
            try
            {
                await db.SaveChangesAsync(ct);
                return customer;
            }
            catch (DbUpdateException e) when (db.Dialect.IsUniqueViolation(e) && attempt < 20)
            {
                // Another registration took the same user id or identifier a moment ago: look again.
            }
        }
    }

    /// <summary>Finds a customer by a parsed identifier; refusals carry the API's error codes.</summary>
    public async Task<Result<Customer>> FindAsync(IdentifierType type, string value, CancellationToken ct = default)
    {
        var parsed = CustomerIdentifiers.Parse(type, value);
        if (!parsed.IsSuccess)
        {
            return parsed.Error;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await ByIdentifier(db.Customers.AsNoTracking(), parsed.Value).FirstOrDefaultAsync(ct);
        return customer is null
            ? NotFound(parsed.Value, ErrorKind.NotFound)
            : customer;
    }

    public async Task<Page<Customer>> SearchAsync(string? term, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Customers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(term))
        {
            var t = term.Trim();
            var like = $"%{t}%";
            // Case-insensitive on every provider: SQLite's LIKE ignores ASCII case, PostgreSQL's does not, lower() on both
            // sides does it on both (e-mails are stored in lower case, mobiles are digits).
            var lowerLike = like.ToLowerInvariant();
            query = long.TryParse(t, out var id)
                ? query.Where(c => c.UserId == id || EF.Functions.Like(c.Mobile!, like))
                : query.Where(c => EF.Functions.Like(c.Name!.ToLower(), lowerLike) || EF.Functions.Like(c.Email!, lowerLike)
                    || EF.Functions.Like(c.ExternalId!.ToLower(), lowerLike) || EF.Functions.Like(c.Mobile!, like));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(c => c.UserId).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, OfferQueries.MaxPageSize)).ToListAsync(ct);
        return new Page<Customer>(items, total);
    }

    /// <summary>
    /// The user id behind an identifier as typed: a malformed identifier is INVALID_CUSTOMER_IDENTIFIER, an unknown
    /// one CUSTOMER_NOT_FOUND of the given kind (a 404 when the path names it, a rule refusal when a body does).
    /// </summary>
    public static async Task<Result<long>> ResolveIdAsync(CouponDbContext db, IdentifierType type, string? value, ErrorKind notFound, CancellationToken ct)
    {
        var parsed = CustomerIdentifiers.Parse(type, value);
        if (!parsed.IsSuccess)
        {
            return parsed.Error;
        }

        var id = await ByIdentifier(db.Customers.AsNoTracking(), parsed.Value).Select(c => (long?)c.UserId).FirstOrDefaultAsync(ct);
        return id is { } found
            ? found
            : NotFound(parsed.Value, notFound);
    }

    public static IQueryable<Customer> ByIdentifier(IQueryable<Customer> customers, CustomerIdentifier id) => id.Type switch
    {
        IdentifierType.UserId => customers.Where(c => c.UserId == long.Parse(id.Value, System.Globalization.CultureInfo.InvariantCulture)),
        IdentifierType.Email => customers.Where(c => c.Email == id.Value),
        IdentifierType.Mobile => customers.Where(c => c.Mobile == id.Value),
        _ => customers.Where(c => c.ExternalId == id.Value),
    };

    /// <summary>CUSTOMER_NOT_FOUND naming the identifier; a 404 when a path names it, a rule refusal when a body or a file row does.</summary>
    public static Error NotFound(CustomerIdentifier id, ErrorKind kind) =>
        new(ErrorCodes.CustomerNotFound, $"No customer has {Describe(id)}.", kind);

    public static string Describe(CustomerIdentifier id) => id.Type switch
    {
        IdentifierType.UserId => $"user id {id.Value}",
        IdentifierType.Email => $"e-mail '{id.Value}'",
        IdentifierType.Mobile => $"mobile '{id.Value}'",
        _ => $"external id '{id.Value}'",
    };

    private static string? Normalize(IdentifierType type, string? raw, string path, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var parsed = CustomerIdentifiers.Parse(type, raw);
        if (!parsed.IsSuccess)
        {
            errors.Add(new(path, parsed.Error.Message));
            return null;
        }

        return parsed.Value.Value;
    }

    internal static async Task<long> NextUserIdAsync(CouponDbContext db, CancellationToken ct) =>
        (await db.Customers.MaxAsync(c => (long?)c.UserId, ct) ?? 1000) + 1;
}
