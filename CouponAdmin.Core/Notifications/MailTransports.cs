using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace CouponAdmin.Core.Notifications;

public enum SmtpSecurity { None, StartTls, SslOnConnect, Auto }

/// <summary>Configuration <c>Smtp:*</c>. Without a host, e-mail is written as <c>.eml</c> files to <see cref="MailFolder"/>.</summary>
public sealed record SmtpOptions
{
    public string? Host { get; init; }
    public int Port { get; init; } = 587;
    public SmtpSecurity Security { get; init; } = SmtpSecurity.Auto;
    public string? User { get; init; }
    public string? Password { get; init; }
    public string From { get; init; } = "CouponAdmin <noreply@couponadmin.local>";
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
    public string MailFolder { get; init; } = Path.Combine("data", "mail");

    /// <summary>Every message leaves through one MIME form, whether it goes to a server or to a file.</summary>
    internal MimeMessage Compose(ClaimedMessage m)
    {
        var message = new MimeMessage
        {
            Subject = m.Subject ?? "",
            Body = new TextPart("plain") { Text = m.Body },
            // Stable across attempts, so a receiving system can tell a repeat from a new message.
            MessageId = string.Create(CultureInfo.InvariantCulture, $"outbox-{m.Id}@couponadmin"),
        };
        message.From.Add(MailboxAddress.Parse(From));
        message.To.Add(MailboxAddress.Parse(m.Recipient));
        message.Headers.Add("X-CouponAdmin-Message", m.Key);
        return message;
    }
}

/// <summary>E-mail through an SMTP server with MailKit: one connection per session, opened at the first message.</summary>
public sealed class SmtpEmailTransport(SmtpOptions options) : IEmailTransport
{
    public IEmailSession Open() => new Session(options);

    private sealed class Session(SmtpOptions options) : IEmailSession
    {
        private readonly SmtpClient _client = new() { Timeout = (int)options.Timeout.TotalMilliseconds };
        private string? _unreachable;

        public async Task<DeliveryOutcome> SendAsync(ClaimedMessage message, CancellationToken ct)
        {
            if (_unreachable is not null)
            {
                return DeliveryOutcome.Retry(_unreachable);
            }

            MimeMessage mime;
            try
            {
                mime = options.Compose(message);
            }
            catch (ParseException e)
            {
                return DeliveryOutcome.Failed($"'{message.Recipient}' is not an e-mail address MimeKit can send to: {e.Message}");
            }

            if (!_client.IsConnected && await ConnectAsync(ct) is { } refused)
            {
                // One unreachable server answers the same for the whole batch; do not wait out a timeout per message.
                _unreachable = refused;
                return DeliveryOutcome.Retry(refused);
            }

            try
            {
                var answer = await _client.SendAsync(mime, ct);
                return DeliveryOutcome.Sent($"Accepted by {options.Host}:{options.Port}: {answer}");
            }
            catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
            {
                return DeliveryOutcome.Failed($"The SMTP server refused it ({(int)e.StatusCode}): {e.Message}");
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                return DeliveryOutcome.Retry($"Sending through {options.Host}:{options.Port} failed: {e.Message}");
            }
        }

        private async Task<string?> ConnectAsync(CancellationToken ct)
        {
            try
            {
                await _client.ConnectAsync(options.Host ?? "", options.Port, Security(options.Security), ct);
                if (!string.IsNullOrEmpty(options.User))
                {
                    await _client.AuthenticateAsync(options.User, options.Password ?? "", ct);
                }

                return null;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                return $"Could not reach the SMTP server {options.Host}:{options.Port}: {e.Message}";
            }
        }

        private static SecureSocketOptions Security(SmtpSecurity security) => security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };

        public async ValueTask DisposeAsync()
        {
            if (_client.IsConnected)
            {
                try
                {
                    await _client.DisconnectAsync(quit: true);
                }
                catch (Exception)
                {
                    // The messages are settled already; a failed goodbye changes nothing.
                }
            }

            _client.Dispose();
        }
    }
}

/// <summary>
/// The embedded default without an SMTP server: each message is written by MimeKit as a real <c>.eml</c> file a person
/// can open, and the outbox notes where.
/// </summary>
public sealed class EmlFileTransport(SmtpOptions options, TimeProvider clock) : IEmailTransport
{
    public IEmailSession Open() => new Session(options, clock);

    private sealed class Session(SmtpOptions options, TimeProvider clock) : IEmailSession
    {
        public async Task<DeliveryOutcome> SendAsync(ClaimedMessage message, CancellationToken ct)
        {
            try
            {
                var mime = options.Compose(message);
                Directory.CreateDirectory(options.MailFolder);
                var path = Path.Combine(options.MailFolder, string.Create(CultureInfo.InvariantCulture, $"{clock.GetUtcNow():yyyyMMdd'T'HHmmss}-{message.Id}.eml"));
                await mime.WriteToAsync(path, ct);
                return DeliveryOutcome.Sent($"No SMTP server is configured (Smtp:Host): written to {path}");
            }
            catch (ParseException e)
            {
                return DeliveryOutcome.Failed($"'{message.Recipient}' is not an e-mail address MimeKit can write: {e.Message}");
            }
            catch (IOException e)
            {
                return DeliveryOutcome.Retry($"Could not write the message under {options.MailFolder}: {e.Message}");
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
