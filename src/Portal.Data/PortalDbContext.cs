using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Data.Briefings;
using Portal.Data.Departments;
using Portal.Data.Opinions;
using Portal.Data.Pledges;
using Portal.Data.Receptions;
using Portal.Data.Routing;
using Portal.Data.Staff;

namespace Portal.Data;

public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Opinion> Opinions => Set<Opinion>();

    public DbSet<OpinionEvent> OpinionEvents => Set<OpinionEvent>();

    public DbSet<HandlingResult> HandlingResults => Set<HandlingResult>();

    public DbSet<Satisfaction> Satisfactions => Set<Satisfaction>();

    public DbSet<Pledge> Pledges => Set<Pledge>();

    public DbSet<PledgeEvent> PledgeEvents => Set<PledgeEvent>();

    public DbSet<PledgeProgress> PledgeProgress => Set<PledgeProgress>();

    public DbSet<PledgeRating> PledgeRatings => Set<PledgeRating>();

    public DbSet<RoutingModel> RoutingModels => Set<RoutingModel>();

    public DbSet<RoutingExample> RoutingExamples => Set<RoutingExample>();

    public DbSet<RoutingSettings> RoutingSettings => Set<RoutingSettings>();

    public DbSet<ReceptionHost> ReceptionHosts => Set<ReceptionHost>();

    public DbSet<DeputyStudio> DeputyStudios => Set<DeputyStudio>();

    public DbSet<ReceptionSession> ReceptionSessions => Set<ReceptionSession>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

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

    /// <summary>The case and pledge histories are never edited: refuse any update or delete of an event.</summary>
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
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
