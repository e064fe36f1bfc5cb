using MudBlazor;

namespace CouponAdmin.Components.Layout;

/// <summary>System fonts only: the machines that run us are offline.</summary>
internal static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight { Primary = "#3949ab", Secondary = "#00897b", AppbarBackground = "#283593" },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
    };
}
