using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiTechTex.Bot.Persistence.Migrations.PostgreSql
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
                    TeamId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ChannelId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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
