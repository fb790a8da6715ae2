using Microsoft.EntityFrameworkCore;
using Portal.Data.Departments;
using Portal.Data.Opinions;
using Portal.Moderation.Analysis;
using Portal.Moderation.Tests.Support;

namespace Portal.Moderation.Tests.Analysis;

/// <summary>
/// The days to complete computed in SQL from the stored text equal <c>(CompletedAt - CreatedAt).TotalDays</c>
/// exactly, for instants with seven, fewer or no fractional digits, under every filter.
/// </summary>
public sealed class CompletionDurationsTests : IAsyncLifetime
{
    private static readonly DateTime Start = new(2026, 6, 1, 1, 0, 0, DateTimeKind.Utc);
    private static readonly UtcRange Range = new(Start, Start.AddDays(60));
    private static readonly ActorRef Staff = new("staff-1", "工作人员");
    private readonly TestDatabase _database = new();
    private readonly Department _urban = new() { Code = "urban", Name = "住建局", Category = "城乡建设" };
    private readonly Department _transport = new() { Code = "transport", Name = "交通局", Category = "交通出行" };

    public async Task InitializeAsync()
    {
        await _database.MigrateAsync();
        await using var db = _database.CreateDbContext();
        db.Departments.AddRange(_urban, _transport);
        await db.SaveChangesAsync();
        var cases = new (Department Department, OpinionKind Kind, OpinionChannel Channel, string? Area, DateTime Received, TimeSpan Took)[]
        {
            (_urban, OpinionKind.Complaint, OpinionChannel.Hotline, "城关镇", Start.AddTicks(1_234_567), TimeSpan.FromDays(3).Add(TimeSpan.FromTicks(9_876_543))),
            (_urban, OpinionKind.Suggestion, OpinionChannel.OpinionBox, "城关镇", Start.AddHours(5), TimeSpan.FromDays(1).Add(TimeSpan.FromTicks(5_000_000))),
            (_transport, OpinionKind.Complaint, OpinionChannel.OpinionBox, "河口乡", Start.AddDays(2).AddTicks(9_999_999), TimeSpan.FromTicks(1)),
            (_transport, OpinionKind.Question, OpinionChannel.Hotline, null, Start.AddDays(3).AddMilliseconds(10), TimeSpan.FromDays(12).Add(TimeSpan.FromTicks(7_000_001))),
            (_urban, OpinionKind.Complaint, OpinionChannel.Hotline, "河口乡", Start.AddDays(4), TimeSpan.FromDays(6)),
        };
        var code = 0;
        foreach (var c in cases)
        {
            var opinion = Opinion.Submit(new OpinionSubmission(c.Kind, c.Channel, "标题", "内容", c.Area, "张三", "13800000000", false, true),
                $"DURATION{++code:D2}", ActorRef.Resident, c.Received);
            opinion.Register(Staff, c.Received);
            opinion.AssignTo(c.Department, c.Received.AddDays(30), Staff, c.Received);
            opinion.Accept(Staff, c.Received);
            opinion.Complete(new HandlingResultDraft("已处理", "已答复", Adoption.Adopted, null, "局长"), Staff, c.Received + c.Took);
            db.Opinions.Add(opinion);
        }

        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    public static TheoryData<string> Filters => ["all", "department", "area", "kind", "channel", "everything"];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task SortedDays_EqualTheDifferenceOfTheInstants_UnderEveryFilter(string name)
    {
        var filter = Filter(name);
        await using var db = _database.CreateDbContext();
        var instants = await StatisticsSql.CompletedIn(StatisticsSql.Filtered(db, filter), Range)
            .Select(o => new { o.CreatedAt, o.CompletedAt }).ToListAsync();
        var expected = instants.Select(o => (o.CompletedAt!.Value - o.CreatedAt).TotalDays).Order().ToArray();

        var days = await CompletionDurations.SortedDaysAsync(db, filter, Range, CancellationToken.None);

        Assert.NotEmpty(days);
        Assert.Equal(expected, days);
    }

    [Fact]
    public async Task SortedDays_LeaveOutCompletionsOutsideTheRange()
    {
        await using var db = _database.CreateDbContext();

        var days = await CompletionDurations.SortedDaysAsync(db, new StatisticsFilter(new DateRange(new(2026, 6, 1), new(2026, 6, 2))),
            new UtcRange(Start.AddDays(1), Start.AddDays(3)), CancellationToken.None);

        Assert.Equal([TimeSpan.FromTicks(1).TotalDays, TimeSpan.FromDays(1).Add(TimeSpan.FromTicks(5_000_000)).TotalDays], days);
    }

    private StatisticsFilter Filter(string name)
    {
        var all = new StatisticsFilter(new DateRange(new(2026, 6, 1), new(2026, 7, 30)));
        return name switch
        {
            "department" => all with { DepartmentId = _urban.Id },
            "area" => all with { Area = "城关镇" },
            "kind" => all with { Kind = OpinionKind.Complaint },
            "channel" => all with { Channel = OpinionChannel.OpinionBox },
            "everything" => all with { DepartmentId = _urban.Id, Area = "河口乡", Kind = OpinionKind.Complaint, Channel = OpinionChannel.Hotline },
            _ => all,
        };
    }
}
