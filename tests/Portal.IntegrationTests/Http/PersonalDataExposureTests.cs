using System.Net;
using Microsoft.AspNetCore.Hosting;
using Portal.Data.Opinions;
using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.Departments;
using Portal.Moderation.Opinions;
using Portal.Moderation.Pledges;

namespace Portal.IntegrationTests.Http;

/// <summary>
/// A resident's contact details and the personal data in what they wrote (OWASP ASVS 14.2, 16.2.5) never reach
/// public pages, public feeds or the log, from submission through answer, publication and rating.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PersonalDataExposureTests(PortalAppFactory app)
{
    private const string Name = "欧阳紫萱";
    private const string Mobile = "13577778888";
    private const string MobileAsTyped = "135-7777-8888";
    private const string Email = "zixuan.ouyang@example.org";
    private const string IdCard = "11010519491231002X";
    private const string Landline = "0371-6234567";

    private static readonly string[] Secrets = [Name, Mobile, MobileAsTyped, Email, IdCard, "6234567", "7777-8888", "7777"];

    [Fact]
    public async Task ContactDetailsAndPersonalData_AreInNoPublicPageFeedOrLogLine()
    {
        // Everything at its most talkative: EF Core commands, ASP.NET Core and the portal at Trace.
        using var verbose = app.WithWebHostBuilder(b => b
            .UseSetting("Logging:LogLevel:Default", "Trace")
            .UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace")
            .UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Trace"));
        var resident = verbose.CreateClient();
        var logsBefore = app.Logs.Entries.Count;

        var submitted = await resident.PostFormAsync("/opinions/new", "submit-opinion", new Dictionary<string, string>
        {
            ["Model.Kind"] = "Complaint",
            ["Model.Title"] = $"{Name}反映幸福路积水，电话{MobileAsTyped}",
            ["Model.Body"] = $"我叫{Name}，幸福路12号门口下雨就积水。手机{MobileAsTyped}，座机{Landline}，邮箱{Email}，身份证{IdCard}。",
            ["Model.Area"] = $"幸福路（{Name}家门口）",
            ["Model.ResidentName"] = Name,
            ["Model.ResidentContact"] = Mobile,
            ["Model.ConsentToPublish"] = "true",
        });
        var code = FormClient.TrackingCode(await submitted.Content.ReadAsStringAsync());

        // Staff take it through the workflow; the handler's answer repeats the resident's details.
        var moderator = await app.ActorAsync("moderator");
        var handler = await app.ActorAsync("handler-urban-construction");
        var id = (await app.WithAsync<OpinionQueries, PagedResult<OpinionListItem>>(q => q.GetPageAsync(new OpinionPageRequest(OpinionListScope.ModerationQueue, Search: code), moderator))).Items.Single(o => TrackingCodes.Format(o.TrackingCode) == code).Id;
        var department = (await app.WithAsync<DepartmentService, IReadOnlyList<Portal.Data.Departments.Department>>(d => d.ListAsync())).Single(d => d.Code == "urban-construction");
        await app.WithAsync<OpinionWorkflowService>(w => w.RegisterAsync(id, 0, moderator));
        await app.WithAsync<OpinionWorkflowService>(w => w.AssignAsync(id, 1, department.Id, null, moderator));
        await app.WithAsync<OpinionWorkflowService>(w => w.AcceptAsync(id, 2, handler));
        await app.WithAsync<OpinionWorkflowService>(w => w.CompleteAsync(id, 3, new HandlingResultDraft(
            $"已电话联系{Name}（{Mobile}）", $"{Name}您好：已疏通幸福路12号门口雨水管。如仍积水请回电，我们会联系{MobileAsTyped}。",
            Adoption.Adopted, $"经与{Name}核实", "科长 李明"), handler));
        var draft = await app.WithAsync<OpinionWorkflowService, PublicationDraft>(w => w.GetPublicationDraftAsync(id, moderator));
        await app.WithAsync<OpinionWorkflowService>(w => w.PublishAsync(id, 4, draft, moderator));
        var rated = await resident.PostFormAsync("/track", "rate", [new("Rating.Code", code), new("Rating.Rating", "Satisfied"), new("Rating.Comment", $"谢谢，{Name} {Mobile}")]);
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);

        var detail = await resident.GetStringOkAsync($"/published/{id}");
        Assert.Contains("幸福路12号门口", detail, StringComparison.Ordinal);
        Assert.Contains("135****8888", detail, StringComparison.Ordinal);
        foreach (var url in new[] { $"/published/{id}", "/published", "/", "/statistics", "/receptions/calendar.ics", "/pledges" })
        {
            var body = await resident.GetStringOkAsync(url);
            foreach (var secret in Secrets)
                Assert.False(body.Contains(secret, StringComparison.Ordinal), $"{url} shows \"{secret}\"");
        }

        var lines = app.Logs.Entries.Skip(logsBefore).ToList();
        Assert.Contains(lines, l => l.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        foreach (var line in lines)
        {
            foreach (var secret in Secrets)
                Assert.False(line.ToString().Contains(secret, StringComparison.Ordinal), $"The log has \"{secret}\": {line}");
        }
    }

    [Fact]
    public async Task PublicPledge_MasksTheNumbersAndNamesInItsProgressAndFulfilmentNotes()
    {
        var moderator = await app.ActorAsync("moderator");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var id = await app.WithAsync<PledgeService, int>(p => p.CreateAsync(new NewPledgeInput
        {
            OwnerName = "赵志刚", Branch = "城关社区党支部", Title = "帮独居老人修好楼道灯", Content = "本季度内为辖区独居老人修好楼道灯。",
            Year = today.Year, DueDate = today.AddDays(20).ToDateTime(TimeOnly.MinValue),
        }, moderator));
        await app.WithAsync<PledgeService>(p => p.PublishAsync(id, 0, moderator));
        await app.WithAsync<PledgeService>(p => p.AddProgressAsync(id, 1, today, $"已上门，联系人：{Name}，电话{Mobile}", moderator));
        await app.WithAsync<PledgeService>(p => p.MarkFulfilledAsync(id, 2, $"灯已修好，回访座机{Landline}，邮箱{Email}", moderator));

        var html = await app.CreateClient().GetStringOkAsync($"/pledges/{id}");

        Assert.Contains("灯已修好", html, StringComparison.Ordinal);
        Assert.Contains("135****8888", html, StringComparison.Ordinal);
        foreach (var secret in Secrets)
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
    }
}
