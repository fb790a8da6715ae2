using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Portal.Moderation.Tests.Support;

/// <summary>A host environment whose content root (where the models folder goes) a test chooses.</summary>
public sealed class TestHostEnvironment(string contentRoot) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Testing";

    public string ApplicationName { get; set; } = "Portal.Moderation.Tests";

    public string ContentRootPath { get; set; } = contentRoot;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
