using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Briefings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Briefings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GeneratedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GeneratedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Briefings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Satisfactions_RatedAt",
                table: "Satisfactions",
                column: "RatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Opinions_Dashboard_Completed",
                table: "Opinions",
                columns: new[] { "CompletedAt", "Status", "Deadline", "CreatedAt", "DepartmentId", "Kind", "Channel", "Area" });

            migrationBuilder.CreateIndex(
                name: "IX_Opinions_Dashboard_Received",
                table: "Opinions",
                columns: new[] { "CreatedAt", "DepartmentId", "Kind", "Channel", "Area" });

            migrationBuilder.CreateIndex(
                name: "IX_Opinions_RegisteredAt",
                table: "Opinions",
                column: "RegisteredAt");

            migrationBuilder.CreateIndex(
                name: "IX_Opinions_Status_Deadline",
                table: "Opinions",
                columns: new[] { "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_Briefings_Kind_PeriodStart",
                table: "Briefings",
                columns: new[] { "Kind", "PeriodStart" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Briefings");

            migrationBuilder.DropIndex(
                name: "IX_Satisfactions_RatedAt",
                table: "Satisfactions");

            migrationBuilder.DropIndex(
                name: "IX_Opinions_Dashboard_Completed",
                table: "Opinions");

            migrationBuilder.DropIndex(
                name: "IX_Opinions_Dashboard_Received",
                table: "Opinions");

            migrationBuilder.DropIndex(
                name: "IX_Opinions_RegisteredAt",
                table: "Opinions");

            migrationBuilder.DropIndex(
                name: "IX_Opinions_Status_Deadline",
                table: "Opinions");
        }
    }
}
