using System.ComponentModel.DataAnnotations;
using Portal.Data.Opinions;
using Portal.Moderation.Opinions;

namespace Portal.Moderation.Tests.Opinions;

public sealed class SubmitOpinionInputTests
{
    [Fact]
    public void Validate_MinimalSuggestionWithoutNameOrContact_IsValid()
    {
        var results = Validate(Valid());

        Assert.Empty(results);
    }

    [Theory]
    [InlineData(OpinionKind.Suggestion)]
    [InlineData(OpinionKind.Question)]
    [InlineData(OpinionKind.Praise)]
    public void Validate_KindsThatDoNotNeedContact_AreValidWithoutIt(OpinionKind kind)
    {
        var input = Valid();
        input.Kind = kind;

        Assert.Empty(Validate(input));
    }

    [Fact]
    public void Validate_WithoutKind_AsksForTheKind()
    {
        var input = Valid();
        input.Kind = null;

        AssertSingleError(input, nameof(SubmitOpinionInput.Kind), "请选择意见类型。");
    }

    [Fact]
    public void Validate_UndefinedKind_AsksForTheKind()
    {
        var input = Valid();
        input.Kind = (OpinionKind)42;

        AssertSingleError(input, nameof(SubmitOpinionInput.Kind), "请选择意见类型。");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_EmptyOrWhitespaceTitle_AsksForATitle(string? title)
    {
        var input = Valid();
        input.Title = title;

        AssertSingleError(input, nameof(SubmitOpinionInput.Title), "请填写标题。");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n ")]
    public void Validate_EmptyOrWhitespaceBody_AsksForTheBody(string? body)
    {
        var input = Valid();
        input.Body = body;

        AssertSingleError(input, nameof(SubmitOpinionInput.Body), "请填写意见内容。");
    }

    [Fact]
    public void Validate_TitleOf101Characters_IsTooLong()
    {
        var input = Valid();
        input.Title = new string('路', 101);

        AssertSingleError(input, nameof(SubmitOpinionInput.Title), "标题不能超过 100 个字。");
    }

    [Fact]
    public void Validate_TitleOf100Characters_IsValid()
    {
        var input = Valid();
        input.Title = new string('路', 100);

        Assert.Empty(Validate(input));
    }

    [Theory]
    [InlineData(5001)]
    [InlineData(4)]
    public void Validate_BodyOutside5To5000Characters_IsRejected(int length)
    {
        var input = Valid();
        input.Body = new string('灯', length);

        AssertSingleError(input, nameof(SubmitOpinionInput.Body), "意见内容请写 5 到 5000 个字。");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(5000)]
    public void Validate_BodyAtTheLimits_IsValid(int length)
    {
        var input = Valid();
        input.Body = new string('灯', length);

        Assert.Empty(Validate(input));
    }

    [Fact]
    public void Validate_TooLongAreaNameAndContact_AreRejected()
    {
        var input = Valid();
        input.Area = new string('区', 51);
        input.ResidentName = new string('名', 51);
        input.ResidentContact = "1" + new string('3', 100);

        var results = Validate(input);

        Assert.Contains(results, r => r.ErrorMessage == "所在地不能超过 50 个字。");
        Assert.Contains(results, r => r.ErrorMessage == "姓名不能超过 50 个字。");
        Assert.Contains(results, r => r.ErrorMessage == "联系方式不能超过 100 个字。");
    }

    [Theory]
    [InlineData(OpinionKind.Complaint)]
    [InlineData(OpinionKind.HelpRequest)]
    public void Validate_ComplaintOrHelpRequestWithoutNameAndContact_AsksForBoth(OpinionKind kind)
    {
        var input = Valid();
        input.Kind = kind;

        var results = Validate(input);

        Assert.Equal(2, results.Count);
        Assert.Contains(results, r => r.MemberNames.Single() == nameof(SubmitOpinionInput.ResidentName)
            && r.ErrorMessage == "投诉和求助需要留下姓名，以便承办部门答复您。");
        Assert.Contains(results, r => r.MemberNames.Single() == nameof(SubmitOpinionInput.ResidentContact)
            && r.ErrorMessage == "投诉和求助需要留下联系电话，以便承办部门答复您。");
    }

    [Fact]
    public void Validate_CleanedComplaintWithNameButWhitespaceContact_AsksForContact()
    {
        var input = Valid();
        input.Kind = OpinionKind.Complaint;
        input.ResidentName = "李秀兰";
        input.ResidentContact = " \u3000 ";

        input.Clean();

        AssertSingleError(input, nameof(SubmitOpinionInput.ResidentContact), "投诉和求助需要留下联系电话，以便承办部门答复您。");
    }

    [Fact]
    public void Validate_ComplaintWithNameAndContact_IsValid()
    {
        var input = Valid();
        input.Kind = OpinionKind.Complaint;
        input.ResidentName = "李秀兰";
        input.ResidentContact = "13812345678";

        Assert.Empty(Validate(input));
    }

    [Theory]
    [InlineData("13812345678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("0371-12345678")]
    [InlineData("li.xiulan@example.com")]
    public void Validate_ValidContact_IsAccepted(string contact)
    {
        var input = Valid();
        input.ResidentContact = contact;

        Assert.Empty(Validate(input));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12345")]
    [InlineData("微信 lixiulan")]
    [InlineData("li@example")]
    [InlineData("li@@example.com")]
    [InlineData("138 1234 5678 转 8")]
    public void Validate_InvalidContact_IsRejected(string contact)
    {
        var input = Valid();
        input.ResidentContact = contact;

        AssertSingleError(input, nameof(SubmitOpinionInput.ResidentContact), "请填写有效的电话号码（如 13812345678 或 0371-12345678）或电子邮箱。");
    }

    [Fact]
    public void Validate_EveryMessageIsChinese()
    {
        var input = new SubmitOpinionInput { Kind = OpinionKind.Complaint, Title = new string('题', 101), Body = "短", ResidentContact = "abc" };
        var withCustomRules = Valid();
        withCustomRules.Kind = OpinionKind.Complaint;
        withCustomRules.ResidentContact = "abc";

        var messages = Validate(input).Concat(Validate(withCustomRules)).Select(r => r.ErrorMessage!).ToList();

        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", m));
    }

    [Fact]
    public void Clean_ThenValidate_TitleOfInvisibleCharactersOnly_IsRequired()
    {
        var input = Valid();
        input.Title = "\u200B\u200B ";

        input.Clean();

        Assert.Null(input.Title);
        AssertSingleError(input, nameof(SubmitOpinionInput.Title), "请填写标题。");
    }

    [Fact]
    public void Clean_TrimsFieldsAndKeepsLineBreaksOnlyInTheBody()
    {
        var input = new SubmitOpinionInput
        {
            Kind = OpinionKind.Suggestion,
            Title = "  路灯\r\n坏了 ",
            Body = " 第一行\r\n第二行 ",
            Area = " 幸福小区 ",
            ResidentName = " 李秀兰\u200B ",
            ResidentContact = " 13812345678 ",
        };

        input.Clean();

        Assert.Equal("路灯 坏了", input.Title);
        Assert.Equal("第一行\n第二行", input.Body);
        Assert.Equal("幸福小区", input.Area);
        Assert.Equal("李秀兰", input.ResidentName);
        Assert.Equal("13812345678", input.ResidentContact);
    }

    [Fact]
    public void ToSubmission_CarriesEveryField()
    {
        var input = new SubmitOpinionInput
        {
            Kind = OpinionKind.HelpRequest,
            Title = "求助",
            Body = "老人独居需要帮助",
            Area = "幸福小区",
            ResidentName = "李秀兰",
            ResidentContact = "13812345678",
            IsAnonymous = true,
            ConsentToPublish = true,
        };

        var submission = input.ToSubmission(OpinionChannel.Hotline);

        Assert.Equal(
            new OpinionSubmission(OpinionKind.HelpRequest, OpinionChannel.Hotline, "求助", "老人独居需要帮助", "幸福小区", "李秀兰", "13812345678", true, true),
            submission);
    }

    [Theory]
    [InlineData(OpinionKind.Complaint, true)]
    [InlineData(OpinionKind.HelpRequest, true)]
    [InlineData(OpinionKind.Suggestion, false)]
    [InlineData(OpinionKind.Question, false)]
    [InlineData(OpinionKind.Praise, false)]
    [InlineData(null, false)]
    public void ContactRequired_OnlyForComplaintsAndHelpRequests(OpinionKind? kind, bool expected)
    {
        Assert.Equal(expected, SubmitOpinionInput.ContactRequired(kind));
    }

    private static SubmitOpinionInput Valid() => new()
    {
        Kind = OpinionKind.Suggestion,
        Title = "路灯坏了",
        Body = "小区路灯坏了两周",
    };

    private static List<ValidationResult> Validate(SubmitOpinionInput input)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        return results;
    }

    private static void AssertSingleError(SubmitOpinionInput input, string member, string message)
    {
        var results = Validate(input);
        Assert.True(results.Count == 1, string.Join(" | ", results.Select(r => $"{string.Join(",", r.MemberNames)}: {r.ErrorMessage}")));
        var result = results[0];
        Assert.Equal(message, result.ErrorMessage);
        Assert.Equal([member], result.MemberNames);
    }
}
