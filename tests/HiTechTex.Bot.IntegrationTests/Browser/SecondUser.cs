namespace HiTechTex.Bot.IntegrationTests.Browser;

/// <summary>
/// The second Teams user of the browser journeys (a cluster manager), as the Agents Playground's
/// <c>.m365agentsplayground.yml</c> describes them. Unlike the Playground's built-in mock users, whose object ids have
/// one digit too many for a GUID, this one has a real GUID: the bot's role configuration only accepts those.
/// </summary>
internal static class SecondUser
{
    public const string Id = "user-id-manager";

    public const string Name = "Megan Bowen";

    public const string AadObjectId = "00000000-0000-0000-0000-000000000021";

    /// <summary>
    /// The yml of the manager's Playground: same tenant and bot as the default user's Playground, the manager as the
    /// current user and the default user plus four colleagues listed (the Playground
    /// requires at least five other users).
    /// </summary>
    public static string PlaygroundConfigYaml(string tenantId, string botId) => $"""
        version: "0.1.1"
        tenantId: {tenantId}
        bot:
          id: {botId}
          name: Test Bot
        currentUser:
          id: {Id}
          name: {Name}
          userPrincipleName: meganb@example.com
          aadObjectId: {AadObjectId}
          givenName: Megan
          surname: Bowen
          email: meganb@example.com
        users:
          - id: {Playground.PlaygroundSession.UserId}
            name: Alex Wilber
            userPrincipleName: alexw@example.com
            aadObjectId: {Playground.PlaygroundSession.UserAadObjectId}
            givenName: Alex
            surname: Wilber
            email: alexw@example.com
          - id: user-id-2
            name: Adele Vance
            userPrincipleName: adele@example.com
            aadObjectId: 00000000-0000-0000-0000-000000000022
            givenName: Adele
            surname: Vance
            email: adele@example.com
          - id: user-id-3
            name: Isaiah Langer
            userPrincipleName: isaiah@example.com
            aadObjectId: 00000000-0000-0000-0000-000000000023
            givenName: Isaiah
            surname: Langer
            email: isaiah@example.com
          - id: user-id-4
            name: Patti Fernandez
            userPrincipleName: patti@example.com
            aadObjectId: 00000000-0000-0000-0000-000000000024
            givenName: Patti
            surname: Fernandez
            email: patti@example.com
          - id: user-id-5
            name: Lynne Robbins
            userPrincipleName: lynne@example.com
            aadObjectId: 00000000-0000-0000-0000-000000000025
            givenName: Lynne
            surname: Robbins
            email: lynne@example.com
        personalChat:
          id: __PERSONAL_CHAT_ID__
        groupChat:
          id: __GROUP_CHAT_ID__
          name: Group Chat
        team:
          id: team-id
          name: My Team
          aadGroupId: 00000000-0000-0000-0000-000000000031
          channels:
            - id: channel-announcements-id
              name: Announcements

        """;
}
