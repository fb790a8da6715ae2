namespace Portal.Data.Departments;

/// <summary>A responsible department (承办部门 / 责任单位).</summary>
public sealed class Department
{
    public const int MaxCodeLength = 32;
    public const int MaxNameLength = 50;
    public const int MaxCategoryLength = 20;
    public const int MaxDescriptionLength = 500;
    public const int MinDeadlineDays = 1;
    public const int MaxDeadlineDays = 90;

    public int Id { get; set; }

    /// <summary>Short stable code, e.g. "urban-construction".</summary>
    public required string Code { get; set; }

    /// <summary>The full name, e.g. 住房和城乡建设局.</summary>
    public required string Name { get; set; }

    /// <summary>The area of work it answers for, e.g. 城乡建设 (also the router's label).</summary>
    public required string Category { get; set; }

    public string? Description { get; set; }

    /// <summary>Working days allowed to complete an assigned opinion (办理时限), unless its kind has its own.</summary>
    public int DefaultDeadlineDays { get; set; } = 15;

    public bool IsActive { get; set; } = true;

    /// <summary>Per-kind time limits in working days, overriding <see cref="DefaultDeadlineDays"/>.</summary>
    public List<DepartmentDeadline> KindDeadlines { get; set; } = [];

    /// <summary>Concurrency token: bumped by every edit, so that two administrators cannot overwrite each other.</summary>
    public int Version { get; private set; }

    /// <summary>Records an edit (the save then fails if someone else saved this department meanwhile).</summary>
    public void MarkEdited() => Version++;
}
