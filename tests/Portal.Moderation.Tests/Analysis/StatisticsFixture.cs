using Microsoft.Extensions.Options;
using Portal.Data.Departments;
using Portal.Data.Opinions;
using Portal.Moderation.Analysis;
using Portal.Moderation.Opinions;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Analysis;

/// <summary>
/// Eight opinions with known answers (Beijing time; now = 2026-06-20 12:00). The period under test is
/// 2026-06-01..06-15, the previous one 05-17..05-31.
/// <code>
/// #1 住建局 建议 热线 城关镇  received 6/1,  deadline 6/10, completed 6/3  (2 d, on time), published 6/4, 满意 6/5
/// #2 住建局 投诉 热线 城关镇  received 6/2,  deadline 6/5,  completed 6/8  (6 d, late),    published 6/9, 基本满意 6/10
/// #3 交通局 咨询 热线 河口乡  received 6/3,  deadline 6/20, completed 6/13 (10 d, on time), not published
/// #4 交通局 建议 意见箱 河口乡 received 6/5,  deadline 6/10, in progress: overdue now
/// #5 住建局 求助 热线        received 6/10, registered only
/// #6 交通局 投诉 热线 河口乡  received 5/20, completed 5/25, published 5/26, 不满意 6/2: reopened (deadline 6/30)
/// #7 住建局 建议 热线 城关镇  received 5/18, deadline 5/31, completed 5/22 (4 d, on time), published 5/23
/// #8 住建局 建议 热线        received 6/16 (after the period)
/// </code>
/// </summary>
public sealed class StatisticsFixture : IAsyncLifetime
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.CreateCustomTimeZone("test+8", TimeSpan.FromHours(8), "test+8", "test+8");
    private static readonly ActorRef Moderator = new("mod-1", "审核员甲");
    private static readonly ActorRef Handler = new("handler-1", "承办人乙");
    private int _codes;

    public TestDatabase Database { get; } = new();

    public ManualTimeProvider Clock { get; } = new(Local(2026, 6, 20, 12));

    public DeadlinePolicy Deadlines { get; } = new(Options.Create(new WorkflowOptions { TimeZone = "Asia/Shanghai" }));

    public StatisticsQueries Queries => new(Database, Deadlines, Clock);

    public Department Urban { get; } = new() { Code = "urban", Name = "住建局", Category = "城乡建设" };

    public Department Transport { get; } = new() { Code = "transport", Name = "交通局", Category = "交通出行" };

    public static DateRange Period { get; } = new(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 15));

    /// <summary>A Beijing wall-clock time as UTC.</summary>
    public static DateTime Local(int year, int month, int day, int hour = 9) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Unspecified), Beijing);

    /// <summary>The end of a Beijing day (midnight after it) as UTC: the deadline of that day.</summary>
    public static DateTime EndOf(int month, int day) => Local(2026, month, day, 0).AddDays(1);

    public async Task InitializeAsync()
    {
        await Database.MigrateAsync();
        await using var db = Database.CreateDbContext();
        db.Departments.AddRange(Urban, Transport);
        await db.SaveChangesAsync();

        var o1 = Completed(Urban, OpinionKind.Suggestion, OpinionChannel.Hotline, "城关镇", Local(2026, 6, 1), EndOf(6, 10), Local(2026, 6, 3));
        Publish(o1, Local(2026, 6, 4));
        o1.Rate(SatisfactionRating.Satisfied, null, EndOf(6, 30), Local(2026, 6, 5));
        var o2 = Completed(Urban, OpinionKind.Complaint, OpinionChannel.Hotline, "城关镇", Local(2026, 6, 2), EndOf(6, 5), Local(2026, 6, 8));
        Publish(o2, Local(2026, 6, 9));
        o2.Rate(SatisfactionRating.BasicallySatisfied, null, EndOf(6, 30), Local(2026, 6, 10));
        var o3 = Completed(Transport, OpinionKind.Question, OpinionChannel.Hotline, "河口乡", Local(2026, 6, 3), EndOf(6, 20), Local(2026, 6, 13));
        var o4 = Assigned(Transport, OpinionKind.Suggestion, OpinionChannel.OpinionBox, "河口乡", Local(2026, 6, 5), EndOf(6, 10));
        o4.Accept(Handler, Local(2026, 6, 5, 11));
        var o5 = Submitted(OpinionKind.HelpRequest, OpinionChannel.Hotline, null, Local(2026, 6, 10));
        o5.Register(Moderator, Local(2026, 6, 10, 10));
        var o6 = Completed(Transport, OpinionKind.Complaint, OpinionChannel.Hotline, "河口乡", Local(2026, 5, 20), EndOf(5, 31), Local(2026, 5, 25));
        Publish(o6, Local(2026, 5, 26));
        o6.Rate(SatisfactionRating.Dissatisfied, null, EndOf(6, 30), Local(2026, 6, 2));
        var o7 = Completed(Urban, OpinionKind.Suggestion, OpinionChannel.Hotline, "城关镇", Local(2026, 5, 18), EndOf(5, 31), Local(2026, 5, 22));
        Publish(o7, Local(2026, 5, 23));
        var o8 = Submitted(OpinionKind.Suggestion, OpinionChannel.Hotline, null, Local(2026, 6, 16));

        db.Opinions.AddRange(o1, o2, o3, o4, o5, o6, o7, o8);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();

    private Opinion Submitted(OpinionKind kind, OpinionChannel channel, string? area, DateTime at) =>
        Opinion.Submit(new OpinionSubmission(kind, channel, "标题", "内容", area, "张三", "13800000000", false, true),
            $"TESTCODE{++_codes:D2}", ActorRef.Resident, at);

    private Opinion Assigned(Department department, OpinionKind kind, OpinionChannel channel, string? area, DateTime at, DateTime deadline)
    {
        var opinion = Submitted(kind, channel, area, at);
        opinion.Register(Moderator, at.AddMinutes(30));
        opinion.AssignTo(department, deadline, Moderator, at.AddHours(1));
        return opinion;
    }

    private Opinion Completed(Department department, OpinionKind kind, OpinionChannel channel, string? area, DateTime at, DateTime deadline, DateTime completedAt)
    {
        var opinion = Assigned(department, kind, channel, area, at, deadline);
        opinion.Accept(Handler, at.AddHours(2));
        opinion.Complete(new HandlingResultDraft("已处理", "已答复", Adoption.Adopted, null, "局长"), Handler, completedAt);
        return opinion;
    }

    private static void Publish(Opinion opinion, DateTime at) => opinion.Publish("公开标题", "公开内容", "公开答复", Moderator, at);
}
