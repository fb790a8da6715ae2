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
}

/// <summary>The staff roles. Names are stored in the Identity tables.</summary>
public static class StaffRoles
{
    public const string Admin = nameof(Admin);
    public const string Moderator = nameof(Moderator);
    public const string Handler = nameof(Handler);
    public const string Leader = nameof(Leader);

    public static IReadOnlyList<string> All { get; } = [Admin, Moderator, Handler, Leader];

    public static string DisplayName(string role) => role switch
    {
        Admin => "管理员",
        Moderator => "审核员",
        Handler => "承办人",
        Leader => "领导",
        _ => role,
    };
}
