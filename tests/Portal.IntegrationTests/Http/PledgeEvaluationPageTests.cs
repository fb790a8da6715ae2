using System.Net;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Portal.Data;
using Portal.Data.Pledges;
using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.Pledges;

namespace Portal.IntegrationTests.Http;

[Collection(PortalCollection.Name)]
public sealed class PledgeEvaluationPageTests(PortalAppFactory app)
{
    private const string Community = "城关镇城东社区党支部";
    private const string LastYearWater = "汛期农村饮用水消毒巡查";
    private const string HealthTitle = "每月一次下乡义诊";

    [Fact]
    public async Task Demo_ClosesLastYearsRoundWithComputedGrades_AndOpensThisYears()
    {
        var (rounds, grades, entries) = await app.WithAsync<IDbContextFactory<PortalDbContext>, (List<PledgeRoundStatus>, Dictionary<string, PledgeGrade?>, int)>(async f =>
        {
            await using var db = await f.CreateDbContextAsync();
            var year = await db.Pledges.MaxAsync(p => p.Year);
            return (await db.PledgeEvaluationRounds.OrderBy(r => r.Year).Select(r => r.Status).ToListAsync(),
                await db.Pledges.Where(p => p.Year == year - 1).ToDictionaryAsync(p => p.Title, p => p.Grade),
                await db.PledgeAssessments.CountAsync(a => db.Pledges.Any(p => p.Id == a.PledgeId && p.Year == year)));
        });

        Assert.Equal([PledgeRoundStatus.Closed, PledgeRoundStatus.Open], rounds);
        Assert.Equal(PledgeGrade.Excellent, grades["为辖区独居老人安装紧急呼叫器"]);
        Assert.Equal(PledgeGrade.BasicallyQualified, grades[HealthTitle]);
        Assert.Equal(PledgeGrade.Excellent, grades[LastYearWater]); // exactly 90: the threshold counts
        Assert.True(entries >= 6);
    }

    [Fact]
    public async Task EvaluatedPledge_ShowsGradeScoreAndLeaderComment_AndRefusesRatingsInChinese()
    {
        var id = await IdAsync(LastYearWater);
        var client = app.CreateClient();
        var url = $"/pledges/{id}";

        var html = await client.GetStringOkAsync(url);
        // The closed page has no rating form; the hidden fields of an open pledge's page serve the same client.
        var open = await client.GetStringOkAsync($"/pledges/{await IdAsync("推动老旧小区加装电梯")}");
        var post = await client.PostAsync(url, new FormUrlEncodedContent(
        [
            new("_handler", "rate-pledge"),
            .. FormClient.HiddenFields(open),
            new("Rating.Rating", "Satisfied"),
        ]));

        Assert.Contains("综合得分 90", html, StringComparison.Ordinal);
        Assert.Contains("领导评语：汛期抽检扎实，群众喝上了放心水。", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"rating-closed\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("提交评价", html, StringComparison.Ordinal);
        Assert.Contains("年度承诺评议已经结束，不再接受评价。", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LedgerCsv_ForAModerator_IsUtf8WithBom_AndFollowsTheFilters()
    {
        var client = await app.SignedInClientAsync("moderator");
        var lastYear = await LastYearAsync();

        var response = await client.GetAsync($"/staff/pledges/ledger.csv?year={lastYear}&branch={Uri.EscapeDataString(Community)}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = System.Text.Encoding.UTF8.GetString(bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.DispositionType, StringComparison.Ordinal);
        Assert.Contains("为辖区独居老人安装紧急呼叫器", text, StringComparison.Ordinal);
        Assert.DoesNotContain(HealthTitle, text, StringComparison.Ordinal);
        Assert.DoesNotContain("推动老旧小区加装电梯", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LedgerXlsx_ParsedBack_HasOneRowPerPledge()
    {
        var client = await app.SignedInClientAsync("leader");
        var lastYear = await LastYearAsync();

        var response = await client.GetAsync($"/staff/pledges/ledger.xlsx?year={lastYear}");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(PledgeLedger.XlsxContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(3, rows.Count);
        var water = rows.Single(r => (string?)r["承诺事项"] == LastYearWater);
        Assert.Equal(("优秀", "已评议"), (water["评议等次"], water["状态"]));
        Assert.Equal(2.0, Convert.ToDouble(water["满意"]));
    }

    [Fact]
    public async Task Ledger_RefusesBadFilters_MembersAndAnonymousVisitors()
    {
        var moderator = await app.SignedInClientAsync("moderator");
        var member = await app.SignedInClientAsync("party-zhaolei");
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        var bad = await moderator.GetAsync("/staff/pledges/ledger.csv?year=abc");
        var denied = await member.GetAsync("/staff/pledges/ledger.csv");
        var login = await anonymous.GetAsync("/staff/pledges/ledger.xlsx");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("筛选条件不正确", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("只有党支部书记", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, login.StatusCode);
    }

    [Fact]
    public async Task Secretary_SeesTheirBranch_TheCreateForm_AndTheBranchReminders()
    {
        var client = await app.SignedInClientAsync("party-wangxiuying");

        var html = await client.GetStringOkAsync("/staff/pledges");
        var csv = await client.GetStringOkAsync("/staff/pledges/ledger.csv");

        Assert.Contains("推动老旧小区加装电梯", html, StringComparison.Ordinal);
        Assert.DoesNotContain("为村卫生室配齐常用药", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"pledge-create\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"due-soon-alert\"", html, StringComparison.Ordinal);
        Assert.Contains("清理背街小巷积存垃圾", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"pledge-reminder-count\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(HealthTitle, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Board_PrintsOneUnitsPublicPledges_AndOffersTheUnitsWithoutAFilter()
    {
        var client = app.CreateClient();

        var board = await client.GetStringOkAsync($"/pledges/board?branch={Uri.EscapeDataString(Community)}");
        var chooser = await client.GetStringOkAsync("/pledges/board");

        Assert.Contains("党员承诺公示栏", board, StringComparison.Ordinal);
        Assert.Contains("推动老旧小区加装电梯", board, StringComparison.Ordinal);
        Assert.DoesNotContain(HealthTitle, board, StringComparison.Ordinal);
        Assert.Contains("评议优秀", board, StringComparison.Ordinal);
        Assert.Contains("/pledges/board?branch=", chooser, StringComparison.Ordinal);
        Assert.DoesNotContain("blazor.web", board, StringComparison.Ordinal);
    }

    private Task<int> IdAsync(string title) =>
        app.WithAsync<IDbContextFactory<PortalDbContext>, int>(async f =>
        {
            await using var db = await f.CreateDbContextAsync();
            return await db.Pledges.Where(p => p.Title == title).Select(p => p.Id).SingleAsync();
        });

    private Task<int> LastYearAsync() =>
        app.WithAsync<IDbContextFactory<PortalDbContext>, int>(async f =>
        {
            await using var db = await f.CreateDbContextAsync();
            return await db.Pledges.MaxAsync(p => p.Year) - 1;
        });
}
