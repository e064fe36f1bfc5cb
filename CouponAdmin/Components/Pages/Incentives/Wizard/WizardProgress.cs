using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;

namespace CouponAdmin.Components.Pages.Incentives.Wizard;

/// <summary>
/// Where the marketer is in the wizard: the active step, the steps whose problems are shown, the steps passed,
/// and what blocks the way forward. Whether a step has problems is always Core's <see cref="OfferStepValidator"/>.
/// </summary>
internal sealed class WizardProgress
{
    public const int ReviewIndex = 4;

    private readonly HashSet<OfferStep> _shown = [];
    private readonly HashSet<int> _passed = [];

    public int Index { get; set; }

    /// <summary>The problems that stopped the last move forward, until they are fixed or the marketer goes back.</summary>
    public IReadOnlyList<FieldError>? Blocked { get; private set; }

    public bool IsShown(OfferStep step) => _shown.Contains(step);

    public bool IsPassed(int index) => _passed.Contains(index);

    /// <summary>A field of <paramref name="step"/> changed: show its problems from now on, and refresh what blocks.</summary>
    public void Changed(OfferDefinition offer, OfferStep step)
    {
        _shown.Add(step);
        if (Blocked is not null)
        {
            var remaining = OfferStepValidator.Validate(offer, (OfferStep)Math.Min(Index, ReviewIndex - 1));
            Blocked = remaining.Count == 0 ? null : remaining;
        }
    }

    /// <summary>Moves to <paramref name="target"/> unless a step on the way has problems: then stops there and says what.</summary>
    public bool TryGoTo(OfferDefinition offer, int target)
    {
        for (var i = Index; i < target && i < ReviewIndex; i++)
        {
            var errors = OfferStepValidator.Validate(offer, (OfferStep)i);
            if (errors.Count > 0)
            {
                _shown.Add((OfferStep)i);
                Blocked = errors;
                Index = i;
                return false;
            }

            _passed.Add(i);
        }

        Blocked = null;
        Index = target;
        return true;
    }

    public void Back()
    {
        Blocked = null;
        Index = Math.Max(0, Index - 1);
    }

    public void MovedBackTo(int index)
    {
        Blocked = null;
        Index = index;
    }

    /// <summary>Shows every step's problems (e.g. refused on saving) and goes back to the first step that has one.</summary>
    public void ShowErrors(IReadOnlyList<FieldError> errors)
    {
        foreach (var error in errors)
        {
            _shown.Add(OfferStepValidator.StepOf(error.Path));
        }

        var first = OfferStepValidator.FirstStepWithErrors(errors) ?? OfferStep.Offer;
        Index = (int)first;
        Blocked = [.. errors.Where(e => OfferStepValidator.StepOf(e.Path) == first)];
    }
}
