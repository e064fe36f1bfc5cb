using CouponAdmin.Core.Common;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Customers;

/// <summary>A customer's identifiers as a request or a file row gives them (already normalised).</summary>
public sealed record CustomerKeys(long? UserId, string? ExternalId, string? Mobile, string? Email);

/// <summary>
/// Which existing customer a set of identifiers names — the one rule of the API's registration and the org customers
/// upload. The user id, when given, is the key: the row is that customer (new or existing), and any other identifier
/// that belongs to someone else refuses the row. Without a user id, the identifiers must name one customer or nobody.
/// A refusal is DUPLICATE_CUSTOMER naming both customers, and changes nothing.
/// </summary>
public static class CustomerMatch
{
    /// <summary>The customers any of the identifiers belongs to.</summary>
    public static Task<List<Customer>> CandidatesAsync(CouponDbContext db, CustomerKeys ids, CancellationToken ct) =>
        db.Customers
            .Where(c => (ids.UserId != null && c.UserId == ids.UserId) || (ids.ExternalId != null && c.ExternalId == ids.ExternalId)
                        || (ids.Mobile != null && c.Mobile == ids.Mobile) || (ids.Email != null && c.Email == ids.Email))
            .ToListAsync(ct);

    /// <summary>The customer the identifiers name (null: a new one), or DUPLICATE_CUSTOMER when they name two.</summary>
    public static Result<Customer?> Decide(CustomerKeys ids, IReadOnlyList<Customer> candidates)
    {
        var keyed = ids.UserId is { } userId ? candidates.FirstOrDefault(c => c.UserId == userId) : candidates.Count > 0 ? candidates[0] : null;
        var other = candidates.FirstOrDefault(c => c.UserId != (keyed?.UserId ?? ids.UserId));
        if (other is null)
        {
            return keyed;
        }

        var self = ids.UserId is { } id
            ? keyed is null ? $"user id {id} is new" : $"user id {id} is customer {id}"
            : $"{Shared(ids, keyed!)} belongs to customer {keyed!.UserId}";
        return Error(ids, $"This names two customers: {self}, but {Shared(ids, other)} belongs to customer {other.UserId}.");
    }

    /// <summary>Registration creates only: identifiers that name anyone already are a duplicate.</summary>
    public static Error? ForNewCustomer(CustomerKeys ids, IReadOnlyList<Customer> candidates)
    {
        var decided = Decide(ids, candidates);
        if (!decided.IsSuccess)
        {
            return decided.Error;
        }

        return decided.Value is { } existing
            ? Error(ids, $"A customer with {Shared(ids, existing)} already exists (user id {existing.UserId}).")
            : null;
    }

    /// <summary>The identifier of the row that <paramref name="customer"/> has too, as people read it.</summary>
    private static string Shared(CustomerKeys ids, Customer customer) =>
        ids.UserId == customer.UserId ? $"user id {customer.UserId}"
        : ids.ExternalId is not null && ids.ExternalId == customer.ExternalId ? $"external id '{ids.ExternalId}'"
        : ids.Mobile is not null && ids.Mobile == customer.Mobile ? $"mobile '{ids.Mobile}'"
        : $"e-mail '{ids.Email}'";

    private static Error Error(CustomerKeys ids, string message) =>
        new(ErrorCodes.DuplicateCustomer, message, ErrorKind.Conflict);
}
