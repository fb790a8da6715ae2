using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Departments;
using Portal.Data.Opinions;
using Portal.Data.Staff;
using Portal.Moderation.Opinions;
using Portal.Moderation.Staff;

namespace Portal.Moderation.Departments;

/// <summary>Lists and maintains the responsible departments (admin only for changes).</summary>
public sealed class DepartmentService(IDbContextFactory<PortalDbContext> dbFactory, StaffAudit audit)
{
    public async Task<IReadOnlyList<Department>> ListAsync(bool activeOnly = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var query = db.Departments.AsNoTracking();
        if (activeOnly)
            query = query.Where(d => d.IsActive);
        return await query.OrderBy(d => d.Id).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Creates (Id 0) or updates a department. Returns a Chinese error message, or null on success.</summary>
    public async Task<string?> SaveAsync(DepartmentInput input, StaffActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsInRole(StaffRoles.Admin))
            return "只有系统管理员可以修改部门。";
        input.Code = TextInput.Clean(input.Code)?.ToLowerInvariant();
        input.Name = TextInput.Clean(input.Name);
        input.Category = TextInput.Clean(input.Category);
        input.Description = TextInput.Clean(input.Description, multiline: true);
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(input, new ValidationContext(input), errors, validateAllProperties: true))
            return errors[0].ErrorMessage;
        if (input.KindDays.Any(k => k.Value is { } v && v is < Department.MinDeadlineDays or > Department.MaxDeadlineDays))
            return $"按类别设置的办理时限应在 {Department.MinDeadlineDays} 到 {Department.MaxDeadlineDays} 个工作日之间。";

        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        if (await db.Departments.AnyAsync(d => d.Id != input.Id && (d.Code == input.Code || d.Name == input.Name), ct).ConfigureAwait(false))
            return "部门代码或名称已存在。";

        var department = input.Id == 0
            ? db.Departments.Add(new Department { Code = input.Code!, Name = input.Name!, Category = input.Category! }).Entity
            : await db.Departments.SingleOrDefaultAsync(d => d.Id == input.Id, ct).ConfigureAwait(false);
        if (department is null)
            return "未找到该部门。";
        if (department.Version != input.Version)
            return ConcurrentEditException.DefaultMessage;
        department.Code = input.Code!;
        department.Name = input.Name!;
        department.Category = input.Category!;
        department.Description = input.Description;
        department.DefaultDeadlineDays = input.DefaultDeadlineDays;
        department.IsActive = input.IsActive;
        ApplyKindDays(department, input.KindDays);
        department.MarkEdited();
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ConcurrentEditException.DefaultMessage;
        }

        audit.Record(actor, input.Id == 0 ? "department.create" : "department.update", department.Id);
        input.Id = department.Id;
        input.Version = department.Version;
        return null;
    }

    /// <summary>Updates the per-kind limits in place (an empty value falls back to the department's default).</summary>
    private static void ApplyKindDays(Department department, Dictionary<OpinionKind, int?> kindDays)
    {
        foreach (var kind in Enum.GetValues<OpinionKind>())
        {
            var existing = department.KindDeadlines.FirstOrDefault(k => k.Kind == kind);
            var days = kindDays.GetValueOrDefault(kind);
            if (days is null)
            {
                if (existing is not null)
                    department.KindDeadlines.Remove(existing);
            }
            else if (existing is not null)
            {
                existing.WorkingDays = days.Value;
            }
            else
            {
                department.KindDeadlines.Add(new DepartmentDeadline { Kind = kind, WorkingDays = days.Value });
            }
        }
    }
}

public sealed class DepartmentInput
{
    public int Id { get; set; }

    [Required(ErrorMessage = "请填写部门代码。")]
    [RegularExpression("^[a-z0-9-]+$", ErrorMessage = "部门代码只能使用小写字母、数字和连字符。")]
    [StringLength(Department.MaxCodeLength, ErrorMessage = "部门代码不能超过 {1} 个字符。")]
    public string? Code { get; set; }

    [Required(ErrorMessage = "请填写部门名称。")]
    [StringLength(Department.MaxNameLength, ErrorMessage = "部门名称不能超过 {1} 个字。")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "请填写分管领域。")]
    [StringLength(Department.MaxCategoryLength, ErrorMessage = "分管领域不能超过 {1} 个字。")]
    public string? Category { get; set; }

    [StringLength(Department.MaxDescriptionLength, ErrorMessage = "说明不能超过 {1} 个字。")]
    public string? Description { get; set; }

    [Range(Department.MinDeadlineDays, Department.MaxDeadlineDays, ErrorMessage = "办理时限应在 {1} 到 {2} 个工作日之间。")]
    public int DefaultDeadlineDays { get; set; } = 15;

    /// <summary>Working days per kind of opinion; empty means the department's default.</summary>
    public Dictionary<OpinionKind, int?> KindDays { get; set; } = [];

    public bool IsActive { get; set; } = true;

    /// <summary>The version the administrator saw; a save over a newer version is refused.</summary>
    public int Version { get; set; }

    public static DepartmentInput From(Department d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new()
        {
            Id = d.Id, Code = d.Code, Name = d.Name, Category = d.Category, Description = d.Description,
            DefaultDeadlineDays = d.DefaultDeadlineDays, IsActive = d.IsActive, Version = d.Version,
            KindDays = d.KindDeadlines.ToDictionary(k => k.Kind, k => (int?)k.WorkingDays),
        };
    }
}
