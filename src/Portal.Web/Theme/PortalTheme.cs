using MudBlazor;

namespace Portal.Web.Theme;

/// <summary>
/// The staff workspaces' MudBlazor theme: the portal's red, the same Chinese font stack as the residents' pages
/// (portal.css), a 16 px base and the looser line height Chinese text needs.
/// </summary>
public static class PortalTheme
{
    /// <summary>Chinese system fonts first (macOS/iOS, Windows, Android/Linux), then the Latin fallback.</summary>
    public static readonly string[] ChineseFontStack =
        ["PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "sans-serif"];

    public static MudTheme Instance { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#b71c1c",
            Secondary = "#0b57d0",
            AppbarBackground = "#b71c1c",
            // Status colours dark enough for 4.5:1 as text on white and under white text (chips, alerts, buttons).
            Info = "#0b57d0",
            Success = "#1b5e20",
            Warning = "#8a4b00",
            Error = "#b71c1c",
        },
        Typography = ChineseTypography(),
    };

    private static Typography ChineseTypography()
    {
        var typography = new Typography
        {
            Default = new DefaultTypography { FontSize = "1rem", LineHeight = "1.6" },
            Body1 = new Body1Typography { FontSize = "1rem", LineHeight = "1.7" },
            Body2 = new Body2Typography { FontSize = ".9375rem", LineHeight = "1.6" },
        };
        // Every typo (headings, buttons, captions...) in the Chinese stack, not MudBlazor's Roboto.
        foreach (var property in typeof(Typography).GetProperties().Where(p => p.PropertyType == typeof(BaseTypography)))
            ((BaseTypography)property.GetValue(typography)!).FontFamily = ChineseFontStack;
        return typography;
    }
}
