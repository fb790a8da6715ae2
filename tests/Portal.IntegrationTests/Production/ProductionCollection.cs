using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Production;

[CollectionDefinition(Name)]
public sealed class ProductionCollection : ICollectionFixture<ProductionPortalAppFactory>
{
    public const string Name = "production";
}
