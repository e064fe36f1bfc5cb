using System.Globalization;

namespace CouponAdmin.Core.Common;

/// <summary>
/// One page of a list: <see cref="Page"/> counts from 1. Every list the API serves is read a page at a time, so no
/// answer grows with the data. Lists of full documents (offers, coupons) take up to <see cref="MaxDocuments"/> a page;
/// lists of small rows (org entities, exchange rates) up to <see cref="MaxRows"/>.
/// </summary>
public sealed record PageRequest(int Page, int PageSize)
{
    public const int MaxDocuments = 200;
    public const int MaxRows = 1_000;

    public int Skip => (Page - 1) * PageSize;

    /// <summary>The page asked for, or a 400 naming the value out of range.</summary>
    public static Result<PageRequest> Create(int? page, int? pageSize, int defaultSize, int maxSize)
    {
        var errors = new List<FieldError>();
        var number = page ?? 1;
        var size = pageSize ?? defaultSize;
        if (size < 1)
        {
            errors.Add(new("pageSize", $"The page size is at least 1 (got {N(size)})."));
        }
        else if (size > maxSize)
        {
            errors.Add(new("pageSize", $"The page size is at most {N(maxSize)} (got {N(size)})."));
        }

        if (number < 1)
        {
            errors.Add(new("page", $"Pages are numbered from 1 (got {N(number)})."));
        }
        else if (size is >= 1 && (long)(number - 1) * size > int.MaxValue)
        {
            errors.Add(new("page", $"Page {N(number)} is past any list (got {N(number)} pages of {N(size)})."));
        }

        return errors.Count > 0 ? Error.Validation(errors) : new PageRequest(number, size);
    }

    /// <summary>The number of the last page for this many items (1 when there are none).</summary>
    public int LastPage(int total) => Math.Max(1, (int)(((long)total + PageSize - 1) / PageSize));

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
