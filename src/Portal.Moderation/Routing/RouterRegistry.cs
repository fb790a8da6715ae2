using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Data.Routing;

namespace Portal.Moderation.Routing;

/// <summary>
/// The model registry: trains models into versioned files, records them with their evaluation, and
/// activates one (hot-swapped into <see cref="RouterHost"/>). A model is never activated without a
/// cross-validated evaluation; the previous model stays on disk so it can be restored.
/// </summary>
public sealed partial class RouterRegistry(
    IDbContextFactory<PortalDbContext> dbFactory,
    RouterHost host,
    RoutingCatalog catalog,
    IDepartmentRouter router,
    IOptions<RoutingOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<RouterRegistry> logger)
{
    private const int MaxBackfill = 500;

    private int _training;

    public string ModelsDirectory => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.ModelsPath));

    /// <summary>
    /// Loads the active model at start-up. With no model at all (a fresh install or reset demo data) it
    /// trains one from the seed corpus and history first. Never throws: a failure leaves manual routing.
    /// </summary>
    public async Task InitializeAsync(CancellationToken ct)
    {
        try
        {
            // Load settings and departments now: the first submission must not spend its routing time limit on it.
            await catalog.GetDepartmentsByLabelAsync(ct).ConfigureAwait(false);

            await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
            var active = await db.RoutingModels.AsNoTracking().SingleOrDefaultAsync(m => m.IsActive, ct).ConfigureAwait(false);
            if (active is not null)
            {
                Load(active);
                return;
            }

            if (!options.Value.TrainAtFirstStart || await db.RoutingModels.AnyAsync(ct).ConfigureAwait(false))
                return;
            var trained = await TrainAsync("系统（首次启动）", null, ct).ConfigureAwait(false);
            await ActivateAsync(trained.Id, ct).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Routing is advisory: the portal starts with manual routing rather than not at all.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            host.Fail($"分类模型初始化失败：{ex.Message}", ex);
        }
    }

    /// <summary>Trains a candidate model on the current training data and records it (not active yet).</summary>
    /// <exception cref="RouterTrainingException">The data cannot train a router.</exception>
    /// <exception cref="InvalidOperationException">Another training is running.</exception>
    public async Task<RoutingModel> TrainAsync(string trainedBy, IProgress<TrainingProgress>? progress, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _training, 1) == 1)
            throw new InvalidOperationException("已有训练任务在进行，请等它完成。");
        try
        {
            progress?.Report(new TrainingProgress("读取训练数据", 0));
            TrainingDataSummary data;
            await using (var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false))
                data = await RoutingTrainingData.LoadAsync(db, options.Value.IncludeSeedCorpus, ct).ConfigureAwait(false);

            // A thread of its own (long-running): a minute-long run must not hold one of the pool's threads.
            using var model = await Task.Factory.StartNew(
                () => RouterTrainer.Train(data.Messages, new RouterTrainingOptions(), progress, ct),
                ct, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
            var evaluation = model.Metadata.Evaluation!;

            await using var save = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
            var version = (await save.RoutingModels.MaxAsync(m => (int?)m.Version, ct).ConfigureAwait(false) ?? 0) + 1;
            var fileName = $"router-v{version}.zip";
            model.SaveToFile(Path.Combine(ModelsDirectory, fileName));
            var record = new RoutingModel
            {
                Version = version,
                FileName = fileName,
                TrainedAt = clock.GetUtcNow().UtcDateTime,
                TrainedBy = trainedBy.Length > RoutingModel.MaxTrainedByLength ? trainedBy[..RoutingModel.MaxTrainedByLength] : trainedBy,
                ExampleCount = data.Messages.Count,
                MacroF1 = evaluation.MacroF1,
                Accuracy = evaluation.Accuracy,
                Threshold = evaluation.RecommendedThreshold,
                CoverageAtThreshold = evaluation.CoverageAtThreshold,
                ReportJson = JsonSerializer.Serialize(new ModelReport(evaluation, data.SeedCount, data.ImportedCount, data.HistoryCount,
                    model.Metadata.RowsPerLabel, model.Metadata.TrainingSeconds), RouterModel.JsonOptions),
            };
            save.RoutingModels.Add(record);
            await save.SaveChangesAsync(ct).ConfigureAwait(false);
            LogTrained(logger, version, data.Messages.Count, evaluation.MacroF1);
            return record;
        }
        finally
        {
            Volatile.Write(ref _training, 0);
        }
    }

    /// <summary>Loads the model's file and makes it the active one.</summary>
    /// <exception cref="RouterModelException">The file is missing or corrupt; the active model is unchanged.</exception>
    public async Task ActivateAsync(int modelId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var record = await db.RoutingModels.SingleOrDefaultAsync(m => m.Id == modelId, ct).ConfigureAwait(false)
            ?? throw new RouterModelException("找不到该模型。");
        var model = RouterModel.LoadFile(Path.Combine(ModelsDirectory, record.FileName));
        if (model.Metadata.Evaluation is null)
            throw new RouterModelException("该模型没有评估结果，不能启用。");

        foreach (var other in await db.RoutingModels.Where(m => m.IsActive).ToListAsync(ct).ConfigureAwait(false))
            other.IsActive = false;
        record.IsActive = true;
        record.ActivatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        host.Activate(model, record.Version);
        catalog.Invalidate();
        await SuggestForWaitingOpinionsAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Opinions that arrived while no model was routing (a fresh install, a failed model) still wait for a
    /// moderator: give them suggestions now, so that the queue offers them one click away like any other.
    /// </summary>
    private async Task SuggestForWaitingOpinionsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var waiting = await db.Opinions
            .Where(o => (o.Status == OpinionStatus.Submitted || o.Status == OpinionStatus.Registered) && o.SuggestedDepartmentId == null)
            .OrderBy(o => o.CreatedAt).Take(MaxBackfill).ToListAsync(ct).ConfigureAwait(false);
        foreach (var opinion in waiting)
        {
            if (await router.SuggestAsync(opinion.Title, opinion.Body, ct).ConfigureAwait(false) is { } suggestion)
                opinion.SuggestDepartments(suggestion.Ranked, suggestion.ModelVersion);
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Re-activates the model that was active before the current one.</summary>
    /// <returns>The restored version, or null when there is none to go back to.</returns>
    public async Task<int?> RollBackAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var previous = await db.RoutingModels.AsNoTracking()
            .Where(m => !m.IsActive && m.ActivatedAt != null)
            .OrderByDescending(m => m.ActivatedAt).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (previous is null)
            return null;
        await ActivateAsync(previous.Id, ct).ConfigureAwait(false);
        return previous.Version;
    }

    private void Load(RoutingModel record)
    {
        try
        {
            host.Activate(RouterModel.LoadFile(Path.Combine(ModelsDirectory, record.FileName)), record.Version);
        }
        catch (RouterModelException ex)
        {
            host.Fail($"模型 v{record.Version} 无法加载：{ex.Message}", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Router model v{Version} trained on {Count} messages, cross-validated macro-F1 {MacroF1:F3}")]
    private static partial void LogTrained(ILogger logger, int version, int count, double macroF1);
}

/// <summary>What the admin page shows about a trained model (stored as JSON with the registry row).</summary>
public sealed record ModelReport(
    RouterEvaluation Evaluation, int SeedCount, int ImportedCount, int HistoryCount,
    IReadOnlyDictionary<string, int> RowsPerLabel, double TrainingSeconds);
