using Microsoft.AspNetCore.Identity;
using Portal.Data.Departments;

namespace Portal.Data.Staff;

/// <summary>A staff account. Residents have no account.</summary>
public sealed class StaffUser : IdentityUser
{
    public const int MaxDisplayNameLength = 50;

    public string DisplayName { get; set; } = "";

    /// <summary>The department a Handler belongs to.</summary>
    public int? DepartmentId { get; set; }

    public Department? Department { get; set; }

    /// <summary>The party branch (党支部) the staff member belongs to as a party member, if any.</summary>
    public string? PartyBranch { get; set; }

    /// <summary>The branch secretary (党支部书记) manages the pledges of <see cref="PartyBranch"/>.</summary>
    public bool IsBranchSecretary { get; set; }
}

/// <summary>The staff roles. Names are stored in the Identity tables.</summary>
public static class StaffRoles
{
    public const string Admin = nameof(Admin);
    public const string Moderator = nameof(Moderator);
    public const string Handler = nameof(Handler);
    public const string Leader = nameof(Leader);

    /// <summary>A party member with no other staff function: works only on pledges (their own, their branch's).</summary>
    public const string PartyMember = nameof(PartyMember);

    public static IReadOnlyList<string> All { get; } = [Admin, Moderator, Handler, Leader, PartyMember];

    public static string DisplayName(string role) => role switch
    {
        Admin => "管理员",
        Moderator => "审核员",
        Handler => "承办人",
        Leader => "领导",
        PartyMember => "党员",
        _ => role,
    };
}
