using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Portal.IntegrationTests.Accessibility;

/// <summary>
/// axe-core run in the page with the WCAG 2.x A and AA rules; a page passes when no violation is serious or
/// critical. Pages are checked one after another and every failure is listed, so one run shows all there is to fix.
/// </summary>
public sealed class AxeAudit
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
    private static readonly HashSet<string> BlockingImpacts = ["serious", "critical"];

    private readonly StringBuilder _failures = new();
    private readonly List<string> _checked = [];

    /// <summary>Runs axe on the page as it is now and records its serious and critical violations under <paramref name="name"/>.</summary>
    public async Task CheckAsync(IPage page, string name)
    {
        var options = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } };
        var result = await page.RunAxe(options).WaitAsync(TimeSpan.FromSeconds(90));
        _checked.Add(name);
        foreach (var violation in result.Violations.Where(v => BlockingImpacts.Contains(v.Impact ?? "")))
        {
            _failures.AppendLine($"{name} ({page.Url}): [{violation.Impact}] {violation.Id} — {violation.Help}");
            foreach (var node in violation.Nodes.Take(5))
                _failures.AppendLine($"    {node.Target} {Shorten(node.Html)}");
            if (violation.Nodes.Length > 5)
                _failures.AppendLine($"    … and {violation.Nodes.Length - 5} more");
        }
    }

    /// <summary>Fails with every recorded violation of every page checked.</summary>
    public void AssertNoSeriousViolations()
    {
        Assert.NotEmpty(_checked);
        Assert.True(_failures.Length == 0, $"Serious or critical accessibility violations on {string.Join(", ", _checked)}:\n{_failures}");
    }

    private static string Shorten(string? html) =>
        html is null ? "" : html.Length <= 160 ? html : html[..160] + "…";
}
