using CouponAdmin.Core.Common;
using CouponAdmin.Core.Org;

namespace CouponAdmin.Core.Offers;

/// <summary>Rules of the "Redemption" screen, including the 14-row limit table (<see cref="RedemptionLimitPolicy"/>).</summary>
internal static class RedemptionRules
{
    public static void Validate(OfferDefinition offer, List<FieldError> errors)
    {
        var r = offer.Redemption;
        var type = offer.SeriesType;
        var allowed = RedemptionLimitPolicy.For(type, r.AnyoneCanRedeem);

        if (r.AnyoneCanRedeem && !allowed.AnyoneCanRedeem)
        {
            errors.Add(new("redemption.anyoneCanRedeem", "Coupons issued through a third party can be redeemed only by their holder."));
        }

        if (r.CodeLimit is not null && !allowed.Code)
        {
            errors.Add(new("redemption.codeLimit", CodeLimitRefusal(type, r.AnyoneCanRedeem)));
        }

        CheckLimit("redemption.codeLimit", r.CodeLimit, errors);
        CheckLimit("redemption.customerLimit", r.CustomerLimit, errors);
        CheckLimit("redemption.seriesLimit", r.SeriesLimit, errors);

        if (r.MinGapDays < 0)
        {
            errors.Add(new("redemption.minGapDays", $"The gap between redemptions cannot be negative ({r.MinGapDays} days)."));
        }
        else if (r.MinGapDays > 0 && !OfferOptions.RedemptionGapApplies(offer))
        {
            errors.Add(new("redemption.minGapDays", "A gap between redemptions does not apply when a customer can redeem the coupon only once."));
        }

        ValidateBill(r, errors);
        ValidateWindow(r, errors);
        ValidateNewCustomers(r.NewCustomers, errors);

        if (OfferLimits.Count("redemption.orgEntities", r.OrgEntities, OfferLimits.MaxOrgEntities, "stores, tills, zones or concepts", errors))
        {
            for (var i = 0; i < r.OrgEntities.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(r.OrgEntities[i].Id))
                {
                    errors.Add(new($"redemption.orgEntities[{i}].id", "A store, till, zone or concept id cannot be blank."));
                }
                else
                {
                    OfferLimits.Text($"redemption.orgEntities[{i}].id", r.OrgEntities[i].Id, OrgEntity.MaxIdLength, "An org entity id", errors);
                }
            }
        }
    }

    private static string CodeLimitRefusal(SeriesType type, bool anyoneCanRedeem) => type switch
    {
        SeriesType.Common => "A common code has no code-level limit: it is one code, so use the series-level limit.",
        SeriesType.ThirdPartyUploaded => "Third-party codes have no code-level limit: it equals the customer-level limit.",
        _ when !anyoneCanRedeem => "The code-level limit applies only when anyone can redeem the coupon; otherwise it equals the customer-level limit.",
        _ => "The code-level limit is not available for this series.",
    };

    private static void CheckLimit(string path, int? limit, List<FieldError> errors)
    {
        if (limit is < 1)
        {
            errors.Add(new(path, $"A limit must be at least 1, not {limit}; leave it empty for no limit."));
        }
    }

    private static void ValidateBill(RedemptionSettings r, List<FieldError> errors)
    {
        if (r.MinBill is < 0)
        {
            errors.Add(new("redemption.minBill", $"The minimum bill amount cannot be negative ({OfferValidator.Format(r.MinBill.Value)})."));
        }

        if (r.MaxBill is < 0)
        {
            errors.Add(new("redemption.maxBill", $"The maximum bill amount cannot be negative ({OfferValidator.Format(r.MaxBill.Value)})."));
        }

        if (r.MinBill is { } min && r.MaxBill is { } max && min > max)
        {
            errors.Add(new("redemption.maxBill", $"The maximum bill amount ({OfferValidator.Format(max)}) is below the minimum ({OfferValidator.Format(min)})."));
        }
    }

    private static void ValidateWindow(RedemptionSettings r, List<FieldError> errors)
    {
        // Each list names a value at most once, so its size is bounded by the values there are.
        if (!OfferLimits.Count("redemption.hours", r.Hours, 24, "hours", errors)
            | !OfferLimits.Count("redemption.daysOfMonth", r.DaysOfMonth, 31, "days of the month", errors)
            | !OfferLimits.Count("redemption.daysOfWeek", r.DaysOfWeek, 7, "days of the week", errors))
        {
            return;
        }

        foreach (var h in r.Hours.Where(h => h is < 0 or > 23).Distinct())
        {
            errors.Add(new("redemption.hours", $"{h} is not an hour of the day: use 0 to 23."));
        }

        foreach (var d in r.DaysOfMonth.Where(d => d is < 1 or > 31).Distinct())
        {
            errors.Add(new("redemption.daysOfMonth", $"{d} is not a day of the month: use 1 to 31."));
        }

        foreach (var d in r.DaysOfWeek.Where(d => !Enum.IsDefined(d)).Distinct())
        {
            errors.Add(new("redemption.daysOfWeek", $"{(int)d} is not a day of the week."));
        }
    }

    private static void ValidateNewCustomers(NewCustomerRule rule, List<FieldError> errors)
    {
        if (rule.RegisteredFrom is { } from && rule.RegisteredTo is { } to && from > to)
        {
            errors.Add(new("redemption.newCustomers.registeredTo", $"The registration range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})."));
        }

        if (rule.MaxTransactions is < 0)
        {
            errors.Add(new("redemption.newCustomers.maxTransactions", $"The number of transactions cannot be negative ({rule.MaxTransactions})."));
        }
    }
}
