using System.Globalization;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Uploads.Csv;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Uploads.Processors;

/// <summary>
/// Org <c>customers</c> files: creates each row's customer, or updates the one its identifiers already name (only the
/// cells given change), by <see cref="CustomerMatch"/>: the user id is the key when given, and identifiers that name two
/// different customers are DUPLICATE_CUSTOMER. Applying a row twice leaves the same customer, so a replayed chunk is harmless.
/// </summary>
internal sealed class OrgCustomersProcessor : IUploadProcessor
{
    public int ChunkSize => 2_000;

    public bool InChunkTransaction => true;

    public async Task ProcessAsync(UploadRunContext run, UploadChunk chunk, CancellationToken ct)
    {
        var db = run.Db;
        foreach (var row in chunk.Rows)
        {
            var label = row["userId"] ?? row["externalId"] ?? row["email"] ?? row["mobile"];
            if (Parse(row, chunk, label) is not { } r)
            {
                continue;
            }

            var keys = new CustomerKeys(r.UserId, r.ExternalId, r.Mobile, r.Email);
            var decided = CustomerMatch.Decide(keys, await CustomerMatch.CandidatesAsync(db, keys, ct));
            if (!decided.IsSuccess)
            {
                chunk.Fail(row.RowNumber, label, null, decided.Error);
                continue;
            }

            var customer = decided.Value;
            if (customer is null)
            {
                customer = new Customer { UserId = r.UserId ?? await CustomerDirectory.NextUserIdAsync(db, ct) };
                db.Customers.Add(customer);
            }

            customer.ExternalId = r.ExternalId ?? customer.ExternalId;
            customer.Mobile = r.Mobile ?? customer.Mobile;
            customer.Email = r.Email ?? customer.Email;
            customer.Name = r.Name ?? customer.Name;
            customer.RegisteredOn = r.RegisteredOn ?? customer.RegisteredOn;
            customer.TransactionCount = r.TransactionCount ?? customer.TransactionCount;
            await db.SaveChangesAsync(ct);
        }
    }

    private sealed record Row(long? UserId, string? ExternalId, string? Mobile, string? Email, string? Name, DateOnly? RegisteredOn, int? TransactionCount);

    private static Row? Parse(CsvRow row, UploadChunk chunk, string? label)
    {
        var problems = new List<string>(row.Problems);
        long? userId = null;
        if (row["userId"] is { } rawId)
        {
            var parsed = CustomerIdentifiers.Parse(IdentifierType.UserId, rawId);
            if (parsed.IsSuccess) userId = long.Parse(parsed.Value.Value, CultureInfo.InvariantCulture);
            else problems.Add(parsed.Error.Message);
        }

        var externalId = Identifier(IdentifierType.ExternalId, row["externalId"], problems);
        var mobile = Identifier(IdentifierType.Mobile, row["mobile"], problems);
        var email = Identifier(IdentifierType.Email, row["email"], problems);
        if (userId is null && externalId is null && mobile is null && email is null && problems.Count == 0)
        {
            problems.Add("Give at least one of userId, externalId, mobile or email.");
        }

        var name = row["name"];
        if (name?.Length > Customer.MaxNameLength)
        {
            problems.Add($"The name is longer than {Customer.MaxNameLength} characters.");
        }

        DateOnly? registeredOn = null;
        if (row["registeredOn"] is { } rawDate)
        {
            if (DateOnly.TryParseExact(rawDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) registeredOn = date;
            else problems.Add($"The registration date '{rawDate}' is not a date such as 2026-01-15.");
        }

        int? transactions = null;
        if (row["transactionCount"] is { } rawCount)
        {
            if (int.TryParse(rawCount, NumberStyles.None, CultureInfo.InvariantCulture, out var count)) transactions = count;
            else problems.Add($"The transaction count '{rawCount}' is not a whole number of 0 or more.");
        }

        if (problems.Count > 0)
        {
            chunk.Invalid(row, label, string.Join(" ", problems));
            return null;
        }

        return new Row(userId, externalId, mobile, email, name, registeredOn, transactions);
    }

    private static string? Identifier(IdentifierType type, string? raw, List<string> problems)
    {
        if (raw is null)
        {
            return null;
        }

        var parsed = CustomerIdentifiers.Parse(type, raw);
        if (parsed.IsSuccess)
        {
            return parsed.Value.Value;
        }

        problems.Add(parsed.Error.Message);
        return null;
    }
}
