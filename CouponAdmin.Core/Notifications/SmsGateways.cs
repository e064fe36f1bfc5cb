using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CouponAdmin.Core.Offers;

namespace CouponAdmin.Core.Notifications;

/// <summary>Configuration <c>Sms:*</c>. Without a gateway URL, SMS messages are skipped with the reason.</summary>
public sealed record SmsOptions(string? GatewayUrl = null, string? Token = null);

/// <summary>
/// SMS through an HTTP gateway: one <c>POST</c> per message, JSON <c>{ to, text, unicode, reference }</c> with the
/// outbox id as reference (a gateway can use it to drop a repeat), <c>Authorization: Bearer</c>; any 2xx is accepted.
/// The <see cref="HttpClient"/> comes from the host's factory with its resilience handler.
/// </summary>
public sealed class HttpSmsGateway(HttpClient http, SmsOptions options) : ISmsGateway
{
    private sealed record Payload(string To, string Text, bool Unicode, string Reference);

    public async Task<DeliveryOutcome> SendAsync(ClaimedMessage message, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(message.Recipient))
        {
            return DeliveryOutcome.Failed("The message has no mobile number to send to.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, options.GatewayUrl)
        {
            Content = JsonContent.Create(new Payload(message.Recipient, message.Body, !Gsm7.IsEncodable(message.Body),
                message.Id.ToString(CultureInfo.InvariantCulture)), options: Common.CouponJson.Options),
        };
        if (!string.IsNullOrEmpty(options.Token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
        }

        try
        {
            using var response = await http.SendAsync(request, ct);
            var answer = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            var said = answer.Length > 300 ? answer[..300] + "…" : answer;
            if (response.IsSuccessStatusCode)
            {
                return DeliveryOutcome.Sent($"Accepted by the SMS gateway (HTTP {status}){(said.Length > 0 ? ": " + said : "")}");
            }

            // A 4xx says the request itself is wrong (bad number, bad token): sending it again would not help.
            var permanent = status is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
            var error = $"The SMS gateway answered HTTP {status}{(said.Length > 0 ? ": " + said : "")}";
            return permanent ? DeliveryOutcome.Failed(error) : DeliveryOutcome.Retry(error);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return DeliveryOutcome.Retry($"The SMS gateway could not be reached: {e.Message}");
        }
    }
}

/// <summary>The embedded default without <c>Sms:GatewayUrl</c>: SMS stay in the outbox, skipped, saying why.</summary>
public sealed class NoSmsGateway : ISmsGateway
{
    public const string Reason = "No SMS gateway is configured (Sms:GatewayUrl); the message was not sent.";

    public Task<DeliveryOutcome> SendAsync(ClaimedMessage message, CancellationToken ct) => Task.FromResult(DeliveryOutcome.Skipped(Reason));
}
