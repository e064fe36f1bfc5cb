using CouponAdmin.Core.Access;
using CouponAdmin.Core.Persistence;
using CouponAdmin.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CouponAdmin.Tests.Access;

/// <summary>
/// The account use cases as the app registers them (Identity over a migrated SQLite file), without a web host, and
/// a fake clock for what our code times (the unknown-e-mail lockout). Identity times account lockouts with the real
/// clock, so tests move a lockout's end instead of waiting for it.
/// </summary>
internal sealed class AccountsTestBed : IAsyncDisposable
{
    public const string Actor = "user:root@shop.example";

    private readonly ServiceProvider _services;

    public AccountsTestBed(AccountPolicy? policy = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IDbContextFactory<CouponDbContext>>(Database);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddCouponAccounts(policy ?? new AccountPolicy());
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public TestDatabase Database { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Creates an enabled account with a chosen password; returns its id.</summary>
    public async Task<long> UserAsync(string email, string password, params string[] roles)
    {
        var created = await Get<CreateUser>().ExecuteAsync(new CreateUserRequest(email, null, roles, password), Actor);
        Assert.True(created.IsSuccess, created.Error?.Message);
        return created.Value!.Id;
    }

    /// <summary>A sign-in attempt as the sign-in endpoint makes it (a request scope of its own).</summary>
    public async Task<SignInOutcome> SignInAsync(string email, string password)
    {
        await using var scope = _services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<PasswordSignIn>().CheckAsync(email, password)).Outcome;
    }

    /// <summary>Runs <paramref name="work"/> with Identity's user manager in a scope of its own.</summary>
    public async Task<T> WithUsersAsync<T>(Func<UserManager<AppUser>, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    public async Task<AppUser> StoredAsync(string email)
    {
        await using var db = Database.CreateDbContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Database.Dispose();
    }
}
