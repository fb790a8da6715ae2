using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Moderation.Analysis;
using Portal.Moderation.Analysis.Briefings;
using Portal.Moderation.Departments;
using Portal.Moderation.Opinions;
using Portal.Moderation.Pledges;
using Portal.Moderation.Receptions;
using Portal.Moderation.Routing;
using Portal.Moderation.Seeding;
using Portal.Moderation.Staff;

namespace Portal.Moderation;

public static class ModerationExtensions
{
    /// <summary>Registers the workflow, queries, the department router and its registry, and the demo seeder.</summary>
    public static IHostApplicationBuilder AddPortalModeration(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<WorkflowOptions>()
            .BindConfiguration(WorkflowOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DeadlinePolicy>();
        builder.Services.AddSingleton<OpinionNotifier>();
        builder.Services.AddOptions<RoutingOptions>()
            .BindConfiguration(RoutingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ReceptionOptions>()
            .BindConfiguration(ReceptionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<RouterHost>();
        builder.Services.AddSingleton<RoutingCatalog>();
        builder.Services.AddSingleton<RouterRegistry>();
        builder.Services.AddSingleton<RouterTrainingJob>();
        builder.Services.AddSingleton<AutoAssignPolicy>();
        builder.Services.AddSingleton<IDepartmentRouter, MlDepartmentRouter>();
        builder.Services.AddScoped<RoutingAdminService>();
        builder.Services.AddScoped<OpinionWorkflowService>();
        builder.Services.AddScoped<OpinionQueries>();
        builder.Services.AddScoped<PledgeService>();
        builder.Services.AddScoped<PledgeQueries>();
        builder.Services.AddScoped<DepartmentService>();
        builder.Services.AddScoped<StaffAdminService>();
        builder.Services.AddScoped<IdentitySetup>();
        builder.Services.AddScoped<ReceptionQueries>();
        builder.Services.AddScoped<ReceptionBookingService>();
        builder.Services.AddScoped<ReceptionAdminService>();
        builder.Services.AddScoped<ReceptionCalendar>();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<StatisticsQueries>();
        builder.Services.AddScoped<PublicStatisticsQueries>();
        builder.Services.AddScoped<BriefingService>();
        // The hot-issue feature replaces this with its own source (ADR-009).
        builder.Services.AddSingleton<IBriefingHotIssueSource, NoBriefingHotIssues>();
        builder.Services.AddOptions<BriefingOptions>()
            .BindConfiguration(BriefingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHostedService<BriefingScheduler>();
        builder.Services.AddScoped<DemoDataSeeder>();
        builder.Services.AddScoped<ReceptionDemoSeeder>();
        return builder;
    }
}
