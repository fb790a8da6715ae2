namespace Portal.Moderation.Routing;

/// <summary>One labelled message: the text a resident wrote and the routing label (department category).</summary>
public sealed record LabelledMessage(string Title, string Body, string Label);
