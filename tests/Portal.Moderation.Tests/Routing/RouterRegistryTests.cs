using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Data.Departments;
using Portal.Data.Opinions;
using Portal.Data.Routing;
using Portal.Moderation.Routing;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Routing;

/// <summary>
/// The model registry over a real database and models folder: first-start training, activation with a hot
/// swap, rollback, and the fail-safe when the active model's file is damaged.
/// </summary>
public sealed class RouterRegistryTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly string _contentRoot = Path.Combine(Path.GetTempPath(), $"portal-registry-tests-{Guid.NewGuid():N}");
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        await _database.MigrateAsync();
        await using var db = _database.CreateDbContext();
        var labels = RoutingFixtureData.Messages.Select(m => m.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        db.Departments.AddRange(labels.Select((label, i) => new Department { Code = $"d{i}", Name = $"{label}局", Category = label }));
        // The fixture stands in for an administrator's import; the seed corpus is left out to keep training quick.
        db.RoutingExamples.AddRange(RoutingFixtureData.Messages.Select(m =>
            new RoutingExample { Title = m.Title, Body = m.Body, Label = m.Label, Source = "fixture.tsv", ImportedAt = _clock.GetUtcNow().UtcDateTime }));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_contentRoot))
            Directory.Delete(_contentRoot, recursive: true);
    }

    [Fact]
    public async Task Initialize_WithoutAnyModel_TrainsEvaluatesAndActivatesVersionOne()
    {
        var (registry, host) = Create();

        await registry.InitializeAsync(default);

        Assert.Equal(RouterState.Ready, host.Status.State);
        Assert.Equal(1, host.Active?.Version);
        await using var db = _database.CreateDbContext();
        var model = await db.RoutingModels.SingleAsync();
        Assert.True(model.IsActive);
        Assert.Equal(RoutingFixtureData.Messages.Count, model.ExampleCount);
        Assert.InRange(model.MacroF1, 0.0, 1.0);
        Assert.True(File.Exists(Path.Combine(registry.ModelsDirectory, model.FileName)));
    }

    [Fact]
    public async Task Activation_GivesSuggestionsToOpinionsThatArrivedWithoutARouter()
    {
        int waitingId;
        await using (var db = _database.CreateDbContext())
        {
            var waiting = Opinion.Submit(
                new OpinionSubmission(OpinionKind.Complaint, OpinionChannel.OpinionBox, "小区电梯坏了一个月没人修", "电梯停运，物业不管。", null, "王芳", "13700001111", false, true),
                "ABCDEFGHJK", ActorRef.Resident, _clock.GetUtcNow().UtcDateTime);
            db.Opinions.Add(waiting);
            await db.SaveChangesAsync();
            waitingId = waiting.Id;
        }

        var (registry, _) = Create();
        await registry.InitializeAsync(default);

        await using var check = _database.CreateDbContext();
        var opinion = await check.Opinions.SingleAsync(o => o.Id == waitingId);
        Assert.Equal(OpinionStatus.Submitted, opinion.Status);
        Assert.Equal(1, opinion.SuggestedByModelVersion);
        Assert.Equal(Opinion.MaxSuggestions, opinion.Suggestions.Count);
    }

    [Fact]
    public async Task Initialize_WithADamagedActiveModelFile_FallsBackToManualRouting()
    {
        var (first, _) = Create();
        await first.InitializeAsync(default);
        await using (var db = _database.CreateDbContext())
            await File.WriteAllBytesAsync(Path.Combine(first.ModelsDirectory, (await db.RoutingModels.SingleAsync()).FileName), [1, 2, 3, 4]);

        var (restarted, host) = Create();
        await restarted.InitializeAsync(default);

        Assert.Equal(RouterState.Failed, host.Status.State);
        Assert.Contains("v1", host.Status.Message, StringComparison.Ordinal);
        Assert.Null(host.Active);
        var router = new MlDepartmentRouter(host, new RoutingCatalog(_database, _clock));
        Assert.Null(await router.SuggestAsync("小区电梯坏了", "一个月没人修", default));
    }

    [Fact]
    public async Task ActivateThenRollBack_SwapsTheActiveModelWithoutRestart()
    {
        var (registry, host) = Create();
        await registry.InitializeAsync(default);
        var second = await registry.TrainAsync("管理员", null, default);
        Assert.Equal(1, host.Active?.Version); // a new model is a candidate until activated

        _clock.Advance(TimeSpan.FromMinutes(1));
        await registry.ActivateAsync(second.Id, default);
        Assert.Equal(2, host.Active?.Version);

        _clock.Advance(TimeSpan.FromMinutes(1));
        var restored = await registry.RollBackAsync(default);

        Assert.Equal(1, restored);
        Assert.Equal(1, host.Active?.Version);
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, (await db.RoutingModels.SingleAsync(m => m.IsActive)).Version);
    }

    [Fact]
    public async Task Activate_WhenTheFileIsMissing_KeepsTheCurrentModel()
    {
        var (registry, host) = Create();
        await registry.InitializeAsync(default);
        var second = await registry.TrainAsync("管理员", null, default);
        File.Delete(Path.Combine(registry.ModelsDirectory, second.FileName));

        await Assert.ThrowsAsync<RouterModelException>(() => registry.ActivateAsync(second.Id, default));

        Assert.Equal(1, host.Active?.Version);
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, (await db.RoutingModels.SingleAsync(m => m.IsActive)).Version);
    }

    private (RouterRegistry Registry, RouterHost Host) Create()
    {
        var host = new RouterHost(_clock, NullLogger<RouterHost>.Instance);
        var catalog = new RoutingCatalog(_database, _clock);
        var options = Microsoft.Extensions.Options.Options.Create(new RoutingOptions { IncludeSeedCorpus = false, ModelsPath = "models" });
        var registry = new RouterRegistry(_database, host, catalog, new MlDepartmentRouter(host, catalog), options,
            new TestHostEnvironment(_contentRoot), _clock, NullLogger<RouterRegistry>.Instance);
        return (registry, host);
    }
}
