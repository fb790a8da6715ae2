using System.ComponentModel.DataAnnotations;

namespace Portal.Moderation.Routing;

/// <summary>The "Routing" configuration section.</summary>
public sealed class RoutingOptions
{
    public const string SectionName = "Routing";

    /// <summary>Folder of the model files (relative paths are under the content root).</summary>
    [Required]
    public string ModelsPath { get; set; } = "App_Data/models";

    /// <summary>At start-up without any model, train one from the seed corpus and history (a few seconds).</summary>
    public bool TrainAtFirstStart { get; set; } = true;

    /// <summary>Include the built-in seed corpus when administrators retrain.</summary>
    public bool IncludeSeedCorpus { get; set; } = true;
}
