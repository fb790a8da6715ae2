using Portal.Data.Receptions;

namespace Portal.Moderation.Receptions;

/// <summary>Chinese display names of the reception enums, shared by pages and the calendar feeds.</summary>
public static class ReceptionText
{
    public static string Method(ReceptionMethod method) => method switch
    {
        ReceptionMethod.FixedPlace => "定点接访",
        ReceptionMethod.ByAppointment => "重点约访",
        ReceptionMethod.VisitWithCase => "带案下访",
        ReceptionMethod.HomeVisit => "上门回访",
        ReceptionMethod.Online => "网上接访",
        _ => method.ToString(),
    };

    public static string Status(ReceptionSessionStatus status) => status switch
    {
        ReceptionSessionStatus.Scheduled => "已安排",
        ReceptionSessionStatus.Cancelled => "已取消",
        ReceptionSessionStatus.Held => "已举行",
        _ => status.ToString(),
    };

    public static string Kind(ReceptionHostKind kind) => kind switch
    {
        ReceptionHostKind.Leader => "领导干部",
        ReceptionHostKind.Deputy => "党代表",
        _ => kind.ToString(),
    };

    public static string Frequency(FrequencyStatus status) => status switch
    {
        FrequencyStatus.Met => "已达标",
        FrequencyStatus.OnTrack => "进度正常",
        FrequencyStatus.Behind => "进度滞后",
        FrequencyStatus.Unmet => "未达标",
        _ => status.ToString(),
    };

    /// <summary>Keeps digits and a leading "+", dropping spaces, dashes and full-width forms; null when it cannot be a phone number.</summary>
    public static string? NormalizePhone(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40)
            return null;
        var sb = new System.Text.StringBuilder(input.Length);
        foreach (var raw in input.Trim())
        {
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (char.IsAsciiDigit(c))
                sb.Append(c);
            else if (c == '+' && sb.Length == 0)
                sb.Append(c);
            else if (c is not (' ' or '-' or '(' or ')' or '\u3000'))
                return null;
        }

        var digits = sb.Length - (sb.Length > 0 && sb[0] == '+' ? 1 : 0);
        return digits is >= 7 and <= Appointment.MaxPhoneLength - 1 ? sb.ToString() : null;
    }
}
