using CouponAdmin.Core.Common;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Core.Uploads.Csv;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Org;

/// <summary>The org entities a file named, distinct and in file order, and a message per row that named none.</summary>
public sealed record OrgEntityList(IReadOnlyList<OrgEntityRef> Found, IReadOnlyList<string> Problems)
{
    /// <summary>The selection with the found refs it lacks appended, and how many those were.</summary>
    public (List<OrgEntityRef> Selection, int Added) AddTo(IReadOnlyList<OrgEntityRef> selected)
    {
        var have = selected.ToHashSet();
        var added = Found.Where(have.Add).ToList();
        return ([.. selected, .. added], added.Count);
    }
}

/// <summary>
/// Reads a CSV of <c>type,id</c> rows (the offer wizard's "Upload CSV of ids" for stores allowing redemption) and
/// looks the ids up among the org's zones, stores, tills and concepts. Nothing is saved: the caller merges the refs.
/// </summary>
public sealed class OrgEntityListFile(IDbContextFactory<CouponDbContext> dbFactory)
{
    public const int MaxRows = 10_000;
    public const long MaxFileBytes = 2L * 1024 * 1024;

    public static readonly CsvLayout Layout = new("org entities", [new("type"), new("id")]);

    // 10,000 rows of a type and a 64-character id fit well inside this.
    private static readonly CsvLimits Limits = new(MaxFileBytes, MaxFieldLength: 256);

    public async Task<Result<OrgEntityList>> ReadAsync(Stream file, CancellationToken ct = default)
    {
        var buffered = await BufferAsync(file, ct);
        if (buffered is null)
        {
            return new Error(ErrorCodes.InvalidFile, "The file is larger than 2 MB; a list of ids is far smaller. Restrict by zone or concept instead.", ErrorKind.Validation);
        }

        var opened = CsvUploadReader.Open(buffered, Layout, Limits);
        if (!opened.IsSuccess)
        {
            return opened.Error;
        }

        var problems = new List<(int Row, string Message)>();
        var wanted = new List<(int Row, OrgEntityRef Ref)>();
        var rows = 0;
        using (var reader = opened.Value)
        {
            try
            {
                foreach (var row in reader.Rows())
                {
                    if (++rows > MaxRows)
                    {
                        return TooMany();
                    }

                    if (row.Problems.Count > 0)
                    {
                        problems.AddRange(row.Problems.Select(p => (row.RowNumber, p)));
                    }
                    else if (!OrgEntityTypes.TryParse(row["type"], out var type))
                    {
                        problems.Add((row.RowNumber, $"row {row.RowNumber}: '{row["type"]}' is not an entity type; use zone, concept, store or till"));
                    }
                    else
                    {
                        wanted.Add((row.RowNumber, new OrgEntityRef(type, row["id"]!)));
                    }
                }
            }
            catch (CsvFileException e)
            {
                return new Error(e.Code, e.Message, ErrorKind.Validation);
            }
        }

        var known = await KnownAsync(wanted.Select(w => w.Ref.Id).Distinct().ToList(), ct);
        var found = new List<OrgEntityRef>();
        var seen = new HashSet<OrgEntityRef>();
        foreach (var (row, reference) in wanted)
        {
            if (!known.Contains(reference))
            {
                problems.Add((row, $"row {row}: no {reference.Type.ToString().ToUpperInvariant()} with id '{reference.Id}'"));
            }
            else if (seen.Add(reference))
            {
                found.Add(reference);
            }
        }

        return new OrgEntityList(found, [.. problems.OrderBy(p => p.Row).Select(p => p.Message)]);
    }

    // A browser upload reads asynchronously only, while the CSV reader reads synchronously: hold the (small) file in memory.
    private static async Task<Stream?> BufferAsync(Stream file, CancellationToken ct)
    {
        if (file.CanSeek)
        {
            return file;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxFileBytes)
            {
                return null;
            }
        }

        buffer.Position = 0;
        return buffer;
    }

    private async Task<HashSet<OrgEntityRef>> KnownAsync(List<string> ids, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.OrgEntities.AsNoTracking().Where(e => ids.Contains(e.EntityId)).Select(e => new { e.Type, e.EntityId }).ToListAsync(ct);
        return [.. rows.Select(e => new OrgEntityRef(e.Type, e.EntityId))];
    }

    private static Error TooMany() => new(ErrorCodes.InvalidFile,
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The file lists more than {MaxRows:N0} entities; restrict by zone or concept instead, or split the list."), ErrorKind.Validation);
}
