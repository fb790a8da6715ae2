using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Routing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AssignedByRouter",
                table: "Opinions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstAssignedAt",
                table: "Opinions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "InitialDepartmentId",
                table: "Opinions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReturnCount",
                table: "Opinions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SuggestedByModelVersion",
                table: "Opinions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Suggestions",
                table: "Opinions",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValueSql: "'[]'");

            migrationBuilder.CreateTable(
                name: "RoutingExamples",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoutingExamples", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoutingModels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TrainedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TrainedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ExampleCount = table.Column<int>(type: "INTEGER", nullable: false),
                    MacroF1 = table.Column<double>(type: "REAL", nullable: false),
                    Accuracy = table.Column<double>(type: "REAL", nullable: false),
                    Threshold = table.Column<float>(type: "REAL", nullable: false),
                    CoverageAtThreshold = table.Column<double>(type: "REAL", nullable: false),
                    ReportJson = table.Column<string>(type: "TEXT", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    ActivatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoutingModels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoutingSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    ThresholdOverride = table.Column<float>(type: "REAL", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoutingSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Opinions_FirstAssignedAt",
                table: "Opinions",
                column: "FirstAssignedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RoutingExamples_Source",
                table: "RoutingExamples",
                column: "Source");

            migrationBuilder.CreateIndex(
                name: "IX_RoutingModels_Version",
                table: "RoutingModels",
                column: "Version",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RoutingExamples");

            migrationBuilder.DropTable(
                name: "RoutingModels");

            migrationBuilder.DropTable(
                name: "RoutingSettings");

            migrationBuilder.DropIndex(
                name: "IX_Opinions_FirstAssignedAt",
                table: "Opinions");

            migrationBuilder.DropColumn(
                name: "AssignedByRouter",
                table: "Opinions");

            migrationBuilder.DropColumn(
                name: "FirstAssignedAt",
                table: "Opinions");

            migrationBuilder.DropColumn(
                name: "InitialDepartmentId",
                table: "Opinions");

            migrationBuilder.DropColumn(
                name: "ReturnCount",
                table: "Opinions");

            migrationBuilder.DropColumn(
                name: "SuggestedByModelVersion",
                table: "Opinions");

            migrationBuilder.DropColumn(
                name: "Suggestions",
                table: "Opinions");
        }
    }
}
