using Microsoft.AspNetCore.Hosting;
using Portal.Data.Opinions;
using Portal.Data.Receptions;
using Portal.Data.Staff;
using Portal.IntegrationTests.Browser;
using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.Departments;
using Portal.Moderation.Opinions;
using Portal.Moderation.Pledges;
using Portal.Moderation.Receptions;
using Portal.Moderation.Staff;
using Portal.Web.Content;

namespace Portal.IntegrationTests.Xss;

/// <summary>What one vector was stored in: ids of the records whose every written field carries it.</summary>
public sealed record StoredVectorSet(
    int Index, int OpinionId, string TrackingCode, int InterviewOpinionId, int HeldSessionId, int PledgeId,
    int HostId, int SessionId, string HandlerUserName, string PageSlug);

/// <summary>
/// A portal (on a real port, with a browser) in which every vector of <see cref="XssVectors"/> is stored in every
/// field that residents or staff write: opinion, answer, publication, rating, department, staff display name,
/// pledge, reception host, session, booking, interview record and a Markdown page — 39 fields per vector.
/// </summary>
public sealed class StoredVectorsFixture() : BrowserFixture(new ContentFolderPortalAppFactory()), IAsyncLifetime
{
    public const string HandlerPassword = "xss sweep handler passphrase 2026";

    public IReadOnlyList<StoredVectorSet> Sets { get; private set; } = [];

    /// <summary>An HTTP client on the real port (cookies are kept).</summary>
    public HttpClient Client() => App.CreateClient(new() { BaseAddress = new Uri(BaseUrl), AllowAutoRedirect = false });

    /// <summary>A client signed in through the login form: demo accounts, or the handlers created here.</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName)
    {
        var client = Client();
        var password = userName.StartsWith("xss-", StringComparison.Ordinal) ? HandlerPassword : Portal.Moderation.Seeding.DemoDataSeeder.DemoPassword;
        // The client of a Kestrel-hosted factory follows the redirect: signed in means the login form is gone.
        var response = await client.SignInAsync(userName, password);
        Assert.DoesNotContain("Input.Password", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return client;
    }

    public new async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var sets = new List<StoredVectorSet>();
        for (var i = 0; i < XssVectors.All.Count; i++)
            sets.Add(await StoreAsync(i));
        Sets = sets;
    }

    private async Task<StoredVectorSet> StoreAsync(int i)
    {
        string V(char field) => XssVectors.Value(i, field);
        var admin = await App.ActorAsync("admin");
        var moderator = await App.ActorAsync("moderator");

        // Department (2 fields) and a handler's display name (1).
        var code = $"xss-{i}";
        Assert.Null(await App.WithAsync<DepartmentService, string?>(d => d.SaveAsync(new DepartmentInput { Code = code, Name = V('D'), Category = "城建", Description = V('E') }, admin)));
        var department = (await App.WithAsync<DepartmentService, IReadOnlyList<Portal.Data.Departments.Department>>(d => d.ListAsync())).Single(d => d.Code == code);
        var handlerName = $"xss-handler-{i}";
        Assert.Empty(await App.WithAsync<StaffAdminService, IReadOnlyList<string>>(s => s.CreateAsync(new NewStaffInput
        {
            UserName = handlerName, DisplayName = V('S'), Password = HandlerPassword, Role = StaffRoles.Handler, DepartmentId = department.Id,
        })));
        var handler = await App.ActorAsync(handlerName);

        // An opinion through its whole life (4 resident fields, 1 assignment note, 4 answer fields, 3 public fields, 1 rating comment).
        var receipt = await App.WithAsync<OpinionWorkflowService, SubmissionReceipt>(w => w.SubmitAsync(new SubmitOpinionInput
        {
            Kind = OpinionKind.Complaint, Title = V('T'), Body = V('B'), Area = V('A'), ResidentName = V('N'),
            ResidentContact = "13800001111", ConsentToPublish = true,
        }, OpinionChannel.OpinionBox, null));
        var id = receipt.OpinionId;
        await App.WithAsync<OpinionWorkflowService>(w => w.RegisterAsync(id, 0, moderator));
        await App.WithAsync<OpinionWorkflowService>(w => w.AssignAsync(id, 1, department.Id, V('G'), moderator));
        await App.WithAsync<OpinionWorkflowService>(w => w.AcceptAsync(id, 2, handler));
        await App.WithAsync<OpinionWorkflowService>(w => w.CompleteAsync(id, 3, new HandlingResultDraft(V('C'), V('R'), Adoption.PartlyAdopted, V('Y'), V('O')), handler));
        await App.WithAsync<OpinionWorkflowService>(w => w.PublishAsync(id, 4, new PublicationDraft(V('P'), V('Q'), V('U')), moderator));
        Assert.Equal(RatingOutcome.Recorded, await App.WithAsync<OpinionWorkflowService, RatingOutcome>(w => w.RateAsync(receipt.TrackingCode, SatisfactionRating.Satisfied, V('K'))));

        // A pledge (6 fields) with progress (1), fulfilment note (1) and a resident's rating comment (1).
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var pledgeId = await App.WithAsync<PledgeService, int>(p => p.CreateAsync(new NewPledgeInput
        {
            OwnerName = V('W'), Branch = V('H'), Title = V('I'), Content = V('J'), Area = V('L'), Year = today.Year,
            DueDate = today.AddDays(30).ToDateTime(TimeOnly.MinValue),
        }, moderator));
        await App.WithAsync<PledgeService>(p => p.PublishAsync(pledgeId, 0, moderator));
        await App.WithAsync<PledgeService>(p => p.AddProgressAsync(pledgeId, 1, today, V('M'), moderator));
        await App.WithAsync<PledgeService>(p => p.MarkFulfilledAsync(pledgeId, 2, V('F'), moderator));
        await App.WithAsync<PledgeService>(p => p.RateAsync(pledgeId, SatisfactionRating.Satisfied, V('Z'), $"xss-device-{i}"));

        // A reception host (3), a session (2) and a resident's booking (2).
        var hostId = await App.WithAsync<ReceptionDirectoryService, int>(d => d.SaveHostAsync(null, new HostInput
        {
            Name = V('a'), Post = V('b'), Responsibilities = V('c'), Kind = ReceptionHostKind.Leader, RequiredReceptionsPerYear = 12,
        }, admin));
        var start = DateTime.UtcNow.AddHours(8).Date.AddDays(10 + i).AddHours(9);
        var sessionId = await App.WithAsync<ReceptionAdminService, int>(r => r.CreateSessionAsync(
            hostId, start, start.AddHours(2), null, V('d'), ReceptionMethod.FixedPlace, V('e'), 20, admin));
        await App.WithAsync<ReceptionBookingService, BookingReceipt>(b => b.BookAsync(sessionId, V('f'), $"1390000{i:0000}", V('g')));

        // An interview record (3) at a held session, registered as an opinion (2).
        var held = (await App.WithAsync<ReceptionQueries, IReadOnlyList<SessionListItem>>(q => q.AllFromAsync(DateTime.UtcNow.AddDays(-60))))
            .Last(s => s.Status == ReceptionSessionStatus.Held);
        var recordId = await App.WithAsync<InterviewRecordService, int>(s => s.RecordAsync(held.Id, new InterviewInput
        {
            VisitorName = V('h'), VisitorPhone = "13700002222", Issue = V('i'), Instruction = V('j'),
        }, moderator));
        var interview = await App.WithAsync<InterviewRecordService, SubmissionReceipt>(s => s.RegisterOpinionAsync(recordId, new InterviewOpinionInput
        {
            Kind = OpinionKind.Suggestion, Title = V('k'), Area = V('l'), ConsentToPublish = true,
        }, moderator));

        // A Markdown page (3): the vector in a heading, in a paragraph and as a link target.
        var slug = $"xss-{i}";
        Assert.Null(await App.WithAsync<ContentPageStore, string?>(s => s.SaveAsync(slug, $"# {V('m')}\n\n{V('n')}\n\n[链接]({XssVectors.All[i]})\n")));

        return new StoredVectorSet(i, id, receipt.TrackingCode, interview.OpinionId, held.Id, pledgeId, hostId, sessionId, handlerName, slug);
    }

    /// <summary>The portal with its own content folder, so that the Markdown pages written here stay out of the repository.</summary>
    private sealed class ContentFolderPortalAppFactory : PortalAppFactory
    {
        private readonly string _content = Path.Combine(Path.GetTempPath(), "portal-tests", "content-" + Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Directory.CreateDirectory(Path.Combine(_content, "pages"));
            builder.UseSetting("Portal:ContentPath", _content);
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && Directory.Exists(_content))
                Directory.Delete(_content, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class StoredVectorsCollection : ICollectionFixture<StoredVectorsFixture>
{
    public const string Name = "stored-vectors";
}
