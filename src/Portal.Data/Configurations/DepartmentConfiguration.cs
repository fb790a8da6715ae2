using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.Departments;
using Portal.Data.Pledges;
using Portal.Data.Staff;

namespace Portal.Data.Configurations;

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.Property(d => d.Code).HasMaxLength(Department.MaxCodeLength);
        builder.Property(d => d.Name).HasMaxLength(Department.MaxNameLength);
        builder.Property(d => d.Category).HasMaxLength(Department.MaxCategoryLength);
        builder.Property(d => d.Description).HasMaxLength(Department.MaxDescriptionLength);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.HasIndex(d => d.Name).IsUnique();
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.OwnsMany(d => d.KindDeadlines, k =>
        {
            k.ToTable("DepartmentDeadlines");
            k.WithOwner().HasForeignKey("DepartmentId");
            k.HasKey("DepartmentId", nameof(DepartmentDeadline.Kind));
        });
    }
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(StaffUser.MaxDisplayNameLength);
        builder.Property(u => u.PartyBranch).HasMaxLength(Pledge.MaxBranchLength);
        builder.HasIndex(u => u.PartyBranch);
        builder.HasOne(u => u.Department).WithMany().HasForeignKey(u => u.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
