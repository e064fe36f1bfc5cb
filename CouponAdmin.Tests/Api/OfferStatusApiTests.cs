using System.Net;
using CouponAdmin.Tests.Support;

namespace CouponAdmin.Tests.Api;

/// <summary>Activating, ending and addressing offers by id.</summary>
[Collection(WebCollection.Name)]
public class OfferStatusApiTests(CouponAdminFactory factory) : IClassFixture<CouponAdminFactory>
{
    private const long UnknownId = 987_654_321;

    private readonly HttpClient _api = factory.CreateApiClient();

    [Fact]
    public async Task ActivatingADraftOfferMakesItActive()
    {
        var id = await _api.CreateOfferAsync(OfferBodies.Full($"Activate {ApiTestJson.Unique()}"));

        var activated = await (await _api.PostAsync($"/api/v1/offers/{id}/activate", null)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("active", (string?)activated["status"]);
        Assert.Equal("active", (string?)(await _api.GetOfferAsync(id))["status"]);
    }

    [Fact]
    public async Task AnEndedOfferCannotBeActivatedAgain()
    {
        var id = await _api.CreateOfferAsync(OfferBodies.Minimal($"Ended {ApiTestJson.Unique()}"));
        var ended = await (await _api.PostAsync($"/api/v1/offers/{id}/end", null)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("ended", (string?)ended["status"]);

        var response = await _api.PostAsync($"/api/v1/offers/{id}/activate", null);

        var problem = await response.ExpectProblemAsync(HttpStatusCode.UnprocessableEntity, "INVALID_STATUS_CHANGE");
        Assert.Contains("ended", (string?)problem["detail"], StringComparison.OrdinalIgnoreCase);
        Assert.Equal("ended", (string?)(await _api.GetOfferAsync(id))["status"]);
    }

    [Fact]
    public async Task GettingAnUnknownOfferIsNotFound()
    {
        var problem = await (await _api.GetAsync($"/api/v1/offers/{UnknownId}")).ExpectProblemAsync(HttpStatusCode.NotFound, "OFFER_NOT_FOUND");

        Assert.Contains(UnknownId.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdatingAnUnknownOfferIsNotFound()
    {
        var response = await _api.PutNodeAsync($"/api/v1/offers/{UnknownId}", OfferBodies.Minimal("Nobody's"));

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "OFFER_NOT_FOUND");
    }

    [Fact]
    public async Task ActivatingAnUnknownOfferIsNotFound()
    {
        var response = await _api.PostAsync($"/api/v1/offers/{UnknownId}/activate", null);

        await response.ExpectProblemAsync(HttpStatusCode.NotFound, "OFFER_NOT_FOUND");
    }
}
