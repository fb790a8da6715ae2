namespace Portal.Moderation.Routing;

/// <summary>A label with the model's probability for it.</summary>
public sealed record RankedLabel(string Label, float Confidence);

/// <summary>All labels ranked by the model's probability, best first.</summary>
public sealed record RoutingPrediction(IReadOnlyList<RankedLabel> Ranked)
{
    public RankedLabel Best => Ranked[0];
}
