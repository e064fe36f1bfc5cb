using CouponAdmin.Core.Common;
using CouponAdmin.Core.Offers;
using CouponAdmin.Core.Org;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;

namespace CouponAdmin.Components.Pages.Incentives.Wizard;

/// <summary>
/// Create or edit an offer step by step. Every check is Core's: a step's Next runs <see cref="OfferStepValidator"/>
/// for that step, saving goes through <see cref="CreateOffer"/> / <see cref="UpdateOffer"/>, and what an existing
/// offer may no longer change comes from <see cref="OfferChangeRules"/>.
/// </summary>
public sealed partial class OfferWizard
{
    private const int ReviewIndex = WizardProgress.ReviewIndex;

    private readonly WizardProgress _progress = new();
    private OfferDefinition? _definition;
    private Offer? _offer;
    private OfferChangeRules _changeRules = OfferChangeRules.New;
    private IReadOnlyList<FieldError> _serverErrors = [];
    private string? _loadError;
    private string _baseCurrency = "INR";
    private DateTimeOffset _now;
    private bool _saving;
    private int _shownIndex;

    [Inject] private OfferQueries Offers { get; set; } = default!;
    [Inject] private CreateOffer Creator { get; set; } = default!;
    [Inject] private UpdateOffer Updater { get; set; } = default!;
    [Inject] private ChangeOfferStatus StatusChanger { get; set; } = default!;
    [Inject] private OrgSetup Org { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Auth { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Parameter]
    public long? Id { get; set; }

    [CascadingParameter(Name = "OrgZone")]
    public TimeZoneInfo? OrgZone { get; set; }

    private TimeZoneInfo Zone => OrgZone ?? TimeZoneInfo.Utc;

    private string Title => _offer is null ? "Create offer" : $"Edit {_offer.Name}";

    private string Subtitle => _offer is null
        ? "Five steps: the offer, its coupons, how they are issued, how they are redeemed, and a final review. Nothing is saved until the last step."
        : $"Offer {_offer.Id}. Changes are saved on the Review step.";

    private bool CanActivate => _offer is null || _offer.Status is OfferStatus.Draft or OfferStatus.Paused;

    private string SaveLabel => _offer is null || _offer.Status == OfferStatus.Draft ? "Save as draft" : "Save changes";

    protected override async Task OnParametersSetAsync()
    {
        _now = Clock.GetUtcNow();
        _baseCurrency = (await Org.GetSettingsAsync()).BaseCurrency;
        if (Id is not { } id)
        {
            _definition ??= new OfferDefinition { Discount = new DiscountSettings { Type = DiscountType.Percentage, Value = 10 } };
            return;
        }

        if (_offer?.Id == id)
        {
            return;
        }

        var result = await Offers.GetAsync(id);
        if (!result.IsSuccess)
        {
            _loadError = result.Error.Message;
            return;
        }

        _offer = result.Value;
        _definition = Offer.Clone(_offer!.Definition);
        _changeRules = OfferChangeRules.For(_offer);
    }

    // A new step starts at its top: Next sits at the bottom of a long step.
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_progress.Index != _shownIndex)
        {
            _shownIndex = _progress.Index;
            await JS.InvokeVoidAsync("scrollTo", 0, 0);
        }
    }

    private IReadOnlyList<FieldError> AllErrors() => [.. OfferValidator.Validate(_definition!), .. _serverErrors];

    private WizardContext ContextFor(OfferStep step) => NewContext(_progress.IsShown(step)
        ? new FieldErrors([.. AllErrors().Where(e => OfferStepValidator.StepOf(e.Path) == step)])
        : FieldErrors.None);

    private WizardContext ReviewContext() => NewContext(new FieldErrors(AllErrors()));

    private WizardContext NewContext(FieldErrors errors) =>
        new(_offer?.Id, _offer?.Status, _changeRules, Zone, _baseCurrency, _now, errors);

    private bool IsCompleted(int index) => _progress.IsPassed(index) && !HasErrors(index);

    private bool HasErrors(int index) => index < ReviewIndex && _progress.IsShown((OfferStep)index)
        && AllErrors().Any(e => OfferStepValidator.StepOf(e.Path) == (OfferStep)index);

    private void OnChanged(OfferStep step)
    {
        OfferOptions.DropInapplicable(_definition!);
        _serverErrors = [];
        _progress.Changed(_definition!, step);
    }

    private void Next() => _progress.TryGoTo(_definition!, _progress.Index + 1);

    private Task OnPreviewInteractionAsync(StepperInteractionEventArgs args)
    {
        if (args.Action == StepAction.Activate && args.StepIndex > _progress.Index)
        {
            args.Cancel = !_progress.TryGoTo(_definition!, args.StepIndex);
        }
        else if (args.Action == StepAction.Activate)
        {
            _progress.MovedBackTo(args.StepIndex);
        }

        return Task.CompletedTask;
    }

    private async Task SaveAsync(bool activate)
    {
        var errors = AllErrors();
        if (errors.Count > 0)
        {
            _progress.ShowErrors(errors);
            return;
        }

        _saving = true;
        try
        {
            var actor = $"user:{(await Auth.GetAuthenticationStateAsync()).User.Identity?.Name ?? "unknown"}";
            var saved = _offer is null
                ? await Creator.ExecuteAsync(_definition!, actor)
                : await Updater.ExecuteAsync(_offer.Id, _definition!, actor);
            if (saved.Error is { Fields: { Count: > 0 } fields })
            {
                _serverErrors = fields;
                _progress.ShowErrors(fields);
                return;
            }

            if (!saved.IsSuccess)
            {
                Snackbar.Add(saved.Error.Message, Severity.Error);
                return;
            }

            var offer = saved.Value;
            if (activate && offer.Status != OfferStatus.Active)
            {
                var activated = await StatusChanger.ExecuteAsync(offer.Id, OfferStatus.Active, actor);
                Snackbar.Add(activated.IsSuccess ? "Offer saved and activated." : $"Offer saved, but not activated: {activated.Error.Message}",
                    activated.IsSuccess ? Severity.Success : Severity.Warning);
            }
            else
            {
                Snackbar.Add("Offer saved.", Severity.Success);
            }

            Navigation.NavigateTo($"/incentives/{offer.Id}");
        }
        finally
        {
            _saving = false;
        }
    }
}
