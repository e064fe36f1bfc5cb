using System.Globalization;
using CouponAdmin.Core.Common;
using Microsoft.AspNetCore.Http.Extensions;

namespace CouponAdmin.Api;

/// <summary>
/// How list endpoints page: the body stays a JSON array (the API contract lets us add to a response, never change its shape), and
/// the paging travels in headers — <c>X-Total-Count</c>, <c>X-Page</c>, <c>X-Page-Size</c> and an RFC 8288
/// <c>Link</c> header with <c>first</c>, <c>prev</c>, <c>next</c> and <c>last</c>.
/// </summary>
internal static class Paging
{
    private static readonly HashSet<string> PagingParameters = new(["page", "pageSize", "skip", "take"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Writes the total, the page and the links to the pages around it.</summary>
    public static void Describe(HttpContext http, PageRequest page, int total)
    {
        var headers = http.Response.Headers;
        headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        headers["X-Page"] = page.Page.ToString(CultureInfo.InvariantCulture);
        headers["X-Page-Size"] = page.PageSize.ToString(CultureInfo.InvariantCulture);
        var last = page.LastPage(total);
        var links = new List<string> { Link(http.Request, 1, page.PageSize, "first") };
        if (page.Page > 1)
        {
            links.Add(Link(http.Request, Math.Min(page.Page - 1, last), page.PageSize, "prev"));
        }

        if (page.Page < last)
        {
            links.Add(Link(http.Request, page.Page + 1, page.PageSize, "next"));
        }

        links.Add(Link(http.Request, last, page.PageSize, "last"));
        headers.Link = string.Join(", ", links);
    }

    /// <summary>The same request for another page: its other query parameters kept, paging ones replaced.</summary>
    private static string Link(HttpRequest request, int page, int pageSize, string rel)
    {
        var query = new QueryBuilder(request.Query
            .Where(p => !PagingParameters.Contains(p.Key))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? ""))))
        {
            { "page", page.ToString(CultureInfo.InvariantCulture) },
            { "pageSize", pageSize.ToString(CultureInfo.InvariantCulture) },
        };
        return $"<{request.PathBase}{request.Path}{query.ToQueryString()}>; rel=\"{rel}\"";
    }
}
