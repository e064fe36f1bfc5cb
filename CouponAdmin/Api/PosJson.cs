using System.Text.Json;
using System.Text.Json.Serialization;

namespace CouponAdmin.Api;

/// <summary>
/// Serialization code generated at build time for the point-of-sale calls' bodies and answers and the in-store feed,
/// the hottest JSON the app reads and writes. It joins the app's own options (first in their resolver chain), so their converters — enums
/// in camelCase, times of day — still decide how values are spelled.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RedemptionApi.RedeemBody))]
[JsonSerializable(typeof(RedemptionApi.RedeemResponse))]
[JsonSerializable(typeof(CouponAdmin.Core.Pos.InstoreFeed))]
internal sealed partial class PosJson : JsonSerializerContext;
