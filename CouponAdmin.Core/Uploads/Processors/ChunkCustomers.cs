using CouponAdmin.Core.Common;
using CouponAdmin.Core.Customers;
using CouponAdmin.Core.Uploads.Csv;

namespace CouponAdmin.Core.Uploads.Processors;

/// <summary>A row that named a known customer.</summary>
internal sealed record CustomerRow(CsvRow Row, string Identifier, long CustomerId);

/// <summary>
/// Parses the <c>identifierType,identifier</c> cells of a chunk's rows and finds their customers in one query per
/// identifier type; malformed rows, bad identifiers and unknown customers are recorded on the chunk.
/// </summary>
internal static class ChunkCustomers
{
    public static async Task<List<CustomerRow>> ResolveAsync(UploadRunContext run, UploadChunk chunk, IEnumerable<CsvRow> rows, CancellationToken ct)
    {
        var parsed = new List<(CsvRow Row, string Raw, CustomerIdentifier Id)>();
        foreach (var row in rows)
        {
            var raw = row["identifier"] ?? "";
            if (row.Problems.Count > 0)
            {
                chunk.Invalid(row, raw, string.Join(" ", row.Problems));
                continue;
            }

            var id = CustomerIdentifiers.Parse(row["identifierType"], raw);
            if (!id.IsSuccess)
            {
                chunk.Fail(row.RowNumber, raw, null, id.Error);
                continue;
            }

            parsed.Add((row, raw, id.Value));
        }

        var found = await CustomerResolver.ResolveAsync(run.Db, parsed.Select(p => p.Id), ct);
        var resolved = new List<CustomerRow>(parsed.Count);
        foreach (var (row, raw, id) in parsed)
        {
            if (found.TryGetValue(id, out var customerId))
            {
                resolved.Add(new CustomerRow(row, raw, customerId));
            }
            else
            {
                chunk.Fail(row.RowNumber, raw, null, CustomerDirectory.NotFound(id, ErrorKind.Rule));
            }
        }

        return resolved;
    }
}
