using HiTechTex.Bot.Features.Conversation;
using HiTechTex.Bot.Protocol.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace HiTechTex.Bot.Tests.Features.Conversation;

/// <summary>"delete my data": the profile is erased on request, after a question that says what goes and what stays.</summary>
public sealed class DeleteDataTests : IDisposable
{
    private readonly ConversationTestHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task DeleteMyData_Confirmed_RemovesTheStoredProfileAndTheNextMessageAsksAnew()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send("delete my data")
            .AssertReply(reply => Assert.StartsWith(ConversationTexts.En.ConfirmDeleteData, reply.Text, StringComparison.Ordinal))
            .Send("yes")
            .AssertReply(ConversationTexts.En.DataDeleted)
            .AssertNoReply()
            .StartTestAsync();

        // Deleted, not overwritten with an empty object by the end-of-turn save.
        Assert.Empty(await host.Storage.ReadAsync([ConversationTestHost.UserKey]));

        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Nice to meet you! Shall I call you Ana?")
            .StartTestAsync();
    }

    [Fact]
    public async Task DeleteMyData_Confirmed_AlsoDeletesTheUsersDialogsInGroupChatsButNobodyElses()
    {
        await host.SeedProfileAsync("en");
        var (prefix, suffix) = HiTechTex.Bot.Protocol.State.PrivateConversationState.KeysOfUser("msteams", "29:user-1");
        var mine = new[] { prefix + "19:group-a@thread.v2" + suffix, prefix + "19:team_b;messageid=1" + suffix };
        var others = new[]
        {
            prefix + "19:group-a@thread.v2/users/29:user-2",          // another member of the same group
            prefix + "19:group-a@thread.v2/users/29:user-10",         // an id that merely starts like the user's
            prefix + "19:group-a@thread.v2",                          // the group's own state
            "msteams/users/29:user-2",                                // another user's profile
        };
        await host.Storage.WriteAsync(
            mine.Concat(others).ToDictionary(k => k, _ => new HiTechTex.Bot.Protocol.State.StoreItem(System.Text.Json.JsonSerializer.SerializeToElement(new { dialogState = new { } }), null)));

        await host.Flow()
            .Send("delete my data")
            .AssertReplyContains("Delete now?")
            .Send("yes")
            .AssertReplyContains("Done:")
            .StartTestAsync();

        Assert.Empty(await host.Storage.ReadAsync(mine));
        Assert.Equal(others.Length, (await host.Storage.ReadAsync(others)).Count);
    }

    [Fact]
    public async Task DeleteMyData_TheRecordsCannotBeChecked_NothingIsDeletedAndTheNextYesDeletes()
    {
        var records = new FailingRecords();
        using var failing = new ConversationTestHost(configureServices: services => services.AddSingleton<IPersonalRecords>(records));
        await failing.SeedProfileAsync("en");
        var (prefix, suffix) = HiTechTex.Bot.Protocol.State.PrivateConversationState.KeysOfUser("msteams", "29:user-1");
        var groupDialog = prefix + "19:group-a@thread.v2" + suffix;
        await failing.Storage.WriteAsync(new Dictionary<string, HiTechTex.Bot.Protocol.State.StoreItem>
        {
            [groupDialog] = new(System.Text.Json.JsonSerializer.SerializeToElement(new { dialogState = new { } }), null),
        });
        await failing.Flow()
            .Send("delete my data")
            .AssertReplyContains("Delete now?")
            .StartTestAsync();

        // The database is down at the yes: the turn fails (the host's error message asks to try again) having deleted nothing.
        records.Fails = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.Flow().Send("yes").StartTestAsync());

        Assert.Equal(new UserProfile("Ana", "CITEVE", null, "en"), await failing.ReadProfileAsync());
        Assert.Single(await failing.Storage.ReadAsync([groupDialog]));

        // Trying again works: the question still waits, and the yes deletes it all.
        records.Fails = false;
        await failing.Flow()
            .Send("yes")
            .AssertReply(ConversationTexts.En.DataDeleted)
            .AssertNoReply()
            .StartTestAsync();
        Assert.Null(await failing.ReadProfileAsync());
        Assert.Empty(await failing.Storage.ReadAsync([groupDialog]));
    }

    [Fact]
    public async Task DeleteMyData_Declined_KeepsEverything()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send("delete my data")
            .AssertReplyContains("Delete now?")
            .Send("no")
            .AssertReply("OK, nothing was deleted.")
            .AssertNoReply()
            .StartTestAsync();

        Assert.Equal(new UserProfile("Ana", "CITEVE", null, "en"), await host.ReadProfileAsync());
    }

    [Fact]
    public async Task DeleteMyData_CancelledAtTheQuestion_KeepsEverything()
    {
        await host.SeedProfileAsync("en");

        await host.Flow()
            .Send("forget me")
            .AssertReplyContains("Delete now?")
            .Send("cancel")
            .AssertReplyContains("cancel")
            .StartTestAsync();

        Assert.NotNull(await host.ReadProfileAsync());
    }

    [Theory]
    [InlineData("borrar mis datos", "salir", "es")]
    [InlineData("borrar mis datos", "quiero salir", "es")]
    [InlineData("verilerimi sil", "çıkış", "tr")]
    [InlineData("verilerimi sil", "vazgeçtim", "tr")]
    [InlineData("smazat moje udaje", "přestaň", "cs")]
    [InlineData("delete my data", "stop it", "en")]
    public async Task DeleteMyData_CancelledAtTheQuestionInItsLanguage_KeepsEverything(string command, string cancel, string language)
    {
        // "salir", "çıkış"… cancelled with nothing in progress but were taken as no yes or no at the question.
        await host.SeedProfileAsync(language);
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send(command)
            .AssertReply(reply => Assert.StartsWith(texts.ConfirmDeleteData, reply.Text, StringComparison.Ordinal))
            .Send(cancel)
            .AssertReply(texts.Cancelled)
            .AssertNoReply()
            .StartTestAsync();

        Assert.NotNull(await host.ReadProfileAsync());
    }

    [Theory]
    [InlineData("apagar os meus dados", "pt", "Feito:")]
    [InlineData("Borrar mis datos", "es", "Hecho:")]
    [InlineData("cancella i miei dati", "it", "Fatto:")]
    [InlineData("verilerimi sil", "tr", "Tamam:")]
    [InlineData("smazat moje udaje", "cs", "Hotovo:")]
    public async Task TheCommand_InEveryLanguage_AsksInTheProfilesLanguageAndDeletes(string command, string language, string done)
    {
        await host.SeedProfileAsync(language);
        var texts = ConversationTexts.For(language);

        await host.Flow()
            .Send(command)
            .AssertReply(reply => Assert.StartsWith(texts.ConfirmDeleteData, reply.Text, StringComparison.Ordinal))
            .Send("1")
            .AssertReply(reply => Assert.StartsWith(done, reply.Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Null(await host.ReadProfileAsync());
    }

    [Fact]
    public async Task ANewUser_IsNotAskedForAProfileToDelete()
    {
        await host.Flow()
            .Send("delete my data")
            .AssertReply(ConversationTexts.En.NoDataToDelete)
            .AssertNoReply()
            .Send("hello")
            .AssertReplyContains("Nice to meet you!")
            .StartTestAsync();

        Assert.Empty(host.Recognizer.Texts);   // a command: no recognizer call either
    }

    [Fact]
    public async Task InAGroupChat_ItIsNotAskedInFrontOfTheGroup()
    {
        await host.SeedProfileAsync("en");
        var group = new ConversationAccount { Id = "19:group-1@thread.v2", ConversationType = "groupChat", IsGroup = true };

        await host.Flow()
            .Send(new Activity { Type = ActivityTypes.Message, Text = "delete my data", Conversation = group })
            .AssertReply(reply => Assert.StartsWith("<at>Ana</at> This is personal", reply.Text, StringComparison.Ordinal))
            .AssertNoReply()
            .StartTestAsync();

        Assert.NotNull(await host.ReadProfileAsync());
    }

    [Fact]
    public async Task ANewUserInAGroupChat_IsNotAskedForAProfileThereEither()
    {
        var group = new ConversationAccount { Id = "19:group-2@thread.v2", ConversationType = "groupChat", IsGroup = true };

        await host.Flow()
            .Send(new Activity { Type = ActivityTypes.Message, Text = "delete my data", Conversation = group })
            .AssertReply(reply => Assert.Contains("This is personal", reply.Text, StringComparison.Ordinal))
            .AssertNoReply()
            .StartTestAsync();

        Assert.Empty(host.Recognizer.Texts);
    }

    [Theory]
    [InlineData("delete my data")]
    [InlineData("Forget me")]
    [InlineData("borrar mis datos")]
    [InlineData("smazat moje data")]
    public async Task DuringTheFirstUseQuestions_TheCommandIsNoAnswerButTheDeletion(string command)
    {
        // Was taken as the answer to "shall I call you …?" / the name: like help and cancel it works at any point.
        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you")
            .Send(command)
            .AssertReply(ConversationTexts.En.NoDataToDelete)
            .AssertNoReply()
            .Send("hello")
            .AssertReplyContains("Shall I call you")
            .StartTestAsync();

        Assert.Null(await host.ReadProfileAsync());
    }

    [Fact]
    public async Task AtTheNameAndOrganisationQuestions_TheCommandIsNoAnswerButTheDeletion()
    {
        await host.Flow()
            .Send("hello")
            .AssertReplyContains("Shall I call you")
            .Send("no")
            .AssertReply("What name should I use?")
            .Send("delete my data")
            .AssertReply(ConversationTexts.En.NoDataToDelete)
            .AssertNoReply()
            .Send("hello")
            .AssertReplyContains("Shall I call you")
            .Send("yes")
            .AssertReply("Which organisation do you work for?")
            .Send("delete my data")
            .AssertReply(ConversationTexts.En.NoDataToDelete)
            .AssertNoReply()
            .StartTestAsync();

        Assert.Null(await host.ReadProfileAsync());
    }

    [Theory]
    [InlineData("smazat moje data")]
    [InlineData("smazat má data")]
    [InlineData("vymazat moje data")]
    [InlineData("Smazat moje údaje")]
    public async Task CzechCommonPhrasings_DeleteToo(string command)
    {
        // "smazat moje data" started the profile questions (no command): now the Czech question, and the deletion.
        await host.SeedProfileAsync("cs");

        await host.Flow()
            .Send(command)
            .AssertReply(reply => Assert.StartsWith(ConversationTexts.For("cs").ConfirmDeleteData, reply.Text, StringComparison.Ordinal))
            .Send("ano")
            .AssertReply(reply => Assert.StartsWith("Hotovo:", reply.Text, StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Null(await host.ReadProfileAsync());
    }

    [Fact]
    public void TheCommands_AreDistinctFromTheOtherCommandsAndNamedInTheHelp()
    {
        var delete = ConversationTexts.All.SelectMany(t => t.DeleteDataCommands).ToList();
        var others = ConversationTexts.All.SelectMany(t => t.ProfileCommands.Concat(t.LanguageCommands).Append(t.HelpWord)).ToList();

        Assert.Empty(delete.Intersect(others, StringComparer.OrdinalIgnoreCase));
        Assert.All(ConversationTexts.All, t => Assert.Contains($"\"{t.DeleteDataCommands[0]}\"", t.HelpCommandProfile, StringComparison.Ordinal));
    }

    /// <summary>A feature's records whose check fails (its database unreachable) while <see cref="Fails"/>; else nothing waits.</summary>
    private sealed class FailingRecords : IPersonalRecords
    {
        public bool Fails { get; set; }

        public PersonalRecordKind Kind => PersonalRecordKind.ExchangeApplication;

        public Task<bool> AwaitNoticesAsync(string? aadObjectId, string userId, CancellationToken cancellationToken) =>
            Fails ? throw new InvalidOperationException("The database is unreachable.") : Task.FromResult(false);
    }
}
