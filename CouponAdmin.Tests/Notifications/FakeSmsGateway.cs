using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Notifications;

/// <summary>One request the gateway received: its bearer token and JSON body.</summary>
internal sealed record SmsRequest(string? Authorization, JsonElement Body)
{
    public string To => Body.GetProperty("to").GetString()!;
    public string Text => Body.GetProperty("text").GetString()!;
    public bool Unicode => Body.GetProperty("unicode").GetBoolean();
    public string Reference => Body.GetProperty("reference").GetString()!;
}

/// <summary>
/// An SMS gateway in the test process: a minimal Kestrel app on 127.0.0.1 and a free port that records every POST and
/// answers with the next status of <see cref="Answers"/> (then 202).
/// </summary>
internal sealed class FakeSmsGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeSmsGateway(WebApplication app) => _app = app;

    public ConcurrentQueue<SmsRequest> Requests { get; } = new();

    public ConcurrentQueue<HttpStatusCode> Answers { get; } = new();

    public string Url { get; private set; } = "";

    public static async Task<FakeSmsGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var gateway = new FakeSmsGateway(app);
        app.MapPost("/sms", async (HttpRequest request) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            gateway.Requests.Enqueue(new SmsRequest(request.Headers.Authorization.ToString(), body));
            var status = gateway.Answers.TryDequeue(out var next) ? next : HttpStatusCode.Accepted;
            return Results.Json(new { id = $"gw-{gateway.Requests.Count}" }, statusCode: (int)status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        gateway.Url = $"{address}/sms";
        return gateway;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
