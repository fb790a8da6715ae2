using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Data.Departments;
using Portal.Data.Opinions;
using Portal.Data.Staff;
using Portal.Moderation.Opinions;
using Portal.Moderation.Routing;
using Portal.Moderation.Staff;
using Portal.Moderation.Supervision;

namespace Portal.Moderation.Tests.Support;

/// <summary>
/// A test database with three departments (two active, one retired), the workflow service and the queries
/// built by hand over it, a clock that moves only when told, and short-hands that take an opinion through
/// the real workflow so that every figure a query returns is known exactly.
/// </summary>
public sealed class WorkflowHarness : IAsyncDisposable
{
    /// <summary>2026-03-01 10:00 Beijing time.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);

    private readonly IOptions<WorkflowOptions> _options = Options.Create(new WorkflowOptions());

    private WorkflowHarness()
    {
        Calendars = new WorkingCalendarStore(Database);
        Deadlines = new DeadlinePolicy(_options, Calendars);
        Router = new RouterHost(Clock, NullLogger<RouterHost>.Instance);
        Routing = new RoutingCatalog(Database, Clock);
        Workflow = new OpinionWorkflowService(Database, new ManualRouter(), new AutoAssignPolicy(Router, Routing), Deadlines, Notifier, Clock, _options, NullLogger<OpinionWorkflowService>.Instance);
        Queries = new OpinionQueries(Database, Deadlines, Clock, new PublishedListCounts(new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions())));
        Extensions = new ExtensionService(Database, Deadlines, Notifier, Clock);
        SupervisionQueries = new SupervisionQueries(Database, Clock);
    }

    public TestDatabase Database { get; } = new();

    public ManualTimeProvider Clock { get; } = new(Start);

    public StaffAudit Audit => new(NullLoggerFactory.Instance, Clock);

    public OpinionNotifier Notifier { get; } = new();

    /// <summary>Holds no model until a test activates one.</summary>
    public RouterHost Router { get; }

    public RoutingCatalog Routing { get; }

    public DeadlinePolicy Deadlines { get; }

    /// <summary>The stored working calendar (empty until a test seeds it: Monday to Friday).</summary>
    public WorkingCalendarStore Calendars { get; }

    public ExtensionService Extensions { get; }

    public SupervisionQueries SupervisionQueries { get; }

    /// <summary>A supervision pass with the given rules (by default: remind 2, yellow after 3, red after 5 more).</summary>
    public SupervisionService Supervision(SupervisionOptions? rules = null) =>
        new(Database, Deadlines, Notifier, Clock, Options.Create(rules ?? new SupervisionOptions()), NullLogger<SupervisionService>.Instance);

    public OpinionWorkflowService Workflow { get; }

    public OpinionQueries Queries { get; }

    /// <summary>住建局 (active).</summary>
    public int UrbanId { get; private set; }

    /// <summary>交通局 (active).</summary>
    public int TransportId { get; private set; }

    /// <summary>原市政处 (inactive).</summary>
    public int RetiredId { get; private set; }

    public StaffActor Moderator { get; } = new("mod-1", "审核员甲", new HashSet<string> { StaffRoles.Moderator }, null);

    public StaffActor Leader { get; } = new("leader-1", "领导戊", new HashSet<string> { StaffRoles.Leader }, null);

    public StaffActor Admin { get; } = new("admin-1", "管理员己", new HashSet<string> { StaffRoles.Admin }, null);

    public StaffActor UrbanHandler => new("handler-urban", "承办人乙", new HashSet<string> { StaffRoles.Handler }, UrbanId);

    public StaffActor TransportHandler => new("handler-transport", "承办人丙", new HashSet<string> { StaffRoles.Handler }, TransportId);

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// A workflow over the same database and clock that asks <paramref name="router"/> at submission. Its time
    /// limit is generous: these tests are about what the router suggests, not about a loaded test machine.
    /// </summary>
    public OpinionWorkflowService WorkflowWith(IDepartmentRouter router) =>
        new(Database, router, new AutoAssignPolicy(Router, Routing), Deadlines, Notifier, Clock,
            Options.Create(new WorkflowOptions { RouterTimeoutMs = 10_000 }), NullLogger<OpinionWorkflowService>.Instance);

    public static async Task<WorkflowHarness> CreateAsync()
    {
        var harness = new WorkflowHarness();
        await harness.Database.MigrateAsync();
        await using var db = harness.Database.CreateDbContext();
        var urban = new Department { Code = "urban-construction", Name = "住建局", Category = "城乡建设" };
        var transport = new Department { Code = "transport", Name = "交通局", Category = "交通出行" };
        var retired = new Department { Code = "retired", Name = "原市政处", Category = "市政", IsActive = false };
        db.Departments.AddRange(urban, transport, retired);
        await db.SaveChangesAsync();
        (harness.UrbanId, harness.TransportId, harness.RetiredId) = (urban.Id, transport.Id, retired.Id);
        return harness;
    }

    public ValueTask DisposeAsync()
    {
        Calendars.Dispose();
        return Database.DisposeAsync();
    }

    /// <summary>Sets the clock to <paramref name="utc"/> (forwards or backwards).</summary>
    public void At(DateTimeOffset utc) => Clock.Advance(utc - Clock.GetUtcNow());

    /// <summary>A suggestion from 李秀兰 with her phone number in the body, consenting to publication.</summary>
    public static SubmitOpinionInput Input(string title = "小区路灯不亮", OpinionKind kind = OpinionKind.Suggestion) => new()
    {
        Kind = kind,
        Title = title,
        Body = "李秀兰反映：幸福小区3号楼前的路灯坏了两周，电话13812345678。",
        Area = "幸福小区",
        ResidentName = "李秀兰",
        ResidentContact = "13812345678",
        ConsentToPublish = true,
    };

    public static HandlingResultDraft Draft(Adoption adoption = Adoption.Adopted, string reply = "路灯已修复，感谢您的监督。") =>
        new("已派维修班组更换灯具。", reply, adoption, adoption == Adoption.NotAdopted ? "超出本年度预算" : null, "张局长");

    public async Task<SubmissionReceipt> SubmitAsync(SubmitOpinionInput? input = null) =>
        await Workflow.SubmitAsync(input ?? Input(), OpinionChannel.OpinionBox, null);

    public async Task<int> VersionAsync(int id)
    {
        await using var db = Database.CreateDbContext();
        return await db.Opinions.Where(o => o.Id == id).Select(o => o.Version).SingleAsync();
    }

    public async Task<string> TrackingCodeAsync(int id)
    {
        await using var db = Database.CreateDbContext();
        return await db.Opinions.Where(o => o.Id == id).Select(o => o.TrackingCode).SingleAsync();
    }

    public async Task RegisterAsync(int id) => await Workflow.RegisterAsync(id, await VersionAsync(id), Moderator);

    public async Task AssignAsync(int id, int departmentId, string? note = null) =>
        await Workflow.AssignAsync(id, await VersionAsync(id), departmentId, note, Moderator);

    public async Task AcceptAsync(int id) => await Workflow.AcceptAsync(id, await VersionAsync(id), await HandlerOfAsync(id));

    public async Task ReturnAsync(int id, string reason) => await Workflow.ReturnAsync(id, await VersionAsync(id), reason, await HandlerOfAsync(id));

    public async Task CompleteAsync(int id, HandlingResultDraft? draft = null) =>
        await Workflow.CompleteAsync(id, await VersionAsync(id), draft ?? Draft(), await HandlerOfAsync(id));

    public async Task PublishAsync(int id, PublicationDraft? publication = null)
    {
        var draft = publication ?? await Workflow.GetPublicationDraftAsync(id, Moderator);
        await Workflow.PublishAsync(id, await VersionAsync(id), draft, Moderator);
    }

    public async Task<RatingOutcome> RateAsync(int id, SatisfactionRating rating, string? comment = null) =>
        await Workflow.RateAsync(await TrackingCodeAsync(id), rating, comment);

    /// <summary>Registers, assigns and accepts: the opinion is in progress at <paramref name="departmentId"/>.</summary>
    public async Task StartAsync(int id, int departmentId)
    {
        await RegisterAsync(id);
        await AssignAsync(id, departmentId);
        await AcceptAsync(id);
    }

    /// <summary>Submits an opinion and takes it, all at the current time, through the legal path to <paramref name="status"/>.</summary>
    public async Task<int> OpinionInAsync(OpinionStatus status, int? departmentId = null, SubmitOpinionInput? input = null, Adoption adoption = Adoption.Adopted)
    {
        var id = (await SubmitAsync(input)).OpinionId;
        var department = departmentId ?? UrbanId;
        switch (status)
        {
            case OpinionStatus.Submitted:
                break;
            case OpinionStatus.Registered:
                await RegisterAsync(id);
                break;
            case OpinionStatus.Assigned:
                await RegisterAsync(id);
                await AssignAsync(id, department);
                break;
            case OpinionStatus.InProgress:
                await StartAsync(id, department);
                break;
            case OpinionStatus.Completed:
                await StartAsync(id, department);
                await CompleteAsync(id, Draft(adoption));
                break;
            case OpinionStatus.Published:
                await StartAsync(id, department);
                await CompleteAsync(id, Draft(adoption));
                await PublishAsync(id);
                break;
            case OpinionStatus.Rejected:
                await Workflow.RejectAsync(id, 0, "内容与本平台无关", Moderator);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), "Merged needs an original: use MergeAsync.");
        }

        return id;
    }

    public async Task MergeAsync(int duplicateId, int originalId) =>
        await Workflow.MergeAsync(duplicateId, await VersionAsync(duplicateId), await TrackingCodeAsync(originalId), Moderator);

    private async Task<StaffActor> HandlerOfAsync(int id)
    {
        await using var db = Database.CreateDbContext();
        var departmentId = await db.Opinions.Where(o => o.Id == id).Select(o => o.DepartmentId).SingleAsync();
        return departmentId == TransportId ? TransportHandler : UrbanHandler;
    }
}
