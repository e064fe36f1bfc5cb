using System.Net;
using System.Reflection;
using System.Text;
using CouponAdmin.Core.Access;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Uploads;
using CouponAdmin.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Access;

/// <summary>
/// Walks <see cref="Roles.Table"/> for every role over HTTP with the sign-in cookie: every page of the app (found by
/// its route, so a new page cannot be missed), the cookie-protected downloads and the jobs dashboard answer a role
/// exactly when the table gives it the permission they need.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RoleTableHttpTests(RoleTableHttpTests.DemoDataFactory factory) : IClassFixture<RoleTableHttpTests.DemoDataFactory>
{
    private const string Password = "a long enough password";

    public static TheoryData<string> EveryRole => [.. Roles.All];

    [Fact]
    public void EveryPageNeedsAPermissionOrNoSignInAtAll()
    {
        foreach (var page in Pages())
        {
            Assert.True(page.Permission is not null || page.Anonymous, $"{page.Type.Name} ({page.Route}) names no permission.");
        }
    }

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task EveryPageAnswersARoleByTheTable(string role)
    {
        using var form = await SignedInAsync(role);
        var paths = await SamplePathsAsync();

        foreach (var page in Pages().Where(p => p.Permission is not null))
        {
            var path = paths.GetValueOrDefault(page.Route, page.Route);
            using var response = await form.Client.GetAsync(path);
            AssertAnswer(role, page.Permission!.Value, path, response);
        }
    }

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task TheDownloadsAndTheJobsDashboardAnswerARoleByTheTable(string role)
    {
        using var form = await SignedInAsync(role);
        var (offerUpload, orgUpload) = await UploadsAsync();
        var endpoints = new (string Path, Permission Permission)[]
        {
            ("/downloads/audit.csv", Permission.Audit),
            ("/downloads/uploads/templates/customers.csv", Permission.UploadOfferFiles),
            ("/downloads/uploads/templates/entities.csv?org=true", Permission.OrgUploads),
            ($"/downloads/uploads/{offerUpload}/issues.csv", Permission.UploadOfferFiles),
            ($"/downloads/uploads/{offerUpload}/issued.csv", Permission.UploadOfferFiles),
            ($"/downloads/uploads/{orgUpload}/issues.csv", Permission.OrgUploads),
            ("/jobs", Permission.Jobs),
        };

        foreach (var (path, permission) in endpoints)
        {
            using var response = await form.Client.GetAsync(path);
            AssertAnswer(role, permission, path, response);
        }
    }

    private static void AssertAnswer(string role, Permission permission, string path, HttpResponseMessage response)
    {
        var allowed = Roles.Allow(permission, [role]);
        if (allowed)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} should reach {path} ({permission}) but got {(int)response.StatusCode} {response.Headers.Location}.");
        }
        else
        {
            // Pages, downloads and the jobs dashboard all send a signed-in user without the permission to the access-denied page.
            var refused = response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location?.OriginalString.Contains("/account/denied", StringComparison.Ordinal) == true;
            Assert.True(refused, $"{role} should be refused {path} ({permission}) but got {(int)response.StatusCode} {response.Headers.Location}.");
        }
    }

    private sealed record Page(Type Type, string Route, Permission? Permission, bool Anonymous);

    private static IEnumerable<Page> Pages() =>
        from type in typeof(Program).Assembly.GetTypes()
        where typeof(IComponent).IsAssignableFrom(type)
        from route in type.GetCustomAttributes<RouteAttribute>()
        let policies = type.GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy).OfType<string>().ToList()
        select new Page(type, route.Template, policies.Count == 1 && Enum.TryParse<Permission>(policies[0], out var p) ? p : null,
            type.GetCustomAttribute<AllowAnonymousAttribute>() is not null);

    /// <summary>Real values for the routes with parameters: a demo offer, and a customer id.</summary>
    private async Task<Dictionary<string, string>> SamplePathsAsync()
    {
        var offer = await DemoOfferIdAsync();
        return new()
        {
            ["/incentives/{Id:long}"] = $"/incentives/{offer}",
            ["/incentives/{Id:long}/edit"] = $"/incentives/{offer}/edit",
            ["/incentives/{OfferId:long}/uploads"] = $"/incentives/{offer}/uploads",
            ["/member-care/{UserId:long}"] = "/member-care/1",
        };
    }

    private async Task<long> DemoOfferIdAsync() =>
        (await factory.Services.GetRequiredService<OfferQueries>().ListAsync(new("Welcome 10% off"))).Items.Single().Id;

    /// <summary>An offer upload and an org upload (recorded, not run: their reports are empty, which is enough here).</summary>
    private async Task<(long Offer, long Org)> UploadsAsync()
    {
        var start = factory.Services.GetRequiredService<StartUpload>();
        async Task<long> StartAsync(UploadKind kind, long? offerId)
        {
            using var file = new MemoryStream(Encoding.UTF8.GetBytes(UploadLayouts.Template(kind)));
            var started = await start.ExecuteAsync(new StartUploadRequest(kind, offerId, "rows.csv", file), "role-table-test");
            Assert.True(started.IsSuccess, started.Error?.Message);
            return started.Value!.Id;
        }

        return (await StartAsync(UploadKind.Customers, await DemoOfferIdAsync()), await StartAsync(UploadKind.Entities, null));
    }

    private async Task<SignInForm> SignedInAsync(string role)
    {
        var email = $"table.{role.ToLowerInvariant()}@shop.example";
        await factory.Services.EnsureAsync(email, Password, role);
        var form = await SignInForm.OpenAsync(factory);
        var signIn = await form.PostAsync(email, Password);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        return form;
    }

    public sealed class DemoDataFactory() : CouponAdminFactory(seedDemo: true);
}
