using Portal.Data.Opinions;
using Portal.Data.Receptions;

namespace Portal.Moderation.Receptions;

/// <summary>The 接谈记录 form.</summary>
public sealed class InterviewInput
{
    /// <summary>The booking the visitor came with, if any.</summary>
    public int? AppointmentId { get; set; }

    public string? VisitorName { get; set; }

    public string? VisitorPhone { get; set; }

    public string? Issue { get; set; }

    /// <summary>批示.</summary>
    public string? Instruction { get; set; }
}

/// <summary>What staff choose when registering an opinion from a record (the text, name and phone come from the record).</summary>
public sealed class InterviewOpinionInput
{
    public OpinionKind? Kind { get; set; } = OpinionKind.HelpRequest;

    public string? Title { get; set; }

    public string? Area { get; set; }

    /// <summary>The visitor agreed that the opinion and its answer, masked, are published.</summary>
    public bool ConsentToPublish { get; set; }
}

/// <summary>One record as staff see it, with the opinion made from it (code and status), if any.</summary>
public sealed record InterviewRecordView(
    int Id,
    int SessionId,
    int? AppointmentId,
    string VisitorName,
    string? VisitorPhone,
    string Issue,
    string? Instruction,
    DateTime RecordedLocal,
    string RecordedByName,
    int? OpinionId,
    string? OpinionTrackingCode,
    OpinionStatus? OpinionStatus);

/// <summary>The record an opinion was registered from (来自接谈记录).</summary>
public sealed record InterviewOrigin(
    int RecordId,
    int SessionId,
    DateTime SessionStartsLocal,
    ReceptionMethod Method,
    string HostName,
    string HostPost,
    string? Instruction,
    string RecordedByName,
    DateTime RecordedLocal);

/// <summary>
/// Hosts are not staff accounts, so the case owner of an opinion from a reception is the host by a stable
/// pseudo-id (<c>reception-host:{id}</c>) and by name with post: the case view shows who owns it, and the
/// id never matches a staff account (ADR-010).
/// </summary>
public static class HostCaseOwner
{
    public const string IdPrefix = "reception-host:";

    public static (string Id, string Name) For(ReceptionHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = $"{host.Name}（{host.Post}）";
        return ($"{IdPrefix}{host.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}", name.Length <= Opinion.MaxNameLength ? name : host.Name);
    }

    public static int? HostIdOf(string? caseOwnerId) =>
        caseOwnerId is not null && caseOwnerId.StartsWith(IdPrefix, StringComparison.Ordinal)
        && int.TryParse(caseOwnerId.AsSpan(IdPrefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}
