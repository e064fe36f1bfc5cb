using CouponAdmin.Core.Offers;
using Microsoft.AspNetCore.Components;

namespace CouponAdmin.Components.Pages.Incentives.Wizard;

/// <summary>
/// A wizard step edits the page's <see cref="OfferDefinition"/> in place and reports every change, so the page can
/// re-run the Core validator and re-render; the step holds no rules of its own.
/// </summary>
public abstract class WizardStepBase : ComponentBase
{
    [Parameter, EditorRequired]
    public OfferDefinition Definition { get; set; } = default!;

    [Parameter, EditorRequired]
    public WizardContext Context { get; set; } = default!;

    [Parameter]
    public EventCallback Changed { get; set; }

    protected string? ErrorFor(string path) => Context.Errors.For(path);

    protected bool HasError(string path) => Context.Errors.Has(path);

    /// <summary>Applies a change and tells the page.</summary>
    protected Task Set(Action change)
    {
        change();
        return Changed.InvokeAsync();
    }
}
