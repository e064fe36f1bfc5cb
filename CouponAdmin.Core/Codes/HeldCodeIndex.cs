namespace CouponAdmin.Core.Codes;

/// <summary>
/// An index of a generated code space whose code another source already holds (a common code or an uploaded code of
/// the same shape): the space's allocator skips it, so codes stay one namespace per org whatever made them.
/// </summary>
public sealed class HeldCodeIndex
{
    public long SpaceId { get; set; }
    public long CodeIndex { get; set; }

    /// <summary>The code at that index, for people reading the table.</summary>
    public string Code { get; set; } = "";
}
