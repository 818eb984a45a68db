using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiTechTex.Bot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddTeamConversations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TeamConversations",
                columns: table => new
                {
                    TeamId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamConversations", x => new { x.TeamId, x.ConversationId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TeamConversations");
        }
    }
}
