using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HiTechTex.Bot.Persistence.Migrations.PostgreSql
{
    /// <summary>
    /// The look-up column of the conversation references' Entra object ids in lower case, as the store now writes and
    /// asks it (SqlConversationReferenceStore.FindPersonalAsync): a person's chat found whatever the case of the id asked.
    /// Data only; the reference's JSON keeps the id as Teams sent it. Nothing to undo.
    /// </summary>
    public partial class ConversationReferenceAadObjectIdLowerCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "ConversationReferences" SET "UserAadObjectId" = lower("UserAadObjectId")
                WHERE "UserAadObjectId" <> lower("UserAadObjectId")
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
