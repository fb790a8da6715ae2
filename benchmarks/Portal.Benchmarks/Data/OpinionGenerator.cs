using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Departments;
using Portal.Data.Opinions;

namespace Portal.Benchmarks.Data;

/// <summary>
/// Generates a realistic opinion history through the real entity transitions (so every row is one the
/// portal could have written): received over <c>days</c> days with fewer on weekends and slow growth,
/// departments, areas, kinds and channels with skewed shares, a 15-day time limit, completion times that
/// vary by department (about one in eight late), publication, ratings (满意 70 %, 基本满意 20 %, 不满意 10 %,
/// which reopens the case) and the recent ones still open. Inserted in batches with change detection off.
/// </summary>
public sealed class OpinionGenerator(int seed = 20261123)
{
    private static readonly (string Code, string Name, double Share, double Speed)[] Departments =
    [
        ("urban-construction", "县住房和城乡建设局", 0.25, 1.2),
        ("environment", "市生态环境局清河分局", 0.15, 1.0),
        ("transport", "县交通运输局", 0.15, 1.1),
        ("education-culture", "县教育体育局", 0.12, 0.8),
        ("labour-social-security", "县人力资源和社会保障局", 0.12, 0.9),
        ("commerce-tourism", "县商务和文化旅游局", 0.08, 0.7),
        ("health", "县卫生健康局", 0.13, 0.85),
    ];

    private static readonly string[] Areas =
    [
        "城关街道", "新华街道", "东关社区", "西关社区", "南门社区", "北苑社区", "河滨社区", "工业园区", "杏花村", "柳林村",
        "清河镇", "石桥镇", "王庄乡", "李家营村", "张家湾村", "白塔镇", "马坊乡", "青山村", "龙泉镇", "高铁新区",
        "学府路社区", "人民路社区", "建设路社区", "解放路社区", "和平里社区", "幸福家园", "阳光小区", "锦绣花园", "滨江一号", "开发区",
    ];

    private static readonly (OpinionKind Kind, double Share)[] Kinds =
        [(OpinionKind.Suggestion, 0.3), (OpinionKind.Complaint, 0.3), (OpinionKind.HelpRequest, 0.2), (OpinionKind.Question, 0.15), (OpinionKind.Praise, 0.05)];

    private static readonly (OpinionChannel Channel, double Share)[] Channels =
        [(OpinionChannel.OpinionBox, 0.45), (OpinionChannel.Hotline, 0.35), (OpinionChannel.Letter, 0.1), (OpinionChannel.Visit, 0.1)];

    private static readonly ActorRef Moderator = new("bench-moderator", "审核员");
    private static readonly ActorRef Handler = new("bench-handler", "承办人");
    private static readonly HandlingResultDraft[] Results =
    [
        new("已现场核实并处理", "您反映的问题已处理完毕。", Adoption.Adopted, null, "局长"),
        new("已部分落实", "您的建议已部分采纳。", Adoption.PartlyAdopted, null, "局长"),
        new("经研究暂不具备条件", "暂不具备实施条件。", Adoption.NotAdopted, "受资金和规划限制", "局长"),
        new("已电话解释", "已向您解释相关政策。", Adoption.Explained, null, "局长"),
    ];

    private readonly Random _random = new(seed);

    /// <summary>Inserts the seven departments (if missing) and <paramref name="count"/> opinions ending at <paramref name="utcNow"/>.</summary>
    public async Task GenerateAsync(IDbContextFactory<PortalDbContext> dbFactory, int count, int days, DateTime utcNow, Action<int>? progress = null, int batchSize = 2000)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        var departments = await EnsureDepartmentsAsync(dbFactory).ConfigureAwait(false);
        var start = utcNow.AddDays(-days);
        var times = Enumerable.Range(0, count).Select(_ => ReceivedAt(start, days)).Order().ToArray();
        for (var done = 0; done < count; done += batchSize)
        {
            await using var db = await dbFactory.CreateDbContextAsync().ConfigureAwait(false);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var department in departments)
                db.Attach(department);
            var n = Math.Min(batchSize, count - done);
            for (var i = 0; i < n; i++)
                db.Opinions.Add(Build(done + i, times[done + i], utcNow, departments));
            await using (var tx = await db.Database.BeginTransactionAsync().ConfigureAwait(false))
            {
                await db.SaveChangesAsync().ConfigureAwait(false);
                await tx.CommitAsync().ConfigureAwait(false);
            }

            progress?.Invoke(done + n);
        }
    }

    private static async Task<List<Department>> EnsureDepartmentsAsync(IDbContextFactory<PortalDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync().ConfigureAwait(false);
        foreach (var d in Departments)
        {
            if (!await db.Departments.AnyAsync(x => x.Code == d.Code).ConfigureAwait(false))
                db.Departments.Add(new Department { Code = d.Code, Name = d.Name, Category = d.Name[1..3], DefaultDeadlineDays = 15 });
        }

        await db.SaveChangesAsync().ConfigureAwait(false);
        var codes = Departments.Select(d => d.Code).ToList();
        return await db.Departments.AsNoTracking().Where(d => codes.Contains(d.Code)).OrderBy(d => d.Id).ToListAsync().ConfigureAwait(false);
    }

    private Opinion Build(int index, DateTime receivedAt, DateTime now, List<Department> departments)
    {
        var d = Pick(Departments.Select((x, i) => (i, x.Share)).ToArray());
        var department = departments.Single(x => x.Code == Departments[d].Code);
        var kind = Pick(Kinds);
        var area = Areas[Math.Min(Areas.Length - 1, (int)(Areas.Length * Math.Pow(_random.NextDouble(), 2)))];
        var opinion = Opinion.Submit(
            new OpinionSubmission(kind, Pick(Channels), $"关于{area}的{OpinionText.Of(kind)}", $"生成的意见第 {index} 条。", area, null, null, true, _random.NextDouble() < 0.7),
            $"B{index:D9}", ActorRef.Resident, receivedAt);

        var t = receivedAt.AddHours(2 + (_random.NextDouble() * 30));
        if (t > now)
            return opinion;
        if (_random.NextDouble() < 0.04)
        {
            opinion.Reject("不属于受理范围", Moderator, t);
            return opinion;
        }

        opinion.Register(Moderator, t);
        t = t.AddHours(1 + (_random.NextDouble() * 20));
        if (t > now)
            return opinion;
        var deadline = EndOfLocalDay(t.AddDays(15));
        opinion.AssignTo(department, deadline, Moderator, t);
        t = t.AddHours(1 + (_random.NextDouble() * 24));
        if (t > now)
            return opinion;
        opinion.Accept(Handler, t);

        // Log-normal handling time: median ≈ 7 days × the department's speed factor, a long tail past the limit.
        var handlingDays = Departments[d].Speed * Math.Exp(Math.Log(7) + (0.6 * Gaussian()));
        t = t.AddDays(handlingDays);
        if (t > now)
            return opinion;
        opinion.Complete(Results[_random.Next(Results.Length)], Handler, t);
        t = t.AddHours(2 + (_random.NextDouble() * 40));
        if (t > now || _random.NextDouble() < 0.1)
            return opinion;
        opinion.Publish(opinion.Title, opinion.Body, "答复内容", Moderator, t);
        t = t.AddDays(1 + (_random.NextDouble() * 5));
        if (t > now || _random.NextDouble() < 0.4)
            return opinion;
        var roll = _random.NextDouble();
        var rating = roll < 0.7 ? SatisfactionRating.Satisfied : roll < 0.9 ? SatisfactionRating.BasicallySatisfied : SatisfactionRating.Dissatisfied;
        opinion.Rate(rating, null, EndOfLocalDay(t.AddDays(10)), t);
        if (rating != SatisfactionRating.Dissatisfied)
            return opinion;
        t = t.AddDays(2 + (_random.NextDouble() * 8));
        if (t <= now)
            opinion.Complete(Results[0], Handler, t);
        return opinion;
    }

    /// <summary>Slow growth over the period, half as many on weekends, office hours.</summary>
    private DateTime ReceivedAt(DateTime start, int days)
    {
        while (true)
        {
            var day = Math.Sqrt(_random.NextDouble()) * days * 0.4 + (_random.NextDouble() * days * 0.6);
            var at = start.AddDays(Math.Min(day, days - 0.01));
            var local = at.AddHours(8);
            if (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && _random.NextDouble() < 0.5)
                continue;
            return local.Hour is >= 7 and <= 21 || _random.NextDouble() < 0.2 ? at : at.AddHours(10);
        }
    }

    private static DateTime EndOfLocalDay(DateTime utc) => utc.AddHours(8).Date.AddDays(1).AddHours(-8);

    private T Pick<T>((T Value, double Share)[] options)
    {
        var roll = _random.NextDouble() * options.Sum(o => o.Share);
        foreach (var (value, share) in options)
        {
            roll -= share;
            if (roll <= 0)
                return value;
        }

        return options[^1].Value;
    }

    private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
