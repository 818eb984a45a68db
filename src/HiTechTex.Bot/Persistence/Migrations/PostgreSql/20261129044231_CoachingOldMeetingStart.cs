using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiTechTex.Bot.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CoachingOldMeetingStart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "GraphEventStartsAt",
                table: "CoachingSessions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SyncErrorMeetingStartsAt",
                table: "CoachingSessions",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EventStartsAt",
                table: "CoachingOutbox",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "GraphEventStartsAt",
                table: "CoachingSessions");

            migrationBuilder.DropColumn(
                name: "SyncErrorMeetingStartsAt",
                table: "CoachingSessions");

            migrationBuilder.DropColumn(
                name: "EventStartsAt",
                table: "CoachingOutbox");
        }
    }
}
