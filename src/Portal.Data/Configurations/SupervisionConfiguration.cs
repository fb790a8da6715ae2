using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Departments;
using Portal.Data.Opinions;
using Portal.Data.Supervision;

namespace Portal.Data.Configurations;

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Name).HasMaxLength(CalendarDay.MaxNameLength).IsRequired();
        builder.Property(d => d.Version).IsConcurrencyToken();
    }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> builder)
    {
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
        builder.Property(y => y.Source).HasMaxLength(CalendarYear.MaxSourceLength).IsRequired();
    }
}

internal sealed class SupervisionNoticeConfiguration : IEntityTypeConfiguration<SupervisionNotice>
{
    public void Configure(EntityTypeBuilder<SupervisionNotice> builder)
    {
        builder.Property(n => n.ClearReason).HasMaxLength(SupervisionNotice.MaxReasonLength);
        builder.HasOne<Opinion>().WithMany().HasForeignKey(n => n.OpinionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(n => n.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(n => n.IsOpen);
        // One notice per step: the same opinion, department, deadline and level can never be issued twice.
        builder.HasIndex(n => new { n.OpinionId, n.DepartmentId, n.Deadline, n.Level }).IsUnique();
        builder.HasIndex(n => n.ClearedAt);
    }
}

internal sealed class DeadlineExtensionConfiguration : IEntityTypeConfiguration<DeadlineExtension>
{
    public void Configure(EntityTypeBuilder<DeadlineExtension> builder)
    {
        builder.Property(e => e.RequestedById).HasMaxLength(450);
        builder.Property(e => e.RequestedByName).HasMaxLength(Opinion.MaxNameLength).IsRequired();
        builder.Property(e => e.DecidedById).HasMaxLength(450);
        builder.Property(e => e.DecidedByName).HasMaxLength(Opinion.MaxNameLength);
        builder.Property(e => e.Reason).HasMaxLength(DeadlineExtension.MaxReasonLength).IsRequired();
        builder.Property(e => e.DecisionComment).HasMaxLength(DeadlineExtension.MaxCommentLength);
        // Two leaders deciding at once: only the first decision is saved.
        builder.Property(e => e.Status).IsConcurrencyToken();
        builder.HasOne<Opinion>().WithMany().HasForeignKey(e => e.OpinionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(e => e.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        // At most one pending request per opinion.
        builder.HasIndex(e => e.OpinionId).IsUnique().HasFilter("\"Status\" = 0").HasDatabaseName("IX_DeadlineExtensions_OnePending");
        builder.HasIndex(e => new { e.OpinionId, e.RequestedAt });
    }
}
