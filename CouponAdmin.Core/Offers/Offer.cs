using System.Text.Json;
using CouponAdmin.Core.Common;
using CouponAdmin.Core.Org;

namespace CouponAdmin.Core.Offers;

/// <summary>
/// A coupon series. It owns its <see cref="OfferDefinition"/> (stored as one JSON document) and keeps the
/// few columns that lists and filters query: name, status, method, validity and the org-entity tags.
/// </summary>
public sealed class Offer
{
    private readonly List<OfferOrgEntity> _orgEntities = [];

    private Offer()
    {
        Name = "";
        Definition = new OfferDefinition();
    }

    public long Id { get; private set; }
    public string Name { get; private set; }
    public OfferStatus Status { get; private set; }
    public GenerationMethod GenerationMethod { get; private set; }
    public IssuedBy IssuedBy { get; private set; }
    public DateTimeOffset? ValidFrom { get; private set; }
    public DateTimeOffset? ValidUntil { get; private set; }
    public OfferDefinition Definition { get; private set; }
    /// <summary>The generated-code space the offer draws from (null for common and uploaded codes).</summary>
    public long? CodeSpaceId { get; private set; }
    /// <summary>The org-unique code part: a randomized-common offer's fixed part, or a common offer's code.</summary>
    public string? ReservedCode { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public IReadOnlyCollection<OfferOrgEntity> OrgEntities => _orgEntities;

    /// <summary>Creates a draft; the caller has validated the definition.</summary>
    public static Offer Create(OfferDefinition definition, DateTimeOffset now)
    {
        var offer = new Offer { Status = OfferStatus.Draft, CreatedAt = now };
        offer.Apply(definition, now);
        return offer;
    }

    /// <summary>
    /// Replaces the settings. What cannot change once the series exists (<see cref="OfferChangeRules"/>) is
    /// refused here, field by field.
    /// </summary>
    public IReadOnlyList<FieldError> Update(OfferDefinition definition, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        var before = Definition.Coupon.Generation;
        var after = definition.Coupon.Generation;
        var rules = OfferChangeRules.For(this);
        if (rules.SampleCodeLocked && after.Method == GenerationMethod.RandomizedCommon
            && !string.Equals(before.SampleCode, after.SampleCode, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new("coupon.generation.sampleCode", $"The sample code cannot change after the offer is created (it is '{before.SampleCode}')."));
        }

        if (rules.MethodLocked && before.Method != after.Method)
        {
            errors.Add(new("coupon.generation.method", $"The code generation method of {OfferWords.WithArticle(Status)} cannot change."));
        }
        else if (rules.CodeFormatLocked && !SameCodeFormat(before, after))
        {
            errors.Add(new("coupon.generation", $"The code format of {OfferWords.WithArticle(Status)} cannot change: issued codes keep theirs."));
        }

        if (errors.Count == 0)
        {
            Apply(definition, now);
        }

        return errors;
    }

    /// <summary>Records the org-unique part of the offer's codes, chosen by the caller among the free ones.</summary>
    public void Reserve(string? code) => ReservedCode = code;

    public void UseCodeSpace(long? codeSpaceId) => CodeSpaceId = codeSpaceId;

    public Error? Activate(DateTimeOffset now) => ChangeStatus(OfferStatus.Active, now, OfferStatus.Draft, OfferStatus.Paused);

    public Error? Pause(DateTimeOffset now) => ChangeStatus(OfferStatus.Paused, now, OfferStatus.Active);

    public Error? End(DateTimeOffset now) => ChangeStatus(OfferStatus.Ended, now, OfferStatus.Draft, OfferStatus.Active, OfferStatus.Paused);

    private Error? ChangeStatus(OfferStatus to, DateTimeOffset now, params OfferStatus[] from)
    {
        if (Status == to)
        {
            return null;
        }

        if (!from.Contains(Status))
        {
            return Error.Rule(ErrorCodes.InvalidStatusChange, $"Offer {Id} is {Status.ToString().ToLowerInvariant()} and cannot become {to.ToString().ToLowerInvariant()}.");
        }

        Status = to;
        UpdatedAt = now;
        return null;
    }

    private void Apply(OfferDefinition definition, DateTimeOffset now)
    {
        Definition = Clone(definition);
        Name = definition.Name.Trim();
        GenerationMethod = definition.Coupon.Generation.Method;
        IssuedBy = definition.Coupon.IssuedBy;
        ValidFrom = definition.ValidFrom;
        ValidUntil = definition.ValidUntil;
        UpdatedAt = now;

        var tags = definition.Redemption.OrgEntities.Select(e => new OrgEntityRef(e.Type, e.Id.Trim())).Distinct().ToList();
        _orgEntities.RemoveAll(e => !tags.Contains(new OrgEntityRef(e.EntityType, e.EntityId)));
        foreach (var tag in tags.Where(t => !_orgEntities.Any(e => e.EntityType == t.Type && e.EntityId == t.Id)))
        {
            _orgEntities.Add(new OfferOrgEntity(tag.Type, tag.Id));
        }
    }

    private static bool SameCodeFormat(GenerationSettings a, GenerationSettings b) =>
        a.Method != GenerationMethod.AutoUnique && a.Method != GenerationMethod.Common
            ? true
            : a.Length == b.Length && a.Alphabet == b.Alphabet
              && string.Equals(a.Prefix ?? "", b.Prefix ?? "", StringComparison.OrdinalIgnoreCase)
              && string.Equals(a.CommonCode ?? "", b.CommonCode ?? "", StringComparison.OrdinalIgnoreCase);

    /// <summary>A deep copy, so a caller's later edits never reach the stored settings.</summary>
    public static OfferDefinition Clone(OfferDefinition definition) =>
        JsonSerializer.Deserialize<OfferDefinition>(JsonSerializer.Serialize(definition, CouponJson.Options), CouponJson.Options)!;
}

/// <summary>One org entity an offer is tagged to for redemption: the row the series filter matches exactly.</summary>
public sealed class OfferOrgEntity(OrgEntityType entityType, string entityId)
{
    public long Id { get; private set; }
    public long OfferId { get; private set; }
    public OrgEntityType EntityType { get; private set; } = entityType;
    public string EntityId { get; private set; } = entityId;
}
