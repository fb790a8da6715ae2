using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Moderation.Analysis;
using Portal.Moderation.Analysis.Briefings;
using Portal.Moderation.Departments;
using Portal.Moderation.Exports;
using Portal.Moderation.History;
using Portal.Moderation.HotIssues;
using Portal.Moderation.Opinions;
using Portal.Moderation.Pledges;
using Portal.Moderation.Receptions;
using Portal.Moderation.Routing;
using Portal.Moderation.Seeding;
using Portal.Moderation.Staff;
using Portal.Moderation.Supervision;

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
        // A background job that fails (briefings, hot issues, supervision, training) is logged and stops alone:
        // it never takes the portal, and so the opinion box, down with it.
        builder.Services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
        builder.Services.AddSingleton<WorkingCalendarStore>();
        builder.Services.AddSingleton<DeadlinePolicy>();
        builder.Services.AddSingleton<OpinionNotifier>();
        builder.Services.AddSingleton<StaffAudit>();
        builder.Services.AddOptions<RoutingOptions>()
            .BindConfiguration(RoutingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ReceptionOptions>()
            .BindConfiguration(ReceptionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<PledgeOptions>()
            .BindConfiguration(PledgeOptions.SectionName)
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
        builder.Services.AddScoped<OpinionHistoryImporter>();
        builder.Services.AddScoped<OpinionLedgerExporter>();
        builder.Services.AddScoped<PledgeService>();
        builder.Services.AddScoped<PledgeQueries>();
        builder.Services.AddScoped<PledgeEvaluationService>();
        builder.Services.AddScoped<PledgeEvaluationQueries>();
        builder.Services.AddScoped<PledgeLedger>();
        builder.Services.AddScoped<DepartmentService>();
        builder.Services.AddSingleton<DepartmentCatalog>();
        builder.Services.AddSingleton<PublishedListCounts>();
        builder.Services.AddSingleton<Portal.Data.PublicContent.IPublicContentListener>(sp => sp.GetRequiredService<PublishedListCounts>());
        builder.Services.AddSingleton<Portal.Data.PublicContent.IPublicContentListener, DepartmentCatalogEviction>();
        builder.Services.AddScoped<StaffAdminService>();
        builder.Services.AddScoped<StaffTwoFactorService>();
        builder.Services.AddScoped<IdentitySetup>();
        builder.Services.AddScoped<ReceptionQueries>();
        builder.Services.AddScoped<ReceptionBookingService>();
        builder.Services.AddScoped<ReceptionAdminService>();
        builder.Services.AddScoped<ReceptionCalendar>();
        builder.Services.AddScoped<ReceptionDirectoryService>();
        builder.Services.AddScoped<InterviewRecordService>();
        builder.Services.AddScoped<ReceptionFrequencyService>();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<StatisticsQueries>();
        builder.Services.AddScoped<PublicStatisticsQueries>();
        builder.Services.AddScoped<BriefingService>();
        builder.Services.AddScoped<IBriefingHotIssueSource, HotIssueBriefingSource>();
        builder.Services.AddOptions<BriefingOptions>()
            .BindConfiguration(BriefingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHostedService<BriefingScheduler>();
        builder.Services.AddScoped<DemoDataSeeder>();
        builder.Services.AddScoped<ReceptionDemoSeeder>();
        builder.Services.AddScoped<ReceptionRecordsDemoSeeder>();
        builder.Services.AddScoped<PledgeEvaluationDemoSeeder>();
        builder.AddSupervision();
        builder.Services.AddOptions<HotIssueOptions>()
            .BindConfiguration(HotIssueOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<HotIssueGrouping>();
        builder.Services.AddHostedService<HotIssueGroupingWorker>();
        builder.Services.AddScoped<HotIssueQueries>();
        builder.Services.AddScoped<HotIssueService>();
        builder.Services.AddScoped<SpikeDetector>();
        builder.Services.AddScoped<SupportService>();
        builder.Services.AddScoped<HotIssueDemoSeeder>();
        return builder;
    }

    /// <summary>Working-day calendar, escalation rules and their background pass, extension requests.</summary>
    private static void AddSupervision(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SupervisionOptions>()
            .BindConfiguration(SupervisionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<CalendarSeeder>();
        builder.Services.AddScoped<CalendarAdminService>();
        builder.Services.AddScoped<SupervisionService>();
        builder.Services.AddScoped<SupervisionQueries>();
        builder.Services.AddScoped<ExtensionService>();
        builder.Services.AddScoped<SupervisionDemoSeeder>();
        builder.Services.AddHostedService<SupervisionWorker>();
    }
}
