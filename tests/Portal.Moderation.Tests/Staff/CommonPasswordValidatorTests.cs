using Microsoft.AspNetCore.Identity;
using Portal.Data.Staff;
using Portal.Moderation.Seeding;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Tests.Staff;

public sealed class CommonPasswordValidatorTests
{
    private readonly CommonPasswordValidator _validator = new();

    [Theory]
    [InlineData("123456789012")]
    [InlineData("qwertyuiop123")]
    [InlineData("QWERTYUIOP123")]
    [InlineData("woaini1314520")]
    [InlineData("WoAiNi5201314")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("1QAZ2WSX3EDC4RFV")]
    [InlineData("password1234")]
    [InlineData("P@ssw0rd1234")]
    [InlineData("administrator")]
    [InlineData("qinghe123456")]
    [InlineData("Qinghexian@2026")]
    [InlineData("portal@123456")]
    [InlineData("zhengfu123456")]
    public async Task ValidateAsync_ACommonOrBreachedPassword_IsRefusedInChinese_WhateverItsCase(string password)
    {
        var result = await ValidateAsync("zhou.min", password);

        var error = Assert.Single(result.Errors);
        Assert.Equal(CommonPasswordValidator.CommonCode, error.Code);
        Assert.Contains("太常见", error.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("清晨 骑车 去 河边 钓鱼")]
    [InlineData("the quick brown fox jumps over the lazy dog while the river runs east to the sea 2026")]
    [InlineData(DemoDataSeeder.DemoPassword)]
    public async Task ValidateAsync_AnUncommonPassphrase_IsAccepted_SpacesAndLengthIncluded(string password)
    {
        Assert.True((await ValidateAsync("zhou.min", password)).Succeeded);
    }

    [Theory]
    [InlineData("chen.jianguo.2026", "chen.jianguo.2026")]
    [InlineData("chen.jianguo.2026", "CHEN.JIANGUO.2026")]
    [InlineData("chen.jianguo.2026", " chen.jianguo.2026 ")]
    public async Task ValidateAsync_TheUserNameAsPassword_IsRefused(string userName, string password)
    {
        var error = Assert.Single((await ValidateAsync(userName, password)).Errors);

        Assert.Equal(CommonPasswordValidator.UserNameCode, error.Code);
        Assert.Equal("密码不能与登录名相同。", error.Description);
    }

    [Fact]
    public void TheList_HoldsHundredsOfPasswords_AndNoneShorterThanTheLengthRule()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Portal.Moderation.Staff.common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        var entries = reader.ReadToEnd().Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        Assert.True(CommonPasswordValidator.ListSize >= 500, $"only {CommonPasswordValidator.ListSize} passwords");
        Assert.All(entries, e => Assert.True(e.Length >= 12, $"'{e}' is shorter than 12: the length rule already refuses it"));
    }

    [Fact]
    public void TheChineseErrorDescriber_NamesTheRequiredLength()
    {
        var describer = new ChineseIdentityErrorDescriber();

        Assert.Equal("密码至少需要 12 个字符（可以用几个词连成的长句）。", describer.PasswordTooShort(12).Description);
        Assert.Equal("该登录名已被使用。", describer.DuplicateUserName("x").Description);
    }

    private Task<IdentityResult> ValidateAsync(string userName, string password) =>
        _validator.ValidateAsync(null!, new StaffUser { UserName = userName }, password);
}
