using System.Net;
using CouponAdmin.Core.Notifications;
using CouponAdmin.Jobs;
using Polly;

namespace CouponAdmin.Hosting;

/// <summary>
/// The outbox's senders and use cases, from configuration: <c>Smtp:*</c> (no host → <c>.eml</c> files under
/// <c>data/mail/</c>), <c>Sms:*</c> (no gateway URL → SMS skipped), <c>Notifications:*</c> and <c>App:BaseUrl</c>.
/// </summary>
internal static class NotificationsSetup
{
    public static IServiceCollection AddCouponAdminNotifications(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var defaults = NotificationOptions.Default;
        services.AddSingleton(new NotificationOptions
        {
            BaseUrl = configuration["App:BaseUrl"] is { Length: > 0 } url ? url : defaults.BaseUrl,
            MaxAttempts = Math.Max(1, configuration.GetValue("Notifications:MaxAttempts", defaults.MaxAttempts)),
            ReminderCatchUpHours = Math.Max(0, configuration.GetValue("Notifications:ReminderCatchUpHours", defaults.ReminderCatchUpHours)),
            ResendPerCouponPerHour = Math.Max(1, configuration.GetValue("Notifications:ResendPerCouponPerHour", defaults.ResendPerCouponPerHour)),
            DeliveryBatchSize = Math.Clamp(configuration.GetValue("Notifications:BatchSize", defaults.DeliveryBatchSize), 1, 1000),
        });

        var smtp = SmtpOptionsFrom(configuration, contentRoot);
        services.AddSingleton(smtp);
        services.AddSingleton<IEmailTransport>(sp => string.IsNullOrWhiteSpace(smtp.Host)
            ? new EmlFileTransport(smtp, sp.GetRequiredService<TimeProvider>())
            : new SmtpEmailTransport(smtp));

        var sms = new SmsOptions(configuration["Sms:GatewayUrl"], configuration["Sms:Token"]);
        if (string.IsNullOrWhiteSpace(sms.GatewayUrl))
        {
            services.AddSingleton<ISmsGateway, NoSmsGateway>();
        }
        else
        {
            services.AddSingleton(sms);
            services.AddHttpClient<ISmsGateway, HttpSmsGateway>().AddStandardResilienceHandler(o =>
            {
                // Each outbox attempt is one logical send; later attempts are the outbox's back-off. Within an attempt,
                // repeat only what the gateway cannot have acted on (no connection, or it said 429/503), so a slow
                // answer never turns into a second SMS.
                o.Retry.MaxRetryAttempts = 2;
                o.Retry.Delay = TimeSpan.FromSeconds(1);
                o.Retry.ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } } => true,
                    { Result.StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable } => true,
                    _ => false,
                });
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
                o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(30);
            });
        }

        services.AddSingleton<IOutboxSignal, HangfireOutboxSignal>();
        services.AddSingleton<ExpiryReminders>();
        services.AddSingleton<ResendCoupon>();
        services.AddSingleton<RetryOutboxMessage>();
        services.AddSingleton<OutboxQueries>();
        // Transient: it holds the SMS gateway's typed HttpClient, which the factory renews.
        services.AddTransient<DeliverOutbox>();
        return services;
    }

    private static SmtpOptions SmtpOptionsFrom(IConfiguration configuration, string contentRoot)
    {
        var defaults = new SmtpOptions();
        var security = configuration["Smtp:Security"] is { Length: > 0 } s
            ? Enum.TryParse<SmtpSecurity>(s, ignoreCase: true, out var parsed) ? parsed
                : throw new InvalidOperationException($"Smtp:Security '{s}' is not one of None, StartTls, SslOnConnect, Auto.")
            : defaults.Security;
        return new SmtpOptions
        {
            Host = configuration["Smtp:Host"] is { Length: > 0 } host ? host : null,
            Port = configuration.GetValue("Smtp:Port", defaults.Port),
            Security = security,
            User = configuration["Smtp:User"],
            Password = configuration["Smtp:Password"],
            From = configuration["Smtp:From"] is { Length: > 0 } from ? from : defaults.From,
            MailFolder = configuration["Notifications:MailFolder"] is { Length: > 0 } folder
                ? Path.GetFullPath(folder, contentRoot)
                : Path.Combine(DatabaseSetup.DataFolder(configuration, contentRoot), "mail"),
        };
    }
}
