using CouponAdmin.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace CouponAdmin.Core.Access;

/// <summary>
/// The key configured as <c>Api:BootstrapKey</c>: it exists while the configuration names it and no longer, and a
/// key chosen by hand must be long enough not to be guessed.
/// </summary>
public sealed partial class ApiKeyService
{
    public const string BootstrapKeyName = "Bootstrap key";

    /// <summary>A configured key is chosen by a person, not generated: this length keeps it out of guessing range.</summary>
    public const int MinBootstrapKeyLength = 24;

    /// <summary>
    /// Makes the configured <c>Api:BootstrapKey</c> the one live bootstrap key: created or reinstated with every scope,
    /// and every other bootstrap key revoked, so a key removed from the configuration or changed in it stops working
    /// at the next start. Null or blank configures none (and revokes any).
    /// </summary>
    public async Task SyncBootstrapKeyAsync(string? configured, CancellationToken ct = default)
    {
        var value = configured?.Trim();
        var hash = string.IsNullOrEmpty(value) ? null : Hash(value);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var old in await db.ApiKeys.Where(k => k.IsBootstrap && k.RevokedAt == null && k.Hash != hash).ToListAsync(ct))
        {
            old.RevokedAt = now;
            AuditLog.Record(db, now, "configuration", "apikey.revoked", "ApiKey", old.PublicId, (object?)null, new { reason = "no longer the configured Api:BootstrapKey" });
            Forget(old.Hash);
        }

        await db.SaveChangesAsync(ct);
        if (hash is null)
        {
            return;
        }

        var existing = await db.ApiKeys.FirstOrDefaultAsync(k => k.Hash == hash, ct);
        if (existing is null)
        {
            await StoreAsync(BootstrapKeyName, value!, ApiScopes.All, isBootstrap: true, ct);
        }
        else if (!existing.IsBootstrap || existing.RevokedAt is not null || existing.Scopes.Count != ApiScopes.All.Count)
        {
            existing.IsBootstrap = true;
            existing.RevokedAt = null;
            existing.Scopes = [.. ApiScopes.All];
            await db.SaveChangesAsync(ct);
            Forget(hash);
        }
    }

    /// <summary>Why a configured bootstrap key cannot be used, or null; the message never repeats the key.</summary>
    public static string? BootstrapKeyProblem(string? configured) =>
        configured?.Trim() is { Length: > 0 and < MinBootstrapKeyLength } tooShort
            ? $"Api:BootstrapKey has {tooShort.Length} characters; it needs at least {MinBootstrapKeyLength} outside Development " +
              "(for example 32 random hex digits). Set a longer key or remove the setting."
            : null;
}
