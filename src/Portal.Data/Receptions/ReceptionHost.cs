namespace Portal.Data.Receptions;

/// <summary>A leader or deputy who receives residents; name, post and responsibilities are announced with each session.</summary>
public sealed class ReceptionHost
{
    public const int MaxNameLength = 50;
    public const int MaxPostLength = 100;
    public const int MaxResponsibilitiesLength = 500;

    private ReceptionHost()
    {
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>职务.</summary>
    public string Post { get; private set; } = "";

    /// <summary>分管工作.</summary>
    public string Responsibilities { get; private set; } = "";

    public ReceptionHostKind Kind { get; private set; }

    /// <summary>How many receptions a year the local measures require of this host (e.g. 2 for a deputy).</summary>
    public int RequiredReceptionsPerYear { get; private set; }

    public bool IsActive { get; private set; } = true;

    public static ReceptionHost Create(string name, string post, string responsibilities, ReceptionHostKind kind, int requiredReceptionsPerYear)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(post);
        if (!Enum.IsDefined(kind))
            throw new ArgumentOutOfRangeException(nameof(kind));
        ArgumentOutOfRangeException.ThrowIfNegative(requiredReceptionsPerYear);
        return new ReceptionHost
        {
            Name = name,
            Post = post,
            Responsibilities = responsibilities ?? "",
            Kind = kind,
            RequiredReceptionsPerYear = requiredReceptionsPerYear,
        };
    }
}
