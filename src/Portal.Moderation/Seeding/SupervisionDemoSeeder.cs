using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Data.Opinions;
using Portal.Data.Supervision;
using Portal.Moderation.Opinions;
using Portal.Moderation.Supervision;

namespace Portal.Moderation.Seeding;

/// <summary>
/// Demo supervision: cases whose time limit ends soon, cases overdue long enough for each level (普通, 黄牌,
/// 红牌), and one pending extension request, so that the leader's board is populated on a fresh run. The
/// deadlines are placed relative to today on the working calendar; the notices come from a real pass of
/// <see cref="SupervisionService"/>. Runs once (when no extension request exists yet).
/// </summary>
public sealed class SupervisionDemoSeeder(
    IDbContextFactory<PortalDbContext> dbFactory,
    DeadlinePolicy deadlines,
    SupervisionService supervision,
    IOptions<SupervisionOptions> options,
    TimeProvider clock)
{
    private static readonly (string Department, string Title, string Body, string Area)[] Cases =
    [
        ("urban-construction", "老旧小区雨污管道堵塞反复冒水", "城关镇北街小区雨污管道每逢下雨就冒水，污水流到单元门口，希望彻底疏通改造。", "城关镇北街小区"),
        ("transport", "县城至柳树湾班车停运后出行困难", "县城到柳树湾村的班车停了一个多月，老人看病只能搭便车，希望尽快恢复。", "柳树湾村"),
        ("environment", "砖厂夜间生产粉尘大", "东郊砖厂晚上生产，粉尘很大，晾晒的衣服都是灰，希望查处。", "东郊"),
        ("labour-social-security", "工地拖欠农民工工资三个月", "城南某安置房工地拖欠二十多名工人三个月工资，多次讨要无果。", "城南"),
        ("health", "社区卫生服务站周末不开门", "东关社区卫生服务站周六周日都关门，孩子发烧只能去县医院排长队。", "东关社区"),
        ("education-culture", "学校门口接送时段交通拥堵", "实验小学门口放学时段车辆乱停，学生过马路很危险，希望增设护学岗。", "实验小学"),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        if (await db.DeadlineExtensions.AnyAsync(ct).ConfigureAwait(false))
            return;
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, ct).ConfigureAwait(false);
        var names = await db.Users.ToDictionaryAsync(u => u.UserName!, u => (u.Id, u.DisplayName), ct).ConfigureAwait(false);
        if (!Cases.All(c => departments.ContainsKey(c.Department)) || !names.ContainsKey("moderator"))
            return;

        var calendar = await deadlines.CalendarAsync(ct).ConfigureAwait(false);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = deadlines.LocalDay(now);
        var rules = options.Value;
        // The last day of each case's time limit: due soon (twice), then overdue at 普通, 黄牌 and 红牌, and one with time left.
        var lastDays = new[]
        {
            calendar.IsWorkingDay(today) ? today : calendar.AddWorkingDays(today, 1),
            calendar.SubtractWorkingDays(today, 1),
            calendar.SubtractWorkingDays(today, rules.YellowAfterWorkingDays + 1),
            calendar.SubtractWorkingDays(today, rules.YellowAfterWorkingDays + rules.RedAfterWorkingDays + 1),
            calendar.AddWorkingDays(today, rules.ReminderWorkingDays + 3),
            calendar.AddWorkingDays(today, 1),
        };
        var moderator = Actor(names, "moderator");
        var opinions = new List<Opinion>();
        for (var i = 0; i < Cases.Length; i++)
        {
            var c = Cases[i];
            var department = departments[c.Department];
            var handler = Actor(names, $"handler-{c.Department}");
            var lastDay = lastDays[i];
            var assignedAt = deadlines.ToUtc(calendar.SubtractWorkingDays(lastDay, DeadlinePolicy.DaysFor(department, OpinionKind.Complaint)).ToDateTime(new TimeOnly(10, 0)));
            var opinion = Opinion.Submit(new OpinionSubmission(OpinionKind.Complaint, OpinionChannel.OpinionBox, c.Title, c.Body, c.Area, null, null, true, true),
                TrackingCodes.New(), ActorRef.Resident, assignedAt.AddHours(-26));
            opinion.Register(moderator, assignedAt.AddHours(-3));
            opinion.AssignTo(department, deadlines.EndOf(lastDay), moderator, assignedAt);
            opinion.Accept(handler, assignedAt.AddHours(5));
            opinions.Add(opinion);
        }

        db.Opinions.AddRange(opinions);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);

        // The handler of the case that is due soon asks for more time.
        var asking = opinions[^1];
        var requested = calendar.AddWorkingDays(deadlines.LastDayOf(asking.Deadline!.Value), 10);
        db.DeadlineExtensions.Add(DeadlineExtension.Request(asking, "需协调交警部门共同设置护学岗并增设标志标线，须待下周联席会议研究确定方案。",
            requested, deadlines.EndOf(requested), Actor(names, "handler-education-culture"), now.AddHours(-2)));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);

        await supervision.RunAsync(ct).ConfigureAwait(false);
    }

    private static ActorRef Actor(Dictionary<string, (string Id, string DisplayName)> names, string userName) =>
        names.TryGetValue(userName, out var user) ? new ActorRef(user.Id, user.DisplayName) : ActorRef.System;
}
