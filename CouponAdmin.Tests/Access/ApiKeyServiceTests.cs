using CouponAdmin.Core.Access;
using CouponAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Tests.Access;

public sealed class ApiKeyServiceTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task AKeyIsStoredOnlyAsAHashAndAuthenticatesByItsValue()
    {
        var keys = new ApiKeyService(_db, TimeProvider.System);

        var created = await keys.CreateAsync("POS", [ApiScopes.Redeem]);

        await using var db = _db.CreateDbContext();
        var stored = await db.ApiKeys.SingleAsync();
        Assert.NotEqual(created.Value, stored.Hash);
        Assert.DoesNotContain(created.Value, stored.Hash, StringComparison.Ordinal);
        Assert.Equal(created.Key.Id, (await keys.AuthenticateAsync(created.Value))?.Id);
        Assert.Null(await keys.AuthenticateAsync(created.Value + "x"));
    }

    [Theory]
    [InlineData(" ", "")]
    [InlineData("", "  ")]
    [InlineData("\u00A0", "\u00A0")]
    [InlineData("\x0b", "\t")]
    [InlineData("\u2003", "\r\n")]
    public async Task WhitespaceAroundAKeyIsTheSameKey(string before, string after)
    {
        var keys = new ApiKeyService(_db, TimeProvider.System);
        var created = await keys.CreateAsync("POS", [ApiScopes.Redeem]);

        Assert.Equal(created.Key.Id, (await keys.AuthenticateAsync(before + created.Value + after))?.Id);
    }

    [Fact]
    public async Task ARevokedKeyIsRefusedAtOnceEvenThoughItWasJustCached()
    {
        var keys = new ApiKeyService(_db, TimeProvider.System);
        var created = await keys.CreateAsync("POS", [ApiScopes.Redeem]);
        Assert.NotNull(await keys.AuthenticateAsync(created.Value));

        await keys.RevokeAsync(created.Key.Id);

        Assert.Null(await keys.AuthenticateAsync(created.Value));
    }

    [Fact]
    public async Task UnknownScopesAreRefused()
    {
        var keys = new ApiKeyService(_db, TimeProvider.System);

        await Assert.ThrowsAsync<ArgumentException>(() => keys.CreateAsync("POS", ["everything"]));
    }
}
