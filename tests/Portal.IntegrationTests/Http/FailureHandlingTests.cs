using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.IntegrationTests.Infrastructure;

namespace Portal.IntegrationTests.Http;

[Collection(PortalCollection.Name)]
public sealed class FailureHandlingTests(PortalAppFactory app)
{
    [Fact]
    public async Task UnexpectedError_ShowsFriendlyPageWithRequestId_AndNoStackTrace()
    {
        using var failing = app.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.AddSingleton<IStartupFilter>(new ThrowingEndpointFilter())));

        var response = await failing.CreateClient().GetAsync("/test/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("抱歉，系统出了点问题", html, StringComparison.Ordinal);
        Assert.Contains("错误编号", html, StringComparison.Ordinal);
        Assert.DoesNotContain("secret detail", html, StringComparison.Ordinal);
        Assert.DoesNotContain("at Portal", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_NeverLogsWhatTheResidentWrote_OrTheirContact()
    {
        var sink = new CapturingLoggerProvider();
        using var logged = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(sink)));
        var client = logged.CreateClient();

        var response = await client.PostFormAsync("/opinions/new", "submit-opinion", new Dictionary<string, string>
        {
            ["Model.Kind"] = "Complaint",
            ["Model.Title"] = "日志里不该出现的标题",
            ["Model.Body"] = "日志里不该出现的正文，我的身份证号是 110101199003071234。",
            ["Model.ResidentName"] = "欧阳明月",
            ["Model.ResidentContact"] = "13611112222",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(sink.Entries.Select(e => e.ToString()), m => m.Contains("submitted through", StringComparison.Ordinal));
        foreach (var secret in new[] { "日志里不该出现", "110101199003071234", "欧阳明月", "13611112222" })
            Assert.DoesNotContain(sink.Entries.Select(e => e.ToString()), m => m.Contains(secret, StringComparison.Ordinal));
    }

    private sealed class ThrowingEndpointFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/test/boom", b => b.Run(_ => throw new InvalidOperationException("secret detail")));
        };
    }
}
