using Bunit;
using CouponAdmin.Core.Notifications;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using OutboxPage = CouponAdmin.Components.Pages.Outbox.Outbox;

namespace CouponAdmin.Tests.Components;

/// <summary>The Outbox screen against the real Core queries on a SQLite file: rows, filters in the query, detail, and Retry asking first.</summary>
public sealed class OutboxPageTests : PageTestContext
{
    public OutboxPageTests()
    {
        Services.AddSingleton<IOutboxSignal>(NoOutboxSignal.Instance);
        Services.AddSingleton<OutboxQueries>();
        Services.AddSingleton<RetryOutboxMessage>();
    }

    [Fact]
    public async Task TheGridShowsEveryMessageNewestFirst()
    {
        await AddAsync(MessageChannel.Email, "poc@brand.example", MessageStatus.Sent);
        await AddAsync(MessageChannel.Sms, "+919800000001", MessageStatus.Skipped, note: NoSmsGateway.Reason);

        var page = RenderPage<OutboxPage>();

        page.WaitForAssertion(() =>
        {
            Assert.Equal(["+919800000001", "poc@brand.example"], Recipients(page));
            Assert.Contains(NoSmsGateway.Reason, page.Find(".message-why").TextContent, StringComparison.Ordinal);
        }, LoadTimeout);
    }

    [Fact]
    public async Task TheStatusAndRecipientFiltersNarrowTheRowsInTheQuery()
    {
        await AddAsync(MessageChannel.Email, "one@shop.example", MessageStatus.Sent);
        await AddAsync(MessageChannel.Email, "two@shop.example", MessageStatus.Failed, error: "Could not reach the SMTP server");
        await AddAsync(MessageChannel.Sms, "+919800000003", MessageStatus.Failed, error: "HTTP 500");
        var page = RenderPage<OutboxPage>();
        page.WaitForAssertion(() => Assert.Equal(3, Recipients(page).Count), LoadTimeout);

        page.Find("#status-Failed").Click();
        page.WaitForAssertion(() => Assert.Equal(["+919800000003", "two@shop.example"], Recipients(page)), LoadTimeout);

        page.Find("input#outbox-recipient").Change("shop.example");
        page.WaitForAssertion(() => Assert.Equal(["two@shop.example"], Recipients(page)), LoadTimeout);

        page.Find("#channel-Sms").Click();
        page.WaitForAssertion(() => Assert.Contains("No messages match.", page.Markup, StringComparison.Ordinal), LoadTimeout);
    }

    [Fact]
    public async Task RetryAsksFirstAndCancelLeavesTheMessageFailed()
    {
        var id = await AddAsync(MessageChannel.Email, "two@shop.example", MessageStatus.Failed, error: "Could not reach the SMTP server");
        var dialogs = Render<MudDialogProvider>();
        var page = RenderPage<OutboxPage>();
        page.WaitForAssertion(() => page.Find(".retry-message"), LoadTimeout);

        page.Find(".retry-message").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Retry this message?", dialogs.Markup, StringComparison.Ordinal), LoadTimeout);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Retry this message?", dialogs.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.Equal(MessageStatus.Failed, (await MessageAsync(id)).Status);
    }

    [Fact]
    public async Task ConfirmedRetryQueuesTheMessageAgain()
    {
        var id = await AddAsync(MessageChannel.Email, "two@shop.example", MessageStatus.Failed, error: "Could not reach the SMTP server");
        var dialogs = Render<MudDialogProvider>();
        var page = RenderPage<OutboxPage>();
        page.WaitForAssertion(() => page.Find(".retry-message"), LoadTimeout);

        page.Find(".retry-message").Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Retry").Click(), LoadTimeout);

        await WaitForAsync(async () => (await MessageAsync(id)).Status == MessageStatus.Pending);
        page.WaitForAssertion(() => Assert.Equal("Pending", page.Find(".message-status").GetAttribute("data-status")), LoadTimeout);
    }

    [Fact]
    public async Task ViewShowsTheRenderedBodyAttemptsAndError()
    {
        var id = await AddAsync(MessageChannel.Email, "two@shop.example", MessageStatus.Failed, error: "Could not reach the SMTP server", attempts: 8,
            body: "Hi Asha, your code ABC123 expires on 15 Nov 2025 23:59 (UTC+05:30).");
        var dialogs = Render<MudDialogProvider>();
        var page = RenderPage<OutboxPage>();
        page.WaitForAssertion(() => page.Find(".view-message"), LoadTimeout);

        page.Find($".view-message[data-message='{id}']").Click();

        dialogs.WaitForAssertion(() =>
        {
            Assert.Equal("Hi Asha, your code ABC123 expires on 15 Nov 2025 23:59 (UTC+05:30).", dialogs.Find("#message-body").TextContent);
            Assert.Equal("8", dialogs.Find("#message-attempts").TextContent);
            Assert.Equal("Could not reach the SMTP server", dialogs.Find("#message-error").TextContent.Trim());
        }, LoadTimeout);
    }

    private static List<string> Recipients(IRenderedComponent<OutboxPage> page) =>
        [.. page.FindAll(".message-recipient").Select(e => e.TextContent)];

    private async Task<long> AddAsync(MessageChannel channel, string recipient, MessageStatus status, string? error = null, string? note = null,
        int attempts = 1, string body = "Hello")
    {
        await using var db = Database.CreateDbContext();
        var message = new OutboxMessage
        {
            Key = $"test:{Guid.NewGuid():N}", Kind = MessageKind.Reminder, Channel = channel, Recipient = recipient, Body = body, Status = status,
            Attempts = attempts, LastError = error, Note = note, CreatedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow, CreatedBy = "test",
        };
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<OutboxMessage> MessageAsync(long id)
    {
        await using var db = Database.CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + LoadTimeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(20);
        }
    }
}
