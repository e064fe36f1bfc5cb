using CouponAdmin.Core.Access;
using Microsoft.Extensions.DependencyInjection;

namespace CouponAdmin.Tests.Support;

/// <summary>Accounts for tests, made as start-up makes the demo users (created, or put back enabled and unlocked).</summary>
public static class TestAccounts
{
    public static async Task<AppUser> EnsureAsync(this IServiceProvider services, string email, string password, params string[] roles)
    {
        var result = await services.GetRequiredService<EnsureAccount>().ResetAsync(new AccountSeed(email, $"{string.Join("+", roles)} test", password, roles));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }
}
