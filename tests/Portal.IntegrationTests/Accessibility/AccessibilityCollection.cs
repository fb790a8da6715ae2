using Portal.IntegrationTests.Browser;

namespace Portal.IntegrationTests.Accessibility;

/// <summary>One portal and one headless Chromium for every accessibility check (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class AccessibilityCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "accessibility";
}
