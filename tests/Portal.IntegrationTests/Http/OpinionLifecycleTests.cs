using System.Net;
using Portal.Data.Opinions;
using Portal.IntegrationTests.Infrastructure;
using Portal.Moderation.Departments;
using Portal.Moderation.Opinions;

namespace Portal.IntegrationTests.Http;

[Collection(PortalCollection.Name)]
public sealed class OpinionLifecycleTests(PortalAppFactory app)
{
    private async Task<(SubmissionReceipt Receipt, int DepartmentId)> SubmitAndAssignAsync(string title, string handlerDepartmentCode)
    {
        var moderator = await app.ActorAsync("moderator");
        var receipt = await app.WithAsync<OpinionWorkflowService, SubmissionReceipt>(w => w.SubmitAsync(new SubmitOpinionInput
        {
            Kind = OpinionKind.Complaint,
            Title = title,
            Body = "清河大道与解放路交叉口红绿灯时长太短，老人过马路来不及。联系电话 13912345678。",
            Area = "城关街道",
            ResidentName = "赵桂芳",
            ResidentContact = "13912345678",
            ConsentToPublish = true,
        }, OpinionChannel.OpinionBox, null));
        var department = (await app.WithAsync<DepartmentService, IReadOnlyList<Portal.Data.Departments.Department>>(d => d.ListAsync()))
            .Single(d => d.Code == handlerDepartmentCode);
        await app.WithAsync<OpinionWorkflowService>(w => w.RegisterAsync(receipt.OpinionId, 0, moderator));
        await app.WithAsync<OpinionWorkflowService>(w => w.AssignAsync(receipt.OpinionId, 1, department.Id, null, moderator));
        return (receipt, department.Id);
    }

    [Fact]
    public async Task FullLife_ThroughTheServices_EndsAsAMaskedAnswerOnThePublicList()
    {
        var (receipt, _) = await SubmitAndAssignAsync("解放路口红绿灯时间太短", "transport");
        var handler = await app.ActorAsync("handler-transport");
        var moderator = await app.ActorAsync("moderator");

        await app.WithAsync<OpinionWorkflowService>(w => w.AcceptAsync(receipt.OpinionId, 2, handler));
        await app.WithAsync<OpinionWorkflowService>(w => w.CompleteAsync(receipt.OpinionId, 3,
            new HandlingResultDraft("会同交警大队现场测算行人流量", "经现场测算，已将该路口行人绿灯时间由 20 秒延长至 35 秒。", Adoption.Adopted, null, "副局长 孙强"), handler));
        var draft = await app.WithAsync<OpinionWorkflowService, PublicationDraft>(w => w.GetPublicationDraftAsync(receipt.OpinionId, moderator));
        await app.WithAsync<OpinionWorkflowService>(w => w.PublishAsync(receipt.OpinionId, 4, draft, moderator));

        var client = app.CreateClient();
        var list = await client.GetStringOkAsync("/published?q=" + Uri.EscapeDataString("红绿灯时间太短"));
        Assert.Contains("解放路口红绿灯时间太短", list, StringComparison.Ordinal);
        var id = await app.WithAsync<OpinionQueries, int>(async q => (await q.GetPublishedAsync(new PublishedFilter(Search: "红绿灯时间太短"))).Items.Single().Id);
        var detail = await client.GetStringOkAsync($"/published/{id}");
        Assert.Contains("延长至 35 秒", detail, StringComparison.Ordinal);
        Assert.Contains("139****5678", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("赵桂芳", detail, StringComparison.Ordinal);

        var tracked = await (await client.PostFormAsync("/track", "track", [new("Code", receipt.TrackingCode)])).Content.ReadAsStringAsync();
        var rated = await client.PostFormOfAsync(tracked, "/track", "rate", [new("Rating.Code", receipt.TrackingCode), new("Rating.Rating", "Satisfied"), new("Rating.Comment", "很快就改了")]);
        var html = await rated.Content.ReadAsStringAsync();
        Assert.Contains("感谢您的评价", html, StringComparison.Ordinal);
        Assert.Contains("您的评价：满意", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandlerOfAnotherDepartment_CannotSeeOrActOnTheOpinion()
    {
        var (receipt, _) = await SubmitAndAssignAsync("只归交通部门的意见", "transport");
        var otherHandler = await app.ActorAsync("handler-health");

        var view = await app.WithAsync<OpinionQueries, CaseView?>(q => q.GetCaseAsync(receipt.OpinionId, otherHandler));
        var inbox = await app.WithAsync<OpinionQueries, PagedResult<OpinionListItem>>(q => q.GetPageAsync(
            new OpinionPageRequest(OpinionListScope.DepartmentInbox, Search: "只归交通部门的意见"), otherHandler));

        Assert.Null(view);
        Assert.DoesNotContain(inbox.Items, i => i.Id == receipt.OpinionId);
        await Assert.ThrowsAsync<OpinionNotFoundException>(() =>
            app.WithAsync<OpinionWorkflowService>(w => w.AcceptAsync(receipt.OpinionId, 2, otherHandler)));

        var client = await app.SignedInClientAsync("handler-health");
        using var response = await client.GetAsync($"/staff/cases/{receipt.OpinionId}");
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("只归交通部门的意见", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandlerOfTheDepartment_SeesTheCaseInTheStaffPage()
    {
        var (receipt, _) = await SubmitAndAssignAsync("交通部门能看到的意见", "transport");

        var client = await app.SignedInClientAsync("handler-transport");
        var page = await client.GetStringOkAsync($"/staff/cases/{receipt.OpinionId}");

        Assert.Contains("交通部门能看到的意见", page, StringComparison.Ordinal);
        Assert.Contains("签收办理", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoModerators_ActingOnTheSameVersion_OnlyOneSucceeds()
    {
        var (receipt, departmentId) = await SubmitAndAssignAsync("并发操作的意见", "transport");
        var handler = await app.ActorAsync("handler-transport");

        await app.WithAsync<OpinionWorkflowService>(w => w.AcceptAsync(receipt.OpinionId, 2, handler));
        var second = app.WithAsync<OpinionWorkflowService>(w => w.ReturnAsync(receipt.OpinionId, 2, "不是本部门的", handler));

        await Assert.ThrowsAsync<OpinionConcurrencyException>(() => second);
        var moderator = await app.ActorAsync("moderator");
        var view = await app.WithAsync<OpinionQueries, CaseView?>(q => q.GetCaseAsync(receipt.OpinionId, moderator));
        Assert.Equal(OpinionStatus.InProgress, view!.Status);
        Assert.Equal(departmentId, view.DepartmentId);
    }

    [Theory]
    [InlineData("/staff")]
    [InlineData("/staff/queue")]
    [InlineData("/staff/inbox")]
    [InlineData("/staff/cases/1")]
    [InlineData("/staff/overview")]
    [InlineData("/staff/opinions/new")]
    [InlineData("/staff/admin/users")]
    [InlineData("/staff/admin/departments")]
    public async Task AnonymousUser_IsSentToLogin_FromEveryStaffPage(string url)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("handler-transport", "/staff/admin/users")]
    [InlineData("handler-transport", "/staff/queue")]
    [InlineData("moderator", "/staff/admin/departments")]
    [InlineData("leader", "/staff/queue")]
    public async Task StaffWithoutTheRole_AreDenied(string userName, string url)
    {
        var client = await app.SignedInClientAsync(userName);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithWrongPassword_ShowsMessage_AndDoesNotSignIn()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.SignInAsync("leader", "wrong-password-123");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("登录名或密码不正确", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
