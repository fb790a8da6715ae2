using Portal.Moderation.Privacy;

namespace Portal.Moderation.Tests.Privacy;

public sealed class PersonalDataMaskerTests
{
    public static TheoryData<string, string?, string> Cases() => new()
    {
        // Mobile numbers
        { "电话13812345678", null, "电话138****5678" },
        { "13812345678", null, "138****5678" },
        { "请打 19987654321 找我", null, "请打 199****4321 找我" },
        { "手机：138-1234-5678。", null, "手机：138****5678。" },
        { "手机：138 1234 5678。", null, "手机：138****5678。" },
        { "手机+8613812345678", null, "手机+86138****5678" },
        { "手机 +86 138-1234-5678", null, "手机 +86 138****5678" },
        { "86 13812345678", null, "86 138****5678" },
        { "电话：１３８１２３４５６７８", null, "电话：138****5678" },
        { "两个号码13812345678和15900001111", null, "两个号码138****5678和159****1111" },
        { "Tel:13812345678", null, "Tel:138****5678" },
        { "手机 135 7777 8888", null, "手机 135****8888" },
        { "手机135-7777-8888，", null, "手机135****8888，" },
        { "+86 135 7777 8888", null, "+86 135****8888" },
        // Not a mobile number
        { "订单号 2138123456789 已退款", null, "订单号 2138123456789 已退款" },
        { "编号138123456789", null, "编号138123456789" },
        { "工程款12000000000元", null, "工程款12000000000元" },
        { "补贴10000元，12月发放", null, "补贴10000元，12月发放" },
        // Landlines
        { "座机0371-12345678", null, "座机0371-********" },
        { "办公室电话 0371-62345678", null, "办公室电话 0371-********" },
        { "请拨010 8765432", null, "请拨010 *******" },
        { "电话021-87654321", null, "电话021-********" },
        { "电话(0371)62345678", null, "电话(0371)********" },
        { "电话：（021）6234 5678", null, "电话：（021）**** ****" },
        { "座机 0371 6234 5678", null, "座机 0371 **** ****" },
        { "座机0371-6234567", null, "座机0371-*******" },
        { "电话0755-88886666转3", null, "电话0755-********转3" },
        // ID cards
        { "身份证号110101199003071234", null, "身份证号110101********1234" },
        { "身份证11010119900307123X。", null, "身份证110101********123X。" },
        { "身份证 11010119900307123x", null, "身份证 110101********123x" },
        { "身份证号码：11010519491231002X，", null, "身份证号码：110105********002X，" },
        // E-mail
        { "邮箱alice@example.com，谢谢", null, "邮箱a***@example.com，谢谢" },
        { "write to zhang.san+portal@mail.example.org.cn", null, "write to z***@mail.example.org.cn" },
        { "邮箱 Zixuan.OUYANG@Example.ORG", null, "邮箱 Z***@Example.ORG" },
        { "邮箱：li_ming-88@163.com。", null, "邮箱：l***@163.com。" },
        // The resident's own name, everywhere it appears
        { "李秀兰反映：李秀兰家门口的路灯坏了", "李秀兰", "李某某反映：李某某家门口的路灯坏了" },
        { "张三说路灯坏了", "张三", "张某说路灯坏了" },
        { "张三说路灯坏了", " 张三 ", "张某说路灯坏了" },
        { "王五说路灯坏了", "王", "王五说路灯坏了" },
        // Names introduced in the text
        { "我叫王小明，住在3号楼", null, "我叫王某某，住在3号楼" },
        { "联系人：张伟", null, "联系人：张某" },
        { "联系人：张伟电话13812345678", null, "联系人：张某电话138****5678" },
        { "姓名：欧阳明。", null, "姓名：欧某某。" },
        { "本人姓名赵丽", null, "本人姓名赵某" },
        { "联系人：欧阳紫萱，电话135-7777-8888", null, "联系人：欧某某某，电话135****8888" },
        { "我叫司马光。", null, "我叫司某某。" },
        // Nothing personal
        { "小区3号楼前的路灯坏了两周，晚上出行不便。", null, "小区3号楼前的路灯坏了两周，晚上出行不便。" },
        { "2026年3月1日上午10点", null, "2026年3月1日上午10点" },
        { "我叫车来接我", null, "我叫车来接我" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Mask_HidesPersonalData(string text, string? residentName, string expected)
    {
        Assert.Equal(expected, PersonalDataMasker.Mask(text, residentName));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Mask_IsIdempotent(string text, string? residentName, string expected)
    {
        var once = PersonalDataMasker.Mask(text, residentName);

        Assert.Equal(once, PersonalDataMasker.Mask(once, residentName));
        Assert.Equal(expected, PersonalDataMasker.Mask(expected, residentName));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Mask_NullOrEmpty_ReturnsEmpty(string? text)
    {
        Assert.Equal("", PersonalDataMasker.Mask(text, "李秀兰"));
    }

    [Fact]
    public void Mask_EverythingAtOnce_LeavesNoDigitsOfTheNumbers()
    {
        const string text = "我叫王小明，手机13812345678，座机0371-62345678，身份证110101199003071234，邮箱wxm@example.com。王小明";

        var masked = PersonalDataMasker.Mask(text, "王小明");

        Assert.Equal("我叫王某某，手机138****5678，座机0371-********，身份证110101********1234，邮箱w***@example.com。王某某", masked);
        Assert.DoesNotContain("1234567", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("小明", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void Mask_MobileFollowedByDigitsOfAnotherScript_DoesNotThrow()
    {
        // \d matches any Unicode decimal digit; a mix of ASCII and Arabic-Indic digits used to crash MaskMobile.
        const string text = "电话138١٢٣٤٥٦٧٨";

        Assert.Equal(text, PersonalDataMasker.Mask(text, null));
    }

    [Fact]
    public void Mask_LongTextWithoutPersonalData_IsUnchanged()
    {
        var text = string.Concat(Enumerable.Repeat("路灯坏了，请尽快修理。abc.def ", 300));

        Assert.Equal(text, PersonalDataMasker.Mask(text));
    }

    [Theory]
    [InlineData("张三", "张某")]
    [InlineData("李秀兰", "李某某")]
    [InlineData("欧阳娜娜", "欧某某某")]
    [InlineData("王", "某")]
    public void MaskName_KeepsTheSurnameCharacter(string name, string expected)
    {
        Assert.Equal(expected, PersonalDataMasker.MaskName(name));
    }
}
