namespace CouponAdmin.Core.Org;

/// <summary>The organisation's own settings: one row.</summary>
public sealed class OrgSettings
{
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;
    public string TimeZone { get; set; } = "UTC";
    public string BaseCurrency { get; set; } = "INR";
}
