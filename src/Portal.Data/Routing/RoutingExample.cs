namespace Portal.Data.Routing;

/// <summary>
/// A labelled message imported by an administrator (historical messages of the township or bureau) for
/// training the router. Opinions that departments accepted are labelled examples too; they are read from
/// the opinions themselves and not copied here.
/// </summary>
public sealed class RoutingExample
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 5000;
    public const int MaxLabelLength = 20;
    public const int MaxSourceLength = 200;

    public int Id { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    /// <summary>The routing label: the category of the department it belongs to (e.g. 城乡建设).</summary>
    public required string Label { get; set; }

    /// <summary>The imported file's name, to show and to remove an import.</summary>
    public required string Source { get; set; }

    public DateTime ImportedAt { get; set; }
}
