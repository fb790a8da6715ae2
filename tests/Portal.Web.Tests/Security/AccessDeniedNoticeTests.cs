using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Web.Components.Shared;
using Portal.Web.Security;

namespace Portal.Web.Tests.Security;

/// <summary>A page refused inside the circuit (no HTTP request, so no cookie event) is audited all the same.</summary>
public sealed class AccessDeniedNoticeTests() : PortalTestContext(services => services
    .AddSingleton(TimeProvider.System)
    .AddSingleton<ILoggerFactory>(LoggerFactory.Create(logging => logging.AddProvider(Lines))))
{
    private static readonly LineCollector Lines = new();

    [Fact]
    public void ARefusedPageInTheCircuit_TellsTheStaffMember_AndLogsAccessDenied()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/staff/admin/users?tab=1");
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "handler-health")], "test"));

        var cut = Render<AccessDeniedNotice>(p => p.AddCascadingValue(Task.FromResult(new AuthenticationState(user))));

        Assert.Contains("没有访问此页面的权限", cut.Markup, StringComparison.Ordinal);
        Assert.Contains(Lines.Entries, e => e.Category == SecurityAudit.Category && e.EventId == 9004
            && e.Message.Contains("actor=handler-health", StringComparison.Ordinal) && e.Message.EndsWith("path=/staff/admin/users", StringComparison.Ordinal));
    }

    private sealed class LineCollector : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, int EventId, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Line(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Line(string category, ConcurrentQueue<(string, int, string)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((category, eventId.Id, formatter(state, exception)));
        }
    }
}
