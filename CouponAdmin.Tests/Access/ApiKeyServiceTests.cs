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

    [Fact]
    public async Task ACreatedKeyHasAtLeast128RandomBitsAndNoPartOfItIsStored()
    {
        var keys = new ApiKeyService(_db, TimeProvider.System);

        var created = await keys.CreateAsync("POS", [ApiScopes.Redeem]);

        // "ca_" and 48 hex digits: 24 random bytes, 192 bits.
        Assert.Matches("^ca_[0-9a-f]{48}$", created.Value);
        foreach (var cell in await RawCellsAsync("ApiKeys"))
        {
            Assert.DoesNotContain(created.Value[..8], cell, StringComparison.Ordinal);
            Assert.DoesNotContain(created.Value[3..11], cell, StringComparison.Ordinal);
        }
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
        var other = await keys.CreateAsync("Other POS", [ApiScopes.Redeem]);
        Assert.NotNull(await keys.AuthenticateAsync(" " + created.Value + "\t"));
        Assert.NotNull(await keys.AuthenticateAsync(other.Value));

        await keys.RevokeAsync(created.Key.Id);

        Assert.Null(await keys.AuthenticateAsync(created.Value));
        Assert.Null(await keys.AuthenticateAsync(" " + created.Value + "\t"));
        Assert.Equal(other.Key.Id, (await keys.AuthenticateAsync(other.Value))?.Id);
    }

    [Fact]
    public async Task UnknownScopesAreRefused()
    {
        var keys = new ApiKeyService(_db, TimeProvider.System);

        await Assert.ThrowsAsync<ArgumentException>(() => keys.CreateAsync("POS", ["everything"]));
    }

    /// <summary>Every stored cell of a table, as text: what someone reading the database file would see.</summary>
    private async Task<List<string>> RawCellsAsync(string table)
    {
        await using var connection = _db.OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        var cells = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                cells.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }
        }

        return cells;
    }
}
