namespace CouponAdmin.Core.Offers;

/// <summary>A setting that can no longer change, under the JSON path of its field, and why.</summary>
public sealed record LockedSetting(string Path, string Reason);

/// <summary>
/// What may still change once an offer exists: a randomized-common sample never changes after creation (its fixed
/// part is reserved), and once the offer has left draft, coupons may be out, so the code generation method and the
/// code format stay as they are. Everything else can change. <see cref="Offer.Update"/> enforces this.
/// </summary>
public sealed record OfferChangeRules(bool SampleCodeLocked, bool MethodLocked, bool CodeFormatLocked)
{
    /// <summary>A new offer: everything is open.</summary>
    public static readonly OfferChangeRules New = new(false, false, false);

    public static OfferChangeRules For(OfferStatus status, GenerationMethod createdMethod) => new(
        SampleCodeLocked: createdMethod == GenerationMethod.RandomizedCommon,
        MethodLocked: status != OfferStatus.Draft,
        CodeFormatLocked: status != OfferStatus.Draft);

    public static OfferChangeRules For(Offer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return For(offer.Status, offer.Definition.Coupon.Generation.Method);
    }

    /// <summary>Whether "who issues" and "how codes are created" may still be switched.</summary>
    public bool IssuingChoicesOpen => !MethodLocked;

    public IReadOnlyList<LockedSetting> Locked(OfferStatus status)
    {
        var state = status.ToString().ToLowerInvariant();
        var locked = new List<LockedSetting>();
        if (MethodLocked)
        {
            locked.Add(new("coupon.generation.method", $"How the codes are created cannot change on a {state} offer: coupons may already be out."));
        }

        if (CodeFormatLocked)
        {
            locked.Add(new("coupon.generation", $"The code format (length, characters, prefix, common code) of a {state} offer cannot change: issued codes keep theirs."));
        }

        if (SampleCodeLocked)
        {
            locked.Add(new("coupon.generation.sampleCode", "The sample code cannot change after the offer is created: its fixed part is reserved for this offer."));
        }

        return locked;
    }
}
