using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class PledgeEvaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OwnerUserId",
                table: "Pledges",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Score",
                table: "Pledges",
                type: "TEXT",
                precision: 5,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsBranchSecretary",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PartyBranch",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PledgeAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PledgeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReviewerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PledgeAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PledgeAssessments_Pledges_PledgeId",
                        column: x => x.PledgeId,
                        principalTable: "Pledges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PledgeEvaluationRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedByName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Formula = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PledgeEvaluationRounds", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Pledges_OwnerUserId",
                table: "Pledges",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PartyBranch",
                table: "AspNetUsers",
                column: "PartyBranch");

            migrationBuilder.CreateIndex(
                name: "IX_PledgeAssessments_PledgeId_Kind_ReviewerUserId",
                table: "PledgeAssessments",
                columns: new[] { "PledgeId", "Kind", "ReviewerUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PledgeEvaluationRounds_Year",
                table: "PledgeEvaluationRounds",
                column: "Year",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PledgeAssessments");

            migrationBuilder.DropTable(
                name: "PledgeEvaluationRounds");

            migrationBuilder.DropIndex(
                name: "IX_Pledges_OwnerUserId",
                table: "Pledges");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_PartyBranch",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "OwnerUserId",
                table: "Pledges");

            migrationBuilder.DropColumn(
                name: "Score",
                table: "Pledges");

            migrationBuilder.DropColumn(
                name: "IsBranchSecretary",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "PartyBranch",
                table: "AspNetUsers");
        }
    }
}
