using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Moderation.Privacy;

/// <summary>
/// Masks personal data in text that is about to become public: mobile and landline numbers, 18-digit
/// ID-card numbers, e-mail addresses, the resident's own name, and names introduced as "我叫…", "联系人：…".
/// Masking is idempotent: masked text passes through unchanged.
/// </summary>
public static partial class PersonalDataMasker
{
    // Common surnames, used to recognise a name after "我叫" and similar introductions.
    private const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

    private const string CompoundSurnames = "欧阳|司马|诸葛|上官|东方|皇甫|尉迟|公孙|慕容|令狐|夏侯|长孙|宇文|司徒|端木|独孤|南宫|西门|呼延|轩辕";

    public static string Mask(string? text, string? residentName = null)
    {
        if (string.IsNullOrEmpty(text))
            return text ?? "";

        // Full-width digits (typed with a Chinese input method) are numbers too: match them as ASCII digits.
        var result = ToAsciiDigits(text);
        result = IdCardPattern().Replace(result, m => Keep(m.Value, 6, 4));
        result = MobilePattern().Replace(result, m => m.Groups["prefix"].Value + MaskMobile(m.Groups["number"].Value));
        result = LandlinePattern().Replace(result, m => m.Groups["area"].Value + m.Groups["sep"].Value + AsciiDigitPattern().Replace(m.Groups["number"].Value, "*"));
        result = EmailPattern().Replace(result, m => MaskEmail(m.Value));
        result = IntroducedNamePattern().Replace(result, m => m.Groups["intro"].Value + MaskName(m.Groups["name"].Value));

        var name = residentName?.Trim();
        if (name is { Length: >= 2 } && !name.Contains('某', StringComparison.Ordinal))
            result = result.Replace(name, MaskName(name), StringComparison.Ordinal);
        return result;
    }

    /// <summary>张三 → 张某, 李秀兰 → 李某某.</summary>
    public static string MaskName(string name) =>
        name.Length <= 1 ? "某" : name[0] + new string('某', name.Length - 1);

    private static string ToAsciiDigits(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('０', '９'))
            return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = source[i] is >= '０' and <= '９' ? (char)('0' + (source[i] - '０')) : source[i];
        });
    }

    private static string Keep(string value, int head, int tail) =>
        value[..head] + new string('*', value.Length - head - tail) + value[^tail..];

    private static string MaskMobile(string value)
    {
        var digits = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
                digits.Append(c);
        }

        var d = digits.ToString();
        return d[..3] + "****" + d[^4..];
    }

    private static string MaskEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return value[0] + "***" + value[at..];
    }

    // ASCII digits only: \d would also match the digits of other scripts.
    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex IdCardPattern();

    // The country code stays as typed; only the national number is masked.
    [GeneratedRegex(@"(?<![0-9*])(?<prefix>\+?86[- ]?)?(?<number>1[3-9][0-9][- ]?[0-9]{4}[- ]?[0-9]{4})(?![0-9*])")]
    private static partial Regex MobilePattern();

    // 0371-62345678, 010 8765432, (0371)62345678, （021）6234 5678: the area code stays, the local number is masked.
    [GeneratedRegex(@"(?<![0-9*])(?<area>[(（]0[0-9]{2,3}[)）]|0[0-9]{2,3})(?<sep>[- ]?)(?<number>[0-9]{3,4}[- ]?[0-9]{4})(?![0-9*])")]
    private static partial Regex LandlinePattern();

    [GeneratedRegex("[0-9]")]
    private static partial Regex AsciiDigitPattern();

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    // Compound surnames first (欧阳紫萱 is four characters); then one-character surnames.
    [GeneratedRegex("(?<intro>我叫|我的名字是|本人姓名[:：]?|姓名[:：]|联系人[:：]?|署名[:：]?)(?<name>(?:" + CompoundSurnames + @")[\u4e00-\u9fa5]{1,2}|[" + Surnames + @"][\u4e00-\u9fa5]{1,2})(?=[，,。.！!；;、\s（(]|$|是|电话|手机|联系)")]
    private static partial Regex IntroducedNamePattern();
}
