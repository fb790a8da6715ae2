using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Routing;

namespace Portal.Data.Configurations;

internal sealed class RoutingModelConfiguration : IEntityTypeConfiguration<RoutingModel>
{
    public void Configure(EntityTypeBuilder<RoutingModel> builder)
    {
        builder.Property(m => m.FileName).HasMaxLength(RoutingModel.MaxFileNameLength).IsRequired();
        builder.Property(m => m.TrainedBy).HasMaxLength(RoutingModel.MaxTrainedByLength).IsRequired();
        builder.Property(m => m.ReportJson).IsRequired();
        builder.HasIndex(m => m.Version).IsUnique();
    }
}

internal sealed class RoutingExampleConfiguration : IEntityTypeConfiguration<RoutingExample>
{
    public void Configure(EntityTypeBuilder<RoutingExample> builder)
    {
        builder.Property(e => e.Title).HasMaxLength(RoutingExample.MaxTitleLength).IsRequired();
        builder.Property(e => e.Body).HasMaxLength(RoutingExample.MaxBodyLength).IsRequired();
        builder.Property(e => e.Label).HasMaxLength(RoutingExample.MaxLabelLength).IsRequired();
        builder.Property(e => e.Source).HasMaxLength(RoutingExample.MaxSourceLength).IsRequired();
        builder.HasIndex(e => e.Source);
    }
}

internal sealed class RoutingSettingsConfiguration : IEntityTypeConfiguration<RoutingSettings>
{
    public void Configure(EntityTypeBuilder<RoutingSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
