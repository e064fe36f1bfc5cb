using System.Security.Cryptography;
using System.Text;
using CouponAdmin.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Access;

public sealed record CreatedApiKey(ApiKey Key, string Value);

/// <summary>Creates, checks and revokes API keys. Only a SHA-256 hash of a key is stored, and a random public id.</summary>
public sealed partial class ApiKeyService(IDbContextFactory<CouponDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// Keys checked in the last few seconds, so a busy POS does not cost a database read per call. A key revoked
    /// here leaves the cache at once; one revoked by another node is refused within this time.
    /// </summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <summary>More live keys than this seen within <see cref="CacheFor"/> empties the cache (only a valid key is cached).</summary>
    private const int MaxCached = 1024;

    /// <summary>
    /// By the key's value (trimmed), so a repeat costs no hash: live keys only, in this process's memory, never
    /// stored. An entry names its key, and with it the hash that revocation goes by.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (ApiKey Key, DateTimeOffset Until)> _recent = new(StringComparer.Ordinal);

    public async Task<CreatedApiKey> CreateAsync(string name, IReadOnlyCollection<string> scopes, CancellationToken ct = default)
    {
        // 24 random bytes: 192 bits, well past the 128 that make an unsalted fast hash safe to store.
        var value = "ca_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var key = await StoreAsync(name, value, scopes, isBootstrap: false, ct);
        return new CreatedApiKey(key, value);
    }

    /// <summary>The live key with this value, or null.</summary>
    public async Task<ApiKey?> AuthenticateAsync(string? value, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // string.Trim removes every Unicode white space (spaces, tabs, U+00A0 no-break space, U+000B vertical tab…),
        // so every spelling of a key with blanks around it is that one key, with that key's rate-limit bucket.
        var trimmed = value.Trim();
        var now = clock.GetUtcNow();
        if (_recent.TryGetValue(trimmed, out var cached) && cached.Until > now)
        {
            return cached.Key;
        }

        var hash = Hash(trimmed);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, ct);
        if (key is null)
        {
            Forget(hash);
        }
        else
        {
            if (_recent.Count >= MaxCached)
            {
                _recent.Clear();
            }

            _recent[trimmed] = (key, now + CacheFor);
        }

        return key;
    }

    /// <summary>Drops every cached spelling of the key with this hash: it was revoked or changed.</summary>
    private void Forget(string hash)
    {
        foreach (var (value, entry) in _recent)
        {
            if (entry.Key.Hash == hash)
            {
                _recent.TryRemove(value, out _);
            }
        }
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(ct);
    }

    public async Task RevokeAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.FindAsync([id], ct);
        if (key is { RevokedAt: null })
        {
            key.RevokedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            Forget(key.Hash);
        }
    }

    internal static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private async Task<ApiKey> StoreAsync(string name, string value, IReadOnlyCollection<string> scopes, bool isBootstrap, CancellationToken ct)
    {
        var unknown = scopes.Except(ApiScopes.All).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown scope(s): {string.Join(", ", unknown)}.", nameof(scopes));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = new ApiKey
        {
            Name = name,
            Hash = Hash(value),
            PublicId = await NewPublicIdAsync(db, ct),
            IsBootstrap = isBootstrap,
            Scopes = [.. scopes.Distinct()],
            CreatedAt = clock.GetUtcNow(),
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return key;
    }

    /// <summary>"key_" and 8 random hex digits; drawn again in the rare case another key has it.</summary>
    private static async Task<string> NewPublicIdAsync(CouponDbContext db, CancellationToken ct)
    {
        while (true)
        {
            var id = "key_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
            if (!await db.ApiKeys.AnyAsync(k => k.PublicId == id, ct))
            {
                return id;
            }
        }
    }
}
