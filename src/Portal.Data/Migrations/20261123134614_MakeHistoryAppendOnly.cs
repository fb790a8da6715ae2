using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <summary>
    /// The case history is append-only in the database too, not only in the DbContext: triggers refuse any
    /// UPDATE or DELETE of an OpinionEvents row (raw SQL and bulk updates included).
    /// </summary>
    public partial class MakeHistoryAppendOnly : Migration
    {
        private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider != Sqlite)
                return;
            migrationBuilder.Sql("""
                CREATE TRIGGER OpinionEvents_NoUpdate BEFORE UPDATE ON OpinionEvents
                BEGIN SELECT RAISE(ABORT, 'The case history is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER OpinionEvents_NoDelete BEFORE DELETE ON OpinionEvents
                BEGIN SELECT RAISE(ABORT, 'The case history is append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider != Sqlite)
                return;
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS OpinionEvents_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS OpinionEvents_NoDelete;");
        }
    }
}
