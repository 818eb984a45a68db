using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiTechTex.Bot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoachingEventMailbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "GraphEventMailbox",
                table: "CoachingSessions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EventId",
                table: "CoachingOutbox",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Mailbox",
                table: "CoachingOutbox",
                type: "TEXT",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "GraphEventMailbox",
                table: "CoachingSessions");

            migrationBuilder.DropColumn(
                name: "EventId",
                table: "CoachingOutbox");

            migrationBuilder.DropColumn(
                name: "Mailbox",
                table: "CoachingOutbox");
        }
    }
}
