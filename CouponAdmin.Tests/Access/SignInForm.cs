using System.Net;
using System.Text.RegularExpressions;
using CouponAdmin.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CouponAdmin.Tests.Access;

/// <summary>The sign-in form as a browser uses it: load the page (antiforgery cookie and token), then post the form.</summary>
internal sealed partial class SignInForm : IDisposable
{
    public const string LoginPath = "/account/login";

    private SignInForm(HttpClient client, string? token)
    {
        Client = client;
        Token = token;
    }

    public HttpClient Client { get; }

    /// <summary>The antiforgery token the page rendered.</summary>
    public string? Token { get; }

    /// <summary>A fresh browser (own cookies, redirects not followed) that has loaded the sign-in page.</summary>
    public static async Task<SignInForm> OpenAsync(CouponAdminFactory factory, Uri? baseAddress = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = baseAddress ?? new Uri("http://localhost") });
        var page = await client.GetAsync(LoginPath);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"The sign-in page answered {(int)page.StatusCode}.");
        return new SignInForm(client, TokenInput().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) : null);
    }

    /// <summary>Posts the form; <paramref name="token"/> defaults to the page's, and null leaves the field out.</summary>
    public Task<HttpResponseMessage> PostAsync(string email, string password, string? returnUrl = null, string? token = "", bool withToken = true)
    {
        var fields = new List<KeyValuePair<string, string>> { new("email", email), new("password", password) };
        if (returnUrl is not null)
        {
            fields.Add(new("returnUrl", returnUrl));
        }

        if (withToken)
        {
            fields.Add(new("__RequestVerificationToken", token == "" ? Token ?? "" : token ?? ""));
        }

        return Client.PostAsync(LoginPath, new FormUrlEncodedContent(fields));
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"")]
    private static partial Regex TokenInput();
}
