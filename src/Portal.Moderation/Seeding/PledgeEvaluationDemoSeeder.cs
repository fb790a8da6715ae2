using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Data.Pledges;
using Portal.Data.Staff;
using Portal.Moderation.Opinions;
using Portal.Moderation.Pledges;

namespace Portal.Moderation.Seeding;

/// <summary>
/// Demo of the pledge evaluation (ADR-011), after <see cref="DemoDataSeeder"/> has built the demo pledges:
/// party-member accounts of the two branches (one secretary each) linked to their pledges, last year's round
/// with self, peer and leader entries closed through the real grading rule, and this year's round open with
/// entries on some pledges and none on others. Runs only when there is no round yet.
/// </summary>
public sealed partial class PledgeEvaluationDemoSeeder(
    IDbContextFactory<PortalDbContext> dbFactory,
    UserManager<StaffUser> users,
    DeadlinePolicy time,
    TimeProvider clock,
    IOptions<PledgeOptions> options,
    ILogger<PledgeEvaluationDemoSeeder> logger)
{
    /// <summary>Party members (login, name, branch, secretary); the password is <see cref="DemoDataSeeder.DemoPassword"/>.</summary>
    public static IReadOnlyList<(string UserName, string Name, string Branch, bool Secretary)> DemoMembers { get; } =
    [
        ("party-wangxiuying", "王秀英", DemoPledges.CommunityBranch, true),
        ("party-zhaolei", "赵磊", DemoPledges.CommunityBranch, false),
        ("party-liufang", "刘芳", DemoPledges.CommunityBranch, false),
        ("party-lizhigang", "李志刚", DemoPledges.HealthBranch, true),
        ("party-zhangli", "张丽", DemoPledges.HealthBranch, false),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        if (await db.PledgeEvaluationRounds.AnyAsync(ct).ConfigureAwait(false) || !await db.Pledges.AnyAsync(ct).ConfigureAwait(false))
            return;

        var members = new Dictionary<string, ActorRef>(StringComparer.Ordinal);
        foreach (var m in DemoMembers)
            members[m.Name] = await EnsureMemberAsync(m.UserName, m.Name, m.Branch, m.Secretary).ConfigureAwait(false);
        var leader = await users.FindByNameAsync("leader").ConfigureAwait(false) is { } l ? new ActorRef(l.Id, l.DisplayName) : ActorRef.System;
        var admin = await users.FindByNameAsync("admin").ConfigureAwait(false) is { } a ? new ActorRef(a.Id, a.DisplayName) : ActorRef.System;

        var pledges = await db.Pledges.Include(p => p.Assessments).ToListAsync(ct).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(time.ToLocal(now));
        DateTime At(int year, int month, int day) => time.ToUtc(new DateOnly(year, month, day).ToDateTime(new TimeOnly(10, 0)));
        foreach (var p in pledges.Where(p => p.OwnerUserId is null && members.ContainsKey(p.OwnerName) && p.Status != PledgeStatus.Evaluated))
            p.LinkOwnerAccount(members[p.OwnerName].UserId!, admin, p.CreatedAt);
        Pledge? Find(string title) => pledges.FirstOrDefault(p => p.Title == title && p.IsOpenForEvaluation);

        // Last year: the whole round, closed at the end of the year through the real grading rule.
        var last = today.Year - 1;
        var lastRound = PledgeEvaluationRound.Open(last, admin, At(last, 9, 1));
        db.PledgeEvaluationRounds.Add(lastRound);
        var lastEntries = At(last, 12, 15);
        Entries(Find("为辖区独居老人安装紧急呼叫器"), lastEntries, members,
            ("王秀英", PledgeGrade.Excellent, "30 户全部装好并建立巡检台账，比计划提前一个月。"),
            [("赵磊", PledgeGrade.Excellent, "逐户上门演示，老人都会用了。"), ("刘芳", PledgeGrade.Qualified, null)],
            (PledgeGrade.Excellent, "提前一个月完成，群众评价好，经验可在全镇推广。"), leader);
        Entries(Find("每月一次下乡义诊"), lastEntries, members,
            ("李志刚", PledgeGrade.Qualified, "覆盖 11 个村，流感季耽误了最后一个村。"),
            [("张丽", PledgeGrade.BasicallyQualified, "下半年进度偏慢。")],
            (PledgeGrade.BasicallyQualified, "大部分完成，但未按期覆盖全部村，今年须补齐。"), leader);
        Entries(Find("汛期农村饮用水消毒巡查"), lastEntries, members,
            ("张丽", PledgeGrade.Excellent, "汛期每周抽检，40 份水样全部合格。"),
            [("李志刚", PledgeGrade.Qualified, "抽检扎实，可以再多覆盖几个村。")],
            (PledgeGrade.Qualified, "汛期抽检扎实，群众喝上了放心水。"), leader);
        var lastPledges = pledges.Where(p => p.Year == last).ToList();
        var lastIds = lastPledges.Select(p => p.Id).ToList();
        var counts = (await db.PledgeRatings.AsNoTracking().Where(r => lastIds.Contains(r.PledgeId)).Select(r => new { r.PledgeId, r.Rating }).ToListAsync(ct).ConfigureAwait(false))
            .GroupBy(r => (r.PledgeId, r.Rating)).Select(g => (g.Key.PledgeId, g.Key.Rating, Count: g.Count()))
            .ToLookup(x => x.PledgeId, x => (x.Rating, x.Count));
        var closedAt = At(last, 12, 28);
        var result = PledgeEvaluationService.CloseAndGrade(lastRound, lastPledges, counts, DateOnly.FromDateTime(time.ToLocal(closedAt)), options.Value, admin, closedAt);

        // This year: the round is open; some entries given, others still to come.
        var year = today.Year;
        var opened = new[] { At(year, 1, 2), now.AddDays(-30) }.Max();
        db.PledgeEvaluationRounds.Add(PledgeEvaluationRound.Open(year, admin, opened));
        var recent = now.AddDays(-1);
        Entries(Find("开设“四点半课堂”"), recent, members,
            ("刘芳", PledgeGrade.Excellent, "课堂常态化运行，每天服务 25 名左右学生。"),
            [("王秀英", PledgeGrade.Excellent, "家长反映很好。"), ("赵磊", PledgeGrade.Qualified, "暑假期间可以考虑继续开课。")],
            (PledgeGrade.Excellent, "把群众的难事办成了实事，值得推广。"), leader);
        Entries(Find("推动老旧小区加装电梯"), recent, members,
            ("王秀英", PledgeGrade.Qualified, "已有 2 个单元达成一致，第 3 个单元仍在协商。"),
            [("刘芳", PledgeGrade.Excellent, "协商会组织得很细。")], null, leader);
        Entries(Find("为村卫生室配齐常用药"), recent, members,
            ("李志刚", PledgeGrade.BasicallyQualified, "摸排完成，配药协调未按期完成。"),
            [("张丽", PledgeGrade.BasicallyQualified, null)], null, leader);

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        LogSeeded(logger, last, result.Evaluated, year);
    }

    private static void Entries(Pledge? pledge, DateTime at, Dictionary<string, ActorRef> members,
        (string Name, PledgeGrade Grade, string Text)? self, (string Name, PledgeGrade Grade, string? Comment)[] peers,
        (PledgeGrade Grade, string Comment)? leaderReview, ActorRef leader)
    {
        if (pledge is null)
            return;
        if (self is { } s)
            pledge.SelfAssess(s.Grade, s.Text, members[s.Name], at);
        foreach (var (name, grade, comment) in peers)
            pledge.PeerReview(grade, comment, members[name], pledge.Branch, at.AddHours(1));
        if (leaderReview is { } r)
            pledge.LeaderReview(r.Grade, r.Comment, leader, at.AddHours(2));
    }

    private async Task<ActorRef> EnsureMemberAsync(string userName, string name, string branch, bool secretary)
    {
        var user = await users.FindByNameAsync(userName).ConfigureAwait(false);
        if (user is null)
        {
            user = new StaffUser { UserName = userName, DisplayName = name, PartyBranch = branch, IsBranchSecretary = secretary, LockoutEnabled = true };
            var created = await users.CreateAsync(user, DemoDataSeeder.DemoPassword).ConfigureAwait(false);
            if (!created.Succeeded)
                throw new InvalidOperationException($"Could not create demo account {userName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            await users.AddToRoleAsync(user, StaffRoles.PartyMember).ConfigureAwait(false);
        }

        return new ActorRef(user.Id, user.DisplayName);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded pledge evaluation rounds: {LastYear} closed with {Graded} graded pledges, {Year} open")]
    private static partial void LogSeeded(ILogger logger, int lastYear, int graded, int year);
}
