using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Briefings;

namespace Portal.Data.Configurations;

internal sealed class BriefingConfiguration : IEntityTypeConfiguration<Briefing>
{
    public void Configure(EntityTypeBuilder<Briefing> builder)
    {
        builder.Property(b => b.GeneratedBy).HasMaxLength(Briefing.MaxGeneratedByLength).IsRequired();
        builder.Property(b => b.ContentJson).IsRequired();
        // One briefing per period: the scheduler and a leader asking at the same moment cannot both insert.
        builder.HasIndex(b => new { b.Kind, b.PeriodStart }).IsUnique();
    }
}
