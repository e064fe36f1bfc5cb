using Bunit;
using CouponAdmin.Components.Pages.Incentives.Wizard;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CouponAdmin.Tests.Components.Wizard;

/// <summary>
/// The page test set-up plus what the wizard needs: the update and org services, a signed-in marketer and a clock
/// fixed on 12 Nov 2026, 09:30 in Kolkata (the seed's examples issue on 12 November).
/// </summary>
public abstract class WizardTestContext : PageTestContext
{
    public static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    public static readonly DateTimeOffset Now = new(2026, 11, 12, 9, 30, 0, TimeSpan.FromHours(5.5));

    protected WizardTestContext()
    {
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        Services.AddSingleton<UpdateOffer>();
        Services.AddSingleton<OrgSetup>();
        AddAuthorization().SetAuthorized("marketer@demo.local").SetRoles("Marketer");
    }

    /// <summary>What a step sees on a new offer, with the given errors shown.</summary>
    protected static WizardContext NewOfferContext(IReadOnlyList<CouponAdmin.Core.Common.FieldError>? errors = null) =>
        new(null, null, OfferChangeRules.New, Kolkata, "INR", Now, new FieldErrors(errors ?? []));

    /// <summary>Renders one step on its own over <paramref name="definition"/>, re-validated after every change as the page does.</summary>
    protected IRenderedComponent<StepHost<TStep>> RenderStep<TStep>(OfferDefinition definition, WizardContext? context = null, bool showErrors = false)
        where TStep : WizardStepBase =>
        RenderPage<StepHost<TStep>>(p => p
            .Add(x => x.Definition, definition)
            .Add(x => x.Context, context ?? NewOfferContext())
            .Add(x => x.ShowErrors, showErrors));

    /// <summary>The message shown right under the field of <paramref name="path"/>.</summary>
    protected static string ErrorNextTo<T>(IRenderedComponent<T> component, string path)
        where T : IComponent =>
        component.Find($".field-error[data-error-for='{path}']").TextContent.Trim();

    /// <summary>A valid offer to start from, as the wizard's first steps leave it.</summary>
    protected static OfferDefinition ValidOffer(Action<OfferDefinition>? change = null)
    {
        var offer = new OfferDefinition { Name = "Winter sale", Discount = new DiscountSettings { Type = DiscountType.Percentage, Value = 10 } };
        change?.Invoke(offer);
        return offer;
    }
}
