namespace CouponAdmin.Core.Customers;

/// <summary>A member of the brand's programme. Each identifier is unique when present.</summary>
public sealed class Customer
{
    public const int MaxNameLength = 200;

    public long UserId { get; set; }
    public string? ExternalId { get; set; }
    public string? Mobile { get; set; }
    public string? Email { get; set; }
    public string? Name { get; set; }
    public DateOnly? RegisteredOn { get; set; }
    public int TransactionCount { get; set; }
}
