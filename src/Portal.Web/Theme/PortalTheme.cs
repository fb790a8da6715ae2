using MudBlazor;

namespace Portal.Web.Theme;

/// <summary>The staff workspaces' MudBlazor theme: the portal's red, Chinese system fonts.</summary>
public static class PortalTheme
{
    public static MudTheme Instance { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#b71c1c",
            Secondary = "#0b57d0",
            AppbarBackground = "#b71c1c",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "sans-serif"],
            },
        },
    };
}
