using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Data.Briefings;
using Portal.Data.Departments;
using Portal.Data.HotIssues;
using Portal.Data.Opinions;
using Portal.Data.Pledges;
using Portal.Data.Receptions;
using Portal.Data.Routing;
using Portal.Data.Staff;
using Portal.Data.Supervision;

namespace Portal.Data;

public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Opinion> Opinions => Set<Opinion>();

    public DbSet<OpinionEvent> OpinionEvents => Set<OpinionEvent>();

    public DbSet<HandlingResult> HandlingResults => Set<HandlingResult>();

    public DbSet<Satisfaction> Satisfactions => Set<Satisfaction>();

    public DbSet<OpinionImportBatch> OpinionImportBatches => Set<OpinionImportBatch>();

    public DbSet<Pledge> Pledges => Set<Pledge>();

    public DbSet<PledgeEvent> PledgeEvents => Set<PledgeEvent>();

    public DbSet<PledgeProgress> PledgeProgress => Set<PledgeProgress>();

    public DbSet<PledgeRating> PledgeRatings => Set<PledgeRating>();

    public DbSet<PledgeAssessment> PledgeAssessments => Set<PledgeAssessment>();

    public DbSet<PledgeEvaluationRound> PledgeEvaluationRounds => Set<PledgeEvaluationRound>();

    public DbSet<RoutingModel> RoutingModels => Set<RoutingModel>();

    public DbSet<RoutingExample> RoutingExamples => Set<RoutingExample>();

    public DbSet<RoutingSettings> RoutingSettings => Set<RoutingSettings>();

    public DbSet<ReceptionHost> ReceptionHosts => Set<ReceptionHost>();

    public DbSet<DeputyStudio> DeputyStudios => Set<DeputyStudio>();

    public DbSet<ReceptionSession> ReceptionSessions => Set<ReceptionSession>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<InterviewRecord> InterviewRecords => Set<InterviewRecord>();

    public DbSet<HouseholdVisit> HouseholdVisits => Set<HouseholdVisit>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();

    public DbSet<SupervisionNotice> SupervisionNotices => Set<SupervisionNotice>();

    public DbSet<DeadlineExtension> DeadlineExtensions => Set<DeadlineExtension>();

    public DbSet<OpinionSupport> OpinionSupports => Set<OpinionSupport>();

    public DbSet<HotIssueGroup> HotIssueGroups => Set<HotIssueGroup>();

    public DbSet<HotIssueMember> HotIssueMembers => Set<HotIssueMember>();

    public DbSet<HotIssueEvent> HotIssueEvents => Set<HotIssueEvent>();
    public DbSet<Briefing> Briefings => Set<Briefing>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardAppendOnlyHistory();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardAppendOnlyHistory();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Every time is stored as UTC and read back as UTC, whatever the provider.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>The case file (history, answers, ratings, interview records) and the pledge and hot-issue histories are never edited.</summary>
    private void GuardAppendOnlyHistory()
    {
        foreach (var entry in ChangeTracker.Entries<OpinionEvent>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("The case history is append-only: an OpinionEvent cannot be changed or deleted.");
        }

        foreach (var entry in ChangeTracker.Entries<PledgeEvent>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("The pledge history is append-only: a PledgeEvent cannot be changed or deleted.");
        }

        // 接谈记录 belong to the audit trail: only the link to the opinion made from them may be set later.
        foreach (var entry in ChangeTracker.Entries<InterviewRecord>())
        {
            if (entry.State == EntityState.Deleted
                || (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified
                    && p.Metadata.Name is not (nameof(InterviewRecord.OpinionId) or nameof(InterviewRecord.OpinionLinkedAt)))))
                throw new InvalidOperationException("Interview records are append-only: only the linked opinion may be set.");
        }

        // The department's answer is kept as written; only its public version is set at publication.
        foreach (var entry in ChangeTracker.Entries<HandlingResult>())
        {
            if (entry.State == EntityState.Deleted
                || (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(HandlingResult.PublicReply))))
                throw new InvalidOperationException("Handling results are append-only: only the public reply may be set.");
        }

        foreach (var entry in ChangeTracker.Entries<Satisfaction>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("Ratings are append-only: a Satisfaction cannot be changed or deleted.");
        }

        foreach (var entry in ChangeTracker.Entries<HotIssueEvent>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("The hot-issue history is append-only: a HotIssueEvent cannot be changed or deleted.");
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
