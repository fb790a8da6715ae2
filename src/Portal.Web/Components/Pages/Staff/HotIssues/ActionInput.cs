namespace Portal.Web.Components.Pages.Staff.HotIssues;

/// <summary>What a leader typed for a group action: a note, a title for a split, a target for a merge.</summary>
public sealed record ActionInput(string? Note, string? Title = null, int? TargetId = null);
