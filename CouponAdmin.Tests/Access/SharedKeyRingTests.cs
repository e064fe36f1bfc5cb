using System.Net;
using CouponAdmin.Core.Access;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Access;

/// <summary>
/// Several web nodes on one database: the data-protection keys live in the database, so a sign-in cookie issued by one
/// node is accepted by another, and a node on another database (another key ring) refuses it.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SharedKeyRingTests
{
    private const string Email = "two.nodes@example.com";
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task ACookieIssuedByNodeAIsAcceptedByNodeBOnTheSameDatabase()
    {
        string folder;
        string[] cookies;
        using (var nodeA = new CouponAdminFactory { KeepDataFolder = true })
        {
            folder = nodeA.DataFolder;
            await nodeA.Services.EnsureAsync(Email, Password, Roles.Support);
            using var form = await SignInForm.OpenAsync(nodeA);
            var signedIn = await form.PostAsync(Email, Password);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            cookies = [.. signedIn.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("couponadmin.auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0])];
            Assert.NotEmpty(cookies);
        }

        using (var nodeB = new CouponAdminFactory { DataFolder = folder })
        {
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(nodeB, "/member-care", cookies)).StatusCode);
            await using var db = await nodeB.Services.GetRequiredService<IDbContextFactory<CouponDbContext>>().CreateDbContextAsync();
            Assert.True(await db.DataProtectionKeys.AnyAsync(), "The key ring is in the database.");
        }

        using (var elsewhere = new CouponAdminFactory())
        {
            var refused = await GetAsync(elsewhere, "/member-care", cookies);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/account/login", refused.Headers.Location?.PathAndQuery ?? refused.Headers.Location?.OriginalString);
        }
    }

    private static async Task<HttpResponseMessage> GetAsync(CouponAdminFactory node, string path, string[] cookies)
    {
        using var client = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        return await client.SendAsync(request);
    }
}
