using Portal.Data.Opinions;
using Portal.Moderation.Opinions;
using Portal.Web.Components.Shared;

namespace Portal.Web.Tests;

public sealed class OpinionFormTests : PortalTestContext
{
    [Fact]
    public void Submit_Empty_ShowsTheChineseMessagesForEveryRequiredField()
    {
        var submitted = false;
        var cut = Render<OpinionForm>(p => p
            .Add(f => f.Model, new SubmitOpinionInput())
            .Add(f => f.OnValidSubmit, () => submitted = true));

        cut.Find("form").Submit();

        var messages = cut.FindAll(".validation-message").Select(m => m.TextContent).ToList();
        Assert.Contains("请选择意见类型。", messages);
        Assert.Contains("请填写标题。", messages);
        Assert.Contains("请填写意见内容。", messages);
        Assert.False(submitted);
    }

    [Fact]
    public void Submit_ComplaintWithoutNameAndContact_AsksForThem()
    {
        var cut = Render<OpinionForm>(p => p.Add(f => f.Model, new SubmitOpinionInput
        {
            Kind = OpinionKind.Complaint,
            Title = "小区门口夜市噪音",
            Body = "每天晚上十一点以后还很吵，影响休息。",
        }));

        cut.Find("form").Submit();

        var messages = cut.FindAll(".validation-message").Select(m => m.TextContent).ToList();
        Assert.Contains("投诉和求助需要留下姓名，以便承办部门答复您。", messages);
        Assert.Contains("投诉和求助需要留下联系电话，以便承办部门答复您。", messages);
    }

    [Fact]
    public void Typing_AnInvalidContact_ShowsTheFormatMessage()
    {
        var cut = Render<OpinionForm>(p => p.Add(f => f.Model, new SubmitOpinionInput()));

        cut.Find("#contact").Change("打我电话");

        Assert.Contains("请填写有效的电话号码", cut.Find(".validation-message").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_AValidSuggestion_CallsBackWithoutMessages()
    {
        var submitted = false;
        var cut = Render<OpinionForm>(p => p
            .Add(f => f.Model, new SubmitOpinionInput { Kind = OpinionKind.Suggestion, Title = "建议增设公交站", Body = "杏花村到县城只有一班车，建议增加班次。" })
            .Add(f => f.OnValidSubmit, () => submitted = true));

        cut.Find("form").Submit();

        Assert.True(submitted);
        Assert.Empty(cut.FindAll(".validation-message"));
    }

    [Fact]
    public void ServiceError_IsShownAsAnAlert()
    {
        var cut = Render<OpinionForm>(p => p
            .Add(f => f.Model, new SubmitOpinionInput())
            .Add(f => f.ErrorMessage, "请检查填写的内容。"));

        Assert.Equal("请检查填写的内容。", cut.Find("[role=alert]").TextContent);
    }
}
