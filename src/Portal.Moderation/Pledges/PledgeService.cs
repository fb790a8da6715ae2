using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Data.Pledges;
using Portal.Data.Staff;
using Portal.Moderation.Opinions;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Pledges;

/// <summary>
/// The pledge workflow (承诺践诺): checks the actor's role, loads the pledge, applies the entity's guarded
/// transition and saves it with its history entry in one <c>SaveChanges</c>. A stale version is refused.
/// </summary>
/// <remarks>
/// Branch secretaries (党支部书记) have no role of their own yet: for now Moderators and Admins create,
/// publish and record progress for every branch; Leaders and Admins evaluate.
/// </remarks>
public sealed partial class PledgeService(
    IDbContextFactory<PortalDbContext> dbFactory,
    DeadlinePolicy time,
    TimeProvider clock,
    ILogger<PledgeService> logger)
{
    /// <summary>Creates a pledge in the Proposed state and returns its id.</summary>
    /// <exception cref="ValidationException">The input is not valid (message in Chinese).</exception>
    public async Task<int> CreateAsync(NewPledgeInput input, StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireSecretary(actor);
        input.Clean();
        Validator.ValidateObject(input, new ValidationContext(input), validateAllProperties: true);
        if (input.DueDate!.Value.Year < input.Year)
            throw new ValidationException("完成时限不能早于承诺年度。");

        var pledge = Pledge.Propose(input.ToDraft(), actor.Ref, clock.GetUtcNow().UtcDateTime);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        db.Pledges.Add(pledge);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        LogCreated(logger, pledge.Id, actor.UserId);
        return pledge.Id;
    }

    public Task PublishAsync(int pledgeId, int expectedVersion, StaffActor actor, CancellationToken ct = default) =>
        ApplyAsync(pledgeId, expectedVersion, actor, RequireSecretary, (p, now) => p.Publish(actor.Ref, now), ct);

    /// <summary>Records progress on a local day, which cannot be in the future.</summary>
    public Task AddProgressAsync(int pledgeId, int expectedVersion, DateOnly date, string? text, StaffActor actor, CancellationToken ct = default) =>
        ApplyAsync(pledgeId, expectedVersion, actor, RequireSecretary, (p, now) =>
        {
            if (date > Today(now))
                throw new PledgeStateException("进展日期不能晚于今天。");
            p.AddProgress(date, Required(text, "进展情况", multiline: true), actor.Ref, now);
        }, ct);

    public Task MarkFulfilledAsync(int pledgeId, int expectedVersion, string? note, StaffActor actor, CancellationToken ct = default) =>
        ApplyAsync(pledgeId, expectedVersion, actor, RequireSecretary, (p, now) => p.MarkFulfilled(TextInput.Clean(note, multiline: true), actor.Ref, now), ct);

    public Task EvaluateAsync(int pledgeId, int expectedVersion, PledgeGrade grade, string? comment, StaffActor actor, CancellationToken ct = default) =>
        ApplyAsync(pledgeId, expectedVersion, actor, RequireEvaluator, (p, now) =>
        {
            if (!Enum.IsDefined(grade))
                throw new PledgeStateException("请选择评议等次。");
            p.Evaluate(grade, Required(comment, "评议意见", multiline: true), actor.Ref, now);
        }, ct);

    /// <summary>
    /// Marks every published pledge whose due day (local) has passed as Overdue. Meant to run on a schedule;
    /// for now the staff list calls it when it loads. Returns how many were marked.
    /// </summary>
    public async Task<int> MarkOverdueAsync(DateTime utcNow, CancellationToken ct = default)
    {
        var today = Today(utcNow);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var due = await db.Pledges.Where(p => p.Status == PledgeStatus.Published && p.DueDate < today).ToListAsync(ct).ConfigureAwait(false);
        if (due.Count == 0)
            return 0;
        foreach (var pledge in due)
            pledge.MarkOverdue(today, utcNow);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed one of them at the same moment (e.g. marked it fulfilled): the next run catches up.
            return 0;
        }

        LogMarkedOverdue(logger, due.Count);
        return due.Count;
    }

    /// <summary>A resident rates a public pledge; one rating per pledge and device.</summary>
    public async Task<PledgeRatingResult> RateAsync(int pledgeId, SatisfactionRating rating, string? comment, string? deviceToken, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(rating))
            return new(PledgeRatingOutcome.NotOpen, "请选择满意、基本满意或不满意。");
        if (!DeviceTokens.IsValid(deviceToken))
            return new(PledgeRatingOutcome.NotOpen, "无法识别您的设备，请允许本站使用 Cookie 后重试。");
        comment = TextInput.Clean(comment, multiline: true);
        if (comment is { Length: > PledgeRating.MaxCommentLength })
            return new(PledgeRatingOutcome.NotOpen, $"评价内容不能超过 {PledgeRating.MaxCommentLength} 个字。");

        var hash = DeviceTokens.Hash(deviceToken!);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var pledge = await db.Pledges.Include(p => p.Ratings.Where(r => r.DeviceTokenHash == hash))
            .SingleOrDefaultAsync(p => p.Id == pledgeId, ct).ConfigureAwait(false);
        if (pledge is null || !pledge.IsPublic)
            return new(PledgeRatingOutcome.NotFound, "未找到该承诺。");
        try
        {
            pledge.Rate(rating, comment, hash, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (PledgeStateException ex)
        {
            return new(PledgeRatingOutcome.AlreadyRated, ex.Message);
        }
        catch (DbUpdateException)
        {
            // The same device posted twice at once: the unique index kept one.
            return new(PledgeRatingOutcome.AlreadyRated, "您已评价过该承诺，每台设备只能评价一次，感谢您的参与。");
        }

        LogRated(logger, pledge.Id, rating);
        return new(PledgeRatingOutcome.Recorded, "感谢您的评价！");
    }

    /// <summary>The portal's local day of a UTC instant.</summary>
    public DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(time.ToLocal(utcNow));

    private async Task ApplyAsync(int pledgeId, int expectedVersion, StaffActor actor, Action<StaffActor> authorize,
        Action<Pledge, DateTime> step, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        authorize(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var pledge = await db.Pledges.SingleOrDefaultAsync(p => p.Id == pledgeId, ct).ConfigureAwait(false)
            ?? throw new PledgeStateException("未找到该承诺。");
        if (pledge.Version != expectedVersion)
            throw new PledgeStateException(StaleMessage);
        var from = pledge.Status;
        step(pledge, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new PledgeStateException(StaleMessage, ex);
        }

        LogTransition(logger, pledge.Id, from, pledge.Status, actor.UserId);
    }

    private const string StaleMessage = "该承诺刚刚已被他人修改，请刷新后再操作。";

    private static string Required(string? value, string label, bool multiline = false) =>
        TextInput.Clean(value, multiline) ?? throw new PledgeStateException($"请填写{label}。");

    private static void RequireSecretary(StaffActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.CanModerate)
            throw new WorkflowAccessDeniedException("只有审核员或管理员可以办理承诺事项。");
    }

    private static void RequireEvaluator(StaffActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsInRole(StaffRoles.Leader) && !actor.IsInRole(StaffRoles.Admin))
            throw new WorkflowAccessDeniedException("只有领导可以评议承诺。");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pledge {PledgeId} created by {UserId}")]
    private static partial void LogCreated(ILogger logger, int pledgeId, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pledge {PledgeId} moved from {From} to {To} by {UserId}")]
    private static partial void LogTransition(ILogger logger, int pledgeId, PledgeStatus from, PledgeStatus to, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} pledges marked overdue")]
    private static partial void LogMarkedOverdue(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pledge {PledgeId} rated {Rating}")]
    private static partial void LogRated(ILogger logger, int pledgeId, SatisfactionRating rating);
}
