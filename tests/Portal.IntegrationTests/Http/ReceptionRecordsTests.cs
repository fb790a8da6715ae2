using System.Net;
using Portal.Data.Opinions;
using Portal.Data.Receptions;
using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.Opinions;
using Portal.Moderation.Receptions;
using Portal.Moderation.Staff;

namespace Portal.IntegrationTests.Http;

/// <summary>After a reception: interview records turned into opinions, the frequency table, the public month calendar.</summary>
[Collection(PortalCollection.Name)]
public sealed class ReceptionRecordsTests(PortalAppFactory app)
{
    [Fact]
    public async Task InterviewRecord_BecomesAnOpinion_TheResidentTracksByCode_AndBothSidesShowTheLink()
    {
        var moderator = await app.ActorAsync("moderator");
        var session = await HeldSessionAsync();
        var recordId = await app.WithAsync<InterviewRecordService, int>(s => s.RecordAsync(session.Id, new InterviewInput
        {
            VisitorName = "冯秀兰", VisitorPhone = "13600007777", Issue = "东关小学门口没有红绿灯，孩子上学过马路很危险。", Instruction = "请交通局、交警大队现场查看，月底前答复。",
        }, moderator));

        var receipt = await app.WithAsync<InterviewRecordService, SubmissionReceipt>(s =>
            s.RegisterOpinionAsync(recordId, new InterviewOpinionInput { Kind = OpinionKind.Suggestion, Title = "东关小学门口需要红绿灯" }, moderator));

        // The resident tracks it with the code like any other opinion.
        var tracked = await (await app.CreateClient().PostFormAsync("/track", "track", [new("Code", TrackingCodes.Format(receipt.TrackingCode))])).Content.ReadAsStringAsync();
        Assert.Contains("东关小学门口需要红绿灯", tracked, StringComparison.Ordinal);
        Assert.Contains("已受理，正在确定承办部门", tracked, StringComparison.Ordinal);
        Assert.DoesNotContain("13600007777", tracked, StringComparison.Ordinal);

        // Staff: the case shows where it came from and who owns it; the session page shows the code and status.
        var staff = await app.SignedInClientAsync("moderator");
        var casePage = await staff.GetStringOkAsync($"/staff/cases/{receipt.OpinionId}");
        Assert.Contains("来自接谈记录", casePage, StringComparison.Ordinal);
        Assert.Contains("接待日接谈", casePage, StringComparison.Ordinal);
        Assert.Contains($"{session.HostName}（{session.HostPost}）", casePage, StringComparison.Ordinal);
        var sessionPage = await staff.GetStringOkAsync($"/staff/receptions/sessions/{session.Id}");
        Assert.Contains(TrackingCodes.Format(receipt.TrackingCode), sessionPage, StringComparison.Ordinal);
        Assert.Contains("请交通局、交警大队现场查看", sessionPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrequencyPage_ShowsEveryHostWithTargets_AndTheDemoHasMetAndUnmetTargets()
    {
        var leader = await app.SignedInClientAsync("leader");
        var year = DateTime.UtcNow.AddHours(8).Year;
        var actor = await app.ActorAsync("leader");
        var rows = await app.WithAsync<ReceptionFrequencyService, IReadOnlyList<HostFrequency>>(s => s.ForYearAsync(year, actor));

        var html = await leader.GetStringOkAsync("/staff/receptions/frequency");

        Assert.Contains("data-testid=\"frequency-table\"", html, StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Contains($"data-host=\"{r.HostId}\"", html, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Status == FrequencyStatus.Met);
        Assert.Contains(rows, r => r.Status is FrequencyStatus.Behind or FrequencyStatus.Unmet);
        Assert.Contains(rows, r => r.Kind == ReceptionHostKind.Deputy && r.RequiredVisits == 10 && r.Visits > 0);
        var lastYear = await leader.GetStringOkAsync($"/staff/receptions/frequency?year={year - 1}");
        Assert.Contains($"接访频次 · {year - 1} 年", lastYear, StringComparison.Ordinal);
        Assert.Contains("未达标", lastYear, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrequencyPage_IsNotForHandlers()
    {
        var handler = await app.SignedInClientAsync("handler-transport");

        var response = await handler.GetAsync("/staff/receptions/frequency");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PublicCalendar_ShowsTheMonthGrid_WithLinksToOtherMonths_AndCancellationReasons()
    {
        var client = app.CreateClient();
        var cancelled = (await app.WithAsync<ReceptionQueries, IReadOnlyList<SessionListItem>>(q => q.UpcomingAsync()))
            .First(s => s.Status == ReceptionSessionStatus.Cancelled);
        var month = MonthGrid.Format(cancelled.StartsLocal.Year, cancelled.StartsLocal.Month);

        var html = await client.GetStringOkAsync($"/receptions?month={month}");

        Assert.Contains("class=\"calendar-grid\"", html, StringComparison.Ordinal);
        Assert.Contains($"{cancelled.StartsLocal.Year} 年 {cancelled.StartsLocal.Month} 月", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/receptions/sessions/{cancelled.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains($"已取消：{cancelled.CancellationReason}", html, StringComparison.Ordinal);
        var previous = cancelled.StartsLocal.AddMonths(-1);
        Assert.Contains($"href=\"/receptions?month={MonthGrid.Format(previous.Year, previous.Month)}#calendar-title\"", html, StringComparison.Ordinal);
        Assert.Contains($"取消原因：{cancelled.CancellationReason}", html, StringComparison.Ordinal); // the list too
        Assert.Contains("class=\"calendar-grid\"", await client.GetStringOkAsync("/receptions?month=not-a-month"), StringComparison.Ordinal);
    }

    private async Task<SessionListItem> HeldSessionAsync()
    {
        var all = await app.WithAsync<ReceptionQueries, IReadOnlyList<SessionListItem>>(q => q.AllFromAsync(DateTime.UtcNow.AddDays(-60)));
        return all.Last(s => s.Status == ReceptionSessionStatus.Held);
    }
}
