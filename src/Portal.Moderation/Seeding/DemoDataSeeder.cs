using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Data.Departments;
using Portal.Data.Opinions;
using Portal.Data.Staff;
using Portal.Moderation.Opinions;
using Portal.Moderation.Privacy;
using Portal.Moderation.Supervision;

namespace Portal.Moderation.Seeding;

/// <summary>
/// Demo data for the Development environment: the seven departments, one account per role and a handler
/// per department, and the project's own demo opinions (Seeding/demo-opinions.json) taken through the real
/// workflow transitions to states spread over the last six months. Runs only on an empty database.
/// </summary>
public sealed partial class DemoDataSeeder(
    IDbContextFactory<PortalDbContext> dbFactory,
    UserManager<StaffUser> users,
    DeadlinePolicy deadlines,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger)
{
    /// <summary>The password of every demo account (printed at start-up and in README).</summary>
    public const string DemoPassword = "demo-portal-2026";

    private static readonly (string Code, string Category, string Name, string Description)[] DemoDepartments =
    [
        ("urban-construction", "城乡建设", "县住房和城乡建设局", "住房保障、物业管理、老旧小区改造、市政设施、城乡规划与建设"),
        ("environment", "环境保护", "市生态环境局清河分局", "大气、水、噪声和固体废物污染防治，环境执法"),
        ("transport", "交通运输", "县交通运输局", "公路建设养护、公交客运、出租车管理、农村道路"),
        ("education-culture", "教育文体", "县教育体育局", "学校与幼儿园、招生入学、校园安全、文化体育设施与活动"),
        ("labour-social-security", "劳动和社会保障", "县人力资源和社会保障局", "就业创业、工资支付、养老与医疗保险、技能培训"),
        ("commerce-tourism", "商贸旅游", "县商务和文化旅游局", "市场与商贸流通、景区管理、旅游服务、消费维权协调"),
        ("health", "卫生计生", "县卫生健康局", "医疗机构、疫苗接种、家庭医生、妇幼保健、公共卫生"),
    ];

    public static IReadOnlyList<(string UserName, string DisplayName, string Role, string? DepartmentCode)> DemoAccounts { get; } =
    [
        ("admin", "系统管理员", StaffRoles.Admin, null),
        ("moderator", "审核员 周敏", StaffRoles.Moderator, null),
        ("leader", "县委副书记 陈建国", StaffRoles.Leader, null),
        .. DemoDepartments.Select(d => ($"handler-{d.Code}", $"{d.Name}承办人", StaffRoles.Handler, (string?)d.Code)),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        if (await db.Departments.AnyAsync(ct).ConfigureAwait(false) || await db.Opinions.AnyAsync(ct).ConfigureAwait(false))
        {
            await SeedPledgesAsync(db, ct).ConfigureAwait(false);
            return;
        }

        foreach (var d in DemoDepartments)
            db.Departments.Add(new Department { Code = d.Code, Category = d.Category, Name = d.Name, Description = d.Description, DefaultDeadlineDays = 15 });
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, ct).ConfigureAwait(false);

        await SeedAccountsAsync(departments).ConfigureAwait(false);
        var moderator = await ActorAsync("moderator").ConfigureAwait(false);
        var handlers = new Dictionary<int, ActorRef>();
        foreach (var d in departments.Values)
            handlers[d.Id] = await ActorAsync($"handler-{d.Code}").ConfigureAwait(false);

        // Spread departments over time: the file is grouped by department.
        var demo = LoadDemoOpinions();
        new Random(7).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(demo));
        var calendar = await deadlines.CalendarAsync(ct).ConfigureAwait(false);
        var opinions = BuildOpinions(demo, departments.Values.ToDictionary(d => d.Category), moderator, handlers, calendar);
        db.Opinions.AddRange(opinions.Select(x => x.Opinion));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);

        // Merges need the originals' ids.
        foreach (var (opinion, mergeInto) in opinions.Where(x => x.MergeInto is not null))
            opinion.MergeInto(mergeInto!, moderator, opinion.CreatedAt.AddHours(3));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        LogSeeded(logger, departments.Count, opinions.Count);
        await SeedPledgesAsync(db, ct).ConfigureAwait(false);
    }

    /// <summary>Demo pledges, also for a development database that predates the pledges feature.</summary>
    private async Task SeedPledgesAsync(PortalDbContext db, CancellationToken ct)
    {
        if (await db.Pledges.AnyAsync(ct).ConfigureAwait(false))
            return;
        var secretary = await users.FindByNameAsync("moderator").ConfigureAwait(false) is { } m ? new ActorRef(m.Id, m.DisplayName) : ActorRef.System;
        var leader = await users.FindByNameAsync("leader").ConfigureAwait(false) is { } l ? new ActorRef(l.Id, l.DisplayName) : ActorRef.System;
        var pledges = DemoPledges.Build(deadlines, clock.GetUtcNow().UtcDateTime, secretary, leader);
        db.Pledges.AddRange(pledges);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        LogSeededPledges(logger, pledges.Count);
    }

    private async Task SeedAccountsAsync(Dictionary<string, Department> departments)
    {
        foreach (var (userName, displayName, role, departmentCode) in DemoAccounts)
        {
            var user = new StaffUser
            {
                UserName = userName,
                DisplayName = displayName,
                DepartmentId = departmentCode is null ? null : departments[departmentCode].Id,
                LockoutEnabled = true,
            };
            var result = await users.CreateAsync(user, DemoPassword).ConfigureAwait(false);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Could not create demo account {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            await users.AddToRoleAsync(user, role).ConfigureAwait(false);
        }
    }

    private async Task<ActorRef> ActorAsync(string userName)
    {
        var user = await users.FindByNameAsync(userName).ConfigureAwait(false) ?? throw new InvalidOperationException(userName);
        return new ActorRef(user.Id, user.DisplayName);
    }

    /// <summary>Takes each demo opinion through the workflow to a state drawn with a fixed seed.</summary>
    private List<(Opinion Opinion, Opinion? MergeInto)> BuildOpinions(
        IReadOnlyList<DemoOpinion> demo, Dictionary<string, Department> byCategory, ActorRef moderator, Dictionary<int, ActorRef> handlers, WorkingCalendar calendar)
    {
        var random = new Random(20261123);
        var now = clock.GetUtcNow().UtcDateTime;
        var built = new List<(Opinion, Opinion?)>();
        for (var i = 0; i < demo.Count; i++)
        {
            var item = demo[i];
            var department = byCategory[item.Department];
            // Older opinions are further along; the newest ones are still waiting.
            var age = TimeSpan.FromDays(180.0 * (demo.Count - i) / demo.Count) - TimeSpan.FromHours(random.Next(0, 12));
            var t = now - age;
            var submission = new OpinionSubmission(FromText<OpinionKind>(item.Kind, OpinionText.Of), FromText<OpinionChannel>(item.Channel, OpinionText.Of), item.Title, item.Body, item.Area,
                NullIfEmpty(item.Name), NullIfEmpty(item.Contact), item.Anonymous, item.Consent);
            var opinion = Opinion.Submit(submission, TrackingCodes.New(), item.Channel == OpinionText.Of(OpinionChannel.OpinionBox) ? ActorRef.Resident : moderator, t);

            // Recent opinions are still moving; older ones are mostly done, a few are stuck (and so overdue).
            var roll = random.NextDouble();
            var ageDays = age.TotalDays;
            bool StopsHere(double recentDays, double recentShare, double staleShare) =>
                ageDays < recentDays * 0.3 || (ageDays < recentDays && roll < recentShare) || random.NextDouble() < staleShare;

            if (StopsHere(6, 0.4, 0.01))
            {
                built.Add((opinion, null));
                continue;
            }

            if (roll < 0.05)
            {
                opinion.Reject("所反映内容不属于本平台受理范围，请通过司法途径解决。", moderator, t.AddHours(5));
                built.Add((opinion, null));
                continue;
            }

            if (roll < 0.08 && built.LastOrDefault(b => b.Item1.Kind == opinion.Kind && b.Item2 is null && b.Item1.Status != OpinionStatus.Rejected).Item1 is { } original)
            {
                built.Add((opinion, original));
                continue;
            }

            opinion.Register(moderator, t = t.AddHours(2 + random.Next(0, 20)));
            if (StopsHere(8, 0.2, 0.005))
            {
                built.Add((opinion, null));
                continue;
            }

            opinion.AssignTo(department, deadlines.DeadlineFor(calendar, DeadlinePolicy.DaysFor(department, opinion.Kind), t = t.AddHours(4)), moderator, t);
            var handler = handlers[department.Id];
            if (StopsHere(12, 0.3, 0.02))
            {
                built.Add((opinion, null));
                continue;
            }

            opinion.Accept(handler, t = t.AddHours(6 + random.Next(0, 30)));
            // Mostly within the limit, some late.
            var handlingDays = random.NextDouble() < 0.12 ? 17 + random.Next(0, 10) : 2 + random.Next(0, 13);
            var completedAt = t.AddDays(handlingDays);
            if (completedAt > now.AddDays(-1) || random.NextDouble() < 0.04)
            {
                built.Add((opinion, null));
                continue;
            }

            opinion.Complete(new HandlingResultDraft(item.Actions, item.Reply, FromText<Adoption>(item.Adoption, OpinionText.Of), NullIfEmpty(item.AdoptionReason), "分管副局长 刘伟"), handler, t = completedAt);
            if (completedAt > now.AddDays(-3) || random.NextDouble() < 0.03)
            {
                built.Add((opinion, null));
                continue;
            }

            opinion.Publish(PersonalDataMasker.Mask(opinion.Title, opinion.ResidentName), PersonalDataMasker.Mask(opinion.Body, opinion.ResidentName),
                PersonalDataMasker.Mask(item.Reply, opinion.ResidentName), moderator, t = t.AddDays(1));
            var rating = random.NextDouble();
            if (rating < 0.7 && t.AddDays(2) < now)
            {
                var value = rating < 0.45 ? SatisfactionRating.Satisfied : rating < 0.63 ? SatisfactionRating.BasicallySatisfied : SatisfactionRating.Dissatisfied;
                opinion.Rate(value, value == SatisfactionRating.Dissatisfied ? "问题还没有彻底解决，希望再跟进。" : null,
                    deadlines.DeadlineFor(calendar, DeadlinePolicy.DaysFor(department, opinion.Kind), t = t.AddDays(2)), t);
                // Most reopened cases have been handled a second time by now.
                if (opinion.Status == OpinionStatus.InProgress && t.AddDays(10) < now)
                {
                    opinion.Complete(new HandlingResultDraft("再次上门核实，跟踪落实整改。", "针对您反映的后续问题，我们再次现场核实并督促落实，目前已整改到位。感谢您的监督。",
                        Adoption.Adopted, null, "分管副局长 刘伟"), handler, t = t.AddDays(5 + random.Next(0, 4)));
                    opinion.Publish(opinion.PublicTitle!, opinion.PublicBody!, "针对您反映的后续问题，我们再次现场核实并督促落实，目前已整改到位。感谢您的监督。", moderator, t = t.AddDays(1));
                    if (random.NextDouble() < 0.6)
                        opinion.Rate(SatisfactionRating.BasicallySatisfied, null, t.AddDays(30), t.AddDays(1));
                }
            }

            built.Add((opinion, null));
        }

        return built;
    }

    private static List<DemoOpinion> LoadDemoOpinions()
    {
        using var stream = typeof(DemoDataSeeder).Assembly.GetManifestResourceStream("Portal.Moderation.Seeding.demo-opinions.json")
            ?? throw new InvalidOperationException("The demo opinions resource is missing.");
        return JsonSerializer.Deserialize<List<DemoOpinion>>(stream, JsonOptions) ?? [];
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>The enum value whose Chinese name (as OpinionText gives it) is <paramref name="text"/>.</summary>
    private static TEnum FromText<TEnum>(string text, Func<TEnum, string> name) where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (name(value) == text)
                return value;
        }

        throw new InvalidOperationException($"Unknown {typeof(TEnum).Name} '{text}' in the demo opinions.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo data: {Departments} departments, {Opinions} opinions")]
    private static partial void LogSeeded(ILogger logger, int departments, int opinions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Pledges} pledges")]
    private static partial void LogSeededPledges(ILogger logger, int pledges);

    private sealed record DemoOpinion(
        string Kind, string Department, string Area, string Title, string Body, string? Name, string? Contact,
        bool Anonymous, bool Consent, string Channel, string Reply, string Actions, string Adoption,
        [property: JsonPropertyName("adoptionReason")] string? AdoptionReason);
}
