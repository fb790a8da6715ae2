using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Pledges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Pledges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Branch = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    FulfilmentNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Grade = table.Column<int>(type: "INTEGER", nullable: true),
                    LeaderComment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FulfilledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EvaluatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pledges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PledgeEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PledgeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    FromStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    ToStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PledgeEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PledgeEvents_Pledges_PledgeId",
                        column: x => x.PledgeId,
                        principalTable: "Pledges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PledgeProgress",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PledgeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PledgeProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PledgeProgress_Pledges_PledgeId",
                        column: x => x.PledgeId,
                        principalTable: "Pledges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PledgeRatings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PledgeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DeviceTokenHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    RatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PledgeRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PledgeRatings_Pledges_PledgeId",
                        column: x => x.PledgeId,
                        principalTable: "Pledges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PledgeEvents_PledgeId_OccurredAt",
                table: "PledgeEvents",
                columns: new[] { "PledgeId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PledgeProgress_PledgeId_Date",
                table: "PledgeProgress",
                columns: new[] { "PledgeId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_PledgeRatings_PledgeId_DeviceTokenHash",
                table: "PledgeRatings",
                columns: new[] { "PledgeId", "DeviceTokenHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Pledges_Status_DueDate",
                table: "Pledges",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Pledges_Year_Branch",
                table: "Pledges",
                columns: new[] { "Year", "Branch" });

            // The pledge history is append-only in the database too (raw SQL and bulk updates included).
            if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("""
                    CREATE TRIGGER PledgeEvents_NoUpdate BEFORE UPDATE ON PledgeEvents
                    BEGIN SELECT RAISE(ABORT, 'The pledge history is append-only'); END;
                    """);
                migrationBuilder.Sql("""
                    CREATE TRIGGER PledgeEvents_NoDelete BEFORE DELETE ON PledgeEvents
                    BEGIN SELECT RAISE(ABORT, 'The pledge history is append-only'); END;
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
            {
                migrationBuilder.Sql("DROP TRIGGER IF EXISTS PledgeEvents_NoUpdate;");
                migrationBuilder.Sql("DROP TRIGGER IF EXISTS PledgeEvents_NoDelete;");
            }

            migrationBuilder.DropTable(
                name: "PledgeEvents");

            migrationBuilder.DropTable(
                name: "PledgeProgress");

            migrationBuilder.DropTable(
                name: "PledgeRatings");

            migrationBuilder.DropTable(
                name: "Pledges");
        }
    }
}
