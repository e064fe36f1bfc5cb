using System.Net;
using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Api;

/// <summary>The SQLite file is the record: a new host on the same file serves what the previous one stored.</summary>
[Collection(WebCollection.Name)]
public class DataSurvivesRestartTests
{
    [Fact]
    public async Task AnOfferCreatedBeforeARestartHasTheSameSettingsAfterIt()
    {
        string folder;
        long id;
        string before;
        using (var first = new CouponAdminFactory { KeepDataFolder = true })
        {
            folder = first.DataFolder;
            using var api = first.CreateApiClient();
            id = await api.CreateOfferAsync(OfferBodies.Full($"Durable {ApiTestJson.Unique()}"));
            await (await api.PostAsync($"/api/v1/offers/{id}/activate", null)).ExpectAsync(HttpStatusCode.OK);
            before = (await api.GetOfferAsync(id)).ToJsonString();
        }

        using var second = new CouponAdminFactory { DataFolder = folder };
        using var again = second.CreateApiClient();

        var after = await again.GetOfferAsync(id);

        ApiTestJson.AssertSameJson(System.Text.Json.Nodes.JsonNode.Parse(before), after, "The offer after the restart");
        Assert.Equal("active", (string?)after["status"]);
    }

    [Fact]
    public async Task TheDatabaseRecordsTheInitialMigration()
    {
        using var factory = new CouponAdminFactory();
        using var api = factory.CreateApiClient();
        await (await api.GetAsync("/api/v1/offers")).ExpectAsync(HttpStatusCode.OK);

        using var connection = factory.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" """;
        var migrations = new List<string>();
        using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                migrations.Add(reader.GetString(0));
            }
        }

        Assert.Contains(migrations, m => m.EndsWith(factory.Database.Provider == Core.Persistence.DatabaseProvider.Postgres ? "_InitialPostgres" : "_InitialCreate", StringComparison.Ordinal));
    }
}
