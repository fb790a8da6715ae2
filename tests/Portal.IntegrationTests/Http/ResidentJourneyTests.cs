using System.Net;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http;

[Collection(PortalCollection.Name)]
public sealed class ResidentJourneyTests(PortalAppFactory app)
{
    private static Dictionary<string, string> Opinion(string title, string kind = "Suggestion", string body = "东关社区幸福路的路灯坏了一个多月，晚上出行很不方便，请尽快修理。") => new()
    {
        ["Model.Kind"] = kind,
        ["Model.Title"] = title,
        ["Model.Body"] = body,
        ["Model.Area"] = "东关社区",
        ["Model.ResidentName"] = "王建华",
        ["Model.ResidentContact"] = "13800001234",
        ["Model.ConsentToPublish"] = "true",
    };

    [Fact]
    public async Task Submit_WithAntiforgery_ShowsReceiptCode_ThatTracksTheOpinion()
    {
        var client = app.CreateClient();

        var response = await client.PostFormAsync("/opinions/new", "submit-opinion", Opinion("幸福路路灯不亮"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = await response.Content.ReadAsStringAsync();
        Assert.Contains("您的意见已提交", receipt, StringComparison.Ordinal);
        var code = FormClient.TrackingCode(receipt);

        var tracked = await client.PostFormAsync("/track", "track", [new("Code", code.ToLowerInvariant())]);
        var html = await tracked.Content.ReadAsStringAsync();
        Assert.Contains("幸福路路灯不亮", html, StringComparison.Ordinal);
        Assert.Contains("已提交，等待受理", html, StringComparison.Ordinal);
        Assert.DoesNotContain("13800001234", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_TheSameFormTwice_StoresOneOpinion_AndShowsTheSameCode()
    {
        var client = app.CreateClient();
        var form = await client.GetStringOkAsync("/opinions/new");
        var key = System.Text.RegularExpressions.Regex.Match(form, "name=\"Model.SubmissionKey\"[^>]*value=\"([0-9a-f]{32})\"").Groups[1].Value;
        Assert.NotEmpty(key);
        var fields = Opinion("刷新页面重复提交的意见");
        fields["Model.SubmissionKey"] = key;

        var first = FormClient.TrackingCode(await (await client.PostFormAsync("/opinions/new", "submit-opinion", fields)).Content.ReadAsStringAsync());
        var second = FormClient.TrackingCode(await (await client.PostFormAsync("/opinions/new", "submit-opinion", fields)).Content.ReadAsStringAsync());

        Assert.Equal(first, second);
        var moderator = await app.ActorAsync("moderator");
        var queue = await app.WithAsync<Portal.Moderation.Opinions.OpinionQueries, Portal.Moderation.Opinions.PagedResult<Portal.Moderation.Opinions.OpinionListItem>>(q => q.GetPageAsync(
            new Portal.Moderation.Opinions.OpinionPageRequest(Portal.Moderation.Opinions.OpinionListScope.ModerationQueue, Search: "刷新页面重复提交的意见"), moderator));
        Assert.Single(queue.Items, i => i.Title == "刷新页面重复提交的意见");
    }

    [Fact]
    public async Task Submit_WithoutAntiforgeryToken_IsRejected_AndStoresNothing()
    {
        var client = app.CreateClient();
        var fields = Opinion("没有令牌的提交");
        fields["_handler"] = "submit-opinion";

        var response = await client.PostAsync("/opinions/new", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var published = await client.GetStringOkAsync("/published?q=" + Uri.EscapeDataString("没有令牌的提交"));
        Assert.Contains("没有符合条件的公示", published, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "请填写标题。")]
    [InlineData("   ", "请填写标题。")]
    public async Task Submit_WithBlankTitle_ShowsChineseMessage_AndKeepsWhatWasTyped(string title, string message)
    {
        var client = app.CreateClient();

        var response = await client.PostFormAsync("/opinions/new", "submit-opinion", Opinion(title, body: "这段内容应当在出错后保留在表单里。"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("这段内容应当在出错后保留在表单里。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"tracking-code\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_OverlongTitle_AndComplaintWithoutContact_AreRefusedWithMessages()
    {
        var client = app.CreateClient();
        var fields = Opinion(new string('长', 101), kind: "Complaint");
        fields["Model.ResidentName"] = "";
        fields["Model.ResidentContact"] = "";

        var html = await (await client.PostFormAsync("/opinions/new", "submit-opinion", fields)).Content.ReadAsStringAsync();

        Assert.Contains("标题不能超过 100 个字。", html, StringComparison.Ordinal);
        Assert.Contains("投诉和求助需要留下联系电话", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_ScriptInFields_IsStoredAsText_AndNeverRenderedAsMarkup()
    {
        var client = app.CreateClient();
        var fields = Opinion("<script>alert(1)</script>标题", body: "\"><img src=x onerror=alert(1)> 正文\u0007里有控制字符");

        var receipt = await (await client.PostFormAsync("/opinions/new", "submit-opinion", fields)).Content.ReadAsStringAsync();
        var tracked = await (await client.PostFormAsync("/track", "track", [new("Code", FormClient.TrackingCode(receipt))])).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert(1)</script>", tracked, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;标题", tracked, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AAAAA-AAAAA")]
    [InlineData("not a code")]
    [InlineData("' OR 1=1 --")]
    public async Task Track_UnknownOrMalformedCode_SaysNotFound(string code)
    {
        var client = app.CreateClient();

        var response = await client.PostFormAsync("/track", "track", [new("Code", code)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("未找到与该查询码对应的意见", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownUrl_ShowsFriendly404Page()
    {
        var response = await app.CreateClient().GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/published/999999")]
    [InlineData("/page/..%2Fappsettings")]
    [InlineData("/page/does-not-exist")]
    public async Task MissingContent_IsNotFound(string url)
    {
        var response = await app.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/published")]
    [InlineData("/published?kind=Bogus&dept=abc&month=2026-13&page=-4")]
    [InlineData("/track")]
    [InlineData("/page/guide")]
    [InlineData("/healthz")]
    public async Task PublicPages_Answer_WithoutACircuit(string url)
    {
        var html = await app.CreateClient().GetStringOkAsync(url);

        Assert.DoesNotContain("blazor.web", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/published")]
    public async Task PublicPages_AnswerHead(string url)
    {
        // (The in-memory test server keeps the body; Kestrel drops it for HEAD.)
        var response = await app.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
